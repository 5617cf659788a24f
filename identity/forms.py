"""Link your member record: by the details on the member ID card, or by full SSN; and which
linked identity confirms a change (re-authentication)."""

from allauth.socialaccount.models import SocialAccount
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.matching import member_match_by_ssn
from members.models import Member
from members.ssn import ssn_digest, ssn_normalised
from portal.forms import PlainTextForm


class SsnForm(PlainTextForm):
    """Full Social Security number. A password input: the page never shows it back."""

    ssn = forms.CharField(
        label=_("Social Security Number"),
        max_length=11,
        strip=True,
        help_text=_("All nine digits, for example 123-45-6789."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def __init__(self, *args: object, ip: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.ip = ip

    def clean_ssn(self) -> str:
        digits = ssn_normalised(self.cleaned_data["ssn"])
        if digits is None:
            raise ValidationError(_("Enter all nine digits of your Social Security number."))
        # Only the keyed hash leaves the form: the digits are not kept in cleaned_data.
        return ssn_digest(digits)

    def match_member(self) -> Member | None:
        return member_match_by_ssn(ssn_digest=self.cleaned_data["ssn"], ip=self.ip)


class ReauthenticateForm(PlainTextForm):
    """Which linked identity to confirm the member with, and the page to go back to."""

    identity = forms.TypedChoiceField(coerce=int, choices=())
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args: object, identities: list[SocialAccount], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.identities = {identity.pk: identity for identity in identities}
        self.fields["identity"].choices = [(pk, str(pk)) for pk in self.identities]  # type: ignore[attr-defined]

    def chosen(self) -> SocialAccount:
        return self.identities[self.cleaned_data["identity"]]
