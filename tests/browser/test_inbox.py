"""Seed 002's secure messages in TotalCare's portal, in English, Spanish and Portuguese, at
360 px and 1280 px, axe-clean: the envelope in the header on a desktop (its name carries the
unread count) and Messages in the phone's menu, +Compose with the keyboard alone (the address
book holds only the care manager), and the care manager's reply seen in the thread."""

import datetime
from typing import Any

import pytest
from django.utils import timezone, translation

from care.models import CareManagerAssignment
from inbox.models import Message, Thread
from members.models import Member
from tests.browser.conftest import ARTIFACTS, BROWSER_LOCALES
from tests.browser.pages import Checker, open_menu, tab_to, words
from tests.care.factories import make_care_manager

LANGUAGES = BROWSER_LOCALES


def unread_name(language: str, count: int) -> str:
    with translation.override(language):
        return translation.ngettext("Messages, %(count)s unread", "Messages, %(count)s unread", count) % {
            "count": count
        }


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_compose_to_the_care_manager_and_read_the_reply(
    signed_in_totalcare_page: Any, account: Member, size: str, language: str
) -> None:
    page = signed_in_totalcare_page
    manager = make_care_manager(phone="+18335309016")
    CareManagerAssignment.objects.create(
        member=account, care_manager=manager, effective_from=datetime.date(2020, 1, 1)
    )
    messages, inbox, sent_items, compose, send, subject_label, message_label = words(
        language, "Messages", "Inbox", "Sent Items", "+Compose", "Send", "Subject", "Message"
    )
    check = Checker(page, size=size, prefix=f"inbox-{language}-{size}", folder=ARTIFACTS)

    # "[Desktop only] click the icon that looks like an envelope"; "[Smartphones only] click Messages".
    page.goto("/")
    envelope = page.get_by_role("link", name=words(language, "Messages")[0], exact=True).and_(
        page.locator(".envelope")
    )
    if size == "desktop":
        envelope.click()
    else:
        assert not envelope.is_visible()
        open_menu(page, words(language, "Member menu")[0]).get_by_role(
            "link", name=messages, exact=True
        ).click()
    page.get_by_role("heading", name=inbox, exact=True).wait_for()
    check("inbox", title=inbox)

    # "+Compose … the Address Book … your Care Manager will be the only recipient", keyboard only.
    tab_to(page, compose)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name=words(language, "New message")[0]).wait_for()
    check("compose")
    assert page.get_by_role("radio").count() == 1
    assert page.get_by_role("radio", name="María Souza").is_checked()
    tab_to(page, subject_label)
    page.keyboard.type("My new inhaler")
    tab_to(page, f"{message_label}")
    page.keyboard.type("It makes my throat sore.\nIs that normal?")
    tab_to(page, send)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="My new inhaler").wait_for()
    check("sent")
    page.get_by_role("link", name=sent_items, exact=True).click()
    page.get_by_role("link", name="My new inhaler").wait_for()
    check("sent-items")

    # The care manager replies (their staff page, tested in tests/inbox): the member sees it.
    thread = Thread.objects.get(member=account)
    Message.objects.create(
        thread=thread,
        member=account,
        sender=manager,
        from_member=False,
        body="Rinse your mouth after each use.",
    )
    Thread.objects.filter(pk=thread.pk).update(last_message_at=timezone.now())
    page.goto("/messages/")
    if size == "desktop":
        page.get_by_role("link", name=unread_name(language, 1)).wait_for()
    page.get_by_role("link", name="My new inhaler").click()
    page.get_by_text("Rinse your mouth after each use.").wait_for()
    check("reply")
    main = page.locator("main").inner_text()
    assert main.index("Rinse your mouth") < main.index("It makes my throat sore.")
