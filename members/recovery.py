"""Recover Member Online Account: the username, a password reset code, or both — without telling
anyone whether the details they typed belong to an account.

The page (members.views.recover) does the same work whatever was typed: it writes one
RecoveryRequest row (the member it matched, if any) and hands its id to Celery after commit.
The worker (recovery_send) then looks at the account and the limits and, only for an active
account within them, issues the code and queues the email. Account or not, the page's
statements, its time and its session are the same; so is RESET PASSWORD's answer to a wrong code
(members.codes.code_check costs the same with or without a code). A row the broker never got
is handled by the sweep a minute later.
"""

import datetime
import functools
import logging

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from members import rules
from members.codes import CodeCheck, code_check, code_issue
from members.email_limits import EmailLimitReached, Flow, account_email_claim
from members.login_limits import login_limits_clear
from members.models import CodePurpose, Member, RecoveryRequest, User, email_language
from outbox.services import email_queue

logger = logging.getLogger(__name__)

# A request the on-commit hand-off did not deliver waits this long for the sweep.
SWEEP_AFTER = datetime.timedelta(minutes=1)
SWEEP_BATCH = 200
# Rows are kept this long (longer than the daily limits and budget look back), then deleted.
KEEP_FOR = datetime.timedelta(days=7)


def recovery_request(
    *, member: Member | None, forgot_username: bool, reset_password: bool, client: str
) -> RecoveryRequest:
    """Record one request and hand it to the worker after commit; the same work for anyone.

    `member` is whoever the details matched, or None. Nothing here looks at their account.
    """
    with transaction.atomic():
        recovery = RecoveryRequest.objects.create(
            member=member,
            forgot_username=forgot_username,
            reset_password=reset_password,
            # The worker sends the email later, outside this page: it keeps the page's language.
            language=email_language(None),
            client_address=client,
        )
        transaction.on_commit(functools.partial(recovery_dispatch, recovery_id=recovery.pk))
    return recovery


def recovery_dispatch(*, recovery_id: int) -> bool:
    """Hand a request to the broker; False (and a warning) if it is unreachable: the sweep retries.

    Never raises, so the page answers while Redis is down.
    """
    from members.tasks import send_recovery  # the tasks module imports this one

    try:
        send_recovery.delay(recovery_id)
    # Whatever the broker client raises, the row is safe and the sweep hands it on later.
    except Exception as exc:
        logger.warning(
            "Recovery %s not handed to the broker (%s); the sweep will", recovery_id, type(exc).__name__
        )
        return False
    return True


def recovery_send(*, recovery_id: int) -> None:
    """The worker's part: one email with the username, a reset code, or both.

    Only for an active account with an email, within the account-email limits, and while the
    member may still be on the page (rules.CODE_LIFETIME); otherwise nothing, and nobody can
    tell. Each request is handled once, however often its task is delivered.
    """
    now = timezone.now()
    with transaction.atomic():
        recovery = (
            RecoveryRequest.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("member__user")
            .filter(pk=recovery_id, handled_at__isnull=True)
            .first()
        )
        if recovery is None:
            return
        recovery.handled_at = now
        recovery.save(update_fields=["handled_at"])
        member = recovery.member
        user = member.user if member is not None else None
        if (
            member is None
            or user is None
            or not user.is_active
            or not user.email
            or now - recovery.created_at > rules.CODE_LIFETIME
        ):
            return
        try:
            account_email_claim(
                member=member, flow=Flow.RECOVERY, to=user.email, client=recovery.client_address
            )
        except EmailLimitReached:
            return
        context: dict[str, object] = {
            "first_name": member.first_name,
            "code_lifetime_minutes": rules.code_lifetime_minutes(),
        }
        if recovery.forgot_username:
            context["username"] = user.get_username()
        if recovery.reset_password:
            issued = code_issue(
                member=member, purpose=CodePurpose.PASSWORD_RESET, email=user.email, recovery=recovery
            )
            context["code"] = issued.code
        email_queue(
            to=user.email,
            template="members/account_recovery",
            context=context,
            language=recovery.language,
            member=member,
        )


def recovery_sweep(*, now: datetime.datetime | None = None) -> int:
    """Handle the requests the broker never got, and delete old ones; return how many were handled."""
    now = now or timezone.now()
    waiting = list(
        RecoveryRequest.objects.filter(handled_at__isnull=True, created_at__lt=now - SWEEP_AFTER)
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    for recovery_id in waiting:
        recovery_send(recovery_id=recovery_id)
    RecoveryRequest.objects.filter(created_at__lt=now - KEEP_FOR).delete()
    return len(waiting)


def password_reset(*, recovery_id: int, code: str, new_password: str) -> tuple[CodeCheck, int | None]:
    """RESET PASSWORD: the right code sets the new password and ends every session.

    Returns the answer and, when it is OK, the member's id. Django signs each session with a
    hash of the password, so changing it logs out every browser that was signed in; the
    username's daily count of failed log-ins starts again (members/login_limits.py). Raises
    ValidationError (and uses up nothing) when the new password is too similar to the member's
    own details.
    """
    with transaction.atomic():
        # The request exists whether or not the details matched an account; its code may not.
        RecoveryRequest.objects.filter(pk=recovery_id).update(reset_tries=F("reset_tries") + 1)
        result, record = code_check(recovery_id=recovery_id, purpose=CodePurpose.PASSWORD_RESET, code=code)
        if result is not CodeCheck.OK or record is None:
            return result, None
        user = User.objects.select_for_update().get(member__pk=record.member_id)
        validate_password(new_password, user)
        user.set_password(new_password)
        user.save(update_fields=["password"])
        # A member locked out by a day of someone else's guesses gets in with the new password.
        login_limits_clear(username=user.get_username())
        email_queue(
            to=user.email,
            template="members/password_changed",
            context={"first_name": record.member.first_name},
            language=email_language(user),
            member=record.member,
        )
        return result, record.member_id
