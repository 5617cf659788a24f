"""Staff sign-in to the admin: one step with a one-time code, one answer for every failure, one
password hash per attempt, limits per address and per username, and every failure audited."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent
from members.audit_actions import SIGN_IN_FAILED
from members.models import Member, User
from tests.conftest import MEMBER_PASSWORD
from tests.staff import STAFF_PASSWORD, admin_log_in, current_token, make_staff

pytestmark = pytest.mark.django_db

ONE_ANSWER = "Please enter the correct username, password and one-time code for a staff account."
BACKUP_CODES = [f"backup{n:02d}" for n in range(12)]


class CountingHasher(MD5PasswordHasher):
    """The tests' cheap hasher, counting how many times a password is hashed."""

    hashed = 0

    def encode(self, password: str, salt: str) -> str:
        type(self).hashed += 1
        return super().encode(password, salt)


@pytest.fixture
def staff() -> User:
    """ana.staff with an authenticator app and backup codes."""
    user = make_staff(superuser=True)
    TOTPDevice.objects.create(user=user, name="phone")
    backup = StaticDevice.objects.create(user=user, name="backup")
    for code in BACKUP_CODES:
        backup.token_set.create(token=code)
    return user


def app_code(user: User) -> str:
    return current_token(TOTPDevice.objects.get(user=user))


def sign_in(client: Client, username: str, password: str = STAFF_PASSWORD, code: str = "") -> str:
    """Post the admin's log-in form (no device: the page no longer has a list); the page's HTML."""
    response = admin_log_in(client, username, password=password, token=code)
    return "" if response.status_code == 302 else response.content.decode()


def signed_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def the_form(html: str) -> str:
    """The log-in form as shown, without what differs on every page (the CSRF token) or is typed."""
    form = html.split('<div id="content-main">')[1].split("</form>")[0]
    form = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", form)
    return re.sub(r'(name="(username|otp_token)"[^>]*?) value="[^"]*"', r"\1", form)


def test_staff_sign_in_in_one_step_with_the_app_or_a_backup_code(staff: User) -> None:
    app = Client()
    assert sign_in(app, "ana.staff", code=app_code(staff)) == ""
    assert signed_in(app)

    backup = Client()
    assert sign_in(backup, "ana.staff", code=BACKUP_CODES[0]) == ""
    assert signed_in(backup)
    again = Client()
    assert ONE_ANSWER in sign_in(again, "ana.staff", code=BACKUP_CODES[0]), "a backup code works once"
    assert not signed_in(again)


def test_the_page_asks_for_the_code_from_the_start(client: Client) -> None:
    html = client.get("/admin/login/").content.decode()
    assert 'name="otp_token"' in html and 'autocomplete="one-time-code"' in html
    assert "One-time code" in html


def test_every_failure_gets_the_same_answer_and_the_same_page(staff: User, make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    member.user = User.objects.create_user(username="jose.nunez", password=MEMBER_PASSWORD)
    member.save()
    User.objects.create_user(username="gone.staff", password=STAFF_PASSWORD, is_staff=True, is_active=False)
    wrong_code = f"{(int(app_code(staff)) + 500_000) % 10**6:06d}"
    attempts = {
        "unknown user": ("nobody.here", STAFF_PASSWORD, ""),
        "wrong password": ("ana.staff", "not the password", ""),
        "wrong password, right code": ("ana.staff", "not the password", app_code(staff)),
        "right password, no code": ("ana.staff", STAFF_PASSWORD, ""),
        "right password, wrong code": ("ana.staff", STAFF_PASSWORD, wrong_code),
        "right password, not a code": ("ana.staff", STAFF_PASSWORD, "letmein"),
        "a member's right password": ("jose.nunez", MEMBER_PASSWORD, ""),
        "an inactive staff user": ("gone.staff", STAFF_PASSWORD, ""),
    }
    pages = {}
    for case, (username, password, code) in attempts.items():
        client = Client()
        html = sign_in(client, username, password, code)
        assert ONE_ANSWER in html, case
        assert not signed_in(client), case
        pages[case] = the_form(html)

    first = pages["unknown user"]
    assert {case: page == first for case, page in pages.items()} == dict.fromkeys(attempts, True)
    # What django-otp's own form showed after a right password, and nowhere now.
    for leak in ("Please enter your OTP token", 'name="otp_device"', "otp_challenge", STAFF_PASSWORD):
        assert leak not in first


def test_five_wrong_guesses_lock_the_username_for_fifteen_minutes(staff: User) -> None:
    other = make_staff("luis.staff", superuser=True)
    backup = StaticDevice.objects.create(user=other, name="backup")
    backup.token_set.create(token="luiscode1")
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False):
        for guess in range(5):
            assert ONE_ANSWER in sign_in(Client(), "ana.staff", password=f"guess {guess}")
        locked = Client()
        assert ONE_ANSWER in sign_in(locked, "ANA.staff", code=BACKUP_CODES[0]), "any spelling of the name"
        assert not signed_in(locked)
        assert sign_in(Client(), "luis.staff", code="luiscode1") == "", "another staff user is not locked"
    # Refused while locked, the backup code was not used up.
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        client = Client()
        assert sign_in(client, "ana.staff", code=BACKUP_CODES[0]) == ""
        assert signed_in(client)


def test_thirty_failures_from_one_address_lock_it_for_every_username(staff: User) -> None:
    for n in range(30):
        sign_in(Client(REMOTE_ADDR="203.0.113.9"), f"guess{n}.staff")
    assert ONE_ANSWER in sign_in(Client(REMOTE_ADDR="203.0.113.9"), "ana.staff", code=BACKUP_CODES[0])
    elsewhere = Client(REMOTE_ADDR="198.51.100.4")
    assert sign_in(elsewhere, "ana.staff", code=BACKUP_CODES[1]) == ""
    assert signed_in(elsewhere)


def test_sign_ins_that_work_do_not_count_towards_the_limit(staff: User) -> None:
    for code in BACKUP_CODES[:8]:
        assert sign_in(Client(), "ana.staff", code=code) == "", code


def test_every_attempt_hashes_the_password_exactly_once(staff: User, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["tests.portal.test_admin_sign_in.CountingHasher"]
    attempts = [
        ("nobody.here", STAFF_PASSWORD, ""),
        ("ana.staff", "not the password", ""),
        ("ana.staff", STAFF_PASSWORD, ""),
        ("ana.staff", STAFF_PASSWORD, "000000"),
        ("ana.staff", STAFF_PASSWORD, BACKUP_CODES[0]),  # signed in
        *[("ana.staff", f"guess {n}", "") for n in range(6)],  # the last ones over the limit
        ("ana.staff", STAFF_PASSWORD, BACKUP_CODES[1]),  # refused: over the limit
    ]
    for username, password, code in attempts:
        before = CountingHasher.hashed
        sign_in(Client(), username, password, code)
        assert CountingHasher.hashed - before == 1, (username, password, code)


def test_every_failure_is_audited_once(staff: User) -> None:
    failures = [
        ("nobody.here", STAFF_PASSWORD, "", "unknown account"),
        ("ana.staff", "not the password", "", "known account"),
        ("ana.staff", STAFF_PASSWORD, "", "staff admin: no or wrong one-time code"),
        ("ana.staff", STAFF_PASSWORD, "123456", "staff admin: no or wrong one-time code"),
    ]
    for username, password, code, detail in failures:
        before = set(AuditEvent.objects.values_list("pk", flat=True))
        sign_in(Client(), username, password, code)
        [event] = AuditEvent.objects.exclude(pk__in=before)
        assert (event.action, event.detail) == (SIGN_IN_FAILED, detail)
    for n in range(3):
        sign_in(Client(), "ana.staff", f"guess {n}")  # ana.staff reaches the limit
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    sign_in(Client(), "ana.staff", STAFF_PASSWORD, BACKUP_CODES[0])
    [event] = AuditEvent.objects.exclude(pk__in=before)
    assert (event.action, event.detail, event.actor) == (
        SIGN_IN_FAILED,
        "staff admin: too many attempts",
        staff,
    )

    before = set(AuditEvent.objects.values_list("pk", flat=True))
    assert sign_in(Client(REMOTE_ADDR="198.51.100.4"), "luis.staff") != ""  # unknown: still one event
    assert AuditEvent.objects.exclude(pk__in=before).count() == 1


def test_a_member_signing_in_to_the_admin_is_audited_with_their_account(make_member) -> None:  # type: ignore[no-untyped-def]
    member: Member = make_member()
    member.user = User.objects.create_user(username="jose.nunez", password=MEMBER_PASSWORD)
    member.save()
    assert ONE_ANSWER in sign_in(Client(), "jose.nunez", MEMBER_PASSWORD)
    event = AuditEvent.objects.get(action=SIGN_IN_FAILED)
    assert (event.detail, event.actor) == ("staff admin: not a staff account", member.user)
