"""Passkeys in Chromium with its virtual authenticator: a member adds one in Profile → Sign-in,
logs out, signs in with it alone, and uses it as the second step of a password log-in."""

from typing import Any

import pytest
from allauth.mfa.models import Authenticator

from members.models import Member
from tests.browser.conftest import PASSWORD, USERNAME, LogIn
from tests.browser.pages import Checker, log_out, virtual_authenticator


@pytest.fixture
def portal_host() -> str:
    return "localhost"


def test_a_member_adds_a_passkey_and_signs_in_with_it(
    page: Any, check: Checker, log_in: LogIn, account: Member
) -> None:
    virtual_authenticator(page)
    log_in()
    page.goto("/profile/sign-in/")
    check("profile-sign-in", title="Sign-in")
    page.get_by_role("link", name="Add a passkey").click()
    page.get_by_role("heading", name="Add a passkey").wait_for()
    check("add-passkey", title="Add a passkey")
    page.get_by_label("Name for this passkey").fill("My phone")
    page.get_by_role("button", name="Add passkey").click()
    # The first factor comes with recovery codes, which allauth shows next.
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    passkey = Authenticator.objects.get(user=account.user, type=Authenticator.Type.WEBAUTHN)
    assert passkey.wrap().name == "My phone"

    page.goto("/profile/sign-in/")
    page.get_by_text("My phone").wait_for()
    check("profile-with-passkey", title="Sign-in")

    log_out(page)
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.get_by_role("heading", name="Welcome José").wait_for()
    check("home-by-passkey")

    # A password log-in now asks for the second step, which the passkey gives.
    log_out(page)
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="LOG IN").click()
    page.get_by_role("button", name="Use your passkey").wait_for()
    check("two-factor", title="Two-Factor Authentication")
    page.get_by_role("button", name="Use your passkey").click()
    page.get_by_role("heading", name="Welcome José").wait_for()
