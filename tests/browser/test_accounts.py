"""The seeds' account steps, literally: create an account with the emailed code, log in, recover the
username, reset the password, both at once, log out."""

from typing import Any

from members.models import Member
from tests.browser.conftest import ACCOUNT_EMAIL, PASSWORD, USERNAME, LivePortal, LogIn
from tests.browser.pages import Checker, assert_error_tied

NEW_PASSWORD = "Salinas-valley-2025?"


def fill_identity(page: Any, member: Member) -> None:
    page.get_by_label("First Name").fill(member.first_name)
    page.get_by_label("Last Name").fill(member.last_name)
    page.get_by_label("Date of Birth").fill(member.date_of_birth.isoformat())
    page.get_by_label("Member ID Number").fill(member.member_id)


def test_create_account_with_the_emailed_code(
    page: Any, check: Checker, live_portal: LivePortal, new_member: Member
) -> None:
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Create Member Online Account").click()
    check("create", title="Create Member Online Account")

    # Submitting nothing shows each error next to its field, announced.
    page.get_by_role("button", name="SUBMIT").click()
    assert_error_tied(page, "First Name")
    check("create-errors")

    fill_identity(page, new_member)
    page.get_by_label("Email Address", exact=True).fill("new.member@example.com")
    page.get_by_label("Verify Email Address").fill("new.member@example.com")
    page.get_by_label("Cell Phone Number").fill("(831) 555-0188")
    page.get_by_label("Username").fill("new.member")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Verify Password").fill(PASSWORD)
    page.get_by_label("I agree to the terms and conditions").check()
    page.get_by_role("button", name="SUBMIT").click()
    page.get_by_text("We have sent a code to your email address").wait_for()
    check("verify")

    code = live_portal.code("new.member@example.com", "Your verification code")
    page.get_by_label("Verification Code").fill(code)
    page.get_by_role("button", name="VERIFY").click()
    # Straight in: no second log-in with the username and password just chosen.
    page.get_by_role("heading", name=f"Welcome {new_member.first_name}").wait_for()
    page.get_by_text("Your account has been successfully created.").wait_for()
    check("welcome")
    # "After you successfully log in, you will get an email message that confirms that you created
    # your account."
    live_portal.email("new.member@example.com", "Your Member Portal account was created")


def test_log_in_and_out(page: Any, check: Checker, log_in: LogIn) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="LOG IN").click()
    page.get_by_role("alert").wait_for()
    check("login-refused")

    log_in()
    # "In the top right of your screen, there is text that says 'Welcome [Your Name]'."
    page.get_by_role("banner").get_by_text("Welcome José").click()
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("heading", name="Member Online Account").wait_for()
    check("logged-out", title="Member Online Account")

    # The member's pages are closed again.
    page.goto("/profile/")
    page.get_by_role("button", name="LOG IN").wait_for()
    assert "/accounts/login/" in page.url


def _recover(page: Any, check: Checker, member: Member, *, username: bool, password: bool) -> None:
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Recover Member Online Account").click()
    check("recover", title="Recover Member Online Account")
    fill_identity(page, member)
    if username:
        page.get_by_label("I forgot my username").check()
    if password:
        page.get_by_label("I want to reset my password").check()
    page.get_by_role("button", name="SUBMIT").click()
    page.get_by_role("status").wait_for()
    check("recover-sent")


def _reset(page: Any, check: Checker, code: str) -> None:
    page.get_by_label("New Password").fill(NEW_PASSWORD)
    page.get_by_label("Verify Password").fill(NEW_PASSWORD)
    page.get_by_label("Verification Code").fill(code)
    page.get_by_role("button", name="RESET PASSWORD").click()
    page.get_by_text("You have successfully created a new password.").wait_for()
    check("reset-done")


def test_recover_username(
    page: Any, check: Checker, live_portal: LivePortal, account: Member, log_in: LogIn
) -> None:
    _recover(page, check, account, username=True, password=False)
    page.get_by_text("we sent you an email with your account information").wait_for()
    email = live_portal.email(ACCOUNT_EMAIL, "Your Member Portal username")
    assert USERNAME in email.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    log_in(username=USERNAME)


def test_reset_password(
    page: Any, check: Checker, live_portal: LivePortal, account: Member, log_in: LogIn
) -> None:
    _recover(page, check, account, username=False, password=True)
    page.get_by_text("we sent you an email with a verification code").wait_for()

    # A wrong code is refused next to the field.
    page.get_by_label("New Password").fill(NEW_PASSWORD)
    page.get_by_label("Verify Password").fill(NEW_PASSWORD)
    page.get_by_label("Verification Code").fill("000000")
    page.get_by_role("button", name="RESET PASSWORD").click()
    page.get_by_role("alert").wait_for()
    check("reset-wrong-code")

    _reset(page, check, live_portal.code(ACCOUNT_EMAIL, "^Your verification code$"))
    log_in(password=NEW_PASSWORD)


def test_recover_username_and_reset_password_at_once(
    page: Any, check: Checker, live_portal: LivePortal, account: Member, log_in: LogIn
) -> None:
    _recover(page, check, account, username=True, password=True)
    page.get_by_text("we sent you an email with your username and a verification code").wait_for()
    email = live_portal.email(ACCOUNT_EMAIL, "Your username and verification code")
    assert USERNAME in email.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    _reset(page, check, live_portal.code(ACCOUNT_EMAIL, "Your username and verification code"))
    log_in(password=NEW_PASSWORD)
