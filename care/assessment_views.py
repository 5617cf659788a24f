"""Assessments: the member's To do, In progress and Finished lists, and answering one section at a
time (Save as Draft, Previous, Next, Finish), evaluated on the server so it works without
JavaScript. A finished assessment is read-only."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from care.assessment_forms import SectionForm
from care.assessments import assessment_finish, assessment_save, missing_answers
from care.models import Assessment, AssessmentStatus
from care.questionnaires import Item, enabled_items, sections, walk
from members.decorators import MemberRequest, member_required


@require_GET
@member_required
def assessments(request: MemberRequest) -> HttpResponse:
    """One query: every assessment of the member's, sorted into the three lists."""
    language = get_language()
    found = (
        Assessment.objects.filter(member=request.member)
        .select_related("questionnaire")
        .defer("answers", "questionnaire__resource", "questionnaire__items")
        .order_by("due_date", "id")
    )
    lists: dict[str, list[dict[str, Any]]] = {status: [] for status in AssessmentStatus.values}
    for assessment in found:
        title = assessment.questionnaire.title_in(language)
        lists[assessment.status].append({"assessment": assessment, "title": title})
    lists[AssessmentStatus.FINISHED].reverse()  # the latest finished first
    return render(
        request,
        "care/assessments.html",
        {
            "to_do": lists[AssessmentStatus.TO_DO],
            "in_progress": lists[AssessmentStatus.IN_PROGRESS],
            "finished": lists[AssessmentStatus.FINISHED],
        },
    )


def _shown(form: SectionForm) -> str:
    return " ".join(sorted(item["link_id"] for item in form.questions.values()))


@require_http_methods(["GET", "POST"])
@member_required
def answer(request: MemberRequest, assessment_id: int, section: int = 1) -> HttpResponse:
    assessment = get_object_or_404(
        Assessment.objects.select_related("questionnaire"), pk=assessment_id, member=request.member
    )
    if assessment.status == AssessmentStatus.FINISHED:
        if request.method != "GET":
            return redirect("assessment", assessment.pk)
        return _finished(request, assessment)
    items = assessment.questionnaire.items
    pages = sections(items)
    if not 1 <= section <= len(pages):
        raise Http404
    page = pages[section - 1]
    language = get_language()
    saved = assessment.answers

    def section_form(answers: dict[str, list[Any]], data: Any = None) -> SectionForm:
        return SectionForm(
            data, section=page, enabled=enabled_items(items, answers), answers=answers, language=language
        )

    if request.method == "GET":
        form = section_form(saved)
        if request.GET.get("check"):
            # Sent back by Finish: bind the saved answers to show what is missing, beside each.
            form = section_form(saved, data=_as_data(form))
            form.is_valid()
            form.require(missing_answers(assessment.questionnaire, saved))
        return _page(request, assessment, form, section, len(pages))

    action = request.POST.get("action", "draft")
    posted = section_form(saved, data=request.POST)
    posted.is_valid()
    on_page = {item["link_id"] for item in walk(page)}
    merged = {**{k: v for k, v in saved.items() if k not in on_page}, **posted.answers()}
    # The answers may enable questions on this page that the member has not seen: show them.
    form = section_form(merged, data=request.POST)
    form.is_valid()
    new_questions = set(_shown(form).split()) - set(request.POST.get("shown", "").split())
    if form.errors:
        return _page(request, assessment, form, section, len(pages))
    if not assessment_save(request=request, assessment=assessment, answers=form.answers(), replaced=on_page):
        return redirect("assessment", assessment.pk)  # finished meanwhile, in another tab
    if new_questions:
        messages.info(request, _("Your answers added questions to this section. Answer them, then continue."))
        return _page(request, assessment, form, section, len(pages))
    if action == "previous" and section > 1:
        return redirect("assessment_section", assessment.pk, section - 1)
    if action == "next" and section < len(pages):
        return redirect("assessment_section", assessment.pk, section + 1)
    if action == "finish":
        return _finish(request, assessment, pages)
    saved_at = time_format(timezone.localtime(assessment.saved_at), "TIME_FORMAT")
    messages.success(
        request,
        _("Saved as a draft at %(time)s. It is not sent to your care manager until you click Finish.")
        % {"time": saved_at},
    )
    return redirect("assessment_section", assessment.pk, section)


def _finish(request: MemberRequest, assessment: Assessment, pages: list[list[Item]]) -> HttpResponse:
    missing = missing_answers(assessment.questionnaire, assessment.answers)
    if missing:
        first = next(n for n, page in enumerate(pages, 1) if missing & {i["link_id"] for i in walk(page)})
        messages.error(
            request, _("Some required questions have no answer yet. Answer them, then click Finish.")
        )
        return redirect(reverse("assessment_section", args=[assessment.pk, first]) + "?check=1")
    if assessment_finish(request=request, assessment=assessment):
        messages.success(request, _("Your assessment was sent to your care manager."))
    return redirect("assessments")


def _as_data(form: SectionForm) -> dict[str, Any]:
    return {name: value for name, value in form.initial.items() if value is not None}


def _page(
    request: MemberRequest, assessment: Assessment, form: SectionForm, section: int, count: int
) -> HttpResponse:
    return render(
        request,
        "care/assessment.html",
        {
            "assessment": assessment,
            "title": assessment.questionnaire.title_in(get_language()),
            "form": form,
            "shown": _shown(form),
            "section": section,
            "sections": count,
        },
    )


def _finished(request: MemberRequest, assessment: Assessment) -> HttpResponse:
    """The member's answers as sent, read-only: each answered question with its answer in words."""
    language = get_language()
    items, answers = assessment.questionnaire.items, assessment.answers
    form = SectionForm(
        section=items, enabled=enabled_items(items, answers), answers=answers, language=language
    )
    rows = []
    for name, item in form.questions.items():
        if not answers.get(item["link_id"]):
            continue
        field, value = form.fields[name], form.initial[name]
        words = dict(getattr(field, "choices", []))
        shown = [str(words.get(v, v)) for v in (value if isinstance(value, list) else [value])]
        rows.append({"question": field.label, "answer": ", ".join(shown)})
    return render(
        request,
        "care/assessment_finished.html",
        {"assessment": assessment, "title": assessment.questionnaire.title_in(language), "rows": rows},
    )
