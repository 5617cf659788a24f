"""Create Member Online Account: SUBMIT matches the plan record and emails a code; VERIFY creates it."""

import datetime
import re

import pytest
import time_machine
from django.test import Client

from members.models import Member, Phone, User
from tests.members.conftest import STRONG_PASSWORD, code_in, last_email_to
from tests.members.flows import (
    SIGNUP,
    VERIFY,
    signup_data,
)


@pytest.fixture
def enrollee(make_member) -> Member:  # type: ignore[no-untyped-def]
    """A plan member aged over 18 without an online account."""
    member: Member = make_member(first_name="José", last_name="Núñez-Ortiz", member_id="A12345678")
    return member


def test_the_page_shows_the_seed_fields(client: Client, db: None) -> None:
    html = client.get(SIGNUP).content.decode()
    for label in [
        "First Name",
        "Last Name",
        "Date of Birth",
        "Member ID Number",
        "Email Address",
        "Verify Email Address",
        "Cell Phone Number",
        "Username",
        "Password",
        "Verify Password",
        "terms and conditions",
        "SUBMIT",
    ]:
        assert label in html
    assert 'href="/terms/"' in html


def test_submit_then_verify_creates_the_account(client: Client, enrollee: Member) -> None:
    response = client.post(SIGNUP, signup_data(enrollee))
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert not User.objects.filter(username="josen").exists(), "no account before VERIFY"

    page = client.get(VERIFY).content.decode()
    assert "We have sent a code to your email address" in page
    email = last_email_to("jose@example.com")
    assert enrollee.member_id not in email.body_text and "1980" not in email.body_text

    client.post(VERIFY, {"code": code_in(email)})
    enrollee.refresh_from_db()
    assert enrollee.user is not None and enrollee.user.username == "josen"
    assert enrollee.user.email == "jose@example.com"
    assert Phone.objects.get(member=enrollee).number == "+18315550142"
    assert client.login(username="josen", password=STRONG_PASSWORD)


def test_verify_signs_the_new_member_in_to_the_home_page(client: Client, enrollee: Member) -> None:
    client.post(SIGNUP, signup_data(enrollee))
    anonymous_session = client.session.session_key
    response = client.post(VERIFY, {"code": code_in(last_email_to("jose@example.com"))}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    page = response.content.decode()
    assert "Your account has been successfully created." in page
    assert f"Welcome {enrollee.first_name}" in page
    assert response.wsgi_request.user.username == "josen"
    assert client.session.session_key != anonymous_session, "a new session id at log-in"
    # The same first log-in as from LOG IN: the email that confirms the account was created.
    assert last_email_to("jose@example.com").subject == "Your Member Portal account was created"
    client.logout()
    assert client.get("/").status_code == 302, "signed out again, the pages need a log-in"


def test_names_match_ignoring_case_accents_and_hyphens(client: Client, enrollee: Member) -> None:
    response = client.post(SIGNUP, signup_data(enrollee, first_name=" jose ", last_name="nunez ortiz"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    "field, value",
    [
        ("first_name", "Juan"),
        ("last_name", "Ortiz"),
        ("date_of_birth", "1980-04-13"),
        ("member_id", "A12345679"),
    ],
)
def test_any_mismatch_gets_one_generic_message(
    client: Client, enrollee: Member, field: str, value: str
) -> None:
    response = client.post(SIGNUP, signup_data(enrollee, **{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "does not match our records" in html
    assert not User.objects.exists()


def test_member_id_is_locked_after_five_failures(client: Client, enrollee: Member) -> None:
    for _ in range(5):
        client.post(SIGNUP, signup_data(enrollee, date_of_birth="2001-01-01"))
    response = client.post(SIGNUP, signup_data(enrollee))
    assert "does not match our records" in response.content.decode(), "correct details refused while locked"


def test_under_18_is_refused(client: Client, make_member) -> None:  # type: ignore[no-untyped-def]
    today = datetime.date.today()
    teen = make_member(member_id="T1", date_of_birth=today.replace(year=today.year - 17))
    html = client.post(SIGNUP, signup_data(teen)).content.decode()
    assert "18 or older" in html


def test_existing_account_points_to_recovery(client: Client, member: Member) -> None:
    html = client.post(SIGNUP, signup_data(member, username="another")).content.decode()
    assert "already have an online account" in html
    assert 'href="/accounts/recover/"' in html


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email_again": "other@example.com"}, "The email addresses do not match"),
        ({"password_again": "lantern orchard seventy one"}, "The passwords do not match"),
        ({"password": "short", "password_again": "short"}, "too short"),
        ({"password": "password12345", "password_again": "password12345"}, "too common"),
        ({"password": "x" * 129, "password_again": "x" * 129}, "at most 128"),
        ({"username": "JOSE.NUNEZ"}, "already"),
        ({"agree_terms": ""}, "agree to the terms"),
        ({"cell_phone": "555"}, "valid phone number"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    client: Client, enrollee: Member, member: Member, overrides: dict[str, str], message: str
) -> None:
    response = client.post(SIGNUP, signup_data(enrollee, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    enrollee.refresh_from_db()
    assert enrollee.user is None


def test_long_passphrase_up_to_128_is_accepted(client: Client, enrollee: Member) -> None:
    phrase = "correct horse battery " * 5 + "x" * 18
    assert len(phrase) == 128
    assert (
        client.post(SIGNUP, signup_data(enrollee, password=phrase, password_again=phrase)).status_code == 302
    )


def test_wrong_code_five_times_kills_it(client: Client, enrollee: Member) -> None:
    client.post(SIGNUP, signup_data(enrollee))
    code = code_in(last_email_to("jose@example.com"))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        client.post(VERIFY, {"code": wrong})
    html = client.post(VERIFY, {"code": code}).content.decode()
    assert "can no longer be used" in html
    assert not User.objects.filter(username="josen").exists()


def test_code_expires_after_15_minutes(client: Client, enrollee: Member) -> None:
    with time_machine.travel(
        datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC), tick=False
    ) as traveller:
        client.post(SIGNUP, signup_data(enrollee))
        code = code_in(last_email_to("jose@example.com"))
        traveller.shift(datetime.timedelta(minutes=15, seconds=1))
        html = client.post(VERIFY, {"code": code}).content.decode()
    assert "expired" in html
    assert not User.objects.filter(username="josen").exists()


def test_new_code_has_a_cool_down_and_keeps_wrong_tries(client: Client, enrollee: Member) -> None:
    with time_machine.travel(
        datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC), tick=False
    ) as traveller:
        client.post(SIGNUP, signup_data(enrollee))
        first = code_in(last_email_to("jose@example.com"))
        for _ in range(4):
            client.post(VERIFY, {"code": "000000" if first != "000000" else "111111"})
        response = client.post(VERIFY, {"resend": "1"}, follow=True)
        assert "Please wait 60 seconds before asking for another code" in response.content.decode()
        traveller.shift(datetime.timedelta(seconds=61))
        response = client.post(VERIFY, {"resend": "1"}, follow=True)
        assert "We sent a new code" in response.content.decode()
        second = code_in(last_email_to("jose@example.com"))
        # The old code no longer works, and the fifth wrong try ends the request.
        client.post(VERIFY, {"code": first if first != second else "999999"})
        html = client.post(VERIFY, {"code": second}).content.decode()
    assert "can no longer be used" in html


def test_code_is_single_use_and_stored_hashed(client: Client, enrollee: Member) -> None:
    from members.models import VerificationCode

    client.post(SIGNUP, signup_data(enrollee))
    code = code_in(last_email_to("jose@example.com"))
    record = VerificationCode.objects.get()
    assert code not in record.code_hash and STRONG_PASSWORD not in str(record.payload)
    client.post(VERIFY, {"code": code})
    other = Client()
    session = other.session
    session["signup_code_id"] = record.pk
    session.save()
    assert "can no longer be used" in other.post(VERIFY, {"code": code}).content.decode()


def test_code_is_six_digits(client: Client, enrollee: Member) -> None:
    client.post(SIGNUP, signup_data(enrollee))
    assert re.search(r"\b\d{6}\b", last_email_to("jose@example.com").body_text)
