"""Signing a test client in as a member without the log-in page, as LOG IN leaves the session:
signed in, and with allauth's record that the password was given just now, so the pages that
ask again after 15 minutes (members/reauthentication.py) count from that moment."""

import time

from django.test import Client

from members.models import User

# allauth's session keys (allauth.account.internal.flows.login).
AUTHENTICATION_RECORDS = "account_authentication_methods"
AUTHENTICATION_RECORDS_USER = "account_authentication_methods_user"


def force_sign_in(client: Client, user: User, *, method: str = "password") -> None:
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_RECORDS] = [{"method": method, "at": time.time()}]
    session[AUTHENTICATION_RECORDS_USER] = str(user.pk)
    session.save()


def age_authentication(client: Client, seconds: float) -> None:
    """Make every proof in the session `seconds` older, as if that long had passed since."""
    session = client.session
    session[AUTHENTICATION_RECORDS] = [
        {**record, "at": record["at"] - seconds} for record in session.get(AUTHENTICATION_RECORDS, [])
    ]
    session.save()


def authenticated_just_now(client: Client) -> None:
    """As if the member had just given their password again (a test spanning more than 15 minutes
    that is about something else)."""
    session = client.session
    session[AUTHENTICATION_RECORDS] = [
        {**record, "at": time.time()} for record in session.get(AUTHENTICATION_RECORDS, [])
    ]
    session.save()
