"""The household switch: a head of household chooses whose information to view."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.forms import PlainTextForm


class ViewingForm(PlainTextForm):
    member = forms.TypedChoiceField(
        label=_("Viewing"),
        coerce=int,
        help_text=_("As head of household, you can choose whose information to review."),
    )
    # The tab to go back to; only the MyServices pages' own paths are accepted (see the view).
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)

    def __init__(self, *args: Any, household: tuple[Member, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in household}
        choices = [(person.pk, person.full_name) for person in household]
        cast(forms.TypedChoiceField, self.fields["member"]).choices = choices

    def chosen(self) -> Member:
        return self.people[self.cleaned_data["member"]]
