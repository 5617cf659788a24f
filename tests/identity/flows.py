"""Helpers for the identity tests: start a sign-in at the portal, finish it at the provider."""

from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from django.test import Client
from django.urls import reverse

from tests.identity_provider import sign_in_at_provider

# José García's ID card details, as Link your member record asks for them.
DETAILS = {
    "first_name": "José",
    "last_name": "García",
    "date_of_birth": "1980-04-12",
    "member_id": "MH100200",
}


def start(client: Client, provider: str = "ma-login") -> str:
    """Press "Sign In With …": the provider's authorization URL the portal redirects to."""
    response = client.post(reverse("openid_connect_login", args=[provider]))
    assert response.status_code == 302, response.status_code
    return str(response["Location"])


def callback_path(redirect: str) -> str:
    parts = urlsplit(redirect)
    return f"{parts.path}?{parts.query}"


def with_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    query[name] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


def sign_in(client: Client, provider: str = "ma-login", username: str = "jose", **tamper: str) -> str:
    """The whole round trip; returns the callback's path the portal is then asked for."""
    authorize = start(client, provider)
    for name, value in tamper.items():
        authorize = with_param(authorize, name, value)
    return callback_path(sign_in_at_provider(authorize, username=username))
