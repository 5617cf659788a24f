"""allauth's OpenID Connect provider, with the checks it leaves to the site.

allauth's provider sends PKCE and checks `state`, the ID token's issuer, audience and expiry.
It sends no `nonce`, and it skips the signature when the token came straight from the token
endpoint (OpenID Connect Core 3.1.3.7 allows that over TLS). The portal asks for both: each
redirect carries a fresh nonce kept in allauth's state, and the callback (identity.oidc) checks
the signature against the provider's published keys and the nonce against that state.

allauth loads this class in place of its own through SOCIALACCOUNT_PROVIDERS' `provider_class`
(portal/sign_in.py); the provider's id, URLs and stored accounts stay allauth's.
"""

import secrets
from typing import Any

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.http import HttpRequest, HttpResponse

from identity.oidc import StateSignInAdapter


class StateSignInProvider(OpenIDConnectProvider):
    oauth2_adapter_class = StateSignInAdapter

    def get_oauth2_adapter(self, request: HttpRequest) -> StateSignInAdapter:
        return StateSignInAdapter(request, self.app.provider_id)

    def redirect(
        self, request: HttpRequest, process: Any, next_url: Any = None, data: Any = None, **kwargs: Any
    ) -> HttpResponse:
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        kwargs["auth_params"] = {**auth_params, "nonce": nonce}
        # Stashed with allauth's state, so it is good for this one redirect only.
        response: HttpResponse = super().redirect(request, process, next_url, data, nonce=nonce, **kwargs)
        return response


provider_classes = [StateSignInProvider]
