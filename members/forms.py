"""Forms for the account pages, labelled as the plan's help pages name the fields."""

import datetime
from typing import TYPE_CHECKING, Any

from allauth.account import forms as allauth_forms
from allauth.account.adapter import get_adapter
from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from members import rules
from members.email_limits import EmailLimit
from members.matching import member_match
from members.models import Member, User
from portal.clock import plan_today
from portal.forms import PlainTextFieldsMixin, PlainTextForm
from portal.phones import PhoneNumberField

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

NO_MATCH_MESSAGE = _(
    "The information you entered does not match our records. Check it against your member ID card "
    "and try again, or call Member Services."
)


def email_messages(required: "StrPromise") -> dict[str, "StrPromise"]:
    """An email field's messages: what to type there, and what an address looks like."""
    return {"required": required, "invalid": _("Enter an email address in the form name@example.com.")}


def below_minimum_age_message() -> str:
    age = rules.minimum_account_age()
    return ngettext(
        "You must be %(age)s or older to create an online account. "
        "A parent or guardian can call Member Services.",
        "You must be %(age)s or older to create an online account. "
        "A parent or guardian can call Member Services.",
        age,
    ) % {"age": age}


def code_resend_wait_message() -> str:
    seconds = int(rules.CODE_RESEND_COOL_DOWN.total_seconds())
    return ngettext(
        "Please wait %(seconds)s second before asking for another code.",
        "Please wait %(seconds)s seconds before asking for another code.",
        seconds,
    ) % {"seconds": seconds}


def email_limit_message(limit: EmailLimit) -> str:
    if limit is EmailLimit.COOL_DOWN:
        return code_resend_wait_message()
    return str(
        _(
            "We have sent as many codes as we can for today. "
            "Please try again tomorrow, or call Member Services."
        )
    )


class DateOfBirthInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d", attrs={"autocomplete": "bday"})


class MemberIdentityForm(PlainTextForm):
    """The four details that identify a member on their ID card; matched to the plan record."""

    first_name = forms.CharField(
        label=_("First Name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Enter your first name as it is printed on your member ID card.")},
    )
    last_name = forms.CharField(
        label=_("Last Name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"required": _("Enter your last name as it is printed on your member ID card.")},
    )
    date_of_birth = forms.DateField(
        label=_("Date of Birth"),
        widget=DateOfBirthInput(),
        input_formats=["%Y-%m-%d", "%m/%d/%Y"],
        help_text=_("For example 04/12/1980."),
        error_messages=dict.fromkeys(
            ["required", "invalid"], _("Enter your date of birth, for example 04/12/1980.")
        ),
    )
    member_id = forms.CharField(
        label=_("Member ID Number"),
        max_length=20,
        help_text=_("You can find it on your member ID card."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Enter your member ID number as it is printed on your card.")},
    )

    def __init__(self, *args: object, ip: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.ip = ip
        self.member: Member | None = None

    def clean_date_of_birth(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["date_of_birth"]
        if value > plan_today():
            raise ValidationError(_("Date of birth cannot be in the future."))
        return value

    def match_member(self) -> Member | None:
        data = self.cleaned_data
        self.member = member_match(
            first_name=data["first_name"],
            last_name=data["last_name"],
            date_of_birth=data["date_of_birth"],
            member_id=data["member_id"],
            ip=self.ip,
        )
        return self.member


class PasswordPairMixin(PlainTextForm):
    def check_password_pair(self, first: str, second: str, user: User | None) -> None:
        password, again = self.cleaned_data.get(first), self.cleaned_data.get(second)
        if password and again and password != again:
            self.add_error(second, _("The passwords do not match."))
        elif password:
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.add_error(first, error)


class SignupForm(MemberIdentityForm, PasswordPairMixin):
    """Create Member Online Account."""

    email = forms.EmailField(
        label=_("Email Address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=email_messages(_("Enter your email address.")),
    )
    email_again = forms.EmailField(
        label=_("Verify Email Address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=email_messages(_("Enter your email address again.")),
    )
    cell_phone = PhoneNumberField(
        label=_("Cell Phone Number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
        error_messages={"required": _("Choose a username: you will use it to log in.")},
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=128,
        strip=False,
        help_text=_("At least 12 characters. A few unrelated words make a strong password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Choose a password of at least 12 characters.")},
    )
    password_again = forms.CharField(
        label=_("Verify Password"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter your password again.")},
    )
    agree_terms = forms.BooleanField(
        label=_("I agree to the terms and conditions"),
        error_messages={"required": _("To create an account you must agree to the terms and conditions.")},
    )

    def clean_username(self) -> str:
        username: str = get_adapter().clean_username(self.cleaned_data["username"])
        return username

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if (
            data.get("email")
            and data.get("email_again")
            and data["email"].lower() != data["email_again"].lower()
        ):
            self.add_error("email_again", _("The email addresses do not match."))
        candidate = User(
            username=data.get("username", ""),
            email=data.get("email", ""),
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
        )
        self.check_password_pair("password", "password_again", candidate)
        if self.errors:
            return data
        member = self.match_member()
        if member is None:
            raise ValidationError(NO_MATCH_MESSAGE)
        if not rules.account_age_reached(member, plan_today()):
            raise ValidationError(below_minimum_age_message())
        if member.user_id is not None:
            raise ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("You already have an online account. If you forgot your username or password, use"),
                    reverse("recover"),
                    _("Recover Member Online Account"),
                )
            )
        data["member"] = member
        return data


class LoginForm(PlainTextFieldsMixin, allauth_forms.LoginForm):
    """LOG IN (allauth's form, settings.ACCOUNT_FORMS), saying which of the two is missing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].error_messages["required"] = _("Enter your username.")
        self.fields["password"].error_messages["required"] = _("Enter your password.")


class CodeForm(PlainTextForm):
    code = forms.CharField(
        label=_("Verification Code"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
        error_messages={"required": _("Enter the verification code from the email we sent you.")},
    )


class RecoveryForm(MemberIdentityForm):
    """Recover Member Online Account."""

    forgot_username = forms.BooleanField(label=_("I forgot my username"), required=False)
    reset_password = forms.BooleanField(label=_("I want to reset my password"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("forgot_username") and not data.get("reset_password"):
            raise ValidationError(_("Check “I forgot my username”, “I want to reset my password”, or both."))
        return data


class ResetPasswordForm(PasswordPairMixin):
    new_password = forms.CharField(
        label=_("New Password"),
        max_length=128,
        strip=False,
        help_text=_("At least 12 characters. A few unrelated words make a strong password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Choose a new password of at least 12 characters.")},
    )
    new_password_again = forms.CharField(
        label=_("Verify Password"),
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Enter your new password again.")},
    )
    code = CodeForm.base_fields["code"]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        self.check_password_pair("new_password", "new_password_again", None)
        return data
