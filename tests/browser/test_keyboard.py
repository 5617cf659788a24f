"""Keyboard only: creating an account and changing PCP work with Tab, typing, Enter and Space
alone, and every control the focus passes on the way shows where the focus is."""

import re
from typing import Any

import pytest

from members.models import Member
from tests.browser.conftest import PASSWORD, USERNAME, LivePortal
from tests.browser.pages import Checker, tab_to


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
