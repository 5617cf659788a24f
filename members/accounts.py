"""Member online accounts: create (by matching the plan record and an emailed code), send a
new code, and the first log-in. Recovering the username and resetting the password are in
members/recovery.py.

Views call these functions; each write happens in one transaction together with the outbox row
of the email it causes, so a member never gets an email about a change that did not happen.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from members import rules
from members.codes import CodeCheck, code_can_resend, code_check, code_issue, code_reissue, code_send
from members.email_limits import Flow, account_email_claim
from members.models import CodePurpose, Member, Phone, PhoneKind, User, VerificationCode, email_language
from outbox.services import email_queue
from portal.clock import plan_today


class AccountAlreadyExists(Exception):
    """The member got an account some other way while their code was on its way."""


class UsernameTaken(Exception):
    """Somebody else took the username while the code was on its way."""


class BelowMinimumAge(Exception):
    """The member is younger than rules.minimum_account_age(): online accounts are for adults."""


def signup_start(
    *, member: Member, email: str, cell_phone: str, username: str, password: str, client: str
) -> VerificationCode:
    """Step one of Create Member Online Account: email a code; no account exists yet.

    The password is hashed now so the plain text never rests anywhere. Raises BelowMinimumAge
    for a member too young for an account, whatever the form in front of it checked, and
    EmailLimitReached past the account-email limits (members/email_limits.py).
    """
    if not rules.account_age_reached(member, plan_today()):
        raise BelowMinimumAge
    with transaction.atomic():
        account_email_claim(member=member, flow=Flow.SIGNUP, to=email, client=client)
        issued = code_issue(
            member=member,
            purpose=CodePurpose.SIGNUP,
            email=email,
            payload={
                "username": username,
                "cell_phone": cell_phone,
                "password_hash": make_password(password),
                "language": translation.get_language(),
            },
        )
        code_send(issued)
    return issued.record


@transaction.atomic
def signup_resend_code(*, record_id: int, client: str) -> bool:
    """ "Send a new code": False while cooling down, or when the request is used up or unknown.

    Raises EmailLimitReached past the account-email limits.
    """
    record = (
        VerificationCode.objects.select_for_update()
        .select_related("member")
        .filter(pk=record_id, purpose=CodePurpose.SIGNUP)
        .first()
    )
    if record is None or not code_can_resend(record):
        return False
    account_email_claim(member=record.member, flow=Flow.SIGNUP, to=record.email, client=client)
    issued = code_reissue(record=record)
    if issued is None:
        return False
    code_send(issued)
    return True


def signup_verify(*, record_id: int | None, code: str) -> tuple[CodeCheck, User | None]:
    """Step two: the right code creates the account and links it to the member record."""
    with transaction.atomic():
        result, record = code_check(record_id=record_id, purpose=CodePurpose.SIGNUP, code=code)
        if result is not CodeCheck.OK or record is None:
            return result, None
        member = Member.objects.select_for_update().get(pk=record.member_id)
        if member.user_id is not None:
            raise AccountAlreadyExists
        payload = record.payload
        if User.objects.filter(username__iexact=payload["username"]).exists():
            raise UsernameTaken
        user = User(
            username=payload["username"],
            email=record.email,
            first_name=member.first_name,
            last_name=member.last_name,
            preferred_language=payload.get("language", ""),
        )
        user.password = payload["password_hash"]
        user.save()
        EmailAddress.objects.create(user=user, email=record.email, verified=True, primary=True)
        member.user = user
        member.save(update_fields=["user", "updated_at"])
        if payload.get("cell_phone"):
            Phone.objects.create(
                member=member,
                kind=PhoneKind.CELL,
                number=payload["cell_phone"],
                is_primary=not member.phones.filter(kind=PhoneKind.CELL, is_primary=True).exists(),
            )
        return result, user


def account_first_login(*, user: User) -> None:
    """After the first successful log-in, email the member that their account was created."""
    with transaction.atomic():
        updated = User.objects.filter(pk=user.pk, first_login_at__isnull=True).update(
            first_login_at=timezone.now()
        )
        member = Member.objects.filter(user=user).first()
        if updated and member is not None and user.email:
            email_queue(
                to=user.email,
                template="members/account_created",
                context={
                    "first_name": member.first_name,
                    "login_url": settings.SITE_URL + reverse("account_login"),
                },
                language=email_language(user),
                member=member,
            )
