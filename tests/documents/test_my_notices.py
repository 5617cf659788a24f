"""My Notices: eligibility notices newest first, unread until opened, each PDF served as stored."""

import datetime

import pytest
from django.core.files.storage import Storage

from audit.models import AuditEvent
from documents.models import Notice
from tests.households.clients import signed_in, view
from tests.households.households import Household, marker

pytestmark = pytest.mark.usefixtures("myservices")


def test_notices_are_newest_first_with_an_unread_marker(household: Household) -> None:
    head = household.head
    Notice.objects.filter(member=head).update(notice_date=datetime.date(2026, 3, 1))
    older = Notice.objects.create(
        member=head,
        notice_id="OLD",
        title="Older notice",
        notice_date=datetime.date(2025, 7, 4),
        file="x.pdf",
        size=10,
    )
    older.read_at = datetime.datetime(2025, 7, 5, tzinfo=datetime.UTC)
    older.save()

    html = signed_in(head).get("/my/notices/").content.decode()

    assert html.index(marker(head, "Notice")) < html.index("Older notice")
    newest = html[html.index('class="notice-item') : html.index(marker(head, "Notice"))]
    assert "Unread" in newest
    assert html.count(">Unread<") == 1
    assert "Sent March 1, 2026" in html and "Sent July 4, 2025" in html
    own = Notice.objects.get(member=head, notice_id__startswith="NT-")
    assert f'href="/my/notices/{own.pk}/"' in html and f'href="/my/notices/{own.pk}/?download=1"' in html

    spanish = signed_in(head).get("/my/notices/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Enviado el 1 de marzo de 2026" in spanish and ">No leído<" in spanish


def test_the_pdf_is_the_stored_bytes_never_cached_and_opening_marks_it_read(
    household: Household, notice_storage: Storage
) -> None:
    notice = Notice.objects.get(member=household.head)
    client = signed_in(household.head)

    response = client.get(f"/my/notices/{notice.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("inline")
    with notice_storage.open(notice.file) as stored:
        assert b"".join(response.streaming_content) == stored.read()  # type: ignore[attr-defined]
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert AuditEvent.objects.filter(action="documents.notice_opened", member=household.head).count() == 1
    assert "Unread" not in client.get("/my/notices/").content.decode()

    download = client.get(f"/my/notices/{notice.pk}/?download=1")
    assert download["Content-Disposition"] == 'attachment; filename="notice-2026-01-01.pdf"'


def test_the_head_opens_a_childs_notice_only_while_viewing_the_child(household: Household) -> None:
    notice = Notice.objects.get(member=household.child)
    client = signed_in(household.head)
    assert client.get(f"/my/notices/{notice.pk}/").status_code == 404
    view(client, household.child)
    assert client.get(f"/my/notices/{notice.pk}/").status_code == 200
    # Recorded against the child, whose notice it is.
    assert AuditEvent.objects.filter(action="documents.notice_opened", member=household.child).exists()


def test_a_notice_whose_file_is_gone_answers_404(household: Household, notice_storage: Storage) -> None:
    notice = Notice.objects.get(member=household.head)
    notice_storage.delete(notice.file)
    assert signed_in(household.head).get(f"/my/notices/{notice.pk}/").status_code == 404
