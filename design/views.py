"""The living style page at /dev/styleguide/ (DEBUG only): each component the portal uses, in a
left-to-right or a right-to-left language, so a change to the design system is seen in one place."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from design.forms import SampleForm
from portal.clock import plan_today

# ?dir=rtl shows the page in Arabic; anything else in English.
LANGUAGE_BY_DIRECTION = {"ltr": "en", "rtl": "ar"}
# The page's headings: the classes a developer looks up, not words a member reads.
COMPONENTS = {
    "page": "Style guide",
    "sidenav": "usa-sidenav",
    "tabs": "tabs",
    "button": "usa-button",
    "tag": "usa-tag",
    "form": "usa-form-group, usa-error-message",
    "card": "usa-card",
    "table": "usa-table--stacked",
}


def styleguide(request: HttpRequest) -> HttpResponse:
    direction = "rtl" if request.GET.get("dir") == "rtl" else "ltr"
    with translation.override(LANGUAGE_BY_DIRECTION[direction]):
        # An empty form, validated, so the error summary and each field's error are shown.
        form = SampleForm(data={})
        form.is_valid()
        messages.success(request, _("Your account has been successfully created."))
        messages.error(request, _("Please correct the errors below."))
        tabs = [
            {"label": _("Active"), "url": "?dir=" + direction, "current": True},
            {"label": _("Inactive"), "url": "?dir=" + direction + "&tab=inactive", "current": False},
        ]
        sample_nav = [
            {"label": pgettext("home page", "Home"), "url": "?dir=" + direction, "current": False},
            {"label": _("Health Care Coverage"), "url": "?dir=" + direction, "current": True},
            {"label": _("Resources"), "url": "?dir=" + direction, "current": False},
        ]
        context = {
            "form": form,
            "direction": direction,
            "tabs": tabs,
            "tabs_label": _("Insurance"),
            "sample_nav": sample_nav,
            "components": COMPONENTS,
            "today": plan_today(),
        }
        return render(request, "design/styleguide.html", context)
