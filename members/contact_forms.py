"""Forms of Profile → Personal Information: an address, a phone number, an email address, and the
account's sign-in email.

The model forms list their fields explicitly, so whatever else a POST carries (a `member` id, a
record id) is ignored; the member is always the signed-in one (members.decorators). Like every
form, they refuse hidden characters in text (portal.forms).
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.forms import email_messages
from members.models import Address, AddressKind, ContactEmail, Phone, PhoneKind, User
from portal.forms import PlainTextForm, PlainTextModelForm
from portal.phones import PhoneNumberField, phone_national
from portal.us_states import US_STATES

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

ZIP_CODE = re.compile(r"^\d{5}(-\d{4})?$")
ZIP_CODE_MESSAGE = _("Enter a 5-digit ZIP code, or ZIP+4 such as 93901-1234.")


def choose_a_type(
    form: forms.BaseForm, kinds: Sequence[tuple[str, str | Promise]], message: "StrPromise"
) -> None:
    """The Type list's empty choice in words, in the page's language, not Django's "---------";
    `message` says what to do when none (or one not listed) is chosen."""
    field = cast(forms.ChoiceField, form.fields["kind"])
    field.choices = [("", _("Choose a type")), *kinds]
    field.error_messages.update(required=message, invalid_choice=message)


class AddressForm(PlainTextModelForm):
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("Choose a state")), *US_STATES],
        error_messages=dict.fromkeys(["required", "invalid_choice"], _("Choose your state from the list.")),
    )

    class Meta:
        model = Address
        fields = ["kind", "line1", "line2", "city", "state", "zip_code", "is_primary"]
        labels = {
            "kind": _("Address Type"),
            "line1": _("Street Address"),
            "line2": _("Apartment, Suite or Unit"),
            "city": _("City"),
            "zip_code": _("ZIP Code"),
            "is_primary": _("Make this my primary address of this type"),
        }
        help_texts = {
            "kind": _("ID cards and letters from the plan go to your mailing address."),
            "zip_code": _("5 digits, or ZIP+4 such as 93901-1234."),
        }
        widgets = {
            "line1": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "line2": forms.TextInput(attrs={"autocomplete": "address-line2"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "zip_code": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
        }
        error_messages = {
            "line1": {"required": _("Enter your street address, for example 22 Elm Ave.")},
            "city": {"required": _("Enter your city.")},
            "zip_code": {"required": ZIP_CODE_MESSAGE},
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].widget.attrs["autocomplete"] = "address-level1"
        choose_a_type(self, AddressKind.choices, _("Choose the address type from the list."))

    def clean_zip_code(self) -> str:
        value: str = self.cleaned_data["zip_code"].strip()
        if not ZIP_CODE.match(value):
            raise ValidationError(ZIP_CODE_MESSAGE)
        return value


class PhoneForm(PlainTextModelForm):
    class Meta:
        model = Phone
        fields = ["kind", "number", "is_primary"]
        field_classes = {"number": PhoneNumberField}
        labels = {
            "kind": _("Phone Type"),
            "number": _("Phone Number"),
            "is_primary": _("Make this my primary number of this type"),
        }
        help_texts = {"number": _("For example (831) 555-0123.")}
        widgets = {"number": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}
        error_messages = {"number": {"required": _("Enter your phone number, for example (831) 555-0123.")}}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        choose_a_type(self, PhoneKind.choices, _("Choose the phone type from the list."))
        if self.instance.pk and not self.is_bound:
            # Members type and read national numbers; the record keeps E.164.
            self.initial["number"] = phone_national(self.instance.number)


class ContactEmailForm(PlainTextModelForm):
    class Meta:
        model = ContactEmail
        fields = ["address", "is_primary"]
        labels = {"address": _("Email Address"), "is_primary": _("Make this my primary email address")}
        widgets = {"address": forms.EmailInput(attrs={"autocomplete": "email"})}
        error_messages = {"address": email_messages(_("Enter your email address."))}


ContactForm = AddressForm | PhoneForm | ContactEmailForm

CONTACT_FORMS: dict[str, type[ContactForm]] = {
    "address": AddressForm,
    "phone": PhoneForm,
    "email": ContactEmailForm,
}


class AccountEmailForm(PlainTextForm):
    """A new sign-in email for the account; a code goes to it before anything changes."""

    email = forms.EmailField(
        label=_("New email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=email_messages(_("Enter your new email address.")),
    )
    email_again = forms.EmailField(
        label=_("Verify email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=email_messages(_("Enter your new email address again.")),
    )

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        # Whether another account uses the address is not said here (it would let any member
        # test any address): the service tells that account's owner instead.
        email: str = self.cleaned_data["email"]
        if email.lower() == self.user.email.lower():
            raise ValidationError(_("This is already the email address for your account."))
        return email

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        email, again = data.get("email"), data.get("email_again")
        if isinstance(email, str) and isinstance(again, str) and email.lower() != again.lower():
            self.add_error("email_again", _("The email addresses do not match."))
        return data
