"""The member's secure messages: Inbox, Sent Items, +Compose, a conversation (reply in it) and
attachments. Thread and attachment ids are looked up within the member's own messages."""

from django.contrib import messages as flash
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit_record
from care.selectors import current_care_manager
from inbox import selectors, services
from inbox.audit_actions import ATTACHMENT_DOWNLOADED
from inbox.downloads import attachment_response
from inbox.forms import ComposeForm, EmailPreferenceForm, ReplyForm, SearchForm, posted
from inbox.models import MessageEmailPreference
from inbox.rules import daily_limit_reached, messages_per_day
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today

PAGE_SIZE = 25


@require_GET
@member_required
def inbox(request: MemberRequest) -> HttpResponse:
    return _box(request, sent=False)


@require_GET
@member_required
def sent_items(request: MemberRequest) -> HttpResponse:
    return _box(request, sent=True)


def _box(request: MemberRequest, *, sent: bool) -> HttpResponse:
    search = SearchForm(request.GET)
    subject = search.cleaned_data["q"] if search.is_valid() else ""
    # No COUNT(*) over years of messages: "Next" shows when one more row exists.
    number = _page_number(request)
    start = (number - 1) * PAGE_SIZE
    rows = list(selectors.box(request.member, sent=sent, subject=subject)[start : start + PAGE_SIZE + 1])
    return render(
        request,
        "inbox/box.html",
        {
            "sent": sent,
            "search": search,
            "subject": subject,
            "rows": rows[:PAGE_SIZE],
            "page_number": number,
            "has_next": len(rows) > PAGE_SIZE,
        },
    )


def _page_number(request: MemberRequest) -> int:
    raw = request.GET.get("page", "1")
    return max(1, min(int(raw), 10_000)) if raw.isdigit() else 1


@require_http_methods(["GET", "POST"])
@member_required
def compose(request: MemberRequest) -> HttpResponse:
    care_manager = current_care_manager(request.member, plan_today())
    limit_reached = daily_limit_reached(request.member, timezone.now())
    form = None
    if care_manager is not None:
        form = ComposeForm(*posted(request), care_manager_name=care_manager.name)
        if request.method == "POST" and not limit_reached and form.is_valid():
            try:
                thread = services.member_send(
                    request=request,
                    member=request.member,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                    files=form.cleaned_data["attachments"],
                )
            except services.DailyLimitReached:
                limit_reached = True
            else:
                flash.success(request, _("Your message was sent to your care manager."))
                return redirect("inbox_thread", thread.pk)
    return render(
        request,
        "inbox/compose.html",
        {
            "form": form,
            "care_manager": care_manager,
            "limit_reached": limit_reached,
            "daily_limit": messages_per_day(),
        },
    )


@require_http_methods(["GET", "POST"])
@member_required
def thread(request: MemberRequest, thread_id: int) -> HttpResponse:
    conversation = selectors.member_thread(request.member, thread_id)
    limit_reached = daily_limit_reached(request.member, timezone.now())
    form = ReplyForm(*posted(request))
    if request.method == "POST" and not limit_reached and form.is_valid():
        try:
            services.member_send(
                request=request,
                member=request.member,
                subject=conversation.subject,
                body=form.cleaned_data["body"],
                files=form.cleaned_data["attachments"],
                thread=conversation,
            )
        except services.DailyLimitReached:
            limit_reached = True
        else:
            flash.success(request, _("Your reply was sent to your care manager."))
            return redirect("inbox_thread", conversation.pk)
    if request.method == "GET":
        services.mark_read(thread=conversation, by_member=True)
    return render(
        request,
        "inbox/thread.html",
        {
            "thread": conversation,
            "conversation": selectors.thread_messages(conversation),
            "form": form,
            "limit_reached": limit_reached,
            "daily_limit": messages_per_day(),
            "care_manager": current_care_manager(request.member, plan_today()),
        },
    )


@require_GET
@member_required
def attachment(request: MemberRequest, attachment_id: int) -> FileResponse:
    found = selectors.member_attachment(request.member, attachment_id)
    audit_record(request=request, action=ATTACHMENT_DOWNLOADED, member=request.member, detail=str(found.pk))
    return attachment_response(found)


@require_http_methods(["GET", "POST"])
@member_required
def email_preference(request: MemberRequest) -> HttpResponse:
    current = not MessageEmailPreference.objects.filter(
        member=request.member, email_new_messages=False
    ).exists()
    form = EmailPreferenceForm(*posted(request)[:1], initial={"email_new_messages": current})
    if request.method == "POST" and form.is_valid():
        services.set_email_preference(
            member=request.member, email_new_messages=form.cleaned_data["email_new_messages"]
        )
        flash.success(request, _("Your choice is saved."))
        return redirect("inbox_email_preference")
    return render(request, "inbox/email_preference.html", {"form": form})
