"""The development mailbox at /dev/mailbox/: every queued email, readable without a mail server.

It is routed only when DEBUG is on. The tests load a fresh copy of portal/urls.py with DEBUG on
and use it as the URLconf, so they exercise the real wiring without reloading modules in place.
"""

import importlib.util
from types import ModuleType
from typing import Any

import pytest
from django.test import Client

from outbox.services import email_queue

pytestmark = pytest.mark.django_db


def _portal_urls() -> ModuleType:
    spec = importlib.util.find_spec("portal.urls")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def debug_urls(settings: Any) -> None:
    settings.DEBUG = True
    settings.ROOT_URLCONF = _portal_urls()


def queue(to: str, first_name: str) -> None:
    email_queue(
        to=to,
        template="members/account_created",
        context={"first_name": first_name, "login_url": "/accounts/login/"},
        language="en",
    )


def test_there_is_no_mailbox_without_debug(client: Client, settings: Any) -> None:
    settings.DEBUG = False
    settings.ROOT_URLCONF = _portal_urls()
    queue("jose@example.com", "José")
    assert client.get("/dev/mailbox/").status_code == 404


def test_the_mailbox_lists_emails_newest_first(client: Client, debug_urls: None) -> None:
    queue("first@example.com", "Ana")
    queue("second@example.com", "Bea")
    response = client.get("/dev/mailbox/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert html.index("second@example.com") < html.index("first@example.com")
    assert "Your Member Portal account was created" in html
    assert "Queued" in html


def test_an_email_shows_its_text_and_its_html_in_a_sandbox(client: Client, debug_urls: None) -> None:
    queue("jose@example.com", "<script>alert(1)</script>")
    response = client.get("/dev/mailbox/")
    detail = response.content.decode().split('href="/dev/mailbox/')[1].split('"')[0]
    response = client.get(f"/dev/mailbox/{detail}")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Hello &lt;script&gt;alert(1)&lt;/script&gt;," in html  # the text body, escaped
    assert "<iframe" in html and " sandbox " in html
    assert "<script>alert(1)" not in html
    assert client.get("/dev/mailbox/999999/").status_code == 404
