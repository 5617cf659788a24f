"""Every email the portal sends goes through here.

email_queue() renders the message and writes it as an outbox row inside the caller's
transaction, so the email exists exactly when the change that caused it does. After commit the
row's id is handed to Celery; the worker claims the row, sends it and marks it sent. A periodic
sweep hands on whatever is still unsent (broker down, worker died, retry due), so a Redis or SMTP
outage delays mail but loses none. See docs/email.md.
"""

import datetime
import functools
import logging
import re
import smtplib
from typing import cast

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import models, transaction
from django.db.models import F, Q
from django.template import Context, engines
from django.template.backends.django import DjangoTemplates
from django.template.loader import render_to_string
from django.utils import timezone, translation

from outbox.models import Email, EmailStatus
from portal.plans import plan_context

logger = logging.getLogger(__name__)

# A worker that claimed a row this long ago and never finished has died.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
# A queued row handed to the broker this long ago and still unsent is handed on again.
REDISPATCH_AFTER = datetime.timedelta(minutes=5)
SWEEP_BATCH = 200
BACKOFF_CAP = datetime.timedelta(hours=1)


def email_queue(
    *, to: str, template: str, context: dict[str, object], language: str, member: models.Model | None = None
) -> Email:
    """Render `template` in `language` and queue it for `to`; return the outbox row.

    Call it inside the transaction of the change that causes the email: the row commits or rolls
    back with that change, and the email is handed to the broker only after commit.
    Renders templates/emails/<template>_subject.txt, <template>.txt and <template>.html with the
    plan's name and member services' phone added to `context`.
    """
    full_context: dict[str, object] = {
        **plan_context(settings.PLAN),
        **context,
    }
    with translation.override(language):
        # A subject is one header line: newlines from the template would be an injection error.
        subject = " ".join(_render_text(f"emails/{template}_subject.txt", full_context).split())
        body_text = _render_text(f"emails/{template}.txt", full_context)
        body_html = render_to_string(f"emails/{template}.html", full_context)
    now = timezone.now()
    email = Email.objects.create(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        template=template,
        language=language,
        member_id=member.pk if member is not None else None,
        next_attempt_at=now,
        # The on-commit dispatch below is this row's first hand-off; the sweep waits before another.
        dispatched_at=now,
    )
    transaction.on_commit(functools.partial(email_dispatch, email_id=email.pk))
    return email


def _render_text(name: str, context: dict[str, object]) -> str:
    # Plain text is not HTML: "O'Brien" must not become "O&#x27;Brien".
    backend = cast(DjangoTemplates, engines["django"])
    text = backend.engine.get_template(name).render(Context(context, autoescape=False))
    # Template tags leave blank lines behind; a message keeps at most one blank line in a row.
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", text).strip() + "\n"


def email_dispatch(*, email_id: int) -> bool:
    """Hand a queued email to the broker; False (and a warning) if the broker is unreachable.

    Never raises and returns within the broker's socket timeouts, so the member's page neither
    fails nor hangs when Redis is down: the row stays queued and the sweep hands it on later.
    """
    from outbox.tasks import send_email  # the tasks module imports this one

    try:
        send_email.delay(email_id)
    # Whatever the broker client raises, the row is safe in the database and the sweep will
    # retry; the page that caused the email must still succeed.
    except Exception as exc:
        logger.warning(
            "Email %s not handed to the broker (%s); the sweep will retry", email_id, type(exc).__name__
        )
        Email.objects.filter(pk=email_id, status=EmailStatus.QUEUED).update(dispatched_at=None)
        return False
    return True


def email_send(*, email_id: int) -> None:
    """Send one queued email, at most once at a time.

    The conditional UPDATE claims the row: a duplicate task, a second worker or an email that is
    not yet due finds nothing to claim and returns. A failure puts the row back in the queue with
    exponential backoff, or marks it failed (for staff to see) after OUTBOX_MAX_ATTEMPTS.
    """
    now = timezone.now()
    claimed = Email.objects.filter(pk=email_id, status=EmailStatus.QUEUED, next_attempt_at__lte=now).update(
        status=EmailStatus.SENDING, attempts=F("attempts") + 1, claimed_at=now
    )
    if not claimed:
        return
    email = Email.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Message-ID": email.message_id},
    )
    message.attach_alternative(email.body_html, "text/html")
    try:
        if mailers.default.send_messages([message]) != 1:
            raise smtplib.SMTPException("the mailer did not accept the message")
    # Any failure of the mailer (SMTP refusal, network, TLS) is retried later from the row.
    except Exception as exc:
        _record_failure(email, exc)
        return
    Email.objects.filter(pk=email_id, status=EmailStatus.SENDING).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), last_error=""
    )


def backoff(attempts: int) -> datetime.timedelta:
    """Wait before the next try after `attempts` failed ones: 1, 2, 4, 8, 16 … minutes, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** max(attempts - 1, 0)), BACKOFF_CAP)


def _record_failure(email: Email, exc: Exception) -> None:
    error = _describe_error(exc, email.to)
    if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        fields: dict[str, object] = {"status": EmailStatus.FAILED}
        logger.error("Email %s failed for good after %s attempts: %s", email.pk, email.attempts, error)
    else:
        # Not handed to the broker since it failed: the first sweep after next_attempt_at sends
        # it, rather than waiting REDISPATCH_AFTER from the hand-off that led to this attempt.
        fields = {
            "status": EmailStatus.QUEUED,
            "next_attempt_at": timezone.now() + backoff(email.attempts),
            "dispatched_at": None,
        }
        logger.warning("Email %s attempt %s failed, will retry: %s", email.pk, email.attempts, error)
    Email.objects.filter(pk=email.pk, status=EmailStatus.SENDING).update(last_error=error, **fields)


def _describe_error(exc: Exception, address: str) -> str:
    """The exception class and SMTP code and message; the recipient's address is blanked out."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = [_reply(code, reply) for code, reply in exc.recipients.values()]
        detail = "; ".join(replies)
    elif isinstance(exc, smtplib.SMTPResponseException):
        detail = _reply(exc.smtp_code, exc.smtp_error)
    elif isinstance(exc, OSError):
        detail = exc.strerror or ""
    else:
        detail = ""
    text = f"{name}: {detail}" if detail else name
    return text.replace(address, "<recipient>")[:500]


def _reply(code: int, reply: bytes | str) -> str:
    message = reply.decode(errors="replace") if isinstance(reply, bytes) else reply
    return f"{code} {message}"


def outbox_sweep(*, now: datetime.datetime | None = None) -> int:
    """Hand on every email that is still unsent and due; return how many were handed to the broker.

    Rows a dead worker left in SENDING go back to the queue (or fail, if out of attempts). Queued
    rows not handed to the broker in the last few minutes are handed on, a bounded batch per run.
    A duplicate hand-off is harmless: the worker's claim lets only one send happen.
    """
    now = now or timezone.now()
    stale = Q(status=EmailStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    Email.objects.filter(stale, attempts__gte=settings.OUTBOX_MAX_ATTEMPTS).update(
        status=EmailStatus.FAILED, last_error="WorkerLost: the worker stopped while sending"
    )
    Email.objects.filter(stale).update(status=EmailStatus.QUEUED, next_attempt_at=now, dispatched_at=None)

    with transaction.atomic():
        due = list(
            Email.objects.select_for_update(skip_locked=True)
            .filter(status=EmailStatus.QUEUED, next_attempt_at__lte=now)
            .filter(Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=now - REDISPATCH_AFTER))
            .order_by("next_attempt_at", "id")
            .values_list("pk", flat=True)[:SWEEP_BATCH]
        )
        Email.objects.filter(pk__in=due).update(dispatched_at=now)

    dispatched = 0
    for email_id in due:
        if not email_dispatch(email_id=email_id):
            # The broker is down: the rest would fail the same way, each after a timeout.
            Email.objects.filter(pk__in=due[dispatched:], status=EmailStatus.QUEUED).update(
                dispatched_at=None
            )
            break
        dispatched += 1
    return dispatched
