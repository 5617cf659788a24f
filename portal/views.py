"""Pages that belong to the portal as a whole rather than to one domain."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from portal.plans import darker


def terms(request: HttpRequest) -> HttpResponse:
    """The website terms and conditions that members agree to when they create an account."""
    return render(request, "portal/terms.html")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switcher: Django's own view, which also remembers a signed-in member's choice.

    The stored preference is the language of emails that reach the member outside any page.
    """
    response = django_set_language(request)
    code = request.POST.get("language", "")
    if code in dict(settings.LANGUAGES) and request.user.is_authenticated:
        get_user_model().objects.filter(pk=request.user.pk).update(preferred_language=code)
    return response


@require_GET
def plan_theme(request: HttpRequest, version: str) -> HttpResponse:
    """The plan's colours as CSS custom properties, over the stylesheet's fallbacks.

    Its URL carries the profile's fingerprint, so it is cached for a year and a new profile is a
    new URL. A stylesheet rather than inline style, which the Content-Security-Policy refuses.
    """
    brand = settings.PLAN.brand
    css = (
        f":root{{--brand:{brand.primary};--brand-dark:{darker(brand.primary)};"
        f"--on-brand:{brand.on_primary};--link:{brand.accent}}}\n"
    )
    return _immutable(HttpResponse(css, content_type="text/css; charset=utf-8"))


@require_GET
def plan_logo(request: HttpRequest, version: str) -> HttpResponse:
    """The plan's logo from its profile folder (SVG), cached like the theme."""
    return _immutable(HttpResponse(settings.PLAN.brand.logo.read_bytes(), content_type="image/svg+xml"))


def _immutable(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
