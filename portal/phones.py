"""Phone numbers as the plan keeps them (E.164, "+18315550142") and as people in the US type and
read them ("(831) 555-0142"). Parsing is the `phonenumbers` library's; this module is the one
place the portal calls it."""

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "US"


def phone_e164(raw: str) -> str | None:
    """The E.164 form of a number typed the US way (or with +country code); None if not valid."""
    try:
        number = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def phone_national(number: str) -> str:
    """A stored number in the national format; one that does not parse is shown as stored."""
    try:
        parsed = phonenumbers.parse(number, REGION)
    except phonenumbers.NumberParseException:
        return number
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL))


class PhoneNumberField(forms.CharField):
    """A form field that accepts a phone number however it is typed and cleans it to E.164."""

    default_error_messages = {"invalid": _("Enter a valid phone number, for example (831) 555-0123.")}

    def to_python(self, value: object) -> str:
        text: str = super().to_python(value) or ""
        if not text:
            return text
        e164 = phone_e164(text)
        if e164 is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return e164
