"""The member's forms: the appeal, the grievance, the lists' Filter, and supporting files."""

import datetime
import uuid
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from appeals.files import MAX_BYTES, MAX_FILES, content_type_of
from appeals.models import TEXT_LIMIT, Case, CaseStatus, GrievanceCategory
from authorizations.forms import DayInput
from authorizations.models import Authorization
from portal.clock import plan_today
from portal.forms import PlainTextForm
from portal.phones import PhoneNumberField

DAY_FORMATS = ["%Y-%m-%d", "%m/%d/%Y"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class SupportingFilesField(forms.FileField):
    """Up to MAX_FILES files, each a PDF, JPEG or PNG by its content, each at most MAX_BYTES."""

    widget = MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"})

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = [u for u in (data if isinstance(data, list | tuple) else [data]) if u]
        if len(uploads) > MAX_FILES:
            raise ValidationError(_("Send at most %(count)d files.") % {"count": MAX_FILES}, code="too_many")
        for upload in uploads:
            if upload.size > MAX_BYTES:
                raise ValidationError(
                    _("%(name)s is larger than %(limit)s. Each file can be at most %(limit)s.")
                    % {"name": upload.name, "limit": filesizeformat(MAX_BYTES)},
                    code="too_big",
                )
            kind = content_type_of(upload)
            if kind is None:
                raise ValidationError(
                    _("%(name)s is not a PDF, JPEG or PNG file.") % {"name": upload.name}, code="type"
                )
            upload.content_type = kind
        return uploads


def _files_field() -> SupportingFilesField:
    return SupportingFilesField(
        label=_("Supporting files"),
        required=False,
        help_text=_("Up to %(count)d files, PDF, JPEG or PNG, each at most %(limit)s.")
        % {"count": MAX_FILES, "limit": filesizeformat(MAX_BYTES)},
    )


def _description(label: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("At most %(count)d characters.") % {"count": TEXT_LIMIT},
    )


class FilingForm(PlainTextForm):
    # A one-time token per form shown: the same form submitted twice files one case.
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = uuid.uuid4()


class DecisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Authorization) -> str:
        return f"{obj.authorization_number}: {obj.service_description} ({obj.get_decision_display()})"


class AppealForm(FilingForm):
    authorization = DecisionChoiceField(
        label=_("The decision you disagree with"),
        queryset=Authorization.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect(attrs={"class": "usa-radio__input"}),
        to_field_name="public_id",
    )
    description = _description(_("What do you disagree with, and why?"))
    expedited = forms.BooleanField(
        label=_("Waiting the standard time could seriously harm my health (ask for an expedited appeal)"),
        required=False,
    )
    contact_phone = PhoneNumberField(label=_("A phone number to reach you"), max_length=20)
    attachments = _files_field()

    def __init__(self, *args: Any, appealable: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["authorization"]).queryset = appealable
        self.order_fields(
            ["token", "authorization", "description", "expedited", "contact_phone", "attachments"]
        )


class GrievanceForm(FilingForm):
    category = forms.ChoiceField(
        label=_("What is it about?"),
        choices=GrievanceCategory.choices,
        widget=forms.RadioSelect(attrs={"class": "usa-radio__input"}),
    )
    description = _description(_("What happened?"))
    occurred_on = forms.DateField(
        label=_("When did it happen?"), required=False, widget=DayInput(), input_formats=DAY_FORMATS
    )
    provider_name = forms.CharField(label=_("The provider, if any"), required=False, max_length=200)
    attachments = _files_field()

    def clean_occurred_on(self) -> datetime.date | None:
        day: datetime.date | None = self.cleaned_data["occurred_on"]
        if day is not None and day > plan_today():
            raise ValidationError(_("Enter a date that is not in the future."), code="future")
        return day


class CaseFilterForm(PlainTextForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *CaseStatus.choices]
    )
    filed_from = forms.DateField(
        label=_("Filed from"), required=False, widget=DayInput(), input_formats=DAY_FORMATS
    )
    filed_to = forms.DateField(
        label=_("Filed to"), required=False, widget=DayInput(), input_formats=DAY_FORMATS
    )
    reference = forms.CharField(
        label=_("Reference number"),
        required=False,
        max_length=Case._meta.get_field("reference").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_reference(self) -> str:
        value: str = self.cleaned_data["reference"]
        return value.strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("filed_from"), data.get("filed_to")
        if first and last and last < first:
            self.add_error(
                "filed_to", ValidationError(_("Enter a date on or after the first one."), code="order")
            )
        return data

    @property
    def filtering(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
