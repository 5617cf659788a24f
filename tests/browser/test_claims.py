"""Claims, as seed 002 walks it: Claims in the menu → Medical Claims → a filter → a claim, in
TotalCare's portal at 360 px and 1280 px, in English, Spanish and Portuguese, axe-clean."""

import datetime
from typing import Any

import pytest

from claims.models import ClaimStatus
from members.models import Member
from tests.browser.conftest import ARTIFACTS, PASSWORD, SIZES, USERNAME
from tests.browser.pages import Checker, open_header_tools, open_menu, words
from tests.claims.records import make_claim

LANGUAGES = {"en": "English", "es": "Español", "pt-br": "Português"}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_claims_as_the_seed_walks_them(
    browser: Any, plan_portal: Any, size: str, language: str, account: Member
) -> None:
    today = datetime.date.today()
    make_claim(
        account, service=today - datetime.timedelta(days=40), claim_number="CL-LAB", provider="Quest Lab"
    )
    make_claim(
        account,
        service=today - datetime.timedelta(days=20),
        claim_number="CL-DENIED",
        provider="Clínica del Valle",
        lines=2,
        status=ClaimStatus.DENIED,
        denial_reason="No prior authorization",
    )
    claims, medical, provider, search, member_menu, how_to_appeal, billed = words(
        language, "Claims", "Medical Claims", "Provider", "Search", "Member menu", "How to appeal", "Billed"
    )
    context = browser.new_context(base_url=plan_portal("totalcare"), viewport=SIZES[size], locale="en-US")
    page = context.new_page()
    check = Checker(page, size=size, prefix=f"claims-{language}-{size}", folder=ARTIFACTS)
    try:
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(USERNAME)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="LOG IN").click()
        page.get_by_role("heading", name=f"Welcome {account.first_name}").wait_for()
        if language != "en":
            open_header_tools(page, 1)
            page.get_by_label("Language").select_option(label=LANGUAGES[language])
            page.get_by_role("button", name="Change language").click()
            page.wait_for_load_state("load")

        # "On the left side of the screen, click Claims."
        open_menu(page, member_menu).get_by_role("link", name=claims, exact=True).click()
        page.get_by_role("heading", name=claims, exact=True).wait_for()
        check("claims", title=claims)

        # "Click the Medical Claims box": the last year's claims, newest first.
        page.get_by_role("link", name=medical).click()
        page.get_by_role("heading", name=medical, level=1).wait_for()
        check("medical-claims", title=medical)
        table = page.get_by_role("table")
        assert table.inner_text().index("CL-DENIED") < table.inner_text().index("CL-LAB")

        # "Fill in the search filters … provider."
        page.get_by_label(provider).fill("clinica")
        page.get_by_role("button", name=search, exact=True).click()
        page.get_by_role("link", name="CL-DENIED").wait_for()
        check("filtered")
        assert "CL-LAB" not in page.get_by_role("table").inner_text()

        # A claim: its lines and totals, and how to appeal the denial.
        page.get_by_role("link", name="CL-DENIED").click()
        page.get_by_role("heading", name=how_to_appeal).wait_for()
        check("claim")
        lines = page.get_by_role("table")
        assert "No prior authorization" in lines.inner_text()
        # A column header at 1280 px; each cell's label (shown before it) on a phone's stacked table.
        assert lines.locator(f'td[data-label="{billed}"]').count() == 3  # two lines and the total
        if size == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["width"]
    finally:
        context.close()
