"""The test provider's ID tokens: honest for most clients, wrong on purpose for two."""

import time
from collections.abc import Iterable
from typing import Any

from allauth.idp.oidc.adapter import DefaultOIDCAdapter
from allauth.idp.oidc.models import Client

WRONG_AUDIENCE = "wrong-audience"
EXPIRED = "expired"


class TestProviderAdapter(DefaultOIDCAdapter):
    def populate_id_token(
        self, id_token: dict[str, Any], client: Client, scopes: Iterable[str], **kwargs: Any
    ) -> None:
        if client.id == WRONG_AUDIENCE:
            id_token["aud"] = "another-client"
        elif client.id == EXPIRED:
            id_token["iat"] = int(time.time()) - 600
            id_token["exp"] = int(time.time()) - 300
