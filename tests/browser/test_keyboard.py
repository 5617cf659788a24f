"""Keyboard only: creating an account and changing PCP work with Tab, typing, Enter and Space
alone, and every control the focus passes on the way shows where the focus is."""

import re
from typing import Any

import pytest

from members.models import Member
from tests.browser.conftest import PASSWORD, USERNAME, LivePortal
from tests.browser.pages import Checker

# The focused element, its accessible text, and whether its focus indicator can be seen.
_FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const label = el.labels && el.labels.length ? el.labels[0].innerText : (el.innerText || el.value || '');
  return {
    tag: el.tagName.toLowerCase(),
    name: label.replace(/\\s+/g, ' ').trim(),
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
      || style.boxShadow !== 'none',
  };
}"""


def tab_to(page: Any, name: str | re.Pattern[str], *, presses: int = 60) -> None:
    """Press Tab until the control named `name` has the focus, checking each stop's focus ring."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus["tag"] == "body":  # past the last control, before the first one again
            continue
        assert focus["visible"], f"the focus on {focus['tag']} {focus['name']!r} cannot be seen"
        if re.fullmatch(name, focus["name"]) if isinstance(name, re.Pattern) else focus["name"] == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def type_into(page: Any, label: str | re.Pattern[str], text: str) -> None:
    tab_to(page, label)
    page.keyboard.type(text)


@pytest.mark.parametrize("size", ["desktop"])
def test_create_an_account_with_the_keyboard(
    page: Any, check: Checker, live_portal: LivePortal, new_member: Member
) -> None:
    page.goto("/accounts/create/")
    type_into(page, "First Name", new_member.first_name)
    type_into(page, "Last Name", new_member.last_name)
    type_into(page, "Date of Birth", new_member.date_of_birth.strftime("%m%d%Y"))
    type_into(page, "Member ID Number", new_member.member_id)
    type_into(page, "Email Address", "keys@example.com")
    type_into(page, "Verify Email Address", "keys@example.com")
    type_into(page, "Username", "keyboard.user")
    type_into(page, "Password", PASSWORD)
    type_into(page, "Verify Password", PASSWORD)
    tab_to(page, "I agree to the terms and conditions")
    page.keyboard.press("Space")
    tab_to(page, "SUBMIT")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="VERIFY").wait_for()
    check("keyboard-verify")

    type_into(page, "Verification Code", live_portal.code("keys@example.com", "Your verification code"))
    page.keyboard.press("Enter")
    page.get_by_text("Your account has been successfully created.").wait_for()
    check("keyboard-created")


@pytest.mark.parametrize("size", ["desktop"])
def test_change_pcp_with_the_keyboard(page: Any, check: Checker, account: Member) -> None:
    page.goto("/accounts/login/")
    type_into(page, "Username", USERNAME)
    type_into(page, "Password", PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Welcome José").wait_for()

    tab_to(page, "Providers")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="My PCP").wait_for()
    tab_to(page, "Change PCP")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Change PCP").wait_for()
    type_into(page, re.compile(r"Last Name \(Optional\)"), "Pham")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Search results").wait_for()
    tab_to(page, "Luis Pham")
    page.keyboard.press("Space")
    tab_to(page, "Change")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save").wait_for()
    tab_to(page, re.compile(r"Reason for changing your Primary Care Provider.*"))
    page.keyboard.press("ArrowDown")
    tab_to(page, "Save")
    page.keyboard.press("Enter")
    page.get_by_text(re.compile("Luis Pham will be your primary care provider starting")).wait_for()
    check("keyboard-pcp-pending")
