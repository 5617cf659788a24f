"""No PHI in logs or in what goes to the broker.

The member flows run end to end (sign-up, sign-in, a failed sign-in, recovery and reset, contact
changes, the sign-in email change, a PCP change, an ID card order and its PDF, and staff opening
and searching the member in the admin) while every log record at DEBUG and every Celery task
published or run is captured; none may contain the member's date of birth (ISO or US), member
ID, first or last name. The audit trail's details are checked the same way.
"""

import datetime
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from celery.signals import before_task_publish, task_prerun
from django.test import Client

from audit.models import AuditEvent
from members.models import Member, User
from outbox.models import Email
from providers.models import PcpChangeRequest, Provider
from tests.members.conftest import handle_recoveries
from tests.providers.pcp_factories import assign, make_provider
from tests.security.conftest import staff_client

# Committed for real, so emails are handed to Celery after commit as in production.
pytestmark = pytest.mark.django_db(transaction=True)

FIRST, LAST, MEMBER_ID, DOB = "Evangelina", "Throckmorton", "PHI99887766", datetime.date(1968, 11, 27)
PASSWORD, NEW_PASSWORD = "marble kettle horizon 77", "copper lantern meadow 31"
PHI = [FIRST, LAST, MEMBER_ID, DOB.isoformat(), DOB.strftime("%m/%d/%Y"), "11/27/1968", "1968-11-27"]


def code_in(email: Email) -> str:
    found = re.search(r"\b(\d{6})\b", email.body_text)
    assert found, "no code in the email"
    return found.group(1)


def last_email_to(address: str) -> Email:
    email = Email.objects.filter(to=address).order_by("-id").first()
    assert email is not None
    return email


@pytest.fixture
def task_payloads() -> Iterator[list[str]]:
    seen: list[str] = []

    def on_publish(sender: object = None, body: Any = None, headers: Any = None, **kwargs: Any) -> None:
        seen.append(repr((body, headers)))

    def on_prerun(sender: object = None, args: Any = None, kwargs: Any = None, **extra: Any) -> None:
        seen.append(repr((args, kwargs)))  # eager tasks (no broker) are never published

    before_task_publish.connect(on_publish, weak=False)
    task_prerun.connect(on_prerun, weak=False)
    try:
        yield seen
    finally:
        before_task_publish.disconnect(on_publish)
        task_prerun.disconnect(on_prerun)


def run_member_flows(enrollee: Member, provider: Provider) -> None:
    client = Client()
    identity = {
        "first_name": FIRST,
        "last_name": LAST,
        "date_of_birth": DOB.isoformat(),
        "member_id": MEMBER_ID,
    }
    # Sign-up, with one mistyped date of birth first.
    client.post("/accounts/create/", {**identity, "date_of_birth": "11/28/1968"})
    response = client.post(
        "/accounts/create/",
        {
            **identity,
            "email": "eva@example.com",
            "email_again": "eva@example.com",
            "cell_phone": "(831) 555-0166",
            "username": "evt-portal",
            "password": PASSWORD,
            "password_again": PASSWORD,
            "agree_terms": "on",
        },
    )
    assert response.status_code == 302, "sign-up did not start"
    client.post("/accounts/create/verify/", {"code": "000000"})
    client.post("/accounts/create/verify/", {"code": code_in(last_email_to("eva@example.com"))})
    assert User.objects.filter(username="evt-portal").exists(), "sign-up did not finish"

    # Sign-in: wrong, then right; pages with PHI.
    client.post("/accounts/login/", {"login": "evt-portal", "password": "not the password at all"})
    client.post("/accounts/login/", {"login": "evt-portal", "password": PASSWORD})
    for url in ["/", "/profile/", "/coverage/", "/providers/", "/profile/id-cards/", "/profile/activity/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/profile/id-cards/print/").status_code == 200

    # Profile changes.
    client.post(
        "/profile/address/add/",
        {"kind": "mailing", "line1": "8 Quiet Lane", "city": "Salinas", "state": "CA", "zip_code": "93901"},
    )
    client.post("/profile/phone/add/", {"kind": "home", "number": "(831) 555-0167"})
    client.post(
        "/profile/account-email/", {"email": "eva.new@example.com", "email_again": "eva.new@example.com"}
    )
    client.post("/profile/account-email/verify/", {"code": code_in(last_email_to("eva.new@example.com"))})

    # PCP change and ID card order.
    other = make_provider(last_name="Okonkwo")
    client.get("/providers/change/", {"last_name": "Okon"})
    client.post("/providers/change/reason/", {"provider": other.pk})
    client.post("/providers/change/reason/", {"provider": other.pk, "reason": "member_request"})
    client.post("/profile/id-cards/order/")
    client.post("/accounts/logout/")

    # Recovery and reset, by someone who has only the member's details.
    stranger = Client()
    stranger.post("/accounts/recover/", {**identity, "forgot_username": "on", "reset_password": "on"})
    handle_recoveries()
    code = code_in(last_email_to(User.objects.get(username="evt-portal").email))
    stranger.post(
        "/accounts/recover/sent/",
        {"code": code, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )

    # Staff open, search and save the member in the admin.
    staff = staff_client("rosa.agent")
    staff.get("/admin/members/member/", {"q": LAST})
    staff.get("/admin/members/member/", {"q": MEMBER_ID})
    staff.get(f"/admin/members/member/{enrollee.pk}/change/")
    staff.get(f"/admin/members/member/{enrollee.pk}/history/")
    staff.get("/admin/audit/auditevent/", {"q": MEMBER_ID})


def test_the_member_flows_put_no_phi_in_logs_or_task_arguments(
    make_member: Any, caplog: pytest.LogCaptureFixture, task_payloads: list[str]
) -> None:
    enrollee = make_member(first_name=FIRST, last_name=LAST, member_id=MEMBER_ID, date_of_birth=DOB)
    provider = make_provider()
    assign(enrollee, provider, datetime.date(2024, 1, 1))
    caplog.set_level(logging.DEBUG)  # every logger that propagates to the root, at every level

    run_member_flows(enrollee, provider)

    assert caplog.records, "nothing was logged: the capture is not working"
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert task_payloads, "no task was published or run: the capture is not working"
    published = "\n".join(task_payloads)
    audited = "\n".join(AuditEvent.objects.values_list("detail", flat=True))
    for value in PHI:
        assert value.lower() not in logged.lower(), f"a log line holds PHI: {value}"
        assert value.lower() not in published.lower(), f"a task's arguments hold PHI: {value}"
        assert value.lower() not in audited.lower(), f"the audit trail's details hold PHI: {value}"
    # The flows really ran: the member has an account, a PCP change and an order.
    enrollee.refresh_from_db()
    assert enrollee.user is not None and enrollee.idcard_orders.exists()
    assert PcpChangeRequest.objects.filter(member=enrollee).exists()
