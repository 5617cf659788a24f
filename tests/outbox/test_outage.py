"""A Redis outage delays mail but loses none, and sends nothing twice.

The broker is a private redis-server that the test kills while a member's change commits, then
starts again on the same port before the sweep and a real worker catch up.
"""

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from outbox.models import Email, EmailStatus
from outbox.services import email_queue, outbox_sweep
from tests.brokers import RedisServer, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_email_queued_while_redis_is_down_is_sent_once_it_is_back(
    private_redis: RedisServer, worker: Callable[[], AbstractContextManager[Any]]
) -> None:
    private_redis.stop()

    started = time.monotonic()
    with transaction.atomic():
        email = email_queue(
            to="jose@example.com",
            template="members/account_created",
            context={"first_name": "José", "login_url": "https://portal.example/accounts/login/"},
            language="en",
        )
    # The member's page does not fail or hang: the hand-off gives up within the socket timeouts.
    assert time.monotonic() - started < 3
    email.refresh_from_db()
    assert (email.status, email.dispatched_at) == (EmailStatus.QUEUED, None)
    # While the broker is down, the sweep keeps the email queued and tries again next time.
    assert outbox_sweep() == 0
    assert Email.objects.get(pk=email.pk).dispatched_at is None

    private_redis.start()
    with worker():
        assert outbox_sweep() == 1
        assert wait_for(lambda: len(mail.outbox) == 1), "the email was not sent after Redis came back"
        assert wait_for(lambda: Email.objects.get(pk=email.pk).status == EmailStatus.SENT)
        # A later sweep finds nothing to do, and nothing else arrives.
        assert outbox_sweep() == 0
        assert not wait_for(lambda: len(mail.outbox) > 1, timeout=2)

    assert [m.to for m in mail.outbox] == [["jose@example.com"]]
