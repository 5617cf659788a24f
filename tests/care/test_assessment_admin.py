"""Staff and assessments: a care manager (two-factor, the Care manager role) sees the answers
read-only and downloads them as a FHIR R4 QuestionnaireResponse that fhir.resources accepts and
that matches the questionnaire; member services assign questionnaires by file or admin action."""

import datetime
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from audit.models import AuditEvent
from care.models import Assessment, AssessmentStatus
from members.models import Member
from portal.roles import MEMBER_SERVICES, sync_roles
from tests.care.factories import assign_assessment, load_questionnaire, make_care_manager
from tests.csv_import import run_import, write_csv
from tests.staff import make_staff, sign_in_with_static_token

ANSWERS = {
    "about.health": ["fair"],
    "about.weight": ["150.5"],
    "tobacco.smokes": [True],
    "tobacco.per-day": [10],
    "tobacco.help": ["counseling", "class"],
    "activity.days": ["1-2"],
    "checkups.last": ["2025-11-03"],
    "more.goals": ["More energy"],
}


@pytest.fixture
def finished(member: Member) -> Assessment:
    assessment = assign_assessment(member, load_questionnaire())
    Assessment.objects.filter(pk=assessment.pk).update(
        status=AssessmentStatus.FINISHED,
        answers=ANSWERS,
        finished_at=datetime.datetime(2026, 3, 2, 18, 0, tzinfo=datetime.UTC),
    )
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def care_manager_client(db: None) -> Client:
    sync_roles()
    client = Client()
    sign_in_with_static_token(client, make_care_manager())
    return client


def test_a_care_manager_downloads_a_valid_questionnaire_response(
    care_manager_client: Client, finished: Assessment, member: Member
) -> None:
    response = care_manager_client.get(f"/admin/care/assessment/{finished.pk}/questionnaire-response.json")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    resource = json.loads(response.content)
    parsed = QuestionnaireResponse.model_validate(resource)
    assert parsed.status == "completed"
    assert parsed.questionnaire == f"{finished.questionnaire.url}|2026.1"
    assert resource["subject"]["identifier"]["value"] == member.member_id
    groups = {item["linkId"]: item for item in resource["item"]}
    tobacco = {item["linkId"]: item["answer"] for item in groups["tobacco"]["item"]}
    assert tobacco["tobacco.smokes"] == [{"valueBoolean": True}]
    assert tobacco["tobacco.per-day"] == [{"valueInteger": 10}]
    assert [a["valueCoding"]["code"] for a in tobacco["tobacco.help"]] == ["counseling", "class"]
    about = {item["linkId"]: item["answer"] for item in groups["about"]["item"]}
    assert about["about.weight"] == [{"valueDecimal": 150.5}]
    assert "about.height" not in about  # not answered
    assert AuditEvent.objects.filter(action="care.response_downloaded", member=member).exists()


def test_a_care_manager_sees_the_answers_read_only(care_manager_client: Client, finished: Assessment) -> None:
    page = care_manager_client.get(f"/admin/care/assessment/{finished.pk}/change/").content.decode()

    assert "More energy" in page
    assert "Download the answers (JSON)" in page
    assert 'name="due_date"' not in page


def test_the_care_manager_role_keeps_plans_but_cannot_assign_care_managers(db: None) -> None:
    sync_roles()
    user = make_care_manager()

    assert user.has_perm("care.change_careplan") and user.has_perm("care.add_nursingintervention")
    assert user.has_perm("care.view_assessment") and not user.has_perm("care.change_assessment")
    assert not user.has_perm("care.add_caremanagerassignment")
    assert user.has_perm("members.view_member") and not user.has_perm("members.change_member")


def test_member_services_assign_an_assessment_to_selected_members(make_member: object) -> None:
    sync_roles()
    staff = make_staff()
    staff.groups.add(Group.objects.get(name=MEMBER_SERVICES))
    client = Client()
    sign_in_with_static_token(client, staff)
    questionnaire = load_questionnaire("phq9")
    members = [make_member(), make_member()]  # type: ignore[operator]
    selected = {"action": "assign_assessment", "_selected_action": [m.pk for m in members]}

    form = client.post("/admin/members/member/", selected)
    assert "Assign an assessment" in form.content.decode()
    done = client.post(
        "/admin/members/member/", {**selected, "questionnaire": questionnaire.pk, "due_date": "2026-04-30"}
    )

    assert done.status_code == 302
    assert (
        Assessment.objects.filter(questionnaire=questionnaire, due_date=datetime.date(2026, 4, 30)).count()
        == 2
    )


def test_assessments_are_assigned_from_a_file(tmp_path: Path, make_member: object) -> None:
    make_member(member_id="P001")  # type: ignore[operator]
    questionnaire = load_questionnaire("phq9")
    rows = [
        f"P001,{questionnaire.url},2026-04-30",
        "P404,{questionnaire.url},2026-04-30",
        "P001,https://x.example/q,2026-04-30",
    ]
    header = "member_id,questionnaire_url,due_date"

    bad = run_import("import_assessment_assignments", write_csv(tmp_path, header, *rows))
    assert bad.failed
    assert "line 3: member_id: no such member on record" in bad.err
    assert "line 4: questionnaire_url: no questionnaire with this URL on record" in bad.err
    assert not Assessment.objects.exists()

    good = run_import("import_assessment_assignments", write_csv(tmp_path, header, rows[0]))
    again = run_import("import_assessment_assignments", write_csv(tmp_path, header, rows[0]))
    assert "1 created" in good.out and "1 unchanged" in again.out
    assert Assessment.objects.get().questionnaire == questionnaire
