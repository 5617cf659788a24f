"""TotalCare's portal in the browser tests: its three languages, and signing in speaking one."""

import re
from typing import Any

from tests.browser.conftest import PASSWORD, USERNAME
from tests.browser.pages import open_header_tools

LANGUAGES = {"en": "English", "es": "Español", "pt-br": "Português"}


def log_in_speaking(page: Any, language: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="LOG IN").click()
    page.get_by_role("heading", name=re.compile("^Welcome")).wait_for()
    if language != "en":
        open_header_tools(page, 1)
        page.get_by_label("Language").select_option(label=LANGUAGES[language])
        page.get_by_role("button", name="Change language").click()
        page.wait_for_load_state("load")
