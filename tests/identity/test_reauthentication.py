"""A member who signs in only at the state confirms a change by signing in there again: the
portal has no password or second factor of theirs to ask for. Against the real local provider."""

import datetime
from collections.abc import Callable

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse

from members.models import Member
from tests.identity.flows import DETAILS, callback_path, sign_in
from tests.identity_provider import IdentityProvider, sign_in_at_provider
from tests.sign_in import age_authentication

pytestmark = pytest.mark.django_db

OLD = 16 * 60


@pytest.fixture
def state_client(state_sign_in: IdentityProvider, make_member: Callable[..., Member]) -> Client:
    """José, signed in at MA Login and linked to his record: no password, no second factor."""
    make_member(
        member_id="MH100200", first_name="José", last_name="García", date_of_birth=datetime.date(1980, 4, 12)
    )
    client = Client()
    client.get(sign_in(client))
    assert client.post(reverse("socialaccount_signup"), DETAILS).status_code == 302
    return client


def test_after_15_minutes_a_change_sends_the_member_to_sign_in_at_the_state_again(
    state_client: Client,
) -> None:
    identity = SocialAccount.objects.get()
    unlink = reverse("identity_unlink", args=[identity.pk])
    assert state_client.get(unlink).status_code == 200  # just signed in
    user_id = state_client.session["_auth_user_id"]

    age_authentication(state_client, OLD)
    response = state_client.get(unlink)
    assert response["Location"].startswith(reverse("identity_reauthenticate") + "?next=")
    page = state_client.get(response["Location"]).content.decode()
    assert "Confirm it is you" in page and "Sign In With MA Login" in page

    started = state_client.post(reverse("identity_reauthenticate"), {"identity": identity.pk, "next": unlink})
    assert started.status_code == 302 and "prompt=login" in started["Location"]
    back = state_client.get(callback_path(sign_in_at_provider(started["Location"], username="jose")))
    assert back["Location"] == unlink
    assert state_client.get(unlink).status_code == 200
    assert state_client.session["_auth_user_id"] == user_id  # confirmed, not signed in anew


def test_someone_elses_identity_confirms_nothing(state_client: Client) -> None:
    identity = SocialAccount.objects.get()
    unlink = reverse("identity_unlink", args=[identity.pk])
    user_id = state_client.session["_auth_user_id"]
    age_authentication(state_client, OLD)

    started = state_client.post(reverse("identity_reauthenticate"), {"identity": identity.pk, "next": unlink})
    back = state_client.get(callback_path(sign_in_at_provider(started["Location"], username="maria")))
    assert back["Location"] == reverse("identity_reauthenticate")
    assert "not the sign-in linked to your account" in state_client.get(back["Location"]).content.decode()
    assert state_client.session["_auth_user_id"] == user_id
    assert state_client.get(unlink)["Location"].startswith(reverse("identity_reauthenticate"))
    assert SocialAccount.objects.count() == 1


def test_the_page_goes_back_only_to_the_portal(state_client: Client) -> None:
    identity = SocialAccount.objects.get()
    started = state_client.post(
        reverse("identity_reauthenticate"), {"identity": identity.pk, "next": "https://evil.example/"}
    )
    back = state_client.get(callback_path(sign_in_at_provider(started["Location"], username="jose")))
    assert back["Location"] == reverse("home")
