"""Form bases for every form the portal shows: each text field refuses hidden characters.

A form built on PlainTextForm or PlainTextModelForm (the admin's too: give a ModelAdmin or an
inline `form = PlainTextModelForm`) runs portal.text.PlainTextValidator on every text field,
multi-line for a Textarea, so a new field is covered without anyone remembering it. Password
fields are left alone: they are never shown, and refusing characters would lock out a password
that works today.
"""

from typing import Any

from django import forms
from django.core.validators import ProhibitNullCharactersValidator

from portal.text import PlainTextValidator


def plain_text_fields(form: forms.BaseForm) -> None:
    """Give every text field of `form` (this instance's copies) the hidden-character check."""
    for field in form.fields.values():
        if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.PasswordInput):
            continue
        validator = PlainTextValidator(multiline=isinstance(field.widget, forms.Textarea))
        # Django's NUL check says less than ours about the same character: one message, not two.
        kept = [
            v
            for v in field.validators
            if not isinstance(v, ProhibitNullCharactersValidator | PlainTextValidator)
        ]
        field.validators = [*kept, validator]


class PlainTextFieldsMixin:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_text_fields(self)  # type: ignore[arg-type]


class PlainTextForm(PlainTextFieldsMixin, forms.Form):
    """A form whose text fields refuse hidden characters."""


class PlainTextModelForm(PlainTextFieldsMixin, forms.ModelForm):
    """A model form (for members' pages and the admin) whose text fields refuse hidden characters."""
