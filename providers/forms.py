"""Forms for Change PCP, labelled as the plan's help page names the fields."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.forms import PlainTextForm
from providers.models import Gender, PcpChangeReason, Provider

ZIP_CODE = re.compile(r"\d{5}(-?\d{4})?")


class ProviderSearchForm(PlainTextForm):
    """The directory search: any of the fields, at least one. Sent by GET, so results are links."""

    first_name = forms.CharField(label=_("First Name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last Name"), max_length=100, required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=[("", _("Any")), *Gender.choices])
    county = forms.CharField(label=_("County"), max_length=50, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    zip_code = forms.CharField(
        label=_("Zip Code"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )

    def clean_zip_code(self) -> str:
        value: str = self.cleaned_data["zip_code"].strip()
        if value and not ZIP_CODE.fullmatch(value):
            raise ValidationError(_("Enter a 5-digit ZIP code."), code="invalid")
        return value[:5]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not any(str(value).strip() for value in data.values()) and not self.errors:
            raise ValidationError(_("Fill in at least one field to search."), code="empty")
        return data


class ProviderChoiceForm(PlainTextForm):
    """The Change step: the provider chosen with a result's radio button."""

    provider = forms.ModelChoiceField(
        queryset=Provider.objects.all(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a doctor from the search results."),
            "invalid_choice": _("Choose a doctor from the search results."),
        },
    )


class PcpReasonForm(ProviderChoiceForm):
    """The Save step: the chosen provider again, and why the member is changing."""

    reason = forms.ChoiceField(
        label=_("Reason for changing your Primary Care Provider"),
        choices=[("", _("Choose a reason")), *PcpChangeReason.choices],
    )
