"""Referrals and Authorizations in TotalCare's portal, as seed 002 tells members: "click
Referrals and Authorizations … click the Filter box … click the three dots next to the
authorization's status", at both sizes in English, Spanish and Portuguese, axe-clean, then with
the keyboard alone."""

import datetime
import re
from typing import Any

import pytest
from django.utils import translation

from authorizations.models import Authorization, Decision
from members.models import Member
from portal.clock import plan_today
from tests.authorizations.factories import make_authorization
from tests.browser.conftest import ARTIFACTS, SIZES
from tests.browser.pages import Checker, open_menu, tab_to
from tests.browser.totalcare import LANGUAGES, log_in_speaking


@pytest.fixture
def records(account: Member) -> dict[str, Authorization]:
    today = plan_today()
    days = datetime.timedelta
    return {
        "open": make_authorization(
            account,
            authorization_number="2026-00123",
            decision=Decision.DENIED,
            requested_date=today - days(14),
            decision_date=today - days(10),
            start_date=None,
            end_date=None,
        ),
        "closed": make_authorization(
            account,
            authorization_number="2026-00087",
            decision=Decision.DENIED,
            service_description="Knee arthroscopy",
            requested_date=today - days(75),
            decision_date=today - days(70),
            start_date=None,
            end_date=None,
        ),
        "pending": make_authorization(
            account,
            authorization_number="2026-00130",
            decision=Decision.PENDING,
            requested_date=today - days(2),
        ),
        "approved": make_authorization(
            account,
            authorization_number="2026-00101",
            service_description="Physical therapy",
            requested_date=today - days(30),
            decision_date=today - days(27),
        ),
    }


def actions_menu(page: Any, number: str) -> Any:
    with_name = translation.gettext("Actions for authorization %(number)s") % {"number": number}
    return page.locator("details.actions-menu").filter(has=page.locator("summary", has_text=with_name))


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_seeds_steps_filter_and_the_three_dots(
    totalcare_page: Any, size: str, language: str, records: dict[str, Authorization]
) -> None:
    page = totalcare_page
    check = Checker(page, size=size, prefix=f"authorizations-{size}-{language}", folder=ARTIFACTS)
    log_in_speaking(page, language)
    with translation.override(language):
        gettext = translation.gettext
        # "On the left side of the screen, click Referrals and Authorizations."
        nav = open_menu(page, gettext("Member menu"))
        nav.get_by_role("link", name=gettext("Referrals and Authorizations")).click()
        page.get_by_role("heading", name=gettext("Referrals and Authorizations"), level=1).wait_for()
        check("list", title=gettext("Referrals and Authorizations"))
        listed = page.locator(".authorization-list").inner_text()
        assert listed.index("2026-00130") < listed.index("2026-00123") < listed.index("2026-00101")

        # "Click the Filter box … and enter … a decision."
        page.locator("summary", has_text=gettext("Filter")).click()
        page.get_by_label(gettext("Decision")).select_option(label=gettext("Denied"))
        page.get_by_role("button", name=gettext("Apply filter")).click()
        page.wait_for_load_state("load")
        check("filtered")
        listed = page.locator(".authorization-list").inner_text()
        assert "2026-00123" in listed and "2026-00087" in listed
        assert "2026-00101" not in listed and "2026-00130" not in listed

        # "Click the three dots next to the authorization's status."
        menu = actions_menu(page, "2026-00123")
        menu.locator("summary").click()
        appeal = menu.get_by_role("link", name=gettext("File an appeal"))
        appeal.wait_for()
        assert (
            appeal.get_attribute("href") == f"/appeals/new/appeal/?authorization={records['open'].public_id}"
        )
        check("appeal-open")
        box = menu.locator(".actions-menu__panel").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]

        closed = actions_menu(page, "2026-00087")
        closed.locator("summary").click()
        text = closed.inner_text()
        assert gettext("File an appeal") not in text
        assert "833-530-9015" in text
        check("appeal-closed")


def test_the_filter_and_the_menu_with_the_keyboard_alone(
    totalcare_page: Any, size: str, records: dict[str, Authorization]
) -> None:
    page = totalcare_page
    log_in_speaking(page, "en")
    page.goto("/authorizations/")
    tab_to(page, "Filter")
    page.keyboard.press("Enter")
    tab_to(page, re.compile(r"Authorization number.*"))
    page.keyboard.type("2026-00123")
    page.keyboard.press("Enter")  # submits the Filter
    page.wait_for_url(re.compile(r"authorization_number=2026-00123"))
    assert "2026-00087" not in page.locator(".authorization-list").inner_text()

    tab_to(page, re.compile(r".*Actions for authorization 2026-00123"))
    page.keyboard.press("Enter")
    assert actions_menu(page, "2026-00123").evaluate("d => d.open")
    tab_to(page, "File an appeal")
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("/appeals/new/appeal/")


def test_the_three_dots_open_without_javascript(
    browser: Any, plan_portal: Any, records: dict[str, Authorization]
) -> None:
    context = browser.new_context(
        base_url=plan_portal("totalcare"), viewport=SIZES["phone"], java_script_enabled=False
    )
    page = context.new_page()
    try:
        log_in_speaking(page, "en")
        page.goto("/authorizations/")
        page.locator("summary", has_text="Filter").click()
        page.get_by_label("Decision").select_option(label="Denied")
        page.get_by_role("button", name="Apply filter").click()
        menu = actions_menu(page, "2026-00123")
        menu.locator("summary").click()
        menu.get_by_role("link", name="File an appeal").wait_for()
    finally:
        context.close()
