"""The claims list's filters, labelled as the plan's help page names them. Every one is
optional and on when filled in (no "Null" boxes to untick); sent by GET, so a filtered list is
a link (the fields hold claim numbers, codes and provider names, never the member's)."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from claims.rules import claims_default_from, claims_earliest
from claims.selectors import ClaimFilters
from portal.forms import PlainTextForm


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%m/%d/%Y"],
        help_text=_("For example 03/15/2026."),
    )


class ClaimFilterForm(PlainTextForm):
    start = _date_field(pgettext_lazy("dates", "From"))
    end = _date_field(pgettext_lazy("dates", "To"))
    claim_number = forms.CharField(label=_("Claim number"), max_length=30, required=False)
    procedure_code = forms.CharField(
        label=_("Procedure code"),
        max_length=15,
        required=False,
        help_text=_("The code on your bill, such as 99213."),
    )
    provider = forms.CharField(
        label=_("Provider"),
        max_length=100,
        required=False,
        help_text=_("The start of the provider's name is enough."),
    )

    def __init__(self, *args: Any, today: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.earliest = claims_earliest(today)

    def clean_start(self) -> datetime.date | None:
        start: datetime.date | None = self.cleaned_data["start"]
        if start is not None and start < self.earliest:
            raise ValidationError(
                _("The portal shows claims from %(date)s on. For older claims, call Member Services.")
                % {"date": date_format(self.earliest, "DATE_FORMAT")},
                code="too_early",
            )
        return start

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", ValidationError(_("To must be on or after From."), code="order"))
        return data

    def filters(self) -> ClaimFilters:
        """The filters to apply: the last year's claims unless From says otherwise."""
        data = self.cleaned_data
        return ClaimFilters(
            start=data["start"] or claims_default_from(self.today),
            end=data["end"],
            claim_number=data["claim_number"].strip(),
            procedure_code=data["procedure_code"].strip(),
            provider=data["provider"].strip(),
        )

    @property
    def narrowed(self) -> bool:
        """True when any filter is filled in (the "nothing matches" message then says how to widen)."""
        return any(self.cleaned_data.get(name) for name in self.fields)
