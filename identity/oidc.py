"""The OpenID Connect log-in and callback views, on allauth's, with the portal's two extra checks.

The callback takes allauth's state (PKCE verifier, the process, the nonce identity.provider put
in it) once, then: the code is exchanged with the verifier, and the ID token is decoded with its
signature checked against the provider's JWKS, its issuer, audience and expiry, and its nonce
compared with the state's. Any failure is allauth's authentication error page, and no log-in.
"""

import hmac
from typing import Any

from allauth.socialaccount.models import SocialApp, SocialLogin, SocialToken
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods


class StateSignInAdapter(OpenIDConnectOAuth2Adapter):
    expected_nonce: str | None = None

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict[str, Any]:
        # Always check the signature: the keys are the provider's, the TLS channel is not proof.
        self.did_fetch_access_token = False
        claims: dict[str, Any] = super()._decode_id_token(app, id_token)
        nonce = claims.get("nonce")
        if not (
            isinstance(nonce, str)
            and self.expected_nonce
            and hmac.compare_digest(nonce.encode(), self.expected_nonce.encode())
        ):
            raise OAuth2Error("ID token nonce does not match")
        return claims

    def complete_login(
        self, request: HttpRequest, app: SocialApp, token: SocialToken, **kwargs: Any
    ) -> SocialLogin:
        if not kwargs["response"].get("id_token"):
            # Without an ID token there is neither a signature nor a nonce to check.
            raise OAuth2Error("no ID token")
        login: SocialLogin = super().complete_login(request, app, token, **kwargs)
        return login


class _CallbackView(OAuth2CallbackView):
    adapter: StateSignInAdapter

    def _get_state(self, request: HttpRequest, provider: Any) -> tuple[Any, Any]:
        state, response = super()._get_state(request, provider)
        if state:
            self.adapter.expected_nonce = state.get("nonce")
        return state, response


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest, provider_id: str) -> HttpResponse:
    try:
        response: HttpResponse = OAuth2LoginView.adapter_view(StateSignInAdapter(request, provider_id))(
            request
        )
    except SocialApp.DoesNotExist:
        raise Http404 from None
    return response


@require_http_methods(["GET"])
def callback(request: HttpRequest, provider_id: str) -> HttpResponse:
    try:
        response: HttpResponse = _CallbackView.adapter_view(StateSignInAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None
    return response
