"""Signing in the household's members for the MyServices page tests."""

from django.test import Client

from members.models import Member
from tests.sign_in import force_sign_in


def signed_in(member: Member) -> Client:
    client = Client()
    assert member.user is not None
    force_sign_in(client, member.user)
    return client


def view(client: Client, member: Member) -> None:
    """The head of household chooses whose information to view, as the form does."""
    response = client.post("/my/viewing/", {"member": member.pk, "next": "/my/benefits/"})
    assert response.status_code == 302, response.status_code
