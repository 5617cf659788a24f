"""Recover Member Online Account: username, password reset, or both — and no account enumeration."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from members.models import Member, RecoveryRequest
from outbox.models import Email
from tests.conftest import MEMBER_PASSWORD
from tests.members.conftest import STRONG_PASSWORD, code_in, handle_recoveries, last_email_to
from tests.members.flows import (
    RECOVER,
    SENT,
    details,
)

NEW_PASSWORD = "meadow copper violin"


def test_the_page_shows_the_seed_fields(client: Client, db: None) -> None:
    html = client.get(RECOVER).content.decode()
    for label in [
        "First Name",
        "Last Name",
        "Date of Birth",
        "Member ID Number",
        "I forgot my username",
        "I want to reset my password",
        "SUBMIT",
    ]:
        assert label in html


def test_one_box_must_be_checked(client: Client, account: Member) -> None:
    html = client.post(RECOVER, details(account, False, False)).content.decode()
    handle_recoveries()
    assert "or both" in html
    assert not Email.objects.exists()


def test_forgot_username_emails_the_username(client: Client, account: Member) -> None:
    response = client.post(RECOVER, details(account, True, False))
    handle_recoveries()
    html = client.get(response["Location"]).content.decode()
    assert "we sent you an email with your account information" in html
    email = last_email_to("jose@example.com")
    assert "jose.nunez" in email.body_text
    assert account.member_id not in email.body_text and "1980" not in email.body_text


def test_reset_password_with_the_emailed_code(client: Client, account: Member) -> None:
    other_browser = Client()
    assert other_browser.login(username="jose.nunez", password=MEMBER_PASSWORD)

    client.post(RECOVER, details(account, False, True))
    handle_recoveries()
    page = client.get(SENT).content.decode()
    for label in ["New Password", "Verify Password", "Verification Code", "RESET PASSWORD"]:
        assert label in page
    code = code_in(last_email_to("jose@example.com"))
    assert "jose.nunez" not in last_email_to("jose@example.com").body_text
    response = client.post(
        SENT, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": code}
    )
    assert "You have successfully created a new password" in response.content.decode()

    assert "_auth_user_id" not in client.session, "no automatic log-in after a reset"
    assert other_browser.get("/").status_code == 302, "every other session ended"
    assert Client().login(username="jose.nunez", password=NEW_PASSWORD)
    assert Email.objects.filter(template="members/password_changed", to="jose@example.com").count() == 1


def test_both_at_once_sends_one_email_with_username_and_code(client: Client, account: Member) -> None:
    client.post(RECOVER, details(account, True, True))
    handle_recoveries()
    assert "your username and a verification code" in client.get(SENT).content.decode()
    assert Email.objects.count() == 1
    email = last_email_to("jose@example.com")
    assert "jose.nunez" in email.body_text
    code = code_in(email)
    response = client.post(
        SENT, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": code}
    )
    assert "successfully created a new password" in response.content.decode()


def test_a_used_code_cannot_reset_again(client: Client, account: Member) -> None:
    client.post(RECOVER, details(account, False, True))
    handle_recoveries()
    code = code_in(last_email_to("jose@example.com"))
    client.post(SENT, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": code})
    client.post(RECOVER, details(account, False, True))
    handle_recoveries()
    html = client.post(
        SENT, {"new_password": STRONG_PASSWORD, "new_password_again": STRONG_PASSWORD, "code": code}
    )
    assert "not correct or has expired" in html.content.decode()
    assert Client().login(username="jose.nunez", password=NEW_PASSWORD)


def test_password_similar_to_the_username_is_refused_and_keeps_the_code(
    client: Client, account: Member
) -> None:
    client.post(RECOVER, details(account, False, True))
    handle_recoveries()
    code = code_in(last_email_to("jose@example.com"))
    html = client.post(
        SENT, {"new_password": "jose.nunez1", "new_password_again": "jose.nunez1", "code": code}
    )
    assert "too similar" in html.content.decode() or "too short" in html.content.decode()
    response = client.post(
        SENT, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": code}
    )
    assert "successfully created a new password" in response.content.decode()


@pytest.mark.parametrize("username, password", [(True, False), (False, True), (True, True)])
def test_answers_are_identical_whether_or_not_the_details_match(
    account: Member, username: bool, password: bool
) -> None:
    matching, stranger = Client(), Client()
    r1 = matching.post(RECOVER, details(account, username, password))
    handle_recoveries()
    r2 = stranger.post(RECOVER, details(account, username, password, member_id="Z99999999"))
    handle_recoveries()
    assert (r1.status_code, r1["Location"]) == (r2.status_code, r2["Location"])
    p1, p2 = matching.get(r1["Location"]), stranger.get(r2["Location"])
    assert p1.status_code == p2.status_code
    assert _without_tokens(p1.content.decode()) == _without_tokens(p2.content.decode())
    if password:
        wrong = {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": "000000"}
        a, b = matching.post(SENT, wrong), stranger.post(SENT, wrong)
        assert _without_tokens(a.content.decode()) == _without_tokens(b.content.decode())
    assert Email.objects.count() == 1, "the non-matching request sent nothing"


def _without_tokens(html: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_worker_answers_each_request_once(client: Client, account: Member) -> None:
    from members.recovery import recovery_send

    client.post(RECOVER, details(account, True, False))
    [recovery] = RecoveryRequest.objects.all()
    recovery_send(recovery_id=recovery.pk)
    recovery_send(recovery_id=recovery.pk)  # the task delivered twice
    assert Email.objects.count() == 1


def test_a_request_the_broker_never_got_is_answered_by_the_sweep(client: Client, account: Member) -> None:
    from members.recovery import recovery_sweep

    start = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.post(RECOVER, details(account, True, False))
        assert recovery_sweep() == 0, "the on-commit hand-off gets a minute first"
        traveller.shift(datetime.timedelta(minutes=2))
        assert recovery_sweep() == 1
        assert last_email_to("jose@example.com").template == "members/account_recovery"
        traveller.shift(datetime.timedelta(days=8))
        recovery_sweep()
    assert not RecoveryRequest.objects.exists(), "old requests are deleted"


def test_a_request_answered_after_the_code_lifetime_sends_nothing(client: Client, account: Member) -> None:
    from members import rules
    from members.recovery import recovery_sweep

    start = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.post(RECOVER, details(account, False, True))
        traveller.shift(rules.CODE_LIFETIME + datetime.timedelta(minutes=1))
        recovery_sweep()
    assert not Email.objects.exists()
    assert RecoveryRequest.objects.get().handled_at is not None


def test_an_inactive_account_gets_nothing(client: Client, account: Member) -> None:
    assert account.user is not None
    account.user.is_active = False
    account.user.save()
    client.post(RECOVER, details(account, True, True))
    handle_recoveries()
    assert not Email.objects.exists()


def test_the_email_is_in_the_language_of_the_page(client: Client, account: Member) -> None:
    client.post(RECOVER, details(account, True, False), HTTP_ACCEPT_LANGUAGE="es")
    handle_recoveries()
    email = last_email_to("jose@example.com")
    assert email.language == "es" and "Servicios para Miembros" in email.body_text


def test_only_a_reset_keeps_a_session(account: Member) -> None:
    from django.contrib.sessions.models import Session

    from members import rules

    username_only = Client()
    username_only.post(RECOVER, details(account, True, False))
    assert not Session.objects.exists(), "a username-only request needs no session"
    assert "account information" in username_only.get(f"{SENT}?username").content.decode()

    reset = Client()
    reset.post(RECOVER, details(account, False, True))
    [session] = Session.objects.all()
    lifetime = session.expire_date - timezone.now()
    assert lifetime <= rules.CODE_LIFETIME, "the session lasts as long as the code"

    assert Client().get(SENT)["Location"] == RECOVER, "the reset page needs the session"
