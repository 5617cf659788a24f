"""Profile → Personal Information: a member's addresses, phone numbers and email addresses, and the
email their account signs in with.

Every write goes through one of these functions, in one transaction with its history row
(ContactChange, which staff read in the admin) and the outbox row of the short "your contact
information changed" email, so neither exists for a change that did not happen. The email says
nothing about what changed: it may be read by someone other than the member.

The plan's rules live here: at most one primary per category (marking one un-marks the other), and
a member always keeps a mailing address. Each service locks the member's row first, so two changes
at once (two browser tabs) cannot both delete "the other" mailing address.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from allauth.account.models import EmailAddress
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.codes import (
    CodeCheck,
    IssuedCode,
    code_can_resend,
    code_check,
    code_issue,
    code_reissue,
    code_send,
)
from members.email_limits import Flow, account_email_claim
from members.models import (
    Address,
    AddressKind,
    CodePurpose,
    ContactCategory,
    ContactChange,
    ContactChangeAction,
    ContactEmail,
    Member,
    Phone,
    User,
    VerificationCode,
    email_language,
)
from outbox.services import email_queue
from portal.statements import ModelStatement

ContactKind = Literal["address", "phone", "email"]
Contact = Address | Phone | ContactEmail

CONTACT_MODELS: dict[str, type[Contact]] = {"address": Address, "phone": Phone, "email": ContactEmail}
# What a member may change, and what the history keeps, for each kind of contact.
CONTACT_FIELDS: dict[str, list[str]] = {
    "address": ["kind", "line1", "line2", "city", "state", "zip_code", "is_primary"],
    "phone": ["kind", "number", "is_primary"],
    "email": ["address", "is_primary"],
}


class LastMailingAddress(Exception):
    """The change would leave the member without a mailing address; nothing was changed."""

    message = _(
        "You must keep at least one mailing address: it is where your ID card and letters from the "
        "plan are sent. Add another mailing address first."
    )


class AccountEmailTaken(Exception):
    """Another account started signing in with the new address while the code was on its way."""


@dataclass(frozen=True)
class ContactLists:
    addresses: list[Address]
    phones: list[Phone]
    emails: list[ContactEmail]


# Profile and My Info read all three on every visit (portal/statements.py): in each model's order.
_ADDRESSES = ModelStatement(Address, where="member_id = %s")
_PHONES = ModelStatement(Phone, where="member_id = %s")
_EMAILS = ModelStatement(ContactEmail, where="member_id = %s")


def contacts_of(member: Member) -> ContactLists:
    """Everything on the Personal Information tab, in three queries however many there are."""
    return ContactLists(
        addresses=_ADDRESSES.rows([member.pk]),
        phones=_PHONES.rows([member.pk]),
        emails=_EMAILS.rows([member.pk]),
    )


@transaction.atomic
def contact_add(
    *, member: Member, actor: User | None, kind: ContactKind, values: Mapping[str, Any]
) -> Contact:
    """Add an address, phone number or email address to the member's record."""
    _lock(member)
    contact = CONTACT_MODELS[kind](member=member)
    _apply(contact, kind, values)
    _unmark_other_primary(contact, kind, actor)
    contact.save()
    _record(
        member, actor, ContactChangeAction.ADD, kind, contact.pk, before={}, after=_snapshot(contact, kind)
    )
    _notify_changed(member)
    return contact


@transaction.atomic
def contact_update(
    *, member: Member, actor: User | None, kind: ContactKind, pk: int, values: Mapping[str, Any]
) -> Contact:
    """Change one of the member's contacts; a change that changes nothing records and sends nothing.

    Raises LastMailingAddress when it would turn the only mailing address into a home address, and
    the model's DoesNotExist when `pk` is not one of this member's contacts.
    """
    _lock(member)
    contact = CONTACT_MODELS[kind].objects.get(pk=pk, member=member)
    before = _snapshot(contact, kind)
    _apply(contact, kind, values)
    after = _snapshot(contact, kind)
    if after == before:
        return contact
    if (
        isinstance(contact, Address)
        and before["kind"] == AddressKind.MAILING
        and contact.kind != AddressKind.MAILING
        and _mailing_count(member) == 1
    ):
        raise LastMailingAddress
    _unmark_other_primary(contact, kind, actor)
    contact.save()
    _record(member, actor, ContactChangeAction.UPDATE, kind, contact.pk, before=before, after=after)
    _notify_changed(member)
    return contact


@transaction.atomic
def contact_delete(*, member: Member, actor: User | None, kind: ContactKind, pk: int) -> None:
    """Delete one of the member's contacts; the member's last mailing address is refused.

    Raises LastMailingAddress, or the model's DoesNotExist when `pk` is not this member's.
    """
    _lock(member)
    contact = CONTACT_MODELS[kind].objects.get(pk=pk, member=member)
    if isinstance(contact, Address) and contact.kind == AddressKind.MAILING and _mailing_count(member) == 1:
        raise LastMailingAddress
    before = _snapshot(contact, kind)
    contact.delete()
    _record(member, actor, ContactChangeAction.DELETE, kind, pk, before=before, after={})
    _notify_changed(member)


def _lock(member: Member) -> None:
    # Serialises every contact change of one member; see the module docstring.
    Member.objects.select_for_update().filter(pk=member.pk).values_list("pk", flat=True).get()


def _apply(contact: Contact, kind: ContactKind, values: Mapping[str, Any]) -> None:
    for field in CONTACT_FIELDS[kind]:
        if field in values:
            setattr(contact, field, values[field])


def _snapshot(contact: Contact, kind: ContactKind) -> dict[str, Any]:
    return {field: getattr(contact, field) for field in CONTACT_FIELDS[kind]}


def _mailing_count(member: Member) -> int:
    return Address.objects.filter(member=member, kind=AddressKind.MAILING).count()


def _unmark_other_primary(contact: Contact, kind: ContactKind, actor: User | None) -> None:
    """Un-mark the category's current primary before `contact` is saved as the new one.

    The database allows one primary per category (a partial unique index), so the old one must
    be un-marked first. The un-marking is a change to that record and is recorded as one.
    """
    if not contact.is_primary:
        return
    same_category: dict[str, object] = {"member_id": contact.member_id, "is_primary": True}
    if not isinstance(contact, ContactEmail):
        same_category["kind"] = contact.kind
    others = CONTACT_MODELS[kind].objects.filter(**same_category)
    if contact.pk:
        others = others.exclude(pk=contact.pk)
    for other in others:
        before = _snapshot(other, kind)
        other.is_primary = False
        other.save(update_fields=["is_primary"])
        _record(
            contact.member, actor, ContactChangeAction.UPDATE, kind, other.pk, before, _snapshot(other, kind)
        )


def _record(
    member: Member,
    actor: User | None,
    action: ContactChangeAction,
    category: str,
    object_id: int | None,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    ContactChange.objects.create(
        member=member,
        actor=actor,
        action=action,
        category=category,
        object_id=object_id,
        before=before,
        after=after,
    )


def _notify_changed(member: Member, *, to: str | None = None) -> None:
    """Queue "your contact information changed" to the account's email; no details go in it."""
    user = member.user
    address = to or (user.email if user is not None else "")
    if not address:
        # No online account email (a change staff made for a member without one): nobody to tell.
        return
    email_queue(
        to=address,
        template="members/contact_changed",
        context={"first_name": member.first_name},
        language=email_language(user),
        member=member,
    )


# --- The account's sign-in email -------------------------------------------------------------


def account_email_owner(email: str, *, user: User) -> User | None:
    """The other account that already uses `email` (case-insensitive), if any; one query."""
    return (
        User.objects.select_related("member")
        .filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email))
        .exclude(pk=user.pk)
        .first()
    )


def account_email_taken(email: str, *, user: User) -> bool:
    """Whether another account already uses `email` (case-insensitive)."""
    return account_email_owner(email, user=user) is not None


@transaction.atomic
def account_email_change_start(
    *, member: Member, user: User, new_email: str, client: str
) -> VerificationCode:
    """Step one of changing the sign-in email: nothing changes yet, and the member is told the
    same whoever the new address belongs to.

    A free address gets the code. An address another account uses gets no code (it cannot
    become this account's) but a notice to its owner, without the name or anything else of the
    member who asked; the member's page says a code was sent either way, and no code will work.
    Raises EmailLimitReached past the account-email limits (members/email_limits.py), which
    count both kinds alike.
    """
    account_email_claim(member=member, flow=Flow.EMAIL_CHANGE, to=new_email, client=client)
    issued = code_issue(
        member=member, purpose=CodePurpose.EMAIL_CHANGE, email=new_email, payload={"email": new_email}
    )
    _send_code_or_notice(issued, user=user)
    return issued.record


@transaction.atomic
def account_email_change_resend(*, member: Member, user: User, record_id: int, client: str) -> bool:
    """ "Send a new code" to the new address: False while cooling down or when used up.

    Raises EmailLimitReached past the account-email limits.
    """
    record = (
        VerificationCode.objects.select_for_update()
        .select_related("member")
        .filter(pk=record_id, member=member, purpose=CodePurpose.EMAIL_CHANGE)
        .first()
    )
    if record is None or not code_can_resend(record):
        return False
    account_email_claim(member=member, flow=Flow.EMAIL_CHANGE, to=record.email, client=client)
    issued = code_reissue(record=record)
    if issued is None:
        return False
    _send_code_or_notice(issued, user=user)
    return True


def _send_code_or_notice(issued: IssuedCode, *, user: User) -> None:
    owner = account_email_owner(issued.record.email, user=user)
    if owner is None:
        code_send(issued)
        return
    email_queue(
        to=issued.record.email,
        template="members/email_in_use_notice",
        context={},
        language=email_language(owner),
        member=getattr(owner, "member", None),
    )


@transaction.atomic
def account_email_change_verify(*, member: Member, user: User, record_id: int | None, code: str) -> CodeCheck:
    """Step two: the right code makes the new address the account's sign-in email.

    allauth's email records follow (the new one primary and verified, the old one gone), the old
    address gets a notice (without the new address in it) and the new one the usual "contact
    information changed" email. Raises AccountEmailTaken if another account took the address
    meanwhile; then nothing changes and the code is not used up.
    """
    if (
        record_id is None
        or not VerificationCode.objects.filter(
            pk=record_id, member=member, purpose=CodePurpose.EMAIL_CHANGE
        ).exists()
    ):
        return CodeCheck.DEAD
    result, record = code_check(record_id=record_id, purpose=CodePurpose.EMAIL_CHANGE, code=code)
    if result is not CodeCheck.OK or record is None:
        return result
    new_email = str(record.payload["email"])
    user = User.objects.select_for_update().get(pk=user.pk)
    if account_email_taken(new_email, user=user):
        raise AccountEmailTaken
    old_email = user.email
    user.email = new_email
    user.save(update_fields=["email"])
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=new_email, verified=True, primary=True)
    _record(
        member,
        user,
        ContactChangeAction.UPDATE,
        ContactCategory.ACCOUNT_EMAIL,
        user.pk,
        before={"email": old_email},
        after={"email": new_email},
    )
    if old_email:
        email_queue(
            to=old_email,
            template="members/email_changed_notice",
            context={"first_name": member.first_name},
            language=email_language(user),
            member=member,
        )
    _notify_changed(member, to=new_email)
    return result
