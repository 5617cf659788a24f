"""Sign-in with an identity provider, mounted under /accounts/ beside the portal's own log-in.

The names are allauth's (its provider builds its log-in and callback URLs by them); the views
are identity.oidc's, which add the portal's nonce and signature checks.
"""

from django.urls import path, register_converter

from identity import oidc, views


class ProviderIdConverter:
    """An id as OIDC_PROVIDERS spells one (portal/sign_in.py); whether it is configured is the view's."""

    regex = "[a-z0-9][a-z0-9-]*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ProviderIdConverter, "sign_in_provider")

urlpatterns = [
    path("oidc/<sign_in_provider:provider_id>/login/", oidc.login, name="openid_connect_login"),
    path(
        "oidc/<sign_in_provider:provider_id>/login/callback/", oidc.callback, name="openid_connect_callback"
    ),
    # allauth sends a new identity to its social sign-up page: here, Link your member record.
    path("link/", views.link, name="socialaccount_signup"),
    # Confirm it is you by signing in again at a linked provider (identity/reauthentication.py).
    path("reauthenticate/provider/", views.reauthenticate, name="identity_reauthenticate"),
]
