"""Each plan's portal in the browser: its core pages at 360 px and 1280 px, axe-clean, with the
plan's name, phone and navigation, and its sections reached with the keyboard alone."""

import re
from typing import Any

import pytest
from allauth.socialaccount.models import SocialAccount

from members.models import Member
from portal.languages import PORTAL_LANGUAGES
from portal.plans import SIGN_IN_PASSWORD, load_plan
from tests.browser.conftest import ARTIFACTS, PASSWORD, SIZES, USERNAME
from tests.browser.pages import Checker, open_menu, sign_in_at_state, tab_to_nav_entry
from tests.oidc_idp.users import JOSE_SUB as IDENTITY_PROVIDER_JOSE

PROFILES = ["alliance", "totalcare", "masshealth", "demo"]


@pytest.mark.parametrize("plan", PROFILES)
def test_each_plans_core_pages(
    browser: Any, plan_portal: Any, plan: str, size: str, account: Member, request: pytest.FixtureRequest
) -> None:
    profile = load_plan(plan, known_languages=[code for code, _ in PORTAL_LANGUAGES])
    context = browser.new_context(base_url=plan_portal(plan), viewport=SIZES[size], locale="en-US")
    page = context.new_page()
    check = Checker(page, size=size, prefix=f"plans-{plan}-{size}", folder=ARTIFACTS)
    try:
        page.goto("/accounts/login/")
        check(f"{plan}-login")
        assert profile.portal_name in page.title()
        if SIGN_IN_PASSWORD in profile.sign_in:
            page.get_by_label("Username").fill(USERNAME)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="LOG IN").click()
        else:
            # State sign-in only (MassHealth): the account's identity at the local provider.
            SocialAccount.objects.create(user=account.user, provider="ma-login", uid=IDENTITY_PROVIDER_JOSE)
            sign_in_at_state(page)
        page.get_by_role("heading", name=f"Welcome {account.first_name}").wait_for()
        check(f"{plan}-home")
        header = page.locator("header").inner_text()
        assert profile.member_services.number in header

        nav = open_menu(page)
        entries = [(link.inner_text(), link.get_attribute("href")) for link in nav.get_by_role("link").all()]
        assert entries[0] == ("Home", "/")
        for label, href in entries[1:]:
            page.goto(href)
            check(f"{plan}-{label}")
            assert page.locator("h1").count() == 1

        # Keyboard alone: from the top of the home page to the second section and into it.
        page.goto("/")
        label, href = entries[1]
        tab_to_nav_entry(page, label)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(re.escape(href) + "$"))
    finally:
        context.close()
