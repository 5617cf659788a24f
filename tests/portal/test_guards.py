"""Project-wide guards: no pending migrations, and every page renders with exactly one <h1>."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from tests.routes import parameterless_routes

# allauth.mfa's pages of a factor the member has not set up answer 404 (its own behaviour).
NOT_SET_UP = {
    "/accounts/2fa/recovery-codes/",
    "/accounts/2fa/recovery-codes/download/",
    "/accounts/2fa/totp/deactivate/",
}


def test_no_pending_migrations(db: None) -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    assert "No changes detected" in out.getvalue()


ROUTES = parameterless_routes()


@pytest.mark.parametrize("path, name", ROUTES, ids=[name for _, name in ROUTES])
@pytest.mark.parametrize("persona", ["anonymous", "member"])
def test_every_page_has_one_h1(
    path: str, name: str, persona: str, client: Client, member_client: Client
) -> None:
    browser = member_client if persona == "member" else client
    response = browser.get(path)
    answers = {200, 302, 405} | ({404} if path in NOT_SET_UP else set())
    assert response.status_code in answers, f"{path} answered {response.status_code}"
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        assert response.content.decode().count("<h1") == 1, f"{path} needs exactly one <h1>"
