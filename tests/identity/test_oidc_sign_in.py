"""Signing in with the state's identity provider, against a real provider on this machine."""

import datetime
from typing import Any

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from members.models import Member
from tests.identity.flows import DETAILS, callback_path, sign_in, start, with_param
from tests.identity_provider import IdentityProvider, sign_in_at_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def state_member(make_member) -> Member:  # type: ignore[no-untyped-def]
    return make_member(
        member_id="MH100200", first_name="José", last_name="García", date_of_birth=datetime.date(1980, 4, 12)
    )


def test_the_log_in_page_offers_the_states_sign_in_and_no_password(state_sign_in: IdentityProvider) -> None:
    page = Client().get(reverse("account_login")).content.decode()
    assert "Sign In With MA Login" in page
    assert "Sign In With login.mass.gov" in page
    assert 'name="password"' not in page
    assert "Create Member Online Account" not in page
    assert Client().get(reverse("signup")).status_code == 404
    assert Client().get(reverse("recover")).status_code == 404
    assert Client().post(reverse("account_login"), {"login": "x", "password": "y"}).status_code == 405


def test_the_authorization_request_uses_pkce_state_and_nonce(state_sign_in: IdentityProvider) -> None:
    authorize = start(Client())
    assert authorize.startswith(state_sign_in.url)
    for param in ("code_challenge=", "code_challenge_method=S256", "state=", "nonce="):
        assert param in authorize


def test_first_sign_in_links_the_member_record_then_later_ones_go_straight_home(
    state_sign_in: IdentityProvider, state_member: Member
) -> None:
    client = Client()
    response = client.get(sign_in(client))
    assert response.status_code == 302 and response["Location"] == reverse("socialaccount_signup")
    page = client.get(reverse("socialaccount_signup"))
    assert "Link your member record" in page.content.decode()

    response = client.post(reverse("socialaccount_signup"), DETAILS)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    state_member.refresh_from_db()
    assert state_member.user is not None and not state_member.user.has_usable_password()
    assert state_member.user.email == "jose@example.com"
    assert SocialAccount.objects.get(user=state_member.user).provider == "ma-login"

    again = Client()
    response = again.get(sign_in(again))
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "Welcome José" in again.get(reverse("home")).content.decode()


def assert_refused(client: Client, response: Any, caplog: pytest.LogCaptureFixture, reason: str) -> None:
    assert response.status_code == 401
    assert "We could not sign you in" in response.content.decode()
    assert "socialaccount_sociallogin" not in client.session
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    assert reason in caplog.text


@pytest.mark.parametrize(
    ("provider", "reason"),
    [
        ("wrong-audience", "(InvalidAudienceError)"),
        ("expired", "(ExpiredSignatureError)"),
        ("forged-keys", "(InvalidSignatureError)"),
    ],
)
def test_an_id_token_with_a_wrong_audience_an_expiry_past_or_a_bad_signature_is_refused(
    state_sign_in: IdentityProvider,
    state_member: Member,
    provider: str,
    reason: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = Client()
    assert_refused(client, client.get(sign_in(client, provider)), caplog, reason)


def test_a_bad_nonce_is_refused(
    state_sign_in: IdentityProvider, state_member: Member, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client()
    response = client.get(sign_in(client, nonce="not-the-nonce-we-sent"))
    assert_refused(client, response, caplog, "ID token nonce does not match")


def test_a_bad_state_is_refused(
    state_sign_in: IdentityProvider, state_member: Member, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client()
    redirect = sign_in_at_provider(start(client), username="jose")
    response = client.get(callback_path(with_param(redirect, "state", "forged-state")))
    assert_refused(client, response, caplog, "refused")
