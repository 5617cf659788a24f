"""Accessibility Tools: text size and grayscale work logged out and in, without JavaScript, and
are remembered across visits."""

from django.test import Client

from members.models import Member


def test_every_page_offers_the_tools_logged_out(client: Client, db: None) -> None:
    html = client.get("/accounts/login/").content.decode()
    assert "Accessibility Tools" in html
    assert 'name="text_size" value="aaa"' in html
    assert 'name="grayscale" value="on"' in html
    assert '<html lang="en" dir="ltr">' in html  # no choice yet: default size, colour


def test_a_larger_text_size_is_remembered_and_shown(client: Client, db: None) -> None:
    response = client.post("/accessibility/", {"text_size": "aaa", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert response.cookies["text_size"].value == "aaa"
    assert response.cookies["text_size"]["max-age"] == 365 * 24 * 60 * 60

    html = client.get("/accounts/login/").content.decode()
    assert 'class="text-size-aaa"' in html
    assert 'value="aaa" class="a11y-tools__size a11y-tools__size--aaa" aria-pressed="true"' in html


def test_grayscale_turns_on_and_off(client: Client, db: None) -> None:
    client.post("/accessibility/", {"grayscale": "on", "next": "/terms/"})
    html = client.get("/terms/").content.decode()
    assert 'class="grayscale"' in html
    assert 'name="grayscale" value="off" aria-pressed="true"' in html

    client.post("/accessibility/", {"grayscale": "off", "next": "/terms/"})
    assert "grayscale" not in client.get("/terms/").content.decode().split("<head>")[0]


def test_choices_combine_and_survive_log_in(member_client: Client, member: Member) -> None:
    member_client.post("/accessibility/", {"text_size": "aa", "next": "/"})
    member_client.post("/accessibility/", {"grayscale": "on", "next": "/"})
    html = member_client.get("/").content.decode()
    assert 'class="text-size-aa grayscale"' in html


def test_unknown_values_change_nothing(client: Client, db: None) -> None:
    response = client.post("/accessibility/", {"text_size": "huge", "grayscale": "maybe"})
    assert "text_size" not in response.cookies
    assert "grayscale" not in response.cookies
    client.cookies["text_size"] = "<script>"
    assert "<script>" not in client.get("/accounts/login/").content.decode().split("<head>")[0]


def test_it_only_sends_the_member_back_to_this_site(client: Client, db: None) -> None:
    response = client.post("/accessibility/", {"text_size": "aa", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_it_only_accepts_posts(client: Client, db: None) -> None:
    assert client.get("/accessibility/").status_code == 405
