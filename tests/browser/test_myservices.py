"""MyServices in the browser (masshealth profile): the dashboard's alerts, the four tabs and the
head of household's Viewing switch, at 360 px and 1280 px, in English, Spanish and Brazilian
Portuguese; axe-clean, and the switch used with the keyboard alone."""

from typing import Any

import pytest
from allauth.socialaccount.models import SocialAccount
from django.utils import translation

from tests.browser.conftest import ARTIFACTS, NOTICES_DIR, SIZES
from tests.browser.pages import Checker, open_menu, sign_in_at_state, tab_to, words
from tests.documents.notice_files import use_notice_storage
from tests.households.households import Household, MakeMember, make_household, marker
from tests.oidc_idp.users import JOSE_SUB as IDENTITY_PROVIDER_JOSE

LANGUAGES = {"en": "en-US", "es": "es-ES", "pt-br": "pt-BR"}


@pytest.fixture
def household(transactional_db: None, make_member: MakeMember, settings: Any) -> Household:
    use_notice_storage(settings, NOTICES_DIR)
    return make_household(make_member)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_alerts_tabs_and_the_household_switch(
    browser: Any, plan_portal: Any, household: Household, size: str, language: str
) -> None:
    context = browser.new_context(
        base_url=plan_portal("masshealth"), viewport=SIZES[size], locale=LANGUAGES[language]
    )
    page = context.new_page()
    check = Checker(page, size=size, prefix=f"myservices-{language}-{size}", folder=ARTIFACTS)
    alerts, past_due, menu, section, viewing, view = words(
        language,
        "Alerts and actions needed",
        "Past due",
        "Member menu",
        "Benefits and Notices",
        "Viewing",
        "View",
    )
    tabs = words(language, "My Info", "My Benefits", "My Documents", "My Notices")
    try:
        # MassHealth signs in at the state only: the head's identity at the local provider.
        SocialAccount.objects.create(
            user=household.head.user, provider="ma-login", uid=IDENTITY_PROVIDER_JOSE
        )
        page.goto("/accounts/login/")
        with translation.override(language):
            button = translation.gettext("Sign In With %(name)s") % {"name": "MA Login"}
        sign_in_at_state(page, button=button)
        card = page.locator(".dashboard__card", has_text=alerts)
        card.wait_for()
        check(f"home-{language}")
        assert past_due.upper() in card.inner_text().upper()  # a tag, in capitals
        assert household.child.full_name in card.inner_text()

        open_menu(page, menu).get_by_role("link", name=section).click()
        page.get_by_role("heading", name=tabs[0], level=1).wait_for()
        check(f"my-info-{language}")
        for tab in tabs[1:]:
            page.get_by_role("navigation", name=section).get_by_role("link", name=tab).click()
            page.get_by_role("heading", name=tab, level=1).wait_for()
            check(f"{tab}-{language}")
        assert marker(household.head, "Notice") in page.locator("main").inner_text()

        # The head chooses the child: the notices are now the child's.
        page.get_by_label(viewing, exact=True).select_option(label=household.child.full_name)
        page.get_by_role("button", name=view, exact=True).click()
        page.get_by_role("status").filter(has_text=household.child.full_name).wait_for()
        main = page.locator("main").inner_text()
        assert marker(household.child, "Notice") in main and marker(household.head, "Notice") not in main
        check(f"viewing-child-{language}")

        # With the keyboard alone: back to the head, from My Benefits.
        page.goto("/my/benefits/")
        tab_to(page, viewing)
        page.keyboard.press("Home")  # the head is the list's first
        tab_to(page, view)
        page.keyboard.press("Enter")
        page.wait_for_url("**/my/benefits/")
        assert marker(household.head, "Program") in page.locator("main").inner_text()
    finally:
        context.close()
