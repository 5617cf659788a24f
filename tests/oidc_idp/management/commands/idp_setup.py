"""Create the test provider's users and clients, and allow the given redirect URIs (idempotent)."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.idp.oidc.models import Client
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from tests.oidc_idp.users import CLIENT_SECRET, CLIENTS, PASSWORD, USERS


class Command(BaseCommand):
    help = "Set up the test identity provider's users and clients."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--redirect-uri", action="append", default=[])

    def handle(self, *args: Any, **options: Any) -> None:
        user_model = get_user_model()
        for username, (email, first, last) in USERS.items():
            user, created = user_model.objects.get_or_create(
                username=username, defaults={"email": email, "first_name": first, "last_name": last}
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        for client_id in CLIENTS:
            client, _ = Client.objects.get_or_create(id=client_id, defaults={"name": client_id})
            client.set_secret(CLIENT_SECRET)
            client.set_scopes(["openid", "profile", "email"])
            client.set_grant_types([Client.GrantType.AUTHORIZATION_CODE])
            client.set_response_types(["code"])
            client.set_redirect_uris(sorted({*client.get_redirect_uris(), *options["redirect_uri"]}))
            client.skip_consent = True
            client.save()
