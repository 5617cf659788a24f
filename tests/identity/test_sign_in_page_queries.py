"""Profile → Sign-in lists the member's passkeys (and linked identities) in a fixed number of
queries, however many they have."""

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from members.models import Member


@pytest.mark.parametrize("count", [1, 8])
def test_the_sign_in_page_makes_the_same_queries_for_1_or_8_passkeys(
    member_client: Client,
    member: Member,
    count: int,
    django_assert_num_queries: Callable[[int], AbstractContextManager[object]],
) -> None:
    for n in range(count):
        Authenticator.objects.create(
            user=member.user,
            type=Authenticator.Type.WEBAUTHN,
            data={"name": f"Phone {n + 1}", "credential": {}},
        )
    member_client.get("/profile/sign-in/")  # the session is now in the cache, as for any later page
    # The session's user with their member record, the linked identities, the passkeys, the
    # header's unread messages and the audit trail's page_view INSERT.
    with django_assert_num_queries(5):
        response = member_client.get("/profile/sign-in/")
    html = response.content.decode()
    assert [f"<strong>Phone {n + 1}</strong>" in html for n in range(count)] == [True] * count
    assert html.count('href="/accounts/2fa/webauthn/keys/') == count, "Remove per passkey"
