"""Accessibility Tools in the browser: text size and grayscale change the page, are remembered
across pages and log-in, and work with JavaScript turned off."""

import re
from typing import Any

import pytest

from members.models import Member
from tests.browser.conftest import PASSWORD, USERNAME, LivePortal, LogIn
from tests.browser.pages import Checker, open_disclosure, open_header_tools

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


# Elements of the page (the header's open disclosures included) that stick out of the screen.
_OUT_OF_SCREEN = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || el.closest('.visually-hidden, .skip-link')) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;  // in a closed <details>
    if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
      out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}" `
        + `${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return out;
}"""


def assert_fits_with_the_header_open(page: Any, check: Checker, name: str) -> None:
    """The header's disclosures open (as a member reaches the Change language button, and the
    Welcome menu): nothing scrolls sideways, and nothing sticks out of the screen."""
    open_header_tools(page, 0)
    open_header_tools(page, 1)
    welcome = page.locator(".account-menu > summary")
    if welcome.count():
        open_disclosure(welcome)
    assert page.evaluate(HTML_FONT_SIZE) == "20px"
    check(name)  # the page does not scroll sideways
    assert page.evaluate(_OUT_OF_SCREEN) == [], f"{name}: sticks out of the 360 px screen"


@pytest.mark.parametrize("size", ["phone"])
@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_nothing_overflows_at_the_largest_text_on_a_phone(
    page: Any, check: Checker, account: Member, language: str
) -> None:
    page.goto("/accounts/login/")
    press(page, f"AAA{DASH}largest text")
    if language != "en":
        open_header_tools(page, 1)
        page.get_by_label("Language", exact=True).select_option(language)
        with page.expect_navigation():
            page.locator(".language-switcher__button").click()
    assert_fits_with_the_header_open(page, check, "aaa-login")
    page.get_by_label(re.compile("Username|Nombre de Usuario|اسم المستخدم")).fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form[action='/accounts/login/'] button[type=submit]").click()
    assert_fits_with_the_header_open(page, check, "aaa-home")
