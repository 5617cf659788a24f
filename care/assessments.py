"""Assessment services: import a questionnaire version, save a member's answers as a draft, and
finish (send) an assessment to the care manager, exactly once."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from care.audit_actions import ASSESSMENT_FINISHED, ASSESSMENT_SAVED
from care.models import Assessment, AssessmentStatus, CareManagerTask, Questionnaire
from care.questionnaires import QuestionnaireRefused, enabled_items, read_questionnaire, walk
from care.selectors import current_care_manager
from members.models import User
from outbox.services import email_queue
from portal.clock import plan_today

OPEN = (AssessmentStatus.TO_DO, AssessmentStatus.IN_PROGRESS)


def questionnaire_import(*, resource: Mapping[str, Any]) -> tuple[Questionnaire, bool]:
    """Keep one version of a questionnaire; (row, created). The same file again changes nothing;
    a changed file under a version on record is refused, since members may have answered it."""
    read = read_questionnaire(resource)
    existing = Questionnaire.objects.filter(url=read["url"], version=read["version"]).first()
    if existing is not None:
        if existing.resource != resource:
            raise QuestionnaireRefused(
                [
                    _(
                        "Version %(version)s is already on record with other content: "
                        "give the changed questionnaire a new version."
                    )
                    % {"version": read["version"]}
                ]
            )
        return existing, False
    title = read["title"]
    questionnaire = Questionnaire.objects.create(
        url=read["url"],
        version=read["version"],
        title=title.get("en") or next(iter(title.values())),
        title_translations=title,
        resource=dict(resource),
        items=read["items"],
    )
    return questionnaire, True


def missing_answers(questionnaire: Questionnaire, answers: Mapping[str, list[Any]]) -> set[str]:
    """The required questions, enabled by `answers`, that have no answer."""
    enabled = enabled_items(questionnaire.items, answers)
    return {
        item["link_id"]
        for item in walk(questionnaire.items)
        if item["required"] and item["link_id"] in enabled and not answers.get(item["link_id"])
    }


@transaction.atomic
def assessment_save(
    *, request: HttpRequest, assessment: Assessment, answers: Mapping[str, list[Any]], replaced: set[str]
) -> bool:
    """Save a draft: `answers` replace the answers to the `replaced` questions (one section's).
    False, and nothing saved, if the assessment was finished meanwhile (another tab)."""
    merged = {key: value for key, value in assessment.answers.items() if key not in replaced}
    merged.update({key: value for key, value in answers.items() if value})
    now = timezone.now()
    saved = Assessment.objects.filter(pk=assessment.pk, status__in=OPEN).update(
        answers=merged, status=AssessmentStatus.IN_PROGRESS, saved_at=now
    )
    if saved:
        assessment.answers, assessment.status, assessment.saved_at = merged, AssessmentStatus.IN_PROGRESS, now
        audit_record(
            request=request, action=ASSESSMENT_SAVED, member=assessment.member_id, detail=str(assessment.pk)
        )
    return bool(saved)


@transaction.atomic
def assessment_finish(
    *, request: HttpRequest, assessment: Assessment, today: datetime.date | None = None
) -> bool:
    """Send a complete assessment to the member's care manager: it becomes read-only, the care
    manager gets a task and an email that holds no answers. True only for the call that sent it:
    the conditional UPDATE lets one Finish through, however many arrive."""
    enabled = enabled_items(assessment.questionnaire.items, assessment.answers)
    # Answers to questions a later answer disabled are not part of what the member sent.
    answers = {key: value for key, value in assessment.answers.items() if key in enabled}
    now = timezone.now()
    sent = Assessment.objects.filter(pk=assessment.pk, status__in=OPEN).update(
        answers=answers, status=AssessmentStatus.FINISHED, finished_at=now, saved_at=now
    )
    if not sent:
        return False
    assessment.answers, assessment.status, assessment.finished_at = answers, AssessmentStatus.FINISHED, now
    care_manager = current_care_manager(assessment.member_id, today or plan_today())
    user = User.objects.get(pk=care_manager.user_id) if care_manager else None
    task = CareManagerTask.objects.create(assessment=assessment, care_manager=user)
    if user is not None and user.email:
        email_queue(
            to=user.email,
            template="care/assessment_finished",
            context={
                "task_url": request.build_absolute_uri(
                    reverse("admin:care_caremanagertask_change", args=[task.pk])
                )
            },
            # Staff read the staff site's language unless they chose one, not the member's page's.
            language=user.preferred_language or settings.LANGUAGE_CODE,
        )
    audit_record(
        request=request, action=ASSESSMENT_FINISHED, member=assessment.member_id, detail=str(assessment.pk)
    )
    return True
