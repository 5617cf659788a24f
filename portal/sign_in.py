"""External sign-in providers (OpenID Connect), read from the environment only.

`OIDC_PROVIDERS` holds a JSON list, one object per provider:

    [{"id": "ma-login", "name": "MA Login", "issuer": "https://login.example.gov",
      "client_id": "portal", "secret": "…"}]

`id` is what a plan profile's `sign_in` names (`oidc:ma-login`) and the provider's part of the
callback URL (/accounts/oidc/ma-login/login/callback/); `name` is the button's label. Nothing of
it is in the database or in a file, so a secret rotates with the deployment (docs/accounts.md).
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.plans import SIGN_IN_PASSWORD

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_FIELDS = ("id", "name", "issuer", "client_id", "secret")


@dataclass(frozen=True)
class OidcProvider:
    id: str
    name: str
    issuer: str
    client_id: str
    secret: str

    @property
    def origin(self) -> str:
        """scheme://host[:port] of the issuer, where the browser is sent to sign in."""
        parts = urlsplit(self.issuer)
        return f"{parts.scheme}://{parts.netloc}"


def oidc_providers(raw: str, *, variable: str = "OIDC_PROVIDERS") -> tuple[OidcProvider, ...]:
    """The providers `raw` (the variable's JSON) describes; ImproperlyConfigured names the problem."""
    if not raw.strip():
        return ()
    try:
        entries = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{variable} is not JSON ({error.msg})") from None
    if not isinstance(entries, list):
        raise ImproperlyConfigured(f"{variable} must be a JSON list of providers")
    providers: list[OidcProvider] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ImproperlyConfigured(f"{variable}[{index}] must be an object")
        for field in _FIELDS:
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise ImproperlyConfigured(f"{variable}[{index}].{field} is missing or empty")
        if not _ID.fullmatch(entry["id"]):
            raise ImproperlyConfigured(
                f"{variable}[{index}].id {entry['id']!r} must be lower-case a-z, 0-9, -"
            )
        if any(provider.id == entry["id"] for provider in providers):
            raise ImproperlyConfigured(f"{variable}[{index}].id {entry['id']!r} is listed twice")
        if not entry["issuer"].startswith(("https://", "http://127.0.0.1", "http://localhost")):
            # The discovery document and the keys that check ID tokens must come over TLS.
            raise ImproperlyConfigured(f"{variable}[{index}].issuer must be an https:// URL")
        providers.append(OidcProvider(**{field: entry[field].strip() for field in _FIELDS}))
    return tuple(providers)


def socialaccount_providers(providers: Iterable[OidcProvider]) -> dict[str, Any]:
    """allauth's SOCIALACCOUNT_PROVIDERS for these providers: PKCE on, the portal's nonce-checking class."""
    return {
        "openid_connect": {
            "provider_class": "identity.provider.StateSignInProvider",
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": provider.id,
                    "name": provider.name,
                    "client_id": provider.client_id,
                    "secret": provider.secret,
                    "settings": {"server_url": provider.issuer},
                }
                for provider in providers
            ],
        }
    }


def check_sign_in(sign_in: Iterable[str], providers: Mapping[str, OidcProvider]) -> list[str]:
    """The `oidc:<id>` methods a plan profile names that no configured provider answers to."""
    return [method for method in sign_in if method.startswith("oidc:") and method[5:] not in providers]


@dataclass(frozen=True)
class ProviderButton:
    id: str
    name: str


def passwords_offered() -> bool:
    """Whether the plan lets members use the portal's own usernames and passwords."""
    return SIGN_IN_PASSWORD in settings.PLAN.sign_in


def provider_buttons() -> list[ProviderButton]:
    """The identity providers the plan's `sign_in` names, in its order, that the environment configures."""
    buttons = []
    for method in settings.PLAN.sign_in:
        provider = settings.OIDC_PROVIDERS.get(method.removeprefix("oidc:"))
        if method.startswith("oidc:") and provider is not None:
            buttons.append(ProviderButton(provider.id, provider.name))
    return buttons
