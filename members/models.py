"""The plan's member records (fed by enrollment) and the portal accounts linked to them."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    UNKNOWN = "U", _("Unknown")


class User(AbstractUser):
    """A sign-in: a member's online account, or a staff user. Usernames are unique ignoring case."""

    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    # Set at the first successful log-in, when the "account created" email goes out.
    first_login_at = models.DateTimeField(_("first log-in"), null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
        ]


def email_language(user: User | None) -> str:
    """The language of an email to `user`: the one they chose, else the one the page is in."""
    return (user.preferred_language if user is not None else "") or get_language() or settings.LANGUAGE_CODE


class MemberQuerySet(models.QuerySet["Member"]):
    def search(self, term: str) -> "MemberQuerySet":
        """Staff search: an exact member ID, or the start of a last or first name."""
        term = term.strip()
        if not term:
            return self
        return self.filter(
            models.Q(member_id__iexact=term)
            | models.Q(last_name__istartswith=term)
            | models.Q(first_name__istartswith=term)
        )


class Member(models.Model):
    """A person enrolled with the plan, as the enrollment system knows them."""

    member_id = models.CharField(_("member ID"), max_length=20, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    preferred_language = models.CharField(_("preferred language"), max_length=10, default="en")
    county = models.CharField(_("county"), max_length=50, blank=True)
    # HMAC-SHA256 of the full SSN when the plan's file carries one (members/ssn.py); never the SSN.
    # db_default: the bulk loaders (demo, bench) COPY named columns only.
    ssn_digest = models.CharField(
        _("SSN (keyed hash)"), max_length=64, blank=True, default="", db_default="", editable=False
    )
    head_of_household = models.ForeignKey(
        "self",
        verbose_name=_("head of household"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="household_members",
    )
    user = models.OneToOneField(
        User,
        verbose_name=_("online account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["last_name", "first_name", "member_id"]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="member_name_idx"),
            models.Index(
                fields=["ssn_digest"], name="member_ssn_digest_idx", condition=~models.Q(ssn_digest="")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: datetime.date) -> int:
        """Whole years of age on `day`; a February 29 birthday counts on March 1."""
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class AddressKind(models.TextChoices):
    HOME = "home", _("Home")
    MAILING = "mailing", _("Mailing")


class PhoneKind(models.TextChoices):
    CELL = "cell", _("Cell")
    HOME = "home", _("Home")
    WORK = "work", _("Work")


class Address(models.Model):
    """A member's postal address. The mailing address is where ID cards and notices go."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="addresses")
    kind = models.CharField(_("type"), max_length=10, choices=AddressKind.choices)
    line1 = models.CharField(_("address line 1"), max_length=200)
    line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2)
    zip_code = models.CharField(_("ZIP code"), max_length=10)
    county = models.CharField(_("county"), max_length=50, blank=True)
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")
        ordering = ["kind", "-is_primary", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind"],
                condition=models.Q(is_primary=True),
                name="address_one_primary_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.line1}, {self.city}, {self.state} {self.zip_code}"


class Phone(models.Model):
    """A member's phone number, stored in E.164 (+18007003874)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="phones")
    kind = models.CharField(_("type"), max_length=10, choices=PhoneKind.choices)
    number = models.CharField(_("phone number"), max_length=20)
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")
        ordering = ["kind", "-is_primary", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind"],
                condition=models.Q(is_primary=True),
                name="phone_one_primary_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class ContactEmail(models.Model):
    """An email address on the member's record (not necessarily the account's sign-in email)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="emails")
    address = models.EmailField(_("email address"))
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("email address")
        verbose_name_plural = _("email addresses")
        ordering = ["-is_primary", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(is_primary=True),
                name="email_one_primary",
            ),
        ]

    def __str__(self) -> str:
        return self.address


class CodePurpose(models.TextChoices):
    SIGNUP = "signup", _("Create account")
    PASSWORD_RESET = "password_reset", _("Reset password")
    EMAIL_CHANGE = "email_change", _("Change email")


class RecoveryRequest(models.Model):
    """One SUBMIT of Recover Member Online Account, whether or not the details matched an account.

    The page writes this row and nothing else about the member, whatever was typed; the worker
    then looks at the account, the limits, the code and the email (members.accounts.recovery_send).
    So the page does the same work in the same time whether or not an account exists. The row
    keeps no typed detail: only the member it matched, if any.
    """

    member = models.ForeignKey(Member, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    forgot_username = models.BooleanField(default=False)
    reset_password = models.BooleanField(default=False)
    language = models.CharField(max_length=10)
    # As members.limits.client_address counts it, for the per-client limit on emails.
    client_address = models.CharField(max_length=45, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    # RESET PASSWORD tries on this request, counted whether or not it has a code: so a wrong
    # code costs a write (and its commit) with or without an account.
    reset_tries = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("recovery request")
        verbose_name_plural = _("recovery requests")
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(handled_at__isnull=True),
                name="recovery_unhandled_idx",
            ),
            models.Index(fields=["created_at"], name="recovery_created_idx"),
        ]

    def __str__(self) -> str:
        return f"recovery request #{self.pk}"


class VerificationCode(models.Model):
    """A one-time code emailed to a member to prove they read that mailbox.

    Only a keyed hash of the code is kept. A code is single use, expires, and dies after too
    many wrong tries; sending a new code replaces the hash but keeps the count of wrong tries.
    `payload` holds what the verified step will apply (for a sign-up: the username, email and
    the already-hashed password), never the plain code or password.
    """

    purpose = models.CharField(max_length=20, choices=CodePurpose.choices)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="verification_codes")
    email = models.EmailField(_("sent to"))
    code_hash = models.CharField(max_length=128)
    payload = models.JSONField(default=dict, blank=True)
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A reset code belongs to the recovery request that asked for it (the page knows only that).
    recovery = models.ForeignKey(
        RecoveryRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="codes"
    )

    class Meta:
        verbose_name = _("verification code")
        verbose_name_plural = _("verification codes")
        indexes = [models.Index(fields=["member", "purpose"], name="code_member_purpose_idx")]

    def __str__(self) -> str:
        return f"{self.purpose} code for member #{self.member_id}"


class ContactChangeAction(models.TextChoices):
    ADD = "add", _("Added")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")


class ContactCategory(models.TextChoices):
    ADDRESS = "address", _("Address")
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("Email address")
    ACCOUNT_EMAIL = "account_email", _("Account sign-in email")


class ContactChange(models.Model):
    """One change to a member's contact information, kept so staff can see who changed what and when.

    Written by the services in members/contacts.py in the same transaction as the change; rows are
    never edited or deleted. `before` and `after` hold the changed record's values (empty for an
    add or a delete respectively), so a deleted address can still be read here.
    """

    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="contact_changes"
    )
    # The member themself, or a staff user acting for them; kept if the sign-in is later removed.
    actor = models.ForeignKey(
        User, verbose_name=_("changed by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=ContactChangeAction.choices)
    category = models.CharField(_("category"), max_length=20, choices=ContactCategory.choices)
    # The id of the address, phone or email row; that row may since have been deleted.
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact change")
        verbose_name_plural = _("contact changes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["member", "-created_at"], name="contactchange_member_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.get_category_display()} for member #{self.member_id}"
