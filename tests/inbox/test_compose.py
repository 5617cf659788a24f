"""+Compose: the one recipient (the assigned care manager), Subject and Message as plain text,
attachments checked by content and size with the limits stated first, and the daily limit."""

from django.core import mail
from django.test import Client

from audit.models import AuditEvent
from inbox.models import Attachment, Message, Thread
from members.models import Member, User
from tests.inbox.factories import EXE, PDF, PNG, upload

COMPOSE = "/messages/compose/"


def test_without_a_care_manager_the_page_says_so_and_gives_the_phone(member_client: Client) -> None:
    page = member_client.get(COMPOSE).content.decode()

    assert "You do not have a care manager yet" in page
    assert "833-530-9015" in page
    assert '<form method="post" enctype' not in page


def test_the_address_book_lists_only_the_assigned_care_manager(
    member_client: Client, care_manager: User
) -> None:
    page = member_client.get(COMPOSE).content.decode()

    assert "Address Book" in page
    assert page.count('type="radio"') == 1
    assert "María Souza" in page
    # The limits are stated before the member chooses a file.
    assert "Up to 4 files: PDF, JPEG or PNG, each up to 10.0\xa0MB and 20.0\xa0MB in all." in page


def test_a_message_starts_a_conversation_with_the_care_manager(
    member: Member, member_client: Client, care_manager: User
) -> None:
    response = member_client.post(
        COMPOSE,
        {
            "to": "care_manager",
            "subject": "My new inhaler",
            "body": "Line one\nLine <b>two</b>",
            "attachments": [upload("letter.pdf", PDF), upload("rash.png", PNG)],
        },
    )

    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/messages/{thread.pk}/"
    message = Message.objects.get()
    assert (thread.member, thread.subject, message.sender, message.from_member) == (
        member,
        "My new inhaler",
        member.user,
        True,
    )
    assert sorted(Attachment.objects.values_list("name", "content_type")) == [
        ("letter.pdf", "application/pdf"),
        ("rash.png", "image/png"),
    ]
    page = member_client.get(response["Location"]).content.decode()
    # Plain text: the markup is shown as typed, the line break kept (white-space: pre-wrap).
    assert "Line one\nLine &lt;b&gt;two&lt;/b&gt;" in page
    assert AuditEvent.objects.filter(action="inbox.message_sent").count() == 1
    assert mail.outbox == []  # the member's own message emails no one


def test_subject_and_message_are_required_and_limited(member_client: Client, care_manager: User) -> None:
    page = member_client.post(COMPOSE, {"to": "care_manager", "subject": "", "body": "  "}).content.decode()
    assert "This field is required." in page and "Write your message." in page

    long = member_client.post(COMPOSE, {"to": "care_manager", "subject": "x" * 101, "body": "y" * 10_001})
    assert "at most 100 characters" in long.content.decode()
    assert "at most 10000 characters" in long.content.decode()
    assert not Thread.objects.exists()


def test_a_renamed_executable_is_refused(member_client: Client, care_manager: User) -> None:
    page = member_client.post(
        COMPOSE,
        {
            "to": "care_manager",
            "subject": "Results",
            "body": "See file",
            "attachments": [upload("results.pdf", EXE)],
        },
    ).content.decode()

    assert "results.pdf is not a PDF, JPEG or PNG file." in page
    assert not Thread.objects.exists()


def test_an_11_mb_file_is_refused_with_the_limit_in_the_message(
    member_client: Client, care_manager: User
) -> None:
    big = upload("scan.pdf", PDF + b"0" * (11 * 1024 * 1024))
    page = member_client.post(
        COMPOSE, {"to": "care_manager", "subject": "Scan", "body": "Here", "attachments": [big]}
    ).content.decode()

    assert "scan.pdf is larger than 10.0\xa0MB. Each file can be up to 10.0\xa0MB." in page
    assert not Attachment.objects.exists()


def test_more_than_four_files_or_20_mb_in_all_are_refused(member_client: Client, care_manager: User) -> None:
    five = [upload(f"{n}.png", PNG) for n in range(5)]
    page = member_client.post(
        COMPOSE, {"to": "care_manager", "subject": "S", "body": "B", "attachments": five}
    )
    assert "You can attach up to 4 files." in page.content.decode()

    three = [upload(f"{n}.pdf", PDF + b"0" * (7 * 1024 * 1024)) for n in range(3)]
    page = member_client.post(
        COMPOSE, {"to": "care_manager", "subject": "S", "body": "B", "attachments": three}
    )
    assert "Together they can be up to 20.0\xa0MB." in page.content.decode()
    assert not Thread.objects.exists()


def test_the_daily_limit_is_said_in_the_page_when_reached(
    member_client: Client, care_manager: User, settings: object
) -> None:
    for n in range(20):
        member_client.post(COMPOSE, {"to": "care_manager", "subject": f"Question {n}", "body": "?"})
    assert Thread.objects.count() == 20

    page = member_client.get(COMPOSE).content.decode()
    refused = member_client.post(COMPOSE, {"to": "care_manager", "subject": "One more", "body": "?"})

    assert "You can send 20 messages a day, and you have sent them all today." in page
    assert refused.status_code == 200 and Thread.objects.count() == 20
