"""My Documents, My Notices and a notice's PDF, for the member the household switch names.

A notice is looked up together with the viewed member (households.viewing), so an id of anyone
else's notice answers 404 whatever the role. The PDF is served as the stored bytes, never cached.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from audit.services import audit_record
from documents.audit_actions import NOTICE_OPENED
from documents.files import notice_storage
from documents.models import Notice
from documents.selectors import documents_of, notices_of
from households.viewing import viewing_for
from members.decorators import MemberRequest, member_required


@require_GET
@member_required
def my_documents(request: MemberRequest) -> HttpResponse:
    viewing = viewing_for(request)
    requests, sent = documents_of(viewing.member)
    context = {"viewing": viewing, "requests": requests, "sent": sent, "today": viewing.today}
    return render(request, "documents/my_documents.html", context)


@require_GET
@member_required
def my_notices(request: MemberRequest) -> HttpResponse:
    viewing = viewing_for(request)
    return render(
        request, "documents/my_notices.html", {"viewing": viewing, "notices": notices_of(viewing.member)}
    )


@require_GET
@member_required
def notice_file(request: MemberRequest, pk: int) -> HttpResponse:
    """The notice's PDF: opened in the browser, or downloaded with ?download=1."""
    viewing = viewing_for(request)
    notice = get_object_or_404(
        Notice.objects.only("pk", "notice_date", "file", "read_at"), pk=pk, member=viewing.member
    )
    try:
        handle = notice_storage().open(notice.file, "rb")
    except FileNotFoundError:
        # The row outlived its file (a storage restored without it): nothing to send.
        raise Http404 from None
    if notice.read_at is None:
        Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(read_at=timezone.now())
    audit_record(request=request, action=NOTICE_OPENED, member=viewing.member)
    response = FileResponse(
        handle,
        as_attachment=request.GET.get("download") == "1",
        filename=f"notice-{notice.notice_date.isoformat()}.pdf",
        content_type="application/pdf",
    )
    patch_cache_control(response, no_store=True, private=True)
    # member_required is typed for HttpResponse; a streamed response serves it the same (its status).
    return response  # type: ignore[return-value]
