"""Template context every page needs: the plan's name, how to reach member services, and which
section of the portal the page is in (the first part of its path, for the navigation)."""

from django.conf import settings
from django.http import HttpRequest

from portal.accessibility import GRAYSCALE_COOKIE, TEXT_SIZE_COOKIE, TEXT_SIZES, html_classes


def plan(request: HttpRequest) -> dict[str, str]:
    return {
        "plan_name": settings.PLAN_NAME,
        "member_services_phone": settings.PLAN_MEMBER_SERVICES_PHONE,
        "plan_tty": settings.PLAN_TTY,
        "section": request.path.split("/")[1],
    }


def accessibility(request: HttpRequest) -> dict[str, object]:
    """The member's Accessibility Tools choices (portal/accessibility.py), for <html> and the header."""
    size = request.COOKIES.get(TEXT_SIZE_COOKIE, "a")
    return {
        "accessibility_classes": html_classes(request),
        "text_size": size if size in TEXT_SIZES else "a",
        "grayscale": request.COOKIES.get(GRAYSCALE_COOKIE) == "on",
    }
