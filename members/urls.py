"""Account URLs, mounted under /accounts/ next to allauth's log in and log out."""

from allauth.account import views as allauth_views
from django.urls import include, path

from members import views

urlpatterns = [
    path("create/", views.signup, name="signup"),
    path("create/verify/", views.signup_verify, name="signup_verify"),
    path("recover/", views.recover, name="recover"),
    path("recover/sent/", views.recover_sent, name="recover_sent"),
    path("session/keep-alive/", views.keep_alive, name="keep_alive"),
    # Only the allauth pages the portal uses: its open sign-up and email-link password reset
    # are replaced by the plan's own flows above.
    path("login/", views.login, name="account_login"),
    path("logout/", allauth_views.logout, name="account_logout"),
    path("inactive/", allauth_views.account_inactive, name="account_inactive"),
    path("reauthenticate/", allauth_views.reauthenticate, name="account_reauthenticate"),
    # Two-factor (authenticator app, recovery codes) and the log-in step that asks for it.
    path("2fa/", include("allauth.mfa.urls")),
]
