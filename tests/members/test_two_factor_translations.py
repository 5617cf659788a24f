"""allauth's own two-factor and Confirm Access pages read in the member's language, with no English left.

The portal does not override these templates (the two-factor index, the authenticator app's
activate and deactivate, recovery codes, Confirm Access by password or code), and allauth ships
no Hmong: every message on them comes from our catalogues (portal/borrowed_strings.py). Each
page is fetched in English first, so a phrase that no longer shows there fails the test too.
"""

import html
import re
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from members.models import Member
from tests.members.flows import log_in
from tests.members.two_factor import set_up_authenticator

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db

# What each page shows in English, as a member without a second factor sees it...
BEFORE_AUTHENTICATOR = {
    "/accounts/2fa/": [
        "Two-Factor Authentication",
        "Authenticator App",
        "An authenticator app is not active.",
        "Activate",
        "Security Keys",
        "No security keys have been added.",
        "Add",
        "Recovery Codes",
        "No recovery codes set up.",
    ],
    "/accounts/2fa/totp/activate/": [
        "Activate Authenticator App",
        "To protect your account with two-factor authentication, scan the QR code below",
        "Authenticator secret",
        "You can store this secret and use it to reinstall your authenticator app",
        "Authenticator code",
        "Activate",
    ],
    "/accounts/reauthenticate/": [
        "Confirm Access",
        "Please reauthenticate to safeguard your account.",
        "Enter your password:",
        "Password",
        "Confirm",
    ],
}
# ...and once the authenticator app is set up.
WITH_AUTHENTICATOR = {
    "/accounts/2fa/": [
        "Authentication using an authenticator app is active.",
        "Deactivate",
        "There are 10 out of 10 recovery codes available.",
        "View",
        "Download",
        "Generate",
    ],
    "/accounts/2fa/recovery-codes/": [
        "Recovery Codes",
        "Unused codes",
        "Download codes",
        "Generate new codes",
    ],
    "/accounts/2fa/recovery-codes/generate/": [
        "You are about to generate a new set of recovery codes for your account.",
        "This action will invalidate your existing codes.",
        "Are you sure?",
        "Generate",
    ],
    "/accounts/2fa/totp/deactivate/": [
        "Deactivate Authenticator App",
        "You are about to deactivate authenticator app based authentication. Are you sure?",
        "Deactivate",
    ],
    "/accounts/reauthenticate/": ["Confirm Access", "Alternative options", "Use authenticator app or code"],
    "/accounts/2fa/reauthenticate/": [
        "Confirm Access",
        "Enter an authenticator code:",
        "Code",
        "Confirm",
        "Alternative options",
        "Use your password",
    ],
}
WRONG_CODE = ["Incorrect code."]


def visible_text(response: "_MonkeyPatchedWSGIResponse") -> str:
    """The page's words as a member reads them: text, plus the labels kept in attributes."""
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    page = response.content.decode()
    attributes = re.findall(r'\b(?:placeholder|alt|title|aria-label)="([^"]*)"', page)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return " ".join(html.unescape(" ".join([page, *attributes])).split())


def shows(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def two_factor_pages(client: Client, code: str) -> list[tuple[str, str, list[str]]]:
    """Each page in `code` as (url, its text, the English phrases it shows in English)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    log_in(client)
    pages = []
    for url, english in BEFORE_AUTHENTICATOR.items():
        response = client.get(url)
        assert f'lang="{code}"' in response.text
        pages.append((url, visible_text(response), english))
    set_up_authenticator(client)
    for url, english in WITH_AUTHENTICATOR.items():
        pages.append((url, visible_text(client.get(url)), english))
    wrong = client.post("/accounts/2fa/reauthenticate/", {"code": "000000"})
    pages.append(("/accounts/2fa/reauthenticate/ (wrong code)", visible_text(wrong), WRONG_CODE))
    return pages


def test_the_two_factor_pages_show_these_phrases_in_english(client: Client, member: Member) -> None:
    for url, text, english in two_factor_pages(client, "en"):
        missing = [phrase for phrase in english if not shows(text, phrase)]
        assert missing == [], url


@pytest.mark.parametrize("code", ["hmn", "ht"])
def test_the_two_factor_pages_keep_no_english(client: Client, member: Member, code: str) -> None:
    for url, text, english in two_factor_pages(client, code):
        left = [phrase for phrase in english if shows(text, phrase)]
        assert left == [], url


# allauth's notices after a change (mfa/messages/*.txt), rendered when the change is committed.
NOTICES = {
    "mfa/messages/totp_activated.txt": "Authenticator app activated.",
    "mfa/messages/totp_deactivated.txt": "Authenticator app deactivated.",
    "mfa/messages/recovery_codes_generated.txt": "A new set of recovery codes has been generated.",
    "mfa/messages/webauthn_added.txt": "Security key added.",
    "mfa/messages/webauthn_removed.txt": "Security key removed.",
}


@pytest.mark.parametrize("code", ["en", "hmn", "ht"])
def test_the_two_factor_notices_are_in_the_page_language(code: str) -> None:
    with translation.override(code):
        for template, english in NOTICES.items():
            notice = render_to_string(template, {"MFA_RECOVERY_CODES_SHOW_ONCE": False}).strip()
            assert (notice == english) == (code == "en"), (template, notice)
