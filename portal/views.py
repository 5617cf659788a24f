"""Pages that belong to the portal as a whole rather than to one domain."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language


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
