"""Faults a health plan's portal must survive: a worker killed in the middle of a send, and the
database connection dying inside a member's change.

What is and is not covered here is written down in docs/security.md. The Redis outage and the
refusing SMTP server are tested in tests/outbox (test_outage.py, test_smtp.py).
"""

import datetime
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.db import connection, connections
from django.db.models import Model
from django.db.models.signals import pre_save
from django.test import Client

from idcards.models import IdCardOrder
from members.models import Member
from outbox.models import Email, EmailStatus
from outbox.services import CLAIM_TIMEOUT, email_queue, email_send, outbox_sweep
from outbox.tasks import send_email
from providers.models import PcpAssignment, PcpChangeRequest, Provider
from tests.brokers import RedisServer, wait_for
from tests.conftest import MEMBER_PASSWORD
from tests.providers.pcp_factories import make_provider
from tests.sign_in import force_sign_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

ROOT = Path(__file__).resolve().parents[2]


# --- A worker killed in the middle of a send -------------------------------------------------


@contextmanager
def silent_smtp_server() -> Iterator[int]:
    """A port that accepts connections and never says a word: a send to it hangs mid-conversation."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        yield listener.getsockname()[1]


def sending_process(email_id: int, smtp_port: int) -> subprocess.Popen[bytes]:
    """Another process (as a worker would be) sending the email, against the test database."""
    name = connection.settings_dict["NAME"]
    user = connection.settings_dict["USER"] or "postgres"
    host = connection.settings_dict["HOST"] or "127.0.0.1"
    port = connection.settings_dict["PORT"] or "5432"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{user}@{host}:{port}/{name}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "120",
    }
    code = f"from outbox.services import email_send; email_send(email_id={email_id})"
    return subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env
    )


def test_a_worker_killed_mid_send_leaves_the_email_to_be_sent_exactly_once(
    worker: Callable[[], AbstractContextManager[Any]],
) -> None:
    email = email_queue(
        to="jose@example.com",
        template="members/account_created",
        context={"first_name": "José", "login_url": "https://portal.example/accounts/login/"},
        language="en",
    )
    # The on-commit hand-off went to the broker; nobody consumes it until the worker starts.
    with silent_smtp_server() as smtp_port:
        process = sending_process(email.pk, smtp_port)
        try:
            assert wait_for(
                lambda: Email.objects.get(pk=email.pk).status == EmailStatus.SENDING, timeout=30
            ), "the sending process never claimed the email"
        finally:
            process.send_signal(signal.SIGKILL)  # kill -9 while it waits on the SMTP server
            process.wait(timeout=10)
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.SENDING, 1)
    assert email.claimed_at is not None

    # The broker redelivers the task (acks_late) while the claim is fresh: nothing is sent twice.
    email_send(email_id=email.pk)
    assert mail.outbox == []

    assert outbox_sweep(now=email.claimed_at + CLAIM_TIMEOUT / 2) == 0, "a live claim is left alone"
    with time_machine.travel(email.claimed_at + CLAIM_TIMEOUT + datetime.timedelta(minutes=1)), worker():
        assert outbox_sweep() == 1
        assert wait_for(lambda: Email.objects.get(pk=email.pk).status == EmailStatus.SENT, timeout=15)
        send_email.delay(email.pk)  # and a stale duplicate after the send: still a no-op
        assert not wait_for(lambda: len(mail.outbox) > 1, timeout=2)

    assert [m.to for m in mail.outbox] == [["jose@example.com"]]
    assert Email.objects.get(pk=email.pk).attempts == 2


# --- The database connection dies inside a member's change ------------------------------------


@contextmanager
def connection_killed_before_saving(model: type[Model]) -> Iterator[list[int]]:
    """Terminate this process's database backend (from a second connection) just before the
    first `model` row is saved, as a PostgreSQL restart would, between two writes of one change."""
    killed: list[int] = []

    def kill(sender: type[Model], **kwargs: Any) -> None:
        if killed:
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            other.close()
        killed.append(pid)

    pre_save.connect(kill, sender=model, weak=False)
    try:
        yield killed
    finally:
        pre_save.disconnect(kill, sender=model)
        connection.close()  # the dead connection; the next query opens a new one


@pytest.fixture
def pcp_member(member: Member) -> tuple[Member, Provider, Provider]:
    current, chosen = make_provider(last_name="Current"), make_provider(last_name="Chosen")
    PcpAssignment.objects.create(member=member, provider=current, effective_from=datetime.date(2020, 1, 1))
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    return member, current, chosen


def test_a_pcp_change_cut_off_by_the_database_is_all_or_nothing(
    pcp_member: tuple[Member, Provider, Provider],
) -> None:
    member, current, chosen = pcp_member
    client = Client(raise_request_exception=False)
    assert member.user is not None
    force_sign_in(client, member.user)
    # The change writes the new assignment, then the request: the connection dies in between.
    with connection_killed_before_saving(PcpChangeRequest) as killed:
        response = client.post(
            "/providers/change/reason/", {"provider": chosen.pk, "reason": "member_request"}
        )
    assert killed, "the hook never ran"
    assert response.status_code == 500  # the request in flight fails, with the error page

    assert list(PcpAssignment.objects.filter(member=member).values_list("provider_id", "effective_to")) == [
        (current.pk, None)
    ], "the old PCP was cut short or a new one half-added"
    assert not PcpChangeRequest.objects.filter(member=member).exists()
    assert not Email.objects.exists()

    # The member tries again once the database is back, and it works.
    response = client.post("/providers/change/reason/", {"provider": chosen.pk, "reason": "member_request"})
    assert response.status_code == 302
    assert PcpChangeRequest.objects.filter(member=member, new_provider=chosen).count() == 1


def test_an_id_card_order_cut_off_by_the_database_is_all_or_nothing(member: Member) -> None:
    from members.models import Address, AddressKind

    Address.objects.create(
        member=member,
        kind=AddressKind.MAILING,
        line1="1 Main St",
        city="Salinas",
        state="CA",
        zip_code="93901",
    )
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    client = Client(raise_request_exception=False)
    force_sign_in(client, member.user)
    # The order row is written, then its confirmation email's row: the connection dies in between.
    with connection_killed_before_saving(Email) as killed:
        response = client.post("/profile/id-cards/order/")
    assert killed and response.status_code == 500
    assert not IdCardOrder.objects.filter(member=member).exists()
    assert not Email.objects.exists()

    assert client.post("/profile/id-cards/order/").status_code == 302
    assert IdCardOrder.objects.filter(member=member).count() == 1
    assert Email.objects.filter(template="idcards/order_confirmation").count() == 1


# --- Redis stopped ----------------------------------------------------------------------------


def test_pages_answer_while_redis_is_down_and_the_email_goes_out_once_it_is_back(
    member: Member,
    private_redis: RedisServer,
    worker: Callable[[], AbstractContextManager[Any]],
    settings: Any,
) -> None:
    """Cache and broker on one Redis, stopped: sign-in, pages and a change still work, and the
    change's email waits in the outbox until Redis is back, then goes out once."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "portal.cache.ForgivingRedisCache",
            "LOCATION": private_redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        },
    }
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    make_provider(first_name="Lucía", last_name="García")
    private_redis.stop()

    client = Client()
    started = time.monotonic()
    response = client.post("/accounts/login/", {"login": "jose.nunez", "password": MEMBER_PASSWORD})
    assert response.status_code == 302, "sign-in failed without Redis"
    assert client.get("/profile/").status_code == 200
    # Change PCP's cached fragments (providers/results.py) are rendered instead.
    search = client.get("/providers/change/", {"last_name": "gar"}).content.decode()
    assert ">Lucía García</label>" in search and 'value="gar"' in search
    response = client.post("/profile/phone/add/", {"kind": "cell", "number": "(831) 555-0143"})
    assert response.status_code == 302
    assert time.monotonic() - started < 15, "pages hung waiting for Redis"
    [email] = Email.objects.filter(template="members/contact_changed")
    assert (email.status, email.dispatched_at) == (EmailStatus.QUEUED, None)

    # The first log-in's "account created" email waits too.
    waiting = Email.objects.count()
    assert waiting == 2 and not Email.objects.exclude(status=EmailStatus.QUEUED).exists()

    private_redis.start()
    with worker():
        assert outbox_sweep() == waiting
        assert wait_for(lambda: not Email.objects.exclude(status=EmailStatus.SENT).exists())
        assert outbox_sweep() == 0
        assert not wait_for(lambda: len(mail.outbox) > waiting, timeout=2)
    # Each email once: none lost, none twice.
    assert sorted(m.subject for m in mail.outbox) == sorted(Email.objects.values_list("subject", flat=True))
