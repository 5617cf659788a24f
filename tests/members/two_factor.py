"""Helpers for the two-factor tests: the authenticator app's code, and setting one up through
allauth.mfa's pages as a member does (plain helpers, no fixtures)."""

import re

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.test import Client

from tests.conftest import MEMBER_PASSWORD


def totp_now(secret: str) -> str:
    """The authenticator app's code now (allauth refuses a code used before, so tests move time on)."""
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def reauthenticate(client: Client) -> None:
    response = client.post("/accounts/reauthenticate/", {"password": MEMBER_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:1500]


def activate_authenticator(client: Client) -> str:
    """Add an authenticator app on its page (the member's sign-in must be recent); its secret."""
    got = client.get("/accounts/2fa/totp/activate/")
    assert got.status_code == 200, (got.status_code, got.get("Location"))
    page = got.content.decode()
    secret = re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page) or re.search(
        r"([A-Z2-7]{32})", page
    )
    assert secret, page[:2000]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret.group(1))})
    assert response.status_code == 302, response.content.decode()[:2000]
    return secret.group(1)


def set_up_authenticator(client: Client) -> str:
    reauthenticate(client)
    return activate_authenticator(client)
