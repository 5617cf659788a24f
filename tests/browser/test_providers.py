"""Providers → My PCP → Change PCP → search → choose → Change → reason → Save, as the seed says;
My PCP then shows the new doctor starting on the first day of next month."""

from typing import Any

from django.utils import formats, translation

from portal.clock import first_of_next_month, plan_today
from tests.browser.conftest import LogIn
from tests.browser.pages import Checker, open_menu


def next_month_start() -> str:
    with translation.override("en"):
        return str(formats.date_format(first_of_next_month(plan_today()), "DATE_FORMAT"))


def test_change_pcp(page: Any, check: Checker, log_in: LogIn) -> None:
    log_in()
    open_menu(page).get_by_role("link", name="Providers").click()
    page.get_by_role("link", name="My PCP").click()
    check("my-pcp", title="Providers")
    assert page.get_by_role("heading", name="Current primary care provider: Ana García").is_visible()

    page.get_by_role("link", name="Change PCP").click()
    check("change-pcp", title="Change PCP")
    # Searching with no field filled in is refused next to the form.
    page.get_by_role("button", name="Search").click()
    page.get_by_role("alert").wait_for()
    check("search-error")

    page.get_by_label("Last Name").fill("Pham")
    page.get_by_label("County").fill("Monterey")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name="Search results").wait_for()
    check("search-results")

    page.get_by_role("radio", name="Luis Pham").check()
    page.get_by_role("button", name="Change", exact=True).click()
    page.get_by_label("Reason for changing your Primary Care Provider").select_option(label="Member Request")
    check("reason")
    page.get_by_role("button", name="Save").click()

    starting = next_month_start()
    page.get_by_text(f"Luis Pham will be your primary care provider starting {starting}.").wait_for()
    page.get_by_role("heading", name=f"Your new PCP starting {starting}: Luis Pham").wait_for()
    check("pcp-pending", title="Providers")
