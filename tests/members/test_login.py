"""Member Online Account: LOG IN, the welcome, the first-log-in email, lock-outs and session limits."""

import datetime

import time_machine
from django.test import Client

from members.models import Member, User
from outbox.models import Email
from tests.conftest import MEMBER_PASSWORD
from tests.members.flows import (
    LOGIN,
    hashes_for,
    log_in,
)


def test_login_page_has_the_seed_labels(client: Client, db: None) -> None:
    html = client.get(LOGIN).content.decode()
    assert "Member Online Account" in html and "Username" in html and "Password" in html and "LOG IN" in html
    assert 'href="/accounts/create/"' in html and 'href="/accounts/recover/"' in html


def test_log_in_lands_on_home_with_welcome_and_menu(client: Client, member: Member) -> None:
    response = log_in(client)
    assert response.status_code == 302 and response["Location"] == "/"
    html = client.get("/").content.decode()
    assert "Welcome José" in html and "Profile" in html and "Log out" in html


def test_first_log_in_emails_once_that_the_account_was_created(client: Client, member: Member) -> None:
    member.user.email = "jose@example.com"  # type: ignore[union-attr]
    member.user.save()  # type: ignore[union-attr]
    log_in(client)
    client.post("/accounts/logout/")
    log_in(client)
    emails = Email.objects.filter(to="jose@example.com", template="members/account_created")
    assert emails.count() == 1
    assert member.member_id not in emails.get().body_text


def test_username_is_case_insensitive(client: Client, member: Member) -> None:
    assert log_in(client, username="JOSE.NUNEZ").status_code == 302


def test_a_locked_account_answers_like_a_wrong_password(client: Client, member: Member) -> None:
    wrong = log_in(client, password="not the password at all").content.decode()
    for _ in range(5):
        log_in(client, password="not the password at all")
    locked = log_in(client)  # the right password, but locked
    assert locked.status_code == 200
    assert "not correct" in wrong and "not correct" in locked.content.decode()
    assert "Too many" not in locked.content.decode()


def test_log_in_gives_a_new_session_id(client: Client, member: Member) -> None:
    client.get(LOGIN)
    before = client.session.session_key
    log_in(client)
    assert client.session.session_key != before


def test_log_out_ends_the_session_on_the_server(client: Client, member: Member) -> None:
    from django.contrib.sessions.models import Session

    log_in(client)
    key = client.session.session_key
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/").status_code == 302


def test_idle_for_15_minutes_logs_out(client: Client, member: Member) -> None:
    start = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        log_in(client)
        assert client.get("/").status_code == 200
        traveller.shift(datetime.timedelta(minutes=14))
        assert client.get("/").status_code == 200, "activity within 15 minutes keeps the session"
        traveller.shift(datetime.timedelta(minutes=15, seconds=30))
        response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_sessions_end_12_hours_after_log_in_even_when_active(client: Client, member: Member) -> None:
    start = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        log_in(client)
        for _ in range(12 * 6 + 1):  # every 10 minutes, until just past 12 hours
            traveller.shift(datetime.timedelta(minutes=10))
            response = client.get("/")
    assert response.status_code == 302


def test_a_failed_log_in_costs_exactly_what_a_successful_one_does(settings, make_member) -> None:  # type: ignore[no-untyped-def]
    # Timing must not tell an attacker whether a username exists or a password was close.
    settings.PASSWORD_HASHERS = ["tests.members.flows.CountingHasher"]
    member = make_member()
    member.user = User.objects.create_user(username="timing.test", password=MEMBER_PASSWORD)
    member.save()

    assert hashes_for(Client(), "timing.test", MEMBER_PASSWORD) == 1
    assert hashes_for(Client(), "timing.test", "a wrong password entirely") == 1
    assert hashes_for(Client(), "nobody.by.that.name", MEMBER_PASSWORD) == 1
