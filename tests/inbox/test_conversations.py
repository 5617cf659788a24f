"""Conversations: replies stay in their thread, newest first; opening marks read for that reader
only; Inbox and Sent Items and the search by subject; the envelope's unread count; a member
reaches only their own messages and attachments; fixed query counts."""

import re
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.test import Client

from audit.models import AuditEvent
from inbox.models import Attachment, Message, Thread
from members.models import Member, User
from tests.inbox.factories import PDF, make_thread
from tests.queries import queries_for


def test_a_reply_stays_in_its_thread_newest_first(
    member: Member, member_client: Client, care_manager: User
) -> None:
    thread = make_thread(member, care_manager, messages=2)

    member_client.post(f"/messages/{thread.pk}/", {"body": "Thanks, one more question"})

    assert Thread.objects.count() == 1
    page = member_client.get(f"/messages/{thread.pk}/").content.decode()
    assert page.index("one more question") < page.index("Message 1") < page.index("Message 0")


def test_each_message_shows_its_sender_and_only_its_own_attachments(
    member: Member, member_client: Client, care_manager: User
) -> None:
    thread = make_thread(member, care_manager, messages=3)  # 0 and 2 from the member, 1 from María
    by_body = {message.body.split("\n")[0]: message for message in thread.messages.all()}
    for body, name in (
        ("Message 1", "lab-results.pdf"),
        ("Message 2", "referral.pdf"),
        ("Message 2", "note.pdf"),
    ):
        attachment = Attachment(
            message=by_body[body], name=name, content_type="application/pdf", size=len(PDF)
        )
        attachment.file.save(name, ContentFile(PDF))

    page = member_client.get(f"/messages/{thread.pk}/").content.decode()

    shown = {
        re.search(r"Message \d", item).group(0): item  # type: ignore[union-attr]
        for item in page.split('<li class="message')[1:]
    }
    assert "María Souza" in shown["Message 1"] and "lab-results.pdf" in shown["Message 1"]
    assert "You" in shown["Message 2"] and "María" not in shown["Message 2"]
    assert shown["Message 2"].index("referral.pdf") < shown["Message 2"].index("note.pdf")
    assert "lab-results.pdf" not in shown["Message 2"] and ".pdf" not in shown["Message 0"]


def test_opening_marks_read_for_that_reader_only(
    member: Member, member_client: Client, care_manager: User
) -> None:
    thread = make_thread(member, care_manager, messages=4)  # 0 and 2 from the member, 1 and 3 to them

    member_client.get(f"/messages/{thread.pk}/")

    read = dict(Message.objects.values_list("body", "read_at"))
    assert read["Message 1\nsecond line"] and read["Message 3\nsecond line"]
    # The care manager has not opened the member's messages: they stay unread for them.
    assert read["Message 0\nsecond line"] is None and read["Message 2\nsecond line"] is None


def test_the_envelope_names_the_unread_count(
    member: Member, member_client: Client, care_manager: User
) -> None:
    make_thread(member, care_manager, messages=4)

    home = member_client.get("/").content.decode()

    assert 'aria-label="Messages, 2 unread"' in home
    assert "You have 2 unread messages from your care manager." in home


def test_the_envelope_follows_the_count_and_the_language(
    member: Member, member_client: Client, care_manager: User
) -> None:
    # Its renderings are kept (portal/layout.py): each one for its count and language only.
    thread = make_thread(member, care_manager, messages=4)
    member_client.get("/")
    member_client.cookies["django_language"] = "es"
    spanish = member_client.get("/").content.decode()
    member_client.get(f"/messages/{thread.pk}/")
    member_client.cookies["django_language"] = "en"
    read = member_client.get("/").content.decode()

    assert 'aria-label="Mensajes, 2 sin leer"' in spanish
    assert 'aria-label="Messages"' in read and "envelope__count" not in read


def test_inbox_sent_items_and_search_by_subject(
    member: Member, member_client: Client, care_manager: User
) -> None:
    make_thread(member, care_manager, subject="Inhaler refill", messages=2)
    make_thread(member, care_manager, subject="Blood pressure", messages=2)

    inbox = member_client.get("/messages/").content.decode()
    sent = member_client.get("/messages/sent/").content.decode()
    found = member_client.get("/messages/?q=inhaler").content.decode()

    assert "Inhaler refill" in inbox and "Blood pressure" in inbox
    assert "Inhaler refill" in sent and "Sent Items" in sent
    assert "Inhaler refill" in found and "Blood pressure" not in found


def test_another_members_messages_and_attachments_answer_404(
    member: Member,
    make_member: Callable[..., Member],
    care_manager: User,
) -> None:
    other = make_member()
    other.user = User.objects.create_user(username="other", password="x")
    other.save()
    thread = make_thread(member, care_manager, messages=1)
    attachment = Attachment(
        message=thread.messages.get(), name="a.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("a.pdf", ContentFile(PDF))
    client = Client()
    client.force_login(other.user)

    assert client.get(f"/messages/{thread.pk}/").status_code == 404
    assert client.post(f"/messages/{thread.pk}/", {"body": "hi"}).status_code == 404
    assert client.get(f"/messages/attachments/{attachment.pk}/").status_code == 404
    assert Message.objects.count() == 1


def test_the_member_downloads_their_attachment_audited_and_not_stored(
    member: Member, member_client: Client, care_manager: User
) -> None:
    thread = make_thread(member, care_manager, messages=1)
    attachment = Attachment(
        message=thread.messages.get(), name="a.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("a.pdf", ContentFile(PDF))

    response = member_client.get(f"/messages/attachments/{attachment.pk}/")

    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action="inbox.attachment_downloaded", detail=str(attachment.pk)).exists()


def test_query_counts_are_fixed(member: Member, member_client: Client, care_manager: User) -> None:
    small = make_thread(member, care_manager, messages=1)
    member_client.get("/messages/")  # warm the session
    one = {
        url: queries_for(member_client, url)
        for url in ("/messages/", "/messages/sent/", f"/messages/{small.pk}/", "/messages/compose/")
    }
    large = make_thread(member, care_manager, messages=50)
    for _ in range(30):
        make_thread(member, care_manager, messages=2)
    many = {
        url: queries_for(member_client, url)
        for url in ("/messages/", "/messages/sent/", "/messages/compose/")
    }
    many[f"/messages/{small.pk}/"] = queries_for(member_client, f"/messages/{large.pk}/")

    assert many == one
    # The user with their member record, the page's rows, the envelope's count, the audit INSERT,
    # and per page: the thread adds the daily count, marking read, the care manager, its messages,
    # their senders and attachments.
    assert list(one.values()) == [4, 4, 10, 5]
