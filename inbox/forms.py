"""The forms of secure messages: compose (To, Subject, Message, attachments), reply, and the
member's email preference."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from inbox.attachments import check_attachments
from inbox.models import BODY_MAX_LENGTH, SUBJECT_MAX_LENGTH
from inbox.rules import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_TOTAL_ATTACHMENT_BYTES
from portal.forms import PlainTextForm


def posted(request: HttpRequest) -> tuple[Any, Any]:
    """A form's data and files: bound on a POST (even an empty one: an unticked box), else None."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_ATTACHMENTS files in one input, checked together (count, sizes, contents)."""

    widget = MultipleFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})

    def clean(self, data: Any, initial: Any = None) -> list[tuple[UploadedFile, str]]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        cleaned = [super(AttachmentsField, self).clean(f, initial) for f in files]
        return check_attachments(cleaned)


def _attachments_hint() -> str:
    return _("Up to %(count)d files: PDF, JPEG or PNG, each up to %(each)s and %(total)s in all.") % {
        "count": MAX_ATTACHMENTS,
        "each": filesizeformat(MAX_ATTACHMENT_BYTES),
        "total": filesizeformat(MAX_TOTAL_ATTACHMENT_BYTES),
    }


class ReplyForm(PlainTextForm):
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        strip=False,
    )
    attachments = AttachmentsField(label=_("Attachments"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = _attachments_hint()
        self.fields["body"].help_text = _("Plain text, up to %(count)s characters.") % {
            "count": number_format(BODY_MAX_LENGTH, force_grouping=True)
        }

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(_("Write your message."))
        return body


class ComposeForm(ReplyForm):
    """To is the address book's only entry, the member's care manager (the view passes them)."""

    to = forms.ChoiceField(label=_("To"), widget=forms.RadioSelect(attrs={"class": "usa-radio__input"}))
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX_LENGTH)
    field_order = ["to", "subject", "body", "attachments"]

    def __init__(self, *args: Any, care_manager_name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        to = self.fields["to"]
        assert isinstance(to, forms.ChoiceField)  # noqa: S101 (for the type checker)
        to.choices = [("care_manager", care_manager_name)]
        self.fields["to"].initial = "care_manager"
        self.fields["subject"].help_text = _("Up to %(count)d characters.") % {"count": SUBJECT_MAX_LENGTH}


class SearchForm(PlainTextForm):
    q = forms.CharField(label=_("Search by subject"), max_length=SUBJECT_MAX_LENGTH, required=False)


class EmailPreferenceForm(PlainTextForm):
    email_new_messages = forms.BooleanField(
        label=_("Email me when my care manager sends me a secure message"),
        help_text=_("The email says only that you have a new message, never what it says."),
        required=False,
    )
