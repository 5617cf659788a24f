"""Confirming who a member is at their identity provider, before a change that asks again
(members/reauthentication.py).

A member who signs in only at the state has no password, and perhaps no second factor, for the
portal to ask for. allauth's re-authentication offers only those, so the portal adds a third
way: sign in again at a provider linked to the account. The portal sends the browser to the
provider with `prompt=login` (the provider asks for its password even when it remembers the
member) in allauth's "redirect" process, marked as a re-authentication in allauth's state; when
the provider sends the member back, the identity must be one already linked to the signed-in
account, and then one authentication record is added to the session, as a password would add.
Nobody is signed in or out by it, and another person's identity proves nothing.
"""

from allauth.account.internal.flows.login import record_authentication
from allauth.socialaccount.models import SocialAccount, SocialLogin
from allauth.socialaccount.providers.base import AuthProcess
from django.http import HttpRequest, HttpResponse

from identity.oidc import StateSignInAdapter
from members.models import User
from portal.sign_in import provider_buttons

# The mark in allauth's state that a provider's answer is a re-authentication, not a sign-in.
REAUTHENTICATION = "reauthenticate"


class NotThisAccount(Exception):
    """The provider signed in an identity that is not linked to the signed-in account."""


def reauthentication_identities(user: User) -> list[SocialAccount]:
    """The identities `user` can confirm themselves with: linked, from a provider the plan offers."""
    offered = {button.id for button in provider_buttons()}
    return [
        account
        for account in SocialAccount.objects.filter(user=user).order_by("date_joined")
        if account.provider in offered
    ]


def reauthentication_start(request: HttpRequest, *, identity: SocialAccount, next_url: str) -> HttpResponse:
    """The redirect to `identity`'s provider, asking it to sign the member in again."""
    provider = StateSignInAdapter(request, identity.provider).get_provider()
    response: HttpResponse = provider.redirect(
        request,
        AuthProcess.REDIRECT,
        next_url=next_url,
        data={REAUTHENTICATION: identity.pk},
        auth_params={**provider.get_auth_params(), "prompt": "login"},
    )
    return response


def is_reauthentication(sociallogin: SocialLogin) -> bool:
    state = sociallogin.state or {}
    data = state.get("data")
    marked = isinstance(data, dict) and REAUTHENTICATION in data
    return state.get("process") == AuthProcess.REDIRECT and marked


def reauthentication_finish(request: HttpRequest, sociallogin: SocialLogin) -> None:
    """Record that the signed-in member just signed in again at their provider.

    Raises NotThisAccount when the provider's identity is not linked to the signed-in account.
    """
    user = request.user
    if not (user.is_authenticated and sociallogin.is_existing and sociallogin.user.pk == user.pk):
        raise NotThisAccount
    record_authentication(
        request,
        user,
        "socialaccount",
        provider=sociallogin.account.provider,
        uid=sociallogin.account.uid,
        reauthenticated=True,
    )
