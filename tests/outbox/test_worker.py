"""A real worker on a real Redis broker sends each committed email exactly once."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from outbox.models import Email, EmailStatus
from outbox.services import email_queue
from outbox.tasks import send_email
from tests.brokers import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_committed_email_arrives_exactly_once(worker: Callable[[], AbstractContextManager[Any]]) -> None:
    with worker():
        with transaction.atomic():
            email = email_queue(
                to="jose@example.com",
                template="members/account_created",
                context={"first_name": "José", "login_url": "https://portal.example/accounts/login/"},
                language="en",
            )
            assert mail.outbox == []  # nothing leaves before the change commits

        assert wait_for(lambda: len(mail.outbox) == 1), "the worker did not send the email"
        assert wait_for(lambda: Email.objects.get(pk=email.pk).status == EmailStatus.SENT)

        # The broker may deliver a task twice (acks_late, a worker restart): still one email.
        send_email.delay(email.pk)
        send_email.delay(email.pk)
        assert not wait_for(lambda: len(mail.outbox) > 1, timeout=2)

    [sent] = mail.outbox
    assert sent.to == ["jose@example.com"]
    assert sent.subject == "Your Member Portal account was created"
    assert Email.objects.get(pk=email.pk).attempts == 1
