"""The plan profile's `require_two_factor` rule: every member signs in with a second factor, and
one without any is sent to set up an authenticator app before any member page."""

import dataclasses
import datetime
from collections.abc import Callable

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from members import rules
from members.models import Member
from tests.identity.flows import sign_in
from tests.identity_provider import IdentityProvider
from tests.members.flows import log_in
from tests.members.two_factor import activate_authenticator
from tests.routes import parameterless_routes

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"


@pytest.fixture
def two_factor_required(settings) -> None:  # type: ignore[no-untyped-def]
    plan = settings.PLAN
    settings.PLAN = dataclasses.replace(plan, rules=dataclasses.replace(plan.rules, require_two_factor=True))


def test_the_rule_is_off_unless_the_profile_turns_it_on(client: Client, member: Member) -> None:
    assert rules.two_factor_required() is False
    log_in(client)
    assert client.get("/").status_code == 200


def test_a_member_without_a_factor_sets_one_up_before_any_member_page(
    two_factor_required: None, client: Client, member: Member
) -> None:
    assert log_in(client)["Location"] == "/"
    response = client.get("/")
    assert response["Location"] == ACTIVATE
    page = client.get(ACTIVATE)
    # Just signed in: the set-up page does not ask for the password a second time.
    assert page.status_code == 200
    assert "your plan asks every member to set up two-factor authentication" in page.content.decode()

    activate_authenticator(client)
    assert Authenticator.objects.filter(user=member.user, type=Authenticator.Type.TOTP).exists()
    assert client.get("/").status_code == 200


def test_no_typed_url_gets_round_it(two_factor_required: None, client: Client, member: Member) -> None:
    anonymous = Client()
    log_in(client)
    shown = []
    for path, _name in parameterless_routes():
        if path.startswith("/accounts/"):
            continue  # log-in, log-out and the two-factor pages themselves
        response = client.get(path)
        if response.status_code == 200:
            shown.append(path)
        else:
            assert response.status_code in {302, 404, 405}, (path, response.status_code)
            if response.status_code == 302:
                assert response["Location"] in {ACTIVATE, "/"} or "login" in response["Location"], path
    # What the member still sees is what anybody sees signed out.
    assert shown and all(anonymous.get(path).status_code == 200 for path in shown), shown


def test_a_member_who_signs_in_at_the_state_sets_up_a_factor_first(
    state_sign_in: IdentityProvider,
    two_factor_required: None,  # after the MassHealth profile, which it changes
    make_member: Callable[..., Member],
) -> None:
    make_member(
        member_id="MH100200", first_name="José", last_name="García", date_of_birth=datetime.date(1980, 4, 12)
    )
    client = Client()
    client.get(sign_in(client))
    client.post(
        "/accounts/link/",
        {"first_name": "José", "last_name": "García", "date_of_birth": "1980-04-12", "member_id": "MH100200"},
    )
    assert client.get("/")["Location"] == ACTIVATE
    # No password to ask for: the sign-in at the state a moment ago is the recent proof.
    activate_authenticator(client)
    assert client.get("/").status_code == 200
