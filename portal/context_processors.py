"""Template context every page needs: the plan's name and how to reach member services; on member
pages, the member area's navigation and the page's tabs, from what each app declares."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string

from portal.accessibility import GRAYSCALE_COOKIE, TEXT_SIZE_COOKIE, TEXT_SIZES, html_classes
from portal.plans import plan_context
from portal.registry import feature_enabled, header_items, member_tabs, navigation_context


class _Features:
    """`{% if features.profile_editing %}`: whether the plan's profile turns a feature on."""

    def __getitem__(self, feature: str) -> bool:
        return feature_enabled(feature)


def plan(request: HttpRequest) -> dict[str, object]:
    return {**plan_context(settings.PLAN), "features": _Features()}


def member_area(request: HttpRequest) -> dict[str, object]:
    """Navigation, tabs and header links for a member page (one that `member_required` let through)."""
    member = getattr(request, "member", None)
    if member is None:
        return {}
    return {
        **navigation_context(request.path_info),
        "header_items": [
            {"template": item.template, "item": import_string(item.context)(member=member)}
            for item in header_items()
        ],
        **member_tabs(request.path_info),
    }


def accessibility(request: HttpRequest) -> dict[str, object]:
    """The member's Accessibility Tools choices (portal/accessibility.py), for <html> and the header."""
    size = request.COOKIES.get(TEXT_SIZE_COOKIE, "a")
    return {
        "accessibility_classes": html_classes(request),
        "text_size": size if size in TEXT_SIZES else "a",
        "grayscale": request.COOKIES.get(GRAYSCALE_COOKIE) == "on",
    }
