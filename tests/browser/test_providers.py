"""Providers → My PCP → Change PCP → search → choose → Change → reason → Save, as the seed says;
My PCP then shows the new doctor starting on the first day of next month. And a search with a
full page of results: short rows with a Choose button each, specialists left out, and the error
for Change without a choice shown where the member pressed it."""

from typing import Any

from django.utils import formats, translation

from members.models import Member
from portal.clock import first_of_next_month, plan_today
from providers.models import Gender
from tests.browser.conftest import LogIn
from tests.browser.pages import Checker, open_menu
from tests.providers.pcp_factories import make_provider

# At 1280 px a page of 20 results was 10,637 px tall before the rows were made compact.
TWENTY_RESULTS_AT_MOST_PX = 4_500


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
    page.get_by_label("County").select_option("Monterey")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("heading", name="Search results").wait_for()
    page.get_by_text("1 provider found").wait_for()
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


def test_choose_from_a_full_page_of_results(page: Any, check: Checker, size: str, log_in: LogIn) -> None:
    for n in range(22):
        make_provider(
            npi=f"12000000{n:02d}",
            first_name=f"Mai{n:02d}",
            last_name="Phan",
            gender=Gender.FEMALE if n % 2 else Gender.MALE,
            clinic_name="Salinas Valley Family Health Center",
            languages=["en", "vi", "es"],
        )
    for n in range(3):
        make_provider(
            npi=f"12100000{n:02d}",
            first_name=f"Heart{n}",
            last_name="Phan",
            specialty="Cardiology",
            is_primary_care=False,
        )
    log_in()
    page.goto("/providers/change/")
    page.get_by_label("Last Name").fill("Phan")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("22 providers found").wait_for()
    check("twenty-results")

    assert page.get_by_role("button", name="Choose Mai00 Phan").is_visible()
    assert page.get_by_text("Heart0 Phan").count() == 0, "specialists are left out"
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"Change PCP, 20 results, {size}: {height} px")
    if size == "desktop":
        assert height <= TWENTY_RESULTS_AT_MOST_PX, height

    # Change with no doctor picked: the error is where the member pressed Change.
    page.get_by_role("button", name="Change", exact=True).click()
    error = page.get_by_role("alert").filter(has_text="Choose a doctor from the search results.")
    error.wait_for()
    box = error.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box
    change = page.get_by_role("button", name="Change", exact=True).bounding_box()
    assert change is not None and 0 <= change["y"] - (box["y"] + box["height"]) < 80, (box, change)
    check("change-without-a-choice")

    page.get_by_role("button", name="Choose Mai07 Phan").click()
    page.get_by_role("heading", name="Your new primary care provider: Mai07 Phan").wait_for()
    page.get_by_label("Reason for changing your Primary Care Provider").select_option(label="Member Request")
    page.get_by_role("button", name="Save").click()
    page.get_by_text(
        f"Mai07 Phan will be your primary care provider starting {next_month_start()}."
    ).wait_for()
    assert Member.objects.get().pcp_change_requests.get().new_provider.first_name == "Mai07"
