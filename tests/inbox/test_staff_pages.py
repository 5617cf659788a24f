"""The care manager's staff pages: behind the admin's password and one-time code, only the
conversations of their members today (unread first), replies with an email that says nothing,
mark as handled, a change of care manager; the supervisor sees queues and can open nothing else."""

import datetime

from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client

from inbox.models import Attachment, Message, MessageEmailPreference, Thread
from members.models import Member, User
from outbox.models import Email
from portal.roles import CARE_SUPERVISOR, sync_roles
from tests.care.factories import make_care_manager
from tests.inbox.factories import PDF, assign, make_thread, upload
from tests.queries import queries_for
from tests.staff import STAFF_PASSWORD, sign_in_with_static_token

QUEUE = "/admin/messages/"


def staff_client(user: User) -> Client:
    sync_roles()
    client = Client()
    sign_in_with_static_token(client, user)
    return client


def test_the_pages_need_the_one_time_code(care_manager: User) -> None:
    client = Client()
    client.force_login(care_manager)  # a password alone: not verified

    response = client.get(QUEUE)

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_queue_lists_the_members_conversations_unread_first(member: Member, care_manager: User) -> None:
    make_thread(member, care_manager, subject="Answered already", messages=2, read=True)
    make_thread(member, care_manager, subject="Needs an answer", messages=1)

    page = staff_client(care_manager).get(QUEUE).content.decode()

    assert page.index("Needs an answer") < page.index("Answered already")


def test_a_reply_reaches_the_member_with_an_email_that_says_nothing(
    member: Member, member_client: Client, care_manager: User
) -> None:
    member.user.email = "jose@example.org"  # type: ignore[union-attr]
    member.user.save()  # type: ignore[union-attr]
    thread = make_thread(member, care_manager, subject="Inhaler side effects", messages=1)
    client = staff_client(care_manager)

    client.get(f"{QUEUE}{thread.pk}/")
    response = client.post(
        f"{QUEUE}{thread.pk}/", {"body": "Take it with food.", "attachments": [upload("plan.pdf", PDF)]}
    )

    assert response.status_code == 302
    assert Message.objects.get(pk=thread.messages.get(from_member=True).pk).read_at is not None
    email = Email.objects.get()
    assert email.subject == "You have a new secure message" and email.to == "jose@example.org"
    for text in (email.body_text, email.body_html):
        assert "Take it with food" not in text and "Inhaler" not in text and "María" not in text
        assert "http://127.0.0.1:8000/messages/" in text or "/messages/" in text
    page = member_client.get(f"/messages/{thread.pk}/").content.decode()
    assert "Take it with food." in page and "plan.pdf" in page


def test_a_member_who_turned_emails_off_gets_none(
    member: Member, member_client: Client, care_manager: User
) -> None:
    member.user.email = "jose@example.org"  # type: ignore[union-attr]
    member.user.save()  # type: ignore[union-attr]
    member_client.post("/profile/message-emails/", {})
    assert MessageEmailPreference.objects.get(member=member).email_new_messages is False
    thread = make_thread(member, care_manager, messages=1)

    staff_client(care_manager).post(f"{QUEUE}{thread.pk}/", {"body": "Hello"})

    assert not Email.objects.exists() and mail.outbox == []


def test_another_care_manager_reaches_nothing(member: Member, care_manager: User) -> None:
    thread = make_thread(member, care_manager, messages=1)
    attachment = Attachment(
        message=thread.messages.get(), name="a.pdf", content_type="application/pdf", size=1
    )
    attachment.file.save("a.pdf", ContentFile(PDF))
    other = staff_client(make_care_manager("other.care"))

    assert "My new inhaler" not in other.get(QUEUE).content.decode()
    assert other.get(f"{QUEUE}{thread.pk}/").status_code == 404
    assert other.post(f"{QUEUE}{thread.pk}/", {"body": "hi"}).status_code == 404
    assert other.post(f"{QUEUE}{thread.pk}/handled/").status_code == 404
    assert other.get(f"{QUEUE}attachments/{attachment.pk}/").status_code == 404
    assert Message.objects.count() == 1


def test_the_thread_goes_to_the_new_care_manager(member: Member, care_manager: User) -> None:
    thread = make_thread(member, care_manager, subject="Ongoing question", messages=3)
    member.care_manager_assignments.update(effective_to=datetime.date(2026, 2, 28))
    new = make_care_manager("new.care", first_name="Ana", last_name="Lima")
    assign(member, new, datetime.date(2026, 3, 1))

    assert staff_client(new).get(f"{QUEUE}{thread.pk}/").status_code == 200
    assert staff_client(care_manager).get(f"{QUEUE}{thread.pk}/").status_code == 404


def test_mark_as_handled(member: Member, care_manager: User) -> None:
    thread = make_thread(member, care_manager, messages=1)

    staff_client(care_manager).post(f"{QUEUE}{thread.pk}/handled/")

    assert Thread.objects.get().handled_at is not None


def test_the_supervisor_sees_every_queue_and_can_open_nothing_beyond(
    member: Member, care_manager: User
) -> None:
    thread = make_thread(member, care_manager, subject="Private subject", messages=1)
    attachment = Attachment(
        message=thread.messages.get(), name="a.pdf", content_type="application/pdf", size=1
    )
    attachment.file.save("a.pdf", ContentFile(PDF))
    supervisor = User.objects.create_user(
        username="lead", password=STAFF_PASSWORD, is_staff=True, first_name="Lee"
    )
    sync_roles()
    supervisor.groups.add(Group.objects.get(name=CARE_SUPERVISOR))
    client = staff_client(supervisor)

    page = client.get(f"{QUEUE}supervisor/").content.decode()

    assert "María" in page and "Private subject" not in page and "Núñez" not in page
    assert client.get(QUEUE).status_code == 403
    assert client.get(f"{QUEUE}{thread.pk}/").status_code == 403
    assert client.post(f"{QUEUE}{thread.pk}/handled/").status_code == 403
    assert client.get(f"{QUEUE}attachments/{attachment.pk}/").status_code == 403
    assert client.get("/admin/inbox/").status_code == 404
    assert client.get("/admin/care/careplan/").status_code == 403
    assert staff_client(care_manager).get(f"{QUEUE}supervisor/").status_code == 403


def test_the_staff_pages_make_fixed_query_counts(member: Member, care_manager: User) -> None:
    small = make_thread(member, care_manager, messages=1)
    client = staff_client(care_manager)
    client.get(QUEUE)  # warm the session
    one = [queries_for(client, QUEUE), queries_for(client, f"{QUEUE}{small.pk}/")]
    large = make_thread(member, care_manager, messages=50)
    for _ in range(20):
        make_thread(member, care_manager, messages=2)

    assert [queries_for(client, QUEUE), queries_for(client, f"{QUEUE}{large.pk}/")] == one


def test_a_new_message_from_the_member_needs_an_answer_again(
    member: Member, member_client: Client, care_manager: User
) -> None:
    thread = make_thread(member, care_manager, messages=2)
    staff_client(care_manager).post(f"{QUEUE}{thread.pk}/handled/")

    member_client.post(f"/messages/{thread.pk}/", {"body": "One more thing"})

    assert Thread.objects.get().handled_at is None
