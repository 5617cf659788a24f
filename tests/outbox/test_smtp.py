"""Delivery through a real SMTP conversation: a refusing server, then one that accepts."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
import redis
import time_machine
from django.utils import timezone

from outbox.models import Email, EmailStatus
from outbox.services import email_queue, email_send, outbox_sweep
from tests.brokers import run_queued_tasks
from tests.outbox.smtp_server import SMTPServer, smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings: Any) -> Iterator[SMTPServer]:
    with smtp_server() as server:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 5},
            }
        }
        yield server


def queue() -> Email:
    return email_queue(
        to="jose@example.com",
        template="members/account_created",
        context={"first_name": "José", "login_url": "https://portal.example/accounts/login/"},
        language="en",
    )


def test_a_refusing_server_gets_retries_with_backoff_until_the_email_fails(
    smtp: SMTPServer, settings: Any
) -> None:
    settings.OUTBOX_MAX_ATTEMPTS = 4
    smtp.refusing = True
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        email = queue()
    waits = []
    for _ in range(settings.OUTBOX_MAX_ATTEMPTS):
        with time_machine.travel(now, tick=False):
            email_send(email_id=email.pk)
            email_send(email_id=email.pk)  # a duplicate task in the same minute: no extra attempt
        email.refresh_from_db()
        if email.status == EmailStatus.QUEUED:
            waits.append(email.next_attempt_at - now)
            now = email.next_attempt_at

    assert waits == [datetime.timedelta(minutes=m) for m in (1, 2, 4)]
    assert (email.status, email.attempts) == (EmailStatus.FAILED, 4)
    assert email.last_error == "SMTPSenderRefused: 451 4.3.0 Mail server temporarily unavailable"
    assert "jose@example.com" not in email.last_error
    assert smtp.attempts == 4
    assert smtp.received == []


def test_an_accepting_server_receives_the_message_exactly_once(smtp: SMTPServer) -> None:
    email = queue()
    email_send(email_id=email.pk)
    email_send(email_id=email.pk)

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    [received] = smtp.received
    assert received["To"] == "jose@example.com"
    assert received["From"] == "Member Services <member-services@localhost>"
    assert received["Subject"] == "Your Member Portal account was created"
    assert received["Message-ID"] == email.message_id
    text = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    assert "Hello José," in text.get_content()
    assert "not encrypted" in html.get_content()


def test_an_email_refused_once_is_sent_on_the_retry(smtp: SMTPServer) -> None:
    smtp.refusing = True
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        email = queue()
        email_send(email_id=email.pk)
    smtp.refusing = False
    with time_machine.travel(start + datetime.timedelta(minutes=1), tick=False):
        email_send(email_id=email.pk)
    email.refresh_from_db()
    assert (email.status, email.attempts, len(smtp.received)) == (EmailStatus.SENT, 2, 1)
    assert smtp.received[0]["Message-ID"] == email.message_id


def test_each_retry_goes_out_at_the_first_sweep_after_its_wait(smtp: SMTPServer, broker: redis.Redis) -> None:
    """docs/email.md: after a refusal the email is retried 1, 2, 4 … minutes later, by the sweep
    that Celery beat runs every minute; the member gets it at the first sweep after that."""
    smtp.refusing = True
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        email = queue()
        email_send(email_id=email.pk)  # the task handed to the broker on commit
    attempts_at: dict[int, int] = {smtp.attempts: 0}
    received_at = None
    for minute in range(1, 16):
        if smtp.attempts == 3:
            smtp.refusing = False  # the mail server is back
        with time_machine.travel(start + datetime.timedelta(minutes=minute), tick=False):
            outbox_sweep()
            run_queued_tasks(broker)
        attempts_at.setdefault(smtp.attempts, minute)
        if smtp.received and received_at is None:
            received_at = minute

    # Refused at 0, 1 and 3 minutes, each followed by a wait of 1, 2 and 4 minutes.
    assert attempts_at == {1: 0, 2: 1, 3: 3, 4: 7}
    assert received_at == 7
    email.refresh_from_db()
    assert (email.status, email.attempts, len(smtp.received)) == (EmailStatus.SENT, 4, 1)
