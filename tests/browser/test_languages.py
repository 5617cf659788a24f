"""The core flows in Spanish and Portuguese: switch language with the switcher, then create an
account, log in and change PCP. Every label and button is looked up in the portal's own catalogue
at test time, so the tests follow the translations rather than hard-coding them."""

from typing import Any

import pytest
from django.utils import formats, translation

from members.models import Member
from portal.clock import first_of_next_month, plan_today
from tests.browser.conftest import PASSWORD, LivePortal
from tests.browser.pages import Checker, open_header_tools, open_menu

LANGUAGES = {"es": "Español", "pt-br": "Português"}


class Catalogue:
    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, message: str, **values: object) -> str:
        with translation.override(self.language):
            text = translation.gettext(message)
        return text % values if values else text

    def date(self, day: Any) -> str:
        with translation.override(self.language):
            return str(formats.date_format(day, "DATE_FORMAT"))


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_create_account_log_in_and_change_pcp(
    page: Any, check: Checker, live_portal: LivePortal, new_member: Member, language: str
) -> None:
    _ = Catalogue(language)
    page.goto("/accounts/create/")
    open_header_tools(page, 1)  # the Language disclosure, on a phone
    page.get_by_label("Language").select_option(label=LANGUAGES[language])
    page.get_by_role("button", name="Change language").click()
    page.get_by_role("heading", name=_("Create Member Online Account")).wait_for()
    check(f"create-{language}", title=_("Create Member Online Account"))
    assert page.locator("html").get_attribute("lang") == language

    page.get_by_label(_("First Name"), exact=True).fill(new_member.first_name)
    page.get_by_label(_("Last Name"), exact=True).fill(new_member.last_name)
    page.get_by_label(_("Date of Birth"), exact=True).fill(new_member.date_of_birth.isoformat())
    page.get_by_label(_("Member ID Number"), exact=True).fill(new_member.member_id)
    page.get_by_label(_("Email Address"), exact=True).fill("nueva@example.com")
    page.get_by_label(_("Verify Email Address"), exact=True).fill("nueva@example.com")
    page.get_by_label(_("Username"), exact=True).fill("nueva.cuenta")
    page.get_by_label(_("Password"), exact=True).fill(PASSWORD)
    page.get_by_label(_("Verify Password"), exact=True).fill(PASSWORD)
    page.get_by_label(_("I agree to the terms and conditions"), exact=True).check()
    page.get_by_role("button", name=_("SUBMIT")).click()
    page.get_by_role("button", name=_("VERIFY")).wait_for()
    check(f"verify-{language}")

    with translation.override(language):
        subject = translation.gettext("Your verification code")
    page.get_by_label(_("Verification Code"), exact=True).fill(live_portal.code("nueva@example.com", subject))
    page.get_by_role("button", name=_("VERIFY")).click()
    page.get_by_text(_("Your account has been successfully created.")).wait_for()
    page.get_by_role("heading", name=_("Welcome %(name)s", name=new_member.first_name)).wait_for()
    check(f"home-{language}")

    open_menu(page, _("Member menu")).get_by_role("link", name=_("Providers")).click()
    page.get_by_role("link", name=_("Change PCP")).click()
    page.get_by_label(_("Last Name")).fill("Pham")  # optional here: the label says so
    page.get_by_role("button", name=_("Search"), exact=True).click()
    page.get_by_role("radio", name="Luis Pham").check()
    check(f"search-results-{language}")
    page.get_by_role("button", name=_("Change"), exact=True).click()
    page.get_by_label(_("Reason for changing your Primary Care Provider"), exact=True).select_option(
        label=_("Member Request")
    )
    page.get_by_role("button", name=_("Save")).click()
    starting = _.date(first_of_next_month(plan_today()))
    page.get_by_text(
        _("%(name)s will be your primary care provider starting %(date)s.", name="Luis Pham", date=starting)
    ).wait_for()
    check(f"pcp-pending-{language}")
