"""Every member page in English, Spanish and Arabic, at 360 and 1280 px: each one checked (axe,
title, no sideways scrolling on a phone) and kept as a screenshot under
test-artifacts/screenshots/ (test_every_page_in_three_languages-<size>-<language>-NN-<page>.png)
for a person to look at."""

from typing import Any

import pytest

from tests.browser.conftest import LivePortal, LogIn
from tests.browser.pages import Checker

SIGNED_IN = {
    "home": "/",
    "personal-information": "/profile/",
    "id-cards": "/profile/id-cards/",
    "coverage": "/coverage/",
    "coverage-inactive": "/coverage/inactive/",
    "my-pcp": "/providers/",
    "change-pcp-results": "/providers/change/?last_name=Pham",
    "resources": "/resources/",
    "recent-activity": "/profile/activity/",
}
SIGNED_OUT = {
    "log-in": "/accounts/login/",
    "create-account": "/accounts/create/",
    "recover-account": "/accounts/recover/",
}


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_every_page_in_three_languages(
    page: Any, check: Checker, live_portal: LivePortal, log_in: LogIn, language: str
) -> None:
    log_in()

    def visit(pages: dict[str, str]) -> None:
        # The language cookie, as the header's Change language sets it.
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_portal.url}])
        for name, path in pages.items():
            page.goto(path)
            assert page.locator("html").get_attribute("lang") == language, path
            check(name)

    visit(SIGNED_IN)
    page.context.clear_cookies()
    visit(SIGNED_OUT)
