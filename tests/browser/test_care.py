"""Seed 002's care management steps in TotalCare's portal, in English, Spanish and Portuguese, at
360 px and 1280 px, axe-clean: Assessments (answer with the keyboard alone, Save as Draft, Finish)
and Care Plan (Active and Completed, goals and activities, Nursing Interventions)."""

import datetime
from typing import Any

import pytest

from care.models import CareManagerAssignment, CarePlanStatus
from members.models import Member
from tests.browser.conftest import ARTIFACTS, BROWSER_LOCALES
from tests.browser.pages import Checker, open_menu, tab_to, words
from tests.care.factories import (
    add_intervention,
    assign_assessment,
    load_questionnaire,
    make_care_manager,
    make_plan,
)

LANGUAGES = BROWSER_LOCALES


def checker(page: Any, size: str, language: str, test: str) -> Checker:
    return Checker(page, size=size, prefix=f"care-{test}-{language}-{size}", folder=ARTIFACTS)


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_an_assessment_answered_with_the_keyboard_saved_and_finished(
    signed_in_totalcare_page: Any, account: Member, size: str, language: str
) -> None:
    page = signed_in_totalcare_page
    CareManagerAssignment.objects.create(
        member=account, care_manager=make_care_manager(), effective_from=datetime.date(2020, 1, 1)
    )
    assessment = assign_assessment(
        account, load_questionnaire("phq9"), due=datetime.date.today() + datetime.timedelta(days=7)
    )
    title = assessment.questionnaire.title_in(language)
    assessments, save, finish = words(language, "Assessments", "Save as Draft", "Finish")
    first_answer = "Not at all" if language == "en" else ("Para nada" if language == "es" else "Nenhuma vez")
    check = checker(page, size, language, "assessment")

    # "Click Assessments … If you have an assessment to complete, it will be here."
    open_menu(page, words(language, "Member menu")[0]).get_by_role(
        "link", name=assessments, exact=True
    ).click()
    page.get_by_role("heading", name=assessments, exact=True).wait_for()
    check("assessments", title=assessments)
    page.get_by_role("link", name=title).click()
    page.get_by_role("heading", name=title).wait_for()
    check("answering")

    # Answer the first two questions with the keyboard alone, then Save as Draft.
    for _ in range(2):
        tab_to(page, first_answer)
        page.keyboard.press("Space")
    tab_to(page, save)
    page.keyboard.press("Enter")
    page.get_by_role("status").wait_for()
    check("saved")
    assert page.get_by_role("radio", name=first_answer).nth(1).is_checked()

    # Finish before answering everything: told what is missing, beside each answer.
    page.get_by_role("button", name=finish).click()
    page.locator(".usa-error-message").first.wait_for()
    check("missing")
    for _ in range(9):  # from the top again: the two answered, then the seven missing
        tab_to(page, first_answer)
        page.keyboard.press("Space")
    tab_to(page, finish)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=assessments, exact=True).wait_for()
    check("finished")
    assessment.refresh_from_db()
    assert assessment.status == "finished"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_care_plan_goals_and_nursing_interventions(
    signed_in_totalcare_page: Any, account: Member, size: str, language: str
) -> None:
    page = signed_in_totalcare_page
    manager = make_care_manager(phone="+18335309016")
    CareManagerAssignment.objects.create(
        member=account, care_manager=manager, effective_from=datetime.date(2020, 1, 1)
    )
    plan = make_plan(account, title="Managing diabetes", goals=2, activities=2, care_manager=manager)
    add_intervention(plan, "Reviewed your blood sugar log", note="Keep it up!")
    add_intervention(plan, "Discussed with the pharmacist", internal=True)
    make_plan(account, title="Recovering after your hospital stay", status=CarePlanStatus.COMPLETED)
    care_plan, completed, interventions = words(language, "Care Plan", "Completed", "Nursing Interventions")
    check = checker(page, size, language, "care-plan")

    # "Click Care Plan … two options: Active and Completed."
    open_menu(page, words(language, "Member menu")[0]).get_by_role("link", name=care_plan, exact=True).click()
    page.get_by_role("heading", name=care_plan, exact=True).wait_for()
    check("active", title=care_plan)
    assert "María Souza" in page.locator("main").inner_text()
    page.get_by_role("link", name="Managing diabetes").click()
    page.get_by_role("heading", name="Goal 2: keep blood sugar in range").wait_for()
    check("plan")
    assert "3 times a week" in page.locator("main").inner_text()

    # "Click the Nursing Interventions button to see your care manager's actions and notes."
    page.get_by_role("link", name=interventions).click()
    page.get_by_role("heading", name=interventions, level=1).wait_for()
    check("interventions")
    shown = page.locator("main").inner_text()
    assert "Reviewed your blood sugar log" in shown and "pharmacist" not in shown

    page.goto("/care/plans/")
    page.get_by_role("link", name=completed, exact=True).click()
    page.get_by_role("link", name="Recovering after your hospital stay").wait_for()
    check("completed")
