"""MassHealth's sign-in in the browser: the state's identity provider (a real one on this
machine), Link your member record once, then straight to the dashboard; at 360 and 1280 px, axe-clean."""

from typing import Any

from members.models import Member
from tests.browser.conftest import ARTIFACTS, SIZES
from tests.browser.pages import Checker, sign_in_at_state


def test_a_masshealth_member_signs_in_with_ma_login_and_links_their_record_once(
    browser: Any, plan_portal: Any, size: str, new_member: Member
) -> None:
    context = browser.new_context(base_url=plan_portal("masshealth"), viewport=SIZES[size], locale="en-US")
    page = context.new_page()
    check = Checker(page, size=size, prefix=f"identity-{size}", folder=ARTIFACTS)
    try:
        page.goto("/accounts/login/")
        check("login")
        assert page.get_by_role("button", name="Sign In With login.mass.gov").is_visible()
        assert page.get_by_label("Password").count() == 0

        sign_in_at_state(page)
        page.get_by_role("heading", name="Link your member record").wait_for()
        check("link")
        page.get_by_role("button", name="SUBMIT").first.click()
        page.get_by_role("heading", name="Please correct the errors below.").wait_for()
        check("link-errors")

        page.get_by_label("First Name").fill(new_member.first_name)
        page.get_by_label("Last Name").fill(new_member.last_name)
        page.get_by_label("Date of Birth").fill(new_member.date_of_birth.isoformat())
        page.get_by_label("Member ID Number").fill(new_member.member_id)
        page.get_by_role("button", name="SUBMIT").first.click()
        page.get_by_role("heading", name=f"Welcome {new_member.first_name}").wait_for()
        check("home")

        page.goto("/profile/sign-in/")
        assert page.get_by_text("MA Login").is_visible()
        check("profile-sign-in")

        page.get_by_role("banner").get_by_text(f"Welcome {new_member.first_name}").click()
        page.get_by_role("button", name="Log out").click()
        page.get_by_role("heading", name="Member Online Account").wait_for()
        # Still signed in at the provider: no form there, and no linking the second time.
        page.get_by_role("button", name="Sign In With MA Login").click()
        page.get_by_role("heading", name=f"Welcome {new_member.first_name}").wait_for()
    finally:
        context.close()
