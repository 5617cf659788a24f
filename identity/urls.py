"""Sign-in with an identity provider, mounted under /accounts/ beside the portal's own log-in.

The names are allauth's (its provider builds its log-in and callback URLs by them); the views
are identity.oidc's, which add the portal's nonce and signature checks.
"""

from django.urls import path

from identity import oidc, views

urlpatterns = [
    path("oidc/<str:provider_id>/login/", oidc.login, name="openid_connect_login"),
    path("oidc/<str:provider_id>/login/callback/", oidc.callback, name="openid_connect_callback"),
    # allauth sends a new identity to its social sign-up page: here, Link your member record.
    path("link/", views.link, name="socialaccount_signup"),
]
