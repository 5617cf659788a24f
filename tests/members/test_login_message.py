"""The message after log-in does not repeat the username (the header greets the member by name)."""

from django.test import Client

from members.models import Member
from tests.conftest import MEMBER_PASSWORD


def test_the_log_in_message_names_no_username(client: Client, member: Member) -> None:
    response = client.post(
        "/accounts/login/", {"login": "jose.nunez", "password": MEMBER_PASSWORD}, follow=True
    )
    html = response.content.decode()
    assert "You are signed in." in html
    assert "jose.nunez" not in html
