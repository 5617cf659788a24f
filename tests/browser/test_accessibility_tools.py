"""Accessibility Tools in the browser: text size and grayscale change the page, are remembered
across pages and log-in, and work with JavaScript turned off."""

from typing import Any

from tests.browser.conftest import LivePortal, LogIn
from tests.browser.pages import Checker, open_header_tools

DASH = " \N{EN DASH} "  # between a size and its name, as the buttons read
HTML_FONT_SIZE = "getComputedStyle(document.documentElement).fontSize"
HTML_FILTER = "getComputedStyle(document.documentElement).filter"


def press(page: Any, name: str, *, exact: bool = False) -> None:
    """Press a tool and wait for the page it posts back to. (Not wait_for_function: Playwright
    polls with eval, which the portal's CSP refuses.)"""
    open_header_tools(page, 0)  # the Accessibility Tools disclosure, on a phone
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=exact).click()
    open_header_tools(page, 0)  # closed again on the new page


def test_text_size_and_grayscale_are_remembered(page: Any, check: Checker, log_in: LogIn) -> None:
    page.goto("/accounts/login/")
    assert page.evaluate(HTML_FONT_SIZE) == "16px"
    press(page, f"AAA{DASH}largest text")
    assert page.evaluate(HTML_FONT_SIZE) == "20px"
    assert page.get_by_role("button", name=f"AAA{DASH}largest text").get_attribute("aria-pressed") == "true"
    check("login-aaa")

    press(page, "Grayscale")
    assert page.evaluate(HTML_FILTER) == "grayscale(1)"
    assert page.get_by_role("button", name="Grayscale").get_attribute("aria-pressed") == "true"

    log_in()
    assert page.evaluate(HTML_FONT_SIZE) == "20px"
    assert page.evaluate(HTML_FILTER) == "grayscale(1)"
    page.goto("/profile/")
    check("profile-aaa")

    press(page, f"AA{DASH}larger text", exact=True)
    assert page.evaluate(HTML_FONT_SIZE) == "18px"
    press(page, "Grayscale")
    assert page.evaluate(HTML_FILTER) == "none"
    assert page.url.endswith("/profile/"), "the tools did not bring the member back to the page"


def test_the_tools_work_without_javascript(
    browser: Any, live_portal: LivePortal, transactional_db: None
) -> None:
    context = browser.new_context(base_url=live_portal.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/recover/")
    page.get_by_role("button", name=f"AA{DASH}larger text", exact=True).click()
    page.wait_for_url("**/accounts/recover/")
    assert "text-size-aa" in (page.locator("html").get_attribute("class") or "")
    context.close()
