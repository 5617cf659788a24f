"""The plan's account rules (members/rules.py) are defined once: changing one changes every page,
email and check that states or applies it."""

import dataclasses
import datetime
import re
from collections.abc import Callable
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.test import Client

from members import accounts, rules
from members.models import Member, User
from portal.clock import plan_today
from tests.members.conftest import STRONG_PASSWORD, code_in, handle_recoveries, last_email_to
from tests.members.flows import (
    RECOVER,
    SENT,
    SIGNUP,
    VERIFY,
    details,
    signup_data,
)

MakeMember = Callable[..., Member]
START = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)


def stated_minutes(text: str) -> set[str]:
    return set(re.findall(r"(\d+) minutes?\b", text))


@pytest.fixture
def enrollee(make_member: MakeMember) -> Member:
    member: Member = make_member(member_id="A12345678")
    return member


def test_the_code_lifetime_is_one_rule_for_sign_up(
    monkeypatch: pytest.MonkeyPatch, client: Client, enrollee: Member
) -> None:
    monkeypatch.setattr(rules, "CODE_LIFETIME", datetime.timedelta(minutes=25))
    with time_machine.travel(START, tick=False) as traveller:
        client.post(SIGNUP, signup_data(enrollee))
        email = last_email_to("jose@example.com")
        assert stated_minutes(email.body_text) == {"25"}
        assert stated_minutes(email.body_html) == {"25"}
        assert stated_minutes(client.get(VERIFY).content.decode()) == {"25"}
        traveller.shift(datetime.timedelta(minutes=20))  # past the usual 15, within the 25
        response = client.post(VERIFY, {"code": code_in(email)}, follow=True)
    assert "Your account has been successfully created" in response.content.decode()


def test_a_shorter_code_lifetime_expires_the_code_sooner(
    monkeypatch: pytest.MonkeyPatch, client: Client, enrollee: Member
) -> None:
    monkeypatch.setattr(rules, "CODE_LIFETIME", datetime.timedelta(minutes=1))
    with time_machine.travel(START, tick=False) as traveller:
        client.post(SIGNUP, signup_data(enrollee))
        email = last_email_to("jose@example.com")
        assert "The code works for 1 minute." in email.body_text, "one minute, in the singular"
        traveller.shift(datetime.timedelta(seconds=61))
        html = client.post(VERIFY, {"code": code_in(email)}).content.decode()
    assert "This code has expired" in html


def test_the_code_lifetime_is_one_rule_for_recovery(
    monkeypatch: pytest.MonkeyPatch, client: Client, member: Member
) -> None:

    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    monkeypatch.setattr(rules, "CODE_LIFETIME", datetime.timedelta(minutes=25))
    client.post(RECOVER, details(member, False, True))
    handle_recoveries()
    email = last_email_to("jose@example.com")
    assert stated_minutes(email.body_text) == {"25"} and stated_minutes(email.body_html) == {"25"}
    assert stated_minutes(client.get(SENT).content.decode()) <= {"25"}


def test_the_code_lifetime_is_one_rule_for_the_email_change(
    monkeypatch: pytest.MonkeyPatch, member_client: Client, member: Member
) -> None:
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    EmailAddress.objects.create(user=member.user, email="jose@example.com", verified=True, primary=True)
    monkeypatch.setattr(rules, "CODE_LIFETIME", datetime.timedelta(minutes=25))
    member_client.post(
        "/profile/account-email/", {"email": "jose.new@example.org", "email_again": "jose.new@example.org"}
    )
    email = last_email_to("jose.new@example.org")
    assert stated_minutes(email.body_text) == {"25"} and stated_minutes(email.body_html) == {"25"}
    page = member_client.get("/profile/account-email/verify/").content.decode()
    assert "The code works for 25 minutes." in page


def test_the_number_of_tries_is_one_rule(
    monkeypatch: pytest.MonkeyPatch, client: Client, enrollee: Member
) -> None:
    monkeypatch.setattr(rules, "CODE_TRIES", 2)
    client.post(SIGNUP, signup_data(enrollee))
    assert "After 2 wrong tries, the code stops working." in client.get(VERIFY).content.decode()
    code = code_in(last_email_to("jose@example.com"))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    client.post(VERIFY, {"code": wrong})
    html = client.post(VERIFY, {"code": wrong}).content.decode()
    assert "can no longer be used" in html, "the second wrong try ends the code"


def plan_with_minimum_age(settings: Any, age: int) -> None:
    """The plan's profile with another minimum account age (the rule every check reads)."""
    plan = settings.PLAN
    settings.PLAN = dataclasses.replace(plan, rules=dataclasses.replace(plan.rules, minimum_account_age=age))


def test_the_minimum_age_is_one_rule(
    settings: Any,
    client: Client,
    make_member: MakeMember,
) -> None:
    today = plan_today()
    nineteen = make_member(member_id="N19", date_of_birth=today.replace(year=today.year - 19))
    plan_with_minimum_age(settings, 21)

    terms = client.get("/terms/").content.decode()
    assert "aged 21 or older" in terms and "aged 18" not in terms
    html = client.post(SIGNUP, signup_data(nineteen)).content.decode()
    assert "You must be 21 or older to create an online account." in html
    with pytest.raises(accounts.BelowMinimumAge):
        accounts.signup_start(
            member=nineteen,
            email="n@example.com",
            cell_phone="",
            username="n19",
            password=STRONG_PASSWORD,
            client="203.0.113.5",
        )

    plan_with_minimum_age(settings, 19)
    assert client.post(SIGNUP, signup_data(nineteen)).status_code == 302, "19 is old enough now"


def test_the_sign_up_service_refuses_a_member_under_the_age(make_member: MakeMember) -> None:
    # The form checks the age too, but the service must not rely on the form in front of it.
    today = plan_today()
    teen = make_member(member_id="T17", date_of_birth=today.replace(year=today.year - 17))
    with pytest.raises(accounts.BelowMinimumAge):
        accounts.signup_start(
            member=teen,
            email="t@example.com",
            cell_phone="",
            username="teen",
            password=STRONG_PASSWORD,
            client="203.0.113.5",
        )
    assert not User.objects.exists()
    teen.refresh_from_db()
    assert not teen.verification_codes.exists()


def test_the_idle_limit_is_one_rule(monkeypatch: pytest.MonkeyPatch, member_client: Client) -> None:
    monkeypatch.setattr(rules, "SESSION_IDLE_LIMIT", datetime.timedelta(minutes=30))
    with time_machine.travel(START, tick=False) as traveller:
        html = member_client.get("/").content.decode()
        assert "logged out after 30 minutes without activity" in html
        assert 'data-warn-after-seconds="1680"' in html, "the warning opens 2 minutes before"
        assert "You will be logged out in 2 minutes" in html
        traveller.shift(datetime.timedelta(minutes=25))
        assert member_client.get("/").status_code == 200, "25 idle minutes are within 30"
        traveller.shift(datetime.timedelta(minutes=31))
        assert member_client.get("/").status_code == 302


def test_the_absolute_limit_is_one_rule(monkeypatch: pytest.MonkeyPatch, member_client: Client) -> None:
    monkeypatch.setattr(rules, "SESSION_ABSOLUTE_LIMIT", datetime.timedelta(hours=1))
    with time_machine.travel(START, tick=False) as traveller:
        member_client.get("/")
        for _ in range(6):  # active every 10 minutes, for an hour
            traveller.shift(datetime.timedelta(minutes=10))
            assert member_client.get("/").status_code == 200
        traveller.shift(datetime.timedelta(minutes=2))
        assert member_client.get("/").status_code == 302
