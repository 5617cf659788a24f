"""Health Care Coverage: the Active tab shows current insurance, the Inactive tab past insurance;
the table fits a phone in Spanish, and the phone's Menu opens without JavaScript."""

from typing import Any

import pytest
from django.utils import translation

from members.models import Member
from tests.browser.conftest import PASSWORD, SIZES, USERNAME, LivePortal, LogIn
from tests.browser.pages import Checker, open_header_tools, open_menu


def test_active_and_inactive_coverage(page: Any, check: Checker, log_in: LogIn) -> None:
    log_in()
    open_menu(page).get_by_role("link", name="Health Care Coverage").click()
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


@pytest.mark.parametrize("size", ["phone"])
def test_coverage_fits_a_phone_in_spanish(page: Any, check: Checker, log_in: LogIn) -> None:
    # The Spanish column names are long: the table stacks its cells at phone width instead of
    # scrolling sideways (it was 27 px too wide before the design system's stacked table).
    log_in()
    open_header_tools(page, 1)
    page.get_by_label("Language").select_option(label="Español")
    page.get_by_role("button", name="Change language").click()
    with translation.override("es"):
        insurance, active = translation.gettext("Insurance"), translation.gettext("Active")
    page.goto("/coverage/")
    page.get_by_role("heading", name=insurance, exact=True).wait_for()
    check("active-es", title=insurance)  # at phone width: no sideways scrolling
    table = page.get_by_role("table", name=active)
    box = table.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert "Alliance Medi-Cal" in table.inner_text()


def test_the_phone_menu_opens_without_javascript(
    browser: Any, live_portal: LivePortal, account: Member
) -> None:
    context = browser.new_context(
        base_url=live_portal.url, viewport=SIZES["phone"], java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(USERNAME)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="LOG IN").click()
        nav = page.get_by_role("navigation", name="Member menu")
        link = nav.get_by_role("link", name="Health Care Coverage")
        assert not link.is_visible(), "on a phone the menu starts closed"
        nav.get_by_text("Menu", exact=True).click()
        link.click()
        page.get_by_role("heading", name="Insurance").wait_for()
    finally:
        context.close()
