"""The page around every page's content: base.html's `{% layout %}` renders layout/page.jinja.

Measured in-process (bench/inprocess.py, docs/performance.md): Django's template engine drawing
the header, menus, navigation and footer was half of the floor's time even with their fixed
parts kept, because of the includes, tags and lookups around them. So the layout is a Jinja2
template holding only what differs per member and request (the CSRF tokens, the forms' "next"
path, the member's name, the header's links, messages, the title and the page), and every fixed
part, with all of the layout's words, is a partial of layout/parts.html (Django's engine, so
makemessages finds its strings and the catalogues keep their translations), rendered once per
process for what it varies on and kept in FRAGMENTS without expiry. What a part varies on is a
language, a plan's setting or a choice among a few, never the member's input, so they stay few;
a part is rendered with the plan's context and what it varies on only, so nothing of the first
request that drew it can be in it.

A release (new templates, new catalogues) shows at once: it starts new processes. So does a plan
profile change (profiles are read at start). Within a process the parts are dropped whenever a
setting changes (the tests switch plans with override_settings) and, under runserver, whenever a
template is saved.
"""

import functools
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.signals import setting_changed
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.autoreload import file_changed
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from portal import jinja
from portal.plans import plan_context

PARTS = "layout/parts.html"

# (name, language, *the values it varies on) → the rendered part.
FRAGMENTS: dict[tuple[object, ...], str] = {}


def fragment(name: str, *, data: dict[str, object] | None = None, **vary_on: object) -> SafeString:
    """The partial `name` of layout/parts.html in the current language, rendered once per process
    for each combination of `vary_on` (passed to it by those names, with `data`, which must follow
    from them: the navigation's entries follow from the section it is kept under)."""
    language = translation.get_language()
    key = (name, language, *vary_on.values())
    part = FRAGMENTS.get(key)
    if part is None:
        context = {**plan_context(settings.PLAN), "LANGUAGE_CODE": language, **vary_on, **(data or {})}
        part = FRAGMENTS[key] = get_template(f"{PARTS}#{name}").render(context)
    return mark_safe(part)  # noqa: S308 - rendered by Django's engine, which escaped it


def render_page(context: Context, *, title: str, content: str) -> SafeString:
    """The whole page: `title` and `content` (already rendered, as base.html's blocks are) in the
    layout, for the member and request of `context`."""
    request = context.get("request")
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    messages = context.get("messages")
    page = {
        "fragment": fragment,
        "language": translation.get_language(),
        "bidi": translation.get_language_bidi(),
        "accessibility_classes": context.get("accessibility_classes", ""),
        "text_size": context.get("text_size", "a"),
        "grayscale": context.get("grayscale", False),
        "title": mark_safe(title),  # noqa: S308 - a block Django's engine rendered
        "content": mark_safe(content),  # noqa: S308 - the same
        "portal_name": context.get("portal_name", ""),
        "csrf_input": _csrf_input(context.get("csrf_token")),
        "next_path": request.get_full_path() if request is not None else "",
        "header_items": [_header_item(item) for item in context.get("header_items") or ()],
        "greeting": _greeting(user) if signed_in else "",
        "member_nav": context.get("member_nav"),
        "member_nav_key": context.get("member_nav_key", ""),
        # The same markup as a page that shows them itself (appeals' case page).
        "messages": mark_safe(render_to_string("includes/messages.html", {"messages": messages}))  # noqa: S308
        if messages
        else "",
        "signed_in": signed_in,
        **{
            name: context.get(name)
            for name in ("session_idle_minutes", "session_warning_minutes", "session_warn_after_seconds")
        },
    }
    return mark_safe(jinja.environment().get_template("layout/page.jinja").render(page))  # noqa: S308 - autoescaped


def _header_item(item: dict[str, Any]) -> str:
    # An app's template (portal.registry.HeaderItem), in Django's engine, with its item alone. An
    # item is a few small hashable values (the envelope's: the unread count), so the most recent
    # renderings are kept for each language and values, as the fixed parts are.
    values = tuple(sorted(item["item"].items()))
    return _header_item_rendered(item["template"], translation.get_language(), values)


@functools.lru_cache(maxsize=512)
def _header_item_rendered(template: str, language: str, values: tuple[tuple[str, object], ...]) -> str:
    return render_to_string(template, {"item": dict(values)})


def _csrf_input(token: object) -> str:
    """What {% csrf_token %} writes: nothing where the page has no token (a page rendered
    without its request)."""
    if not token or token == "NOTPROVIDED":  # noqa: S105 - Django's marker for "no token", not a secret
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


def _greeting(user: Any) -> str:
    """ "Welcome Ana": the member's first name, or a staff user's username."""
    try:
        name = user.member.first_name
    except ObjectDoesNotExist:
        name = ""
    return gettext("Welcome %(name)s") % {"name": name or user.get_username()}


def forget_layout(**kwargs: Any) -> None:
    """Drop every rendered part of the layout."""
    FRAGMENTS.clear()
    _header_item_rendered.cache_clear()
    jinja.forget()


def _forget_on_template_change(sender: object, file_path: Path, **kwargs: Any) -> None:
    # runserver's autoreloader re-reads a saved template without restarting; the parts made
    # from the old one must go too. Returns None, so the reloader still restarts for Python files.
    if file_path.suffix in {".html", ".txt", ".jinja"}:
        forget_layout()


def connect() -> None:
    setting_changed.connect(forget_layout, dispatch_uid="portal.layout.settings")
    file_changed.connect(_forget_on_template_change, dispatch_uid="portal.layout.templates")
