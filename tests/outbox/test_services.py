"""The outbox's promises to members and staff, one service at a time.

Emails render in the member's language with the plan's footer, exist only if the change that
caused them commits, are sent at most once however often the task arrives, and are retried with
backoff (then shown as failed) when the mail server refuses them.
"""

import datetime
import json
import smtplib
from base64 import b64decode
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import redis
import time_machine
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from members.models import Member
from outbox.models import Email, EmailStatus
from outbox.services import email_queue, email_send, outbox_sweep
from portal.plans import PlanProfile

pytestmark = pytest.mark.django_db

# Test-only templates that print the language they were rendered in.
_LANGUAGE_TEMPLATES = Path(__file__).parent / "templates"


def queue_account_created(member: Member | None = None, language: str = "en", **context: object) -> Email:
    return email_queue(
        to="jose@example.com",
        template="members/account_created",
        context={"first_name": "José", "login_url": "https://portal.example/accounts/login/", **context},
        language=language,
        member=member,
    )


def test_email_renders_the_message_and_the_footer_every_email_carries(
    alliance: PlanProfile, make_member: Any
) -> None:
    member = make_member()
    email = queue_account_created(member=member, first_name="Ana O'Brien")
    assert email.subject == "Your Member Portal account was created"
    assert email.status == EmailStatus.QUEUED
    assert email.member == member
    for body in (email.body_text, email.body_html):
        assert "Alliance Health Plan" in body
        assert "not encrypted" in body
        assert "Do not reply to it with confidential information" in body
        assert "800-700-3874" in body and "TTY 711" in body
        assert "https://portal.example/accounts/login/" in body
    # The text body is plain text, the HTML body is escaped HTML.
    assert "Hello Ana O'Brien," in email.body_text
    assert "Ana O&#x27;Brien" in email.body_html
    assert "\n\n\n" not in email.body_text
    assert member.member_id not in email.body_text + email.body_html


def test_email_is_rendered_in_the_requested_language(settings: Any) -> None:
    # No catalogues are compiled yet: prove the template ran under translation.override().
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], _LANGUAGE_TEMPLATES]},
    ]
    email = email_queue(to="ana@example.com", template="probe", context={}, language="es")
    assert email.language == "es"
    assert email.subject == "lang=es"
    assert email.body_text.startswith("lang=es")
    assert "lang=es" in email.body_html
    assert 'lang="es"' in email.body_html


def test_a_rolled_back_change_leaves_no_email_and_sends_nothing(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue_account_created()
        raise RuntimeError("the change that caused the email failed")
    assert callbacks == []
    assert not Email.objects.exists()
    assert outbox_sweep() == 0
    assert mail.outbox == []


def test_after_commit_only_the_email_id_goes_to_the_broker(
    broker: redis.Redis, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_account_created()
        assert broker.llen("celery") == 0
    messages = [json.loads(raw) for raw in broker.lrange("celery", 0, -1)]
    assert [m["headers"]["task"] for m in messages] == ["outbox.tasks.send_email"]
    args, kwargs, _ = json.loads(b64decode(messages[0]["body"]))
    assert (args, kwargs) == ([email.pk], {})
    assert "jose@example.com" not in json.dumps(messages)


def test_sending_delivers_text_and_html_with_a_stable_message_id() -> None:
    email = queue_account_created()
    email_send(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    [sent] = mail.outbox
    assert sent.to == ["jose@example.com"]
    assert sent.from_email == "Member Services <member-services@localhost>"
    assert sent.subject == email.subject
    assert sent.body == email.body_text
    assert sent.alternatives[0].content == email.body_html  # type: ignore[attr-defined]
    assert sent.message()["Message-ID"] == email.message_id


def test_a_second_delivery_of_the_same_task_sends_nothing() -> None:
    email = queue_account_created()
    email_send(email_id=email.pk)
    email_send(email_id=email.pk)
    assert len(mail.outbox) == 1


def test_an_email_claimed_by_another_worker_is_left_alone() -> None:
    email = queue_account_created()
    Email.objects.filter(pk=email.pk).update(status=EmailStatus.SENDING, claimed_at=timezone.now())
    email_send(email_id=email.pk)
    assert mail.outbox == []


class RefusingMailer:
    """A mail backend whose server answers 451: what a real SMTP outage looks like to Django."""

    def __init__(self, **kwargs: object) -> None:
        pass

    def send_messages(self, messages: list[Any]) -> int:
        raise smtplib.SMTPSenderRefused(451, b"4.3.0 Mail server temporarily unavailable", "x@localhost")


REFUSING = {"default": {"BACKEND": "tests.outbox.test_services.RefusingMailer"}}


@override_settings(MAILERS=REFUSING, OUTBOX_MAX_ATTEMPTS=3)
def test_a_refused_email_is_retried_with_backoff_then_marked_failed() -> None:
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        email = queue_account_created()
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.QUEUED, 1)
    assert email.next_attempt_at == start + datetime.timedelta(minutes=1)
    assert email.last_error == "SMTPSenderRefused: 451 4.3.0 Mail server temporarily unavailable"

    with time_machine.travel(start + datetime.timedelta(seconds=30), tick=False):
        email_send(email_id=email.pk)  # not due yet: nothing happens
    email.refresh_from_db()
    assert email.attempts == 1

    second = start + datetime.timedelta(minutes=1)
    with time_machine.travel(second, tick=False):
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.QUEUED, 2)
    assert email.next_attempt_at == second + datetime.timedelta(minutes=2)

    with time_machine.travel(second + datetime.timedelta(minutes=2), tick=False):
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.FAILED, 3)
    assert outbox_sweep(now=second + datetime.timedelta(hours=1)) == 0


def test_the_sweep_requeues_an_email_whose_worker_died(broker: redis.Redis) -> None:
    email = queue_account_created()
    claimed = timezone.now()
    Email.objects.filter(pk=email.pk).update(status=EmailStatus.SENDING, claimed_at=claimed, attempts=1)

    assert outbox_sweep(now=claimed + datetime.timedelta(minutes=5)) == 0
    email.refresh_from_db()
    assert email.status == EmailStatus.SENDING

    later = claimed + datetime.timedelta(minutes=11)
    assert outbox_sweep(now=later) == 1
    email.refresh_from_db()
    assert (email.status, email.dispatched_at) == (EmailStatus.QUEUED, later)
    # Handed to the broker once; the next sweep within five minutes does not hand it on again.
    assert outbox_sweep(now=later + datetime.timedelta(minutes=1)) == 0
    assert broker.llen("celery") == 1


def test_the_sweep_waits_before_handing_on_a_freshly_queued_email(broker: redis.Redis) -> None:
    email = queue_account_created()
    assert outbox_sweep(now=email.created_at + datetime.timedelta(minutes=1)) == 0
    assert outbox_sweep(now=email.created_at + datetime.timedelta(minutes=6)) == 1


def test_every_email_has_its_own_message_id() -> None:
    first, second = queue_account_created(), queue_account_created()
    assert first.message_id != second.message_id
    assert first.message_id.startswith("<") and first.message_id.endswith("@localhost>")
