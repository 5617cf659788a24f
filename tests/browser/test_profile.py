"""Profile → Personal Information, as the seed says: Edit a phone number, Add New address, and
change the account's sign-in email with the code that is emailed to the new address."""

import re
from typing import Any

from tests.browser.conftest import LivePortal, LogIn
from tests.browser.pages import Checker, assert_error_tied, open_profile


def test_edit_a_phone_number(page: Any, check: Checker, log_in: LogIn) -> None:
    log_in()
    open_profile(page, check)
    page.get_by_role("link", name=re.compile(r"^Edit .*555-0123")).click()
    check("edit-phone")
    page.get_by_label("Phone Number").fill("12")
    page.get_by_role("button", name="Save").click()
    assert_error_tied(page, "Phone Number")
    check("edit-phone-error")
    page.get_by_label("Phone Number").fill("(831) 555-0177")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your contact information was saved.").wait_for()
    assert page.get_by_text("(831) 555-0177").is_visible()
    check("phone-saved")


def test_add_an_address(page: Any, check: Checker, log_in: LogIn) -> None:
    log_in()
    open_profile(page, check)
    page.get_by_role("link", name="Add New address").click()
    check("add-address")
    page.get_by_label("Address Type").select_option(label="Home")
    page.get_by_label("Street Address").fill("45 Ocean View Blvd")
    page.get_by_label("Apartment, Suite or Unit").fill("Unit 2")
    page.get_by_label("City").fill("Monterey")
    page.get_by_label("State").select_option(label="California")
    page.get_by_label("ZIP Code").fill("9394")
    page.get_by_role("button", name="Save").click()
    assert_error_tied(page, "ZIP Code")
    check("add-address-error")
    page.get_by_label("ZIP Code").fill("93940")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your contact information was saved.").wait_for()
    assert page.get_by_text("45 Ocean View Blvd").is_visible()
    check("address-saved")


def test_change_the_sign_in_email_with_a_code(
    page: Any, check: Checker, live_portal: LivePortal, log_in: LogIn
) -> None:
    log_in()
    open_profile(page, check)
    page.get_by_role("link", name="Edit account email address").click()
    check("account-email", title="Change Account Email Address")
    page.get_by_label("New email address").fill("jose.new@example.com")
    page.get_by_label("Verify email address").fill("jose.new@example.com")
    page.get_by_role("button", name="SUBMIT").click()
    page.get_by_text("We have sent a code to your new email address.").wait_for()
    check("account-email-verify")
    code = live_portal.code("jose.new@example.com", "Your verification code")
    page.get_by_label("Verification Code").fill(code)
    page.get_by_role("button", name="VERIFY").click()
    page.get_by_text("The email address for your account was changed.").wait_for()
    assert page.get_by_text("jose.new@example.com").first.is_visible()
    check("account-email-changed")
