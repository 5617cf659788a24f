"""A sample form for the style page: one field of each kind the portal's forms use."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PlainTextForm


class SampleForm(PlainTextForm):
    first_name = forms.CharField(label=_("First Name"), max_length=100)
    email = forms.EmailField(
        label=_("Email Address"),
        help_text=_("The email address your online account uses. Codes and account notices are sent here."),
    )
    state = forms.ChoiceField(label=_("State"), choices=[("CA", "California"), ("MA", "Massachusetts")])
    agree = forms.BooleanField(label=_("I agree to the terms and conditions"))
