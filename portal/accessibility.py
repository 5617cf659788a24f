"""Accessibility Tools, as on the plans' own site: text size (A, AA, AAA) and grayscale.

The choice lives in cookies rather than the session, so it works before log-in, survives
log-out and is remembered on the next visit. The tools are plain form posts, so they work
without JavaScript; base.html puts the matching classes on <html> (see the context processor
`portal.context_processors.accessibility`), and portal.css does the rest.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

TEXT_SIZE_COOKIE = "text_size"
GRAYSCALE_COOKIE = "grayscale"
TEXT_SIZES = ("a", "aa", "aaa")
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def html_classes(request: HttpRequest) -> str:
    """The classes for <html> that the member's saved choices ask for ("" for the defaults)."""
    classes = []
    size = request.COOKIES.get(TEXT_SIZE_COOKIE, "")
    if size in TEXT_SIZES and size != "a":
        classes.append(f"text-size-{size}")
    if request.COOKIES.get(GRAYSCALE_COOKIE) == "on":
        classes.append("grayscale")
    return " ".join(classes)


@require_POST
def accessibility_tools(request: HttpRequest) -> HttpResponse:
    """Remember a text size or flip grayscale, then go back to the page the member was on."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("home")
    response = HttpResponseRedirect(target)
    cookie = {
        "max_age": COOKIE_MAX_AGE,
        "samesite": "Lax",
        "httponly": True,
        "secure": not settings.DEBUG,
    }
    size = request.POST.get("text_size")
    if size in TEXT_SIZES:
        response.set_cookie(TEXT_SIZE_COOKIE, size, **cookie)  # type: ignore[arg-type]
    grayscale = request.POST.get("grayscale")
    if grayscale in ("on", "off"):
        response.set_cookie(GRAYSCALE_COOKIE, grayscale, **cookie)  # type: ignore[arg-type]
    return response
