"""Health Care Coverage: the Active tab shows current insurance, the Inactive tab past insurance."""

from typing import Any

from tests.browser.conftest import LogIn
from tests.browser.pages import Checker


def test_active_and_inactive_coverage(page: Any, check: Checker, log_in: LogIn) -> None:
    log_in()
    page.get_by_role("navigation", name="Member menu").get_by_role(
        "link", name="Health Care Coverage"
    ).click()
    page.get_by_role("heading", name="Insurance").wait_for()
    check("active", title="Insurance")
    table = page.get_by_role("table", name="Active")
    assert "Alliance Medi-Cal" in table.inner_text()
    assert "IHSS Health Plan" not in table.inner_text()

    page.get_by_role("link", name="Inactive").click()
    table = page.get_by_role("table", name="Inactive")
    table.wait_for()
    check("inactive")
    assert "IHSS Health Plan" in table.inner_text()
    assert "Alliance Medi-Cal" not in table.inner_text()
