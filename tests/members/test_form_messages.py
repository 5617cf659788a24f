"""Each field in error says what to fix ("Enter your date of birth, for example 04/12/1980"),
under the field and in the error summary's link to it, in the page's language; not Django's
"This field is required."."""

import datetime

import pytest
from django.test import Client

from members.models import Member
from tests.form_errors import assert_says
from tests.members.flows import LOGIN, RECOVER, SENT, SIGNUP, VERIFY, details, signup_data

DATE_OF_BIRTH = "Enter your date of birth, for example 04/12/1980."
EMAIL = "Enter an email address in the form name@example.com."
NOTHING = dict.fromkeys(["first_name", "last_name", "date_of_birth", "member_id"], "")


@pytest.fixture
def enrollee(make_member) -> Member:  # type: ignore[no-untyped-def]
    member: Member = make_member(member_id="A12345678")
    return member


def test_an_empty_signup_says_what_each_field_needs(client: Client, db: None) -> None:
    empty = dict.fromkeys(signup_data(Member(date_of_birth=datetime.date(1990, 5, 17))), "")
    page = client.post(SIGNUP, empty).content.decode()
    assert "This field is required" not in page
    assert_says(
        page,
        {
            "id_first_name": "Enter your first name as it is printed on your member ID card.",
            "id_last_name": "Enter your last name as it is printed on your member ID card.",
            "id_date_of_birth": DATE_OF_BIRTH,
            "id_member_id": "Enter your member ID number as it is printed on your card.",
            "id_email": "Enter your email address.",
            "id_email_again": "Enter your email address again.",
            "id_username": "Choose a username: you will use it to log in.",
            "id_password": "Choose a password of at least 12 characters.",
            "id_password_again": "Enter your password again.",
            "id_agree_terms": "To create an account you must agree to the terms and conditions.",
        },
    )


def test_a_bad_date_email_and_phone_say_what_they_should_look_like(client: Client, enrollee: Member) -> None:
    data = signup_data(enrollee, date_of_birth="17/05/1990", email="jose@", cell_phone="555")
    page = client.post(SIGNUP, data).content.decode()
    assert_says(
        page,
        {
            "id_date_of_birth": DATE_OF_BIRTH,
            "id_email": EMAIL,
            "id_cell_phone": "Enter a valid phone number, for example (831) 555-0123.",
        },
    )


def test_the_messages_are_in_the_pages_language(client: Client, db: None) -> None:
    page = client.post(SIGNUP, NOTHING, headers={"accept-language": "es"}).content.decode()
    assert_says(page, {"id_date_of_birth": "Escriba su fecha de nacimiento, por ejemplo 04/12/1980."})


def test_an_empty_code_says_where_it_is(client: Client, enrollee: Member) -> None:
    client.post(SIGNUP, signup_data(enrollee))
    page = client.post(VERIFY, {"code": ""}).content.decode()
    assert_says(page, {"id_code": "Enter the verification code from the email we sent you."})


def test_an_empty_recovery_says_what_each_field_needs(client: Client, db: None) -> None:
    page = client.post(RECOVER, {**NOTHING, "reset_password": "on"}).content.decode()
    assert_says(
        page,
        {
            "id_first_name": "Enter your first name as it is printed on your member ID card.",
            "id_date_of_birth": DATE_OF_BIRTH,
            "id_member_id": "Enter your member ID number as it is printed on your card.",
        },
    )


def test_an_empty_reset_says_what_each_field_needs(client: Client, enrollee: Member) -> None:
    client.post(RECOVER, details(enrollee, username=False, password=True))
    page = client.post(SENT, {"new_password": "", "new_password_again": "", "code": ""}).content.decode()
    assert_says(
        page,
        {
            "id_new_password": "Choose a new password of at least 12 characters.",
            "id_new_password_again": "Enter your new password again.",
            "id_code": "Enter the verification code from the email we sent you.",
        },
    )


def test_an_empty_log_in_says_which_is_missing(client: Client, db: None) -> None:
    page = client.post(LOGIN, {"login": "", "password": ""}).content.decode()
    assert_says(page, {"id_login": "Enter your username.", "id_password": "Enter your password."})


@pytest.mark.parametrize(
    ("url", "data", "expected"),
    [
        (
            "/profile/address/add/",
            {"kind": "", "line1": "", "city": "", "state": "", "zip_code": "9390"},
            {
                "id_kind": "Choose the address type from the list.",
                "id_line1": "Enter your street address, for example 22 Elm Ave.",
                "id_city": "Enter your city.",
                "id_state": "Choose your state from the list.",
                "id_zip_code": "Enter a 5-digit ZIP code, or ZIP+4 such as 93901-1234.",
            },
        ),
        (
            "/profile/phone/add/",
            {"kind": "", "number": ""},
            {
                "id_kind": "Choose the phone type from the list.",
                "id_number": "Enter your phone number, for example (831) 555-0123.",
            },
        ),
        ("/profile/email/add/", {"address": ""}, {"id_address": "Enter your email address."}),
        ("/profile/email/add/", {"address": "jose at example"}, {"id_address": EMAIL}),
        (
            "/profile/account-email/",
            {"email": "", "email_again": "jose@"},
            {"id_email": "Enter your new email address.", "id_email_again": EMAIL},
        ),
    ],
)
def test_the_profile_forms_say_what_each_field_needs(
    member_client: Client, url: str, data: dict[str, str], expected: dict[str, str]
) -> None:
    page = member_client.post(url, data).content.decode()
    assert "This field is required" not in page and "Select a valid choice" not in page
    assert_says(page, expected)
