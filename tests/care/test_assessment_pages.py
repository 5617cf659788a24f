"""Assessments: To do / In progress / Finished, answering a section at a time with errors beside
each answer, Save as Draft kept across log-out, enableWhen on the server, Finish validating every
required answer and sending once (a task and an email with no answers), read-only after; only the
member's own; fixed query counts."""

import datetime
import re

import pytest
from django.test import Client

from care.models import Assessment, AssessmentStatus, CareManagerAssignment, CareManagerTask
from members.models import Member
from outbox.models import Email
from tests.care.factories import assign_assessment, load_questionnaire, long_questionnaire, make_care_manager
from tests.conftest import MEMBER_PASSWORD
from tests.queries import queries_for


@pytest.fixture
def hra(member: Member) -> Assessment:
    return assign_assessment(member, load_questionnaire("health_risk_assessment"))


def section(assessment: Assessment, n: int) -> str:
    return f"/care/assessments/{assessment.pk}/section/{n}/"


def post(
    client: Client, assessment: Assessment, n: int, action: str, shown: str, **answers: object
) -> object:
    return client.post(section(assessment, n), {"action": action, "shown": shown, **answers})


ABOUT = "about.health about.height about.weight"


def test_the_lists_show_to_do_with_due_dates_in_progress_and_finished(
    member: Member, member_client: Client, hra: Assessment
) -> None:
    phq9 = assign_assessment(member, load_questionnaire("phq9"), due=datetime.date(2026, 4, 15))
    Assessment.objects.filter(pk=phq9.pk).update(status=AssessmentStatus.IN_PROGRESS)

    page = member_client.get("/care/assessments/").content.decode()

    to_do, rest = page.split("In progress</h2>")
    assert "Health risk assessment</a>, due March 31, 2026" in to_do
    in_progress, finished = rest.split("Finished</h2>")
    assert "Depression screening (PHQ-9)" in in_progress
    assert "You have not finished any assessments yet." in finished


def test_a_section_shows_its_place_and_its_questions(member_client: Client, hra: Assessment) -> None:
    page = member_client.get(f"/care/assessments/{hra.pk}/").content.decode()

    assert "Section 1 of 5" in page
    assert "In general, how would you rate your health?" in page
    assert 'type="radio"' in page and "Excellent" in page
    assert "Save as Draft" in page and "Save and continue" in page


def test_a_wrong_answer_is_shown_beside_it(member_client: Client, hra: Assessment) -> None:
    response = post(member_client, hra, 1, "next", ABOUT, q1="tall")

    page = response.content.decode()  # type: ignore[attr-defined]
    assert "Enter a whole number." in page
    assert 'aria-invalid="true"' in page
    hra.refresh_from_db()
    assert hra.answers == {}


def test_save_as_draft_keeps_incomplete_answers_across_log_out(
    member: Member, member_client: Client, hra: Assessment
) -> None:
    response = post(member_client, hra, 1, "draft", ABOUT, q0="good", q2="150.5")
    assert response.status_code == 302  # type: ignore[attr-defined]

    member_client.logout()
    other_device = Client()
    assert other_device.login(username="jose.nunez", password=MEMBER_PASSWORD)
    page = other_device.get(section(hra, 1)).content.decode()

    assert re.search(r'<input type="radio" name="q0" value="good"[^>]* checked>', page)
    assert 'value="150.5"' in page
    assert "Last saved" in page
    hra.refresh_from_db()
    assert hra.status == AssessmentStatus.IN_PROGRESS
    assert hra.answers == {"about.health": ["good"], "about.weight": ["150.5"]}
    assert not CareManagerTask.objects.exists() and not Email.objects.exists()
    lists = other_device.get("/care/assessments/").content.decode()
    assert "last saved" in lists.split("In progress</h2>")[1].split("Finished</h2>")[0]


def test_a_yes_shows_the_follow_up_questions_on_the_same_section(
    member_client: Client, hra: Assessment
) -> None:
    page = member_client.get(section(hra, 2)).content.decode()
    assert "How many cigarettes a day?" not in page

    response = post(member_client, hra, 2, "next", "tobacco.smokes", q0="true")

    page = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "Your answers added questions to this section" in page
    assert "How many cigarettes a day?" in page and "Counseling" in page


def test_finish_asks_for_every_required_answer_first(member_client: Client, hra: Assessment) -> None:
    response = post(member_client, hra, 5, "finish", "more.goals", q0="More energy")

    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == section(hra, 1) + "?check=1"  # type: ignore[index]
    page = member_client.get(response["Location"]).content.decode()  # type: ignore[index]
    assert "Answer this question." in page
    assert "Some required questions have no answer yet" in page
    hra.refresh_from_db()
    assert hra.status == AssessmentStatus.IN_PROGRESS and hra.answers == {"more.goals": ["More energy"]}


def answer_all(client: Client, assessment: Assessment) -> None:
    post(client, assessment, 1, "next", ABOUT, q0="fair", q1="66")
    post(client, assessment, 2, "next", "tobacco.smokes", q0="true")
    post(
        client,
        assessment,
        2,
        "next",
        "tobacco.help tobacco.per-day tobacco.smokes",
        q0="true",
        q1="10",
        q2=["counseling", "class"],
    )
    post(client, assessment, 3, "next", "activity.days", q0="1-2")


def test_finish_sends_once_to_the_care_manager_without_answers(
    member: Member, member_client: Client, hra: Assessment
) -> None:
    manager = make_care_manager()
    CareManagerAssignment.objects.create(
        member=member, care_manager=manager, effective_from=datetime.date(2020, 1, 1)
    )
    answer_all(member_client, hra)

    first = post(member_client, hra, 5, "finish", "more.goals", q0="Quit smoking")
    again = post(member_client, hra, 5, "finish", "more.goals", q0="Quit smoking")

    assert first["Location"] == "/care/assessments/"  # type: ignore[index]
    assert again.status_code == 302  # type: ignore[attr-defined]
    hra.refresh_from_db()
    assert hra.status == AssessmentStatus.FINISHED
    assert hra.answers["tobacco.help"] == ["counseling", "class"]
    task = CareManagerTask.objects.get()
    assert task.assessment == hra and task.care_manager == manager
    email = Email.objects.get()
    assert email.to == "maria.care@plan.example"
    for answer in ("Quit smoking", "counseling", "66", "Núñez", member.member_id):
        assert answer not in email.body_text and answer not in email.body_html
    page = member_client.get(f"/care/assessments/{hra.pk}/").content.decode()
    assert "It can no longer be changed" in page and "Quit smoking" in page and "Counseling, A class" in page
    assert 'name="action"' not in page


def test_answers_a_later_no_disabled_are_not_sent(member_client: Client, hra: Assessment) -> None:
    answer_all(member_client, hra)
    post(member_client, hra, 2, "next", "tobacco.help tobacco.per-day tobacco.smokes", q0="false", q1="10")
    post(member_client, hra, 5, "finish", "more.goals")

    hra.refresh_from_db()
    assert hra.status == AssessmentStatus.FINISHED
    assert "tobacco.per-day" not in hra.answers and hra.answers["tobacco.smokes"] == [False]


def test_another_members_assessment_is_not_found(make_member: object, member_client: Client) -> None:
    theirs = assign_assessment(make_member(), load_questionnaire())  # type: ignore[operator]

    assert member_client.get(f"/care/assessments/{theirs.pk}/").status_code == 404
    assert post(member_client, theirs, 1, "draft", ABOUT, q0="good").status_code == 404  # type: ignore[attr-defined]
    theirs.refresh_from_db()
    assert theirs.answers == {}


def test_a_section_that_does_not_exist_is_not_found(member_client: Client, hra: Assessment) -> None:
    assert member_client.get(section(hra, 6)).status_code == 404
    assert member_client.get(section(hra, 0)).status_code == 404


def test_a_30_question_page_takes_the_same_queries_as_a_2_question_one(
    member: Member, member_client: Client
) -> None:
    small = assign_assessment(member, long_questionnaire(2))
    large = assign_assessment(member, long_questionnaire(30))
    for assessment in (small, large):
        Assessment.objects.filter(pk=assessment.pk).update(answers={"q0": [True]})
    member_client.get("/care/assessments/")  # warm the session

    few = queries_for(member_client, f"/care/assessments/{small.pk}/")
    many = queries_for(member_client, f"/care/assessments/{large.pk}/")
    page = member_client.get(f"/care/assessments/{large.pk}/").content.decode()

    assert few == many
    assert "Question 29" in page
    lists = queries_for(member_client, "/care/assessments/")
    for n in range(20):
        assign_assessment(
            member, large.questionnaire, due=datetime.date(2026, 5, 1) + datetime.timedelta(days=n)
        )
    assert queries_for(member_client, "/care/assessments/") == lists
