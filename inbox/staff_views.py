"""The care manager's secure messages, on staff pages behind the admin's sign-in (password and
one-time code: `admin.site.admin_view` refuses a user OTPAdminSite does not call staff).

- A care manager sees the conversations of the members assigned to them today, unread first,
  reads one (which marks the member's messages read for them), replies with attachments and marks
  it handled. A conversation is the member's: when the assignment changes, it is the new care
  manager's, with its history.
- A supervisor sees each care manager's queue in numbers (unanswered conversations and the age of
  the oldest) and can open no conversation, message or attachment.
"""

import datetime
from typing import Any

from django.contrib import admin
from django.contrib import messages as flash
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.services import audit_record
from care.models import CareManagerAssignment
from inbox import selectors, services
from inbox.audit_actions import ATTACHMENT_DOWNLOADED, STAFF_HANDLED, STAFF_VIEWED
from inbox.downloads import attachment_response
from inbox.forms import ReplyForm, posted
from inbox.models import Attachment, Message, Thread
from inbox.services import signed_in_user
from portal.clock import plan_today

ANSWER = "inbox.answer_messages"
SUPERVISE = "inbox.supervise_messages"
QUEUE_SIZE = 100


def _assigned_members(user_id: int, today: datetime.date) -> QuerySet[CareManagerAssignment, Any]:
    return (
        CareManagerAssignment.objects.filter(care_manager_id=user_id).in_effect_on(today).values("member_id")
    )


def _unread_from_member() -> Exists:
    return Exists(Message.objects.filter(thread=OuterRef("pk"), from_member=True, read_at__isnull=True))


def _queue(user_id: int, today: datetime.date) -> QuerySet[Thread]:
    """The conversations of the members assigned to the care manager today, unread first."""
    return (
        Thread.objects.filter(member_id__in=_assigned_members(user_id, today))
        .select_related("member")
        .annotate(unread=_unread_from_member())
        .order_by("-unread", "handled_at", "-last_message_at", "-id")
    )


def _own_thread(request: HttpRequest, thread_id: int) -> Thread:
    """A conversation of a member assigned to this care manager today; 404 for any other."""
    return get_object_or_404(_queue(signed_in_user(request).pk, plan_today()), pk=thread_id)


@require_GET
@permission_required(ANSWER, raise_exception=True)
def queue(request: HttpRequest) -> HttpResponse:
    threads = list(_queue(signed_in_user(request).pk, plan_today())[:QUEUE_SIZE])
    audit_record(request=request, action=STAFF_VIEWED, detail="queue")
    return render(
        request,
        "admin/inbox/queue.html",
        {**admin.site.each_context(request), "threads": threads, "title": _("Secure messages")},
    )


@require_http_methods(["GET", "POST"])
@permission_required(ANSWER, raise_exception=True)
def thread(request: HttpRequest, thread_id: int) -> HttpResponse:
    conversation = _own_thread(request, thread_id)
    form = ReplyForm(*posted(request))
    if request.method == "POST" and form.is_valid():
        services.staff_reply(
            request=request,
            thread=conversation,
            body=form.cleaned_data["body"],
            files=form.cleaned_data["attachments"],
        )
        flash.success(
            request, _("Your reply was sent. The member gets an email saying they have a new message.")
        )
        return redirect("inbox_staff_thread", conversation.pk)
    if request.method == "GET":
        services.mark_read(thread=conversation, by_member=False)
        audit_record(
            request=request, action=STAFF_VIEWED, member=conversation.member_id, detail=str(conversation.pk)
        )
    return render(
        request,
        "admin/inbox/thread.html",
        {
            **admin.site.each_context(request),
            "title": conversation.subject,
            "thread": conversation,
            "conversation": selectors.thread_messages(conversation),
            "form": form,
        },
    )


@require_POST
@permission_required(ANSWER, raise_exception=True)
def handled(request: HttpRequest, thread_id: int) -> HttpResponse:
    conversation = _own_thread(request, thread_id)
    services.mark_handled(thread=conversation)
    audit_record(
        request=request, action=STAFF_HANDLED, member=conversation.member_id, detail=str(conversation.pk)
    )
    flash.success(request, _("The conversation is marked as handled."))
    return redirect("inbox_staff_queue")


@require_GET
@permission_required(ANSWER, raise_exception=True)
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    found = get_object_or_404(
        Attachment.objects.select_related("message"),
        pk=attachment_id,
        message__member_id__in=_assigned_members(signed_in_user(request).pk, plan_today()),
    )
    audit_record(
        request=request, action=ATTACHMENT_DOWNLOADED, member=found.message.member_id, detail=str(found.pk)
    )
    return attachment_response(found)


@require_GET
@permission_required(SUPERVISE, raise_exception=True)
def supervisor(request: HttpRequest) -> HttpResponse:
    """Each care manager's queue in numbers: the conversations not yet handled, and how long the
    oldest has waited since its last message. Names of care managers only: no member, no subject."""
    today = plan_today()
    rows = (
        CareManagerAssignment.objects.in_effect_on(today)
        .values(
            "care_manager_id", "care_manager__first_name", "care_manager__last_name", "care_manager__username"
        )
        .annotate(
            waiting=Count(
                "member__message_threads",
                filter=Q(member__message_threads__handled_at__isnull=True),
                distinct=True,
            ),
            oldest=Min(
                "member__message_threads__last_message_at",
                filter=Q(member__message_threads__handled_at__isnull=True),
            ),
        )
        .order_by("oldest")
    )
    audit_record(request=request, action=STAFF_VIEWED, detail="supervisor")
    return render(
        request,
        "admin/inbox/supervisor.html",
        {
            **admin.site.each_context(request),
            "queues": list(rows),
            "title": _("Care managers' message queues"),
        },
    )
