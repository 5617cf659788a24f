"""Re-authentication: a change to contact details, the account email or two-factor asks for the
password (or the second factor) again when the last one is more than 15 minutes old, changes
nothing until it is given, and then goes through. Time is moved by ageing allauth's
authentication records in the session."""

import datetime
from collections.abc import Callable
from typing import NamedTuple

import pytest
import time_machine
from django.test import Client

from members.models import Member, Phone, PhoneKind
from outbox.models import Email
from tests.conftest import MEMBER_PASSWORD
from tests.members.flows import log_in
from tests.members.two_factor import activate_authenticator, totp_now
from tests.sign_in import age_authentication

pytestmark = pytest.mark.django_db

REAUTHENTICATE = "/accounts/reauthenticate/"
FIFTEEN_MINUTES = 15 * 60


class Change(NamedTuple):
    path: Callable[[Member], str]
    data: dict[str, str]
    done: Callable[[Member], bool]


def _phone(member: Member) -> Phone:
    return Phone.objects.get_or_create(
        member=member, kind=PhoneKind.WORK, defaults={"number": "+18315550100"}
    )[0]


CHANGES = {
    "phone added": Change(
        lambda m: "/profile/phone/add/",
        {"kind": "cell", "number": "831.555.0199"},
        lambda m: m.phones.filter(number="+18315550199").exists(),
    ),
    "phone edited": Change(
        lambda m: f"/profile/phone/{_phone(m).pk}/edit/",
        {"kind": "work", "number": "(408) 555-0110"},
        lambda m: m.phones.filter(number="+14085550110").exists(),
    ),
    "phone deleted": Change(
        lambda m: f"/profile/phone/{_phone(m).pk}/delete/",
        {},
        lambda m: not m.phones.filter(kind=PhoneKind.WORK).exists(),
    ),
    "account email": Change(
        lambda m: "/profile/account-email/",
        {"email": "jose.new@example.org", "email_again": "jose.new@example.org"},
        # The code is on its way to the new address (VERIFY then changes it).
        lambda m: Email.objects.filter(to="jose.new@example.org").exists(),
    ),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_change_after_15_minutes_asks_again_and_waits_for_the_password(
    name: str, client: Client, account: Member
) -> None:
    change = CHANGES[name]
    log_in(client)
    path = change.path(account)
    age_authentication(client, FIFTEEN_MINUTES + 60)

    response = client.post(path, change.data)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{REAUTHENTICATE}?next=")
    assert not change.done(account)
    assert client.get(path)["Location"].startswith(REAUTHENTICATE)
    page = client.get(response["Location"])
    assert page.status_code == 200 and 'name="password"' in page.content.decode()

    wrong = client.post(response["Location"], {"password": "not my password"})
    assert wrong.status_code == 200 and not change.done(account)
    # Confirmed: allauth replays the change it held back.
    client.post(response["Location"], {"password": MEMBER_PASSWORD})
    assert change.done(account)


@pytest.mark.parametrize("name", list(CHANGES))
def test_a_change_within_15_minutes_of_signing_in_goes_through(
    name: str, client: Client, account: Member
) -> None:
    change = CHANGES[name]
    log_in(client)
    path = change.path(account)
    age_authentication(client, FIFTEEN_MINUTES - 60)
    assert client.get(path).status_code == 200
    response = client.post(path, change.data)
    assert response.status_code == 302 and not response["Location"].startswith(REAUTHENTICATE)
    assert change.done(account)


def test_two_factor_is_asked_for_by_a_member_who_has_it(client: Client, account: Member) -> None:
    log_in(client)
    secret = activate_authenticator(client)
    age_authentication(client, FIFTEEN_MINUTES + 60)
    response = client.get("/profile/phone/add/")
    assert response["Location"].startswith(REAUTHENTICATE)
    page = client.get(response["Location"]).content.decode()
    # The password first, the authenticator app as the other way.
    assert "/accounts/2fa/reauthenticate/" in page
    with time_machine.travel(datetime.timedelta(seconds=31)):
        confirmed = client.post(
            "/accounts/2fa/reauthenticate/?next=/profile/phone/add/", {"code": totp_now(secret)}
        )
        assert confirmed["Location"] == "/profile/phone/add/"
        assert client.get("/profile/phone/add/").status_code == 200
