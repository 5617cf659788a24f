"""Helpers for the account tests: filling the seeds' forms and reading the codes we emailed."""

import re

import pytest

from members.models import Member, RecoveryRequest
from members.recovery import recovery_send
from outbox.models import Email

STRONG_PASSWORD = "lantern orchard seventy"


def handle_recoveries() -> None:
    """Do the worker's part of every recovery request so far (members.recovery.recovery_send).

    The page hands each request to Celery after commit, which a test's transaction never reaches.
    """
    for recovery_id in RecoveryRequest.objects.filter(handled_at__isnull=True).values_list("pk", flat=True):
        recovery_send(recovery_id=recovery_id)


def last_email_to(address: str) -> Email:
    email = Email.objects.filter(to=address).order_by("-id").first()
    assert email is not None, f"no email to {address}"
    return email


def code_in(email: Email) -> str:
    found = re.search(r"\b(\d{6})\b", email.body_text)
    assert found, "no code in the email"
    return found.group(1)


@pytest.fixture
def account(member: Member) -> Member:
    """The signed-in persona's member with an account email (where the account flows send codes)."""
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    return member
