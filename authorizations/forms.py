"""The list's Filter, labelled as the plan's help page names its fields. Sent by GET: the
filtered list is a link that can be paged and bookmarked; no field holds member data beyond an
authorization number."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from authorizations.models import Authorization, Decision
from portal.forms import PlainTextForm


class DayInput(forms.DateInput):
    """The browser's own date picker; without one, YYYY-MM-DD or MM/DD/YYYY typed."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _day(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label, required=False, widget=DayInput(), input_formats=["%Y-%m-%d", "%m/%d/%Y"]
    )


class AuthorizationFilterForm(PlainTextForm):
    authorization_number = forms.CharField(
        label=_("Authorization number"),
        required=False,
        max_length=Authorization._meta.get_field("authorization_number").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    service_from = _day(_("Service dates from"))
    service_to = _day(_("Service dates to"))
    decision = forms.ChoiceField(
        label=_("Decision"), required=False, choices=[("", _("Any decision")), *Decision.choices]
    )
    start_date = _day(_("Start date"))
    end_date = _day(_("End date"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start_date"].help_text = _("Starting on or after this day.")
        self.fields["end_date"].help_text = _("Ending on or before this day.")

    def clean_authorization_number(self) -> str:
        value: str = self.cleaned_data["authorization_number"]
        return value.strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for first, last in (("service_from", "service_to"), ("start_date", "end_date")):
            starts: datetime.date | None = data.get(first)
            ends: datetime.date | None = data.get(last)
            if starts and ends and ends < starts:
                self.add_error(
                    last, ValidationError(_("Enter a date on or after the first one."), code="order")
                )
        return data

    @property
    def filtering(self) -> bool:
        """Whether any field is filled in (the Filter then starts open)."""
        return self.is_bound and any(self.data.get(name) for name in self.fields)
