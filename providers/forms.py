"""Forms for Change PCP, labelled as the plan's help page names the fields."""

import re
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal.forms import PlainTextForm
from providers.directory_lists import directory_lists
from providers.labels import language_name, specialty_label
from providers.models import Gender, PcpChangeReason, Provider

ZIP_CODE = re.compile(r"\d{5}(-?\d{4})?")


def _by_label(choices: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Choices in the order of their labels in the page's language."""
    return sorted(choices, key=lambda choice: choice[1].casefold())


class CountyField(forms.ChoiceField):
    """A county from the directory's list, matched ignoring case: links made when County was a
    text field ("?county=merced") still find Merced."""

    def to_python(self, value: Any) -> str:
        text: str = super().to_python(value).strip()
        listed = cast(list[tuple[str, str]], self.choices)
        return next((value for value, _label in listed if value.casefold() == text.casefold()), text)

    def bound_data(self, data: Any, initial: Any) -> str:
        # The list then shows the county found as chosen.
        return self.to_python(data)


class ProviderSearchForm(PlainTextForm):
    """The directory search: any of the fields, at least one. Sent by GET, so results are links.

    The county, language and specialty lists are the directory's own (providers.directory_lists).
    Primary care providers only, unless Include specialists is checked: a specialist cannot be
    a member's PCP.
    """

    first_name = forms.CharField(label=_("First Name"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last Name"), max_length=100, required=False)
    gender = forms.ChoiceField(
        label=_("Gender"),
        required=False,
        choices=[("", _("Any")), *Gender.choices],
        error_messages={"invalid_choice": _("Choose one from the list.")},
    )
    county = CountyField(label=_("County"), required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    zip_code = forms.CharField(
        label=_("Zip Code"),
        max_length=10,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    specialty = forms.ChoiceField(label=_("Specialty"), required=False)
    accepting_new_patients = forms.BooleanField(
        label=_("Only providers accepting new patients"), required=False
    )
    include_specialists = forms.BooleanField(
        label=_("Include specialists"),
        required=False,
        help_text=_("Specialists cannot be your PCP, but you can look them up."),
    )

    # The two checkboxes refine a search; alone they are not one.
    REFINEMENTS = ("accepting_new_patients", "include_specialists")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lists = directory_lists()
        self._choices("county", _("Any county"), [(county, county) for county in lists.counties])
        self._choices(
            "language", _("Any language"), _by_label((code, language_name(code)) for code in lists.languages)
        )
        listed = {
            primary_care: _by_label(
                (name, specialty_label(name)) for name, pc in lists.specialties if pc is primary_care
            )
            for primary_care in (True, False)
        }
        groups = [(_("Primary care"), listed[True]), (_("Specialists"), listed[False])]
        self._choices("specialty", _("Any specialty"), [(group, named) for group, named in groups if named])

    def _choices(self, name: str, anything: Promise, listed: list[Any]) -> None:
        field = cast(forms.ChoiceField, self.fields[name])
        field.choices = [("", anything), *listed]
        # Only an old link or a hand-made URL gets here: the list is all there is to choose from.
        field.error_messages["invalid_choice"] = _("Choose one from the list.")

    def clean_zip_code(self) -> str:
        value: str = self.cleaned_data["zip_code"].strip()
        if value and not ZIP_CODE.fullmatch(value):
            raise ValidationError(_("Enter a 5-digit ZIP code, for example 93901."), code="invalid")
        return value[:5]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        searched = [value for name, value in data.items() if name not in self.REFINEMENTS]
        if not any(str(value).strip() for value in searched) and not self.errors:
            raise ValidationError(_("Fill in at least one field to search."), code="empty")
        return data


class ProviderChoiceForm(PlainTextForm):
    """The Change step: the provider chosen with a result's Choose button, or its radio button
    and Change.

    A Choose button sends its provider as `choose`; it wins over a radio button checked
    elsewhere on the page, since the member pressed the button next to the one they meant.
    """

    provider = forms.ModelChoiceField(
        queryset=Provider.objects.all(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a doctor from the search results."),
            "invalid_choice": _("Choose a doctor from the search results."),
        },
    )

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if data is not None and data.get("choose"):
            data = data.copy()
            data["provider"] = data["choose"]
        super().__init__(data, *args, **kwargs)


class PcpReasonForm(ProviderChoiceForm):
    """The Save step: the chosen provider again, and why the member is changing."""

    reason = forms.ChoiceField(
        label=_("Reason for changing your Primary Care Provider"),
        choices=[("", _("Choose a reason")), *PcpChangeReason.choices],
        error_messages=dict.fromkeys(
            ["required", "invalid_choice"], _("Choose your reason for changing your PCP from the list.")
        ),
    )
