"""Grievances and Appeals in TotalCare's portal, as seed 002 tells members: "click Grievances
and Appeals … click the +Add button … select Appeal or Grievance … click the Appeals or
Grievances tab … use the Filter box", at both sizes in English, Spanish and Portuguese,
axe-clean, then filing with the keyboard alone."""

import datetime
import re
from typing import Any

import pytest
from django.utils import translation

from appeals.models import Case, CaseKind
from authorizations.models import Authorization, Decision
from members.models import Member
from portal.clock import plan_today
from tests.authorizations.factories import make_authorization
from tests.browser.conftest import ARTIFACTS, SIZES
from tests.browser.pages import Checker, open_menu, tab_to
from tests.browser.totalcare import LANGUAGES, log_in_speaking


@pytest.fixture
def denied(account: Member) -> Authorization:
    return make_authorization(
        account,
        authorization_number="2026-00123",
        decision=Decision.DENIED,
        requested_date=plan_today() - datetime.timedelta(days=14),
        decision_date=plan_today() - datetime.timedelta(days=10),
    )


def fits(page: Any, size: str) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_add_both_forms_the_tabs_and_the_filter(
    totalcare_page: Any, size: str, language: str, denied: Authorization
) -> None:
    page = totalcare_page
    check = Checker(page, size=size, prefix=f"appeals-{size}-{language}", folder=ARTIFACTS)
    log_in_speaking(page, language)
    with translation.override(language):
        gettext = translation.gettext
        title = gettext("Grievances and Appeals")
        nav = open_menu(page, gettext("Member menu"))
        nav.get_by_role("link", name=title).click()
        page.get_by_role("heading", name=title, level=1).wait_for()
        check("appeals", title=title)

        # "+Add … select Appeal."
        page.get_by_role("link", name=re.compile(re.escape(gettext("+Add")))).click()
        page.get_by_role("heading", name=gettext("File an appeal or a grievance")).wait_for()
        check("add")
        page.get_by_role("link", name=gettext("Appeal"), exact=True).click()
        page.get_by_role("heading", name=gettext("File an appeal")).wait_for()
        page.get_by_label(re.compile("2026-00123")).check()
        page.get_by_label(gettext("What do you disagree with, and why?")).fill(
            "I need the MRI before surgery."
        )
        page.get_by_label(gettext("A phone number to reach you")).fill("(831) 555-0123")
        check("appeal-form")
        fits(page, size)
        page.get_by_role("button", name=gettext("Submit")).click()
        appeal = Case.objects.get(kind=CaseKind.APPEAL)
        page.get_by_role("heading", name=re.compile(appeal.reference)).wait_for()
        check("appeal-filed")

        # The Grievances tab, +Add, Grievance.
        page.goto("/appeals/grievances/")
        page.get_by_role("link", name=re.compile(re.escape(gettext("+Add")))).click()
        page.get_by_role("link", name=gettext("Grievance"), exact=True).click()
        page.get_by_role("heading", name=gettext("File a grievance")).wait_for()
        page.get_by_label(gettext("Customer service")).check()
        page.get_by_label(gettext("What happened?")).fill("Nobody called me back.")
        check("grievance-form")
        fits(page, size)
        page.get_by_role("button", name=gettext("Submit")).click()
        grievance = Case.objects.get(kind=CaseKind.GRIEVANCE)
        page.get_by_role("heading", name=re.compile(grievance.reference)).wait_for()

        # The tabs and the Filter.
        page.goto("/appeals/")
        page.get_by_role("link", name=gettext("Grievances"), exact=True).click()
        page.get_by_role("heading", name=gettext("Grievances"), level=2).wait_for()
        assert grievance.reference in page.locator("table").inner_text()
        page.locator("summary", has_text=gettext("Filter")).click()
        page.get_by_label(gettext("Reference number")).fill("G000000-NOTHING")
        page.get_by_role("button", name=gettext("Apply filter")).click()
        page.get_by_text(gettext("Nothing matches this filter.")).wait_for()
        check("filtered")
        fits(page, size)


@pytest.mark.parametrize("size", ["desktop"])
def test_filing_a_grievance_with_the_keyboard_alone(totalcare_page: Any, size: str, account: Member) -> None:
    page = totalcare_page
    log_in_speaking(page, "en")
    page.goto("/appeals/grievances/")
    tab_to(page, re.compile(r"\+Add.*"))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="File an appeal or a grievance").wait_for()
    tab_to(page, "Grievance")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="File a grievance").wait_for()
    tab_to(page, "Quality of care")
    page.keyboard.press("Space")
    tab_to(page, "What happened?")
    page.keyboard.type("The clinic was closed at my appointment time.")
    tab_to(page, "Submit")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=re.compile(r"^Grievance G")).wait_for()
    assert Case.objects.filter(member=account, kind=CaseKind.GRIEVANCE).count() == 1
