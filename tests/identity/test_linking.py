"""Linking a new identity to its member record: by ID card details with the house's limits on
guessing, or by full SSN, which is never stored, shown or logged in clear."""

import datetime
import logging
import shutil
import subprocess

import pytest
from allauth.socialaccount.models import SocialAccount
from django.db import connection
from django.test import Client
from django.urls import reverse

from audit.models import AuditEvent
from members.matching import MAX_FAILURES_PER_MEMBER_ID
from members.models import Member
from members.ssn import ssn_digest
from tests.identity.flows import DETAILS, sign_in
from tests.identity_provider import IdentityProvider
from tests.sign_in import force_sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SSN = "123-45-6789"
PG_DUMP = shutil.which("pg_dump") or "/usr/bin/pg_dump"


@pytest.fixture
def state_member(make_member, state_sign_in: IdentityProvider) -> Member:  # type: ignore[no-untyped-def]
    member: Member = make_member(
        member_id="MH100200", first_name="José", last_name="García", date_of_birth=datetime.date(1980, 4, 12)
    )
    member.ssn_digest = ssn_digest("123456789")
    member.save()
    return member


def pending(client: Client) -> Client:
    """A browser back from the provider with a new identity, on Link your member record."""
    assert client.get(sign_in(client))["Location"] == reverse("socialaccount_signup")
    return client


def test_a_member_links_by_full_ssn_which_is_never_kept_shown_or_logged(
    state_member: Member, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    client = pending(Client())
    page = client.get(reverse("socialaccount_signup")).content.decode()
    assert "Social Security Number" in page

    wrong = client.post(reverse("socialaccount_signup"), {"method": "ssn", "ssn": "123-45-6780"})
    assert "does not match our records" in wrong.content.decode()
    assert "123-45-6780" not in wrong.content.decode() and "123456780" not in wrong.content.decode()

    response = client.post(reverse("socialaccount_signup"), {"method": "ssn", "ssn": SSN})
    assert response["Location"] == reverse("home")
    state_member.refresh_from_db()
    assert SocialAccount.objects.filter(user=state_member.user).exists()

    settings_dict = connection.settings_dict
    dump = subprocess.run(  # noqa: S603
        [
            PG_DUMP,
            "-h",
            settings_dict["HOST"] or "127.0.0.1",
            "-U",
            settings_dict["USER"],
            settings_dict["NAME"],
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "MH100200" in dump  # the dump is of this test's data
    logs = caplog.text + "".join(capfd.readouterr())
    for form in ("123456789", "123-45-6789", "123 45 6789", "123456780", "123-45-6780"):
        assert form not in dump
        assert form not in logs


def test_a_member_links_by_the_details_on_their_id_card(state_member: Member) -> None:
    client = pending(Client())
    wrong = client.post(reverse("socialaccount_signup"), {**DETAILS, "last_name": "Garza"})
    assert "does not match our records" in wrong.content.decode()
    assert AuditEvent.objects.filter(action="identity.link_failed").count() == 1
    response = client.post(reverse("socialaccount_signup"), DETAILS)
    assert response["Location"] == reverse("home")
    assert AuditEvent.objects.filter(action="identity.linked", member_id=state_member.pk).count() == 1


def test_guessing_stops_at_the_matching_limits_even_for_the_right_details(state_member: Member) -> None:
    client = pending(Client())
    for _ in range(MAX_FAILURES_PER_MEMBER_ID):
        client.post(reverse("socialaccount_signup"), {**DETAILS, "date_of_birth": "1980-04-13"})
    response = client.post(reverse("socialaccount_signup"), DETAILS)
    assert "does not match our records" in response.content.decode()
    state_member.refresh_from_db()
    assert state_member.user is None


def test_a_record_with_an_online_account_is_not_linked_to_another_identity(
    member: Member, state_sign_in: IdentityProvider
) -> None:
    # `member` already has an online account (a username and password).
    Member.objects.filter(pk=member.pk).update(member_id="MH100200", first_name="José", last_name="García",
                                               date_of_birth=datetime.date(1980, 4, 12))  # fmt: skip
    client = pending(Client())
    response = client.post(reverse("socialaccount_signup"), DETAILS)
    assert "already has an online account" in response.content.decode()
    assert not SocialAccount.objects.exists()


def test_the_link_page_needs_an_identity_first(state_member: Member) -> None:
    assert Client().get(reverse("socialaccount_signup"))["Location"] == reverse("account_login")


def test_profile_lists_the_linked_identity_and_refuses_to_unlink_the_only_way_in(
    state_member: Member,
) -> None:
    client = pending(Client())
    client.post(reverse("socialaccount_signup"), DETAILS)
    page = client.get(reverse("identities")).content.decode()
    assert "MA Login" in page
    identity = SocialAccount.objects.get()
    response = client.post(reverse("identity_unlink", args=[identity.pk]), follow=True)
    assert "cannot be unlinked" in response.content.decode()
    assert SocialAccount.objects.exists()


def test_a_member_with_a_password_unlinks_an_identity(state_member: Member) -> None:
    client = pending(Client())
    client.post(reverse("socialaccount_signup"), DETAILS)
    state_member.refresh_from_db()
    assert state_member.user is not None
    state_member.user.set_password("lantern orchard seventy")
    state_member.user.save()
    force_sign_in(client, state_member.user)
    identity = SocialAccount.objects.get()
    assert client.get(reverse("identity_unlink", args=[identity.pk])).status_code == 200
    response = client.post(reverse("identity_unlink", args=[identity.pk]), follow=True)
    assert "The sign-in is unlinked." in response.content.decode()
    assert not SocialAccount.objects.exists()
    assert AuditEvent.objects.filter(action="identity.unlinked", member_id=state_member.pk).exists()
    assert client.post(reverse("identity_unlink", args=[identity.pk])).status_code == 404
