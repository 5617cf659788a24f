"""The base layout's fixed parts are rendered once per process (portal/layout.py): what a member
sees in them must still be their own page's, in their language, for their plan."""

import re
from collections.abc import Callable

from django.test import Client

from members.models import Member, User
from tests.conftest import UsePlan


def form_fields(html: str, name: str) -> list[str]:
    """The values of every hidden input called `name` in the page."""
    return re.findall(rf'<input type="hidden" name="{name}" value="([^"]*)"', html) + re.findall(
        rf'<input name="{name}" type="hidden" value="([^"]*)"', html
    )


def signed_in(member: Member, username: str) -> Client:
    member.user = User.objects.create_user(username=username, password="a long password 1")
    member.save()
    client = Client()
    client.force_login(member.user)
    return client


def test_each_member_gets_their_own_name_token_and_page_in_the_header(
    make_member: Callable[..., Member],
) -> None:
    ana = signed_in(make_member(first_name="Ana"), "ana")
    luis = signed_in(make_member(first_name="Luis"), "luis")
    ana.get("/")  # the fragments are now rendered and kept

    pages = {"ana /": ana.get("/"), "luis /profile/": luis.get("/profile/"), "luis /": luis.get("/")}

    assert "Welcome Ana" in pages["ana /"].content.decode()
    assert "Welcome Luis" in pages["luis /profile/"].content.decode()
    for key, response in pages.items():
        html = response.content.decode()
        _who, path = key.split()
        assert len(form_fields(html, "csrfmiddlewaretoken")) >= 3, "language, tools, log out, stay"
        assert set(form_fields(html, "next")) == {path}, key
    ana_tokens = set(form_fields(pages["ana /"].content.decode(), "csrfmiddlewaretoken"))
    luis_tokens = set(form_fields(pages["luis /"].content.decode(), "csrfmiddlewaretoken"))
    assert ana_tokens.isdisjoint(luis_tokens), "one member's form token never reaches another"


def test_the_navigation_marks_the_page_its_member_is_on(member_client: Client) -> None:
    member_client.get("/")
    for path in ("/profile/", "/coverage/", "/", "/profile/"):
        html = member_client.get(path).content.decode()
        current = re.findall(r'<a href="([^"]+)" aria-current="page">', html)
        assert current[:1] == [path], (path, current)


def test_the_header_follows_the_language_and_the_accessibility_choices(member_client: Client) -> None:
    member_client.get("/")
    member_client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    spanish = member_client.get("/").content.decode()
    assert 'lang="es"' in spanish and "Herramientas de accesibilidad" in spanish

    member_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    member_client.cookies["text_size"] = "aaa"
    english = member_client.get("/").content.decode()
    assert "Accessibility Tools" in english and "Herramientas" not in english
    pressed = re.findall(r'name="text_size" value="(\w+)"[^>]*aria-pressed="true"', english)
    assert pressed == ["aaa"]


def test_another_plans_profile_shows_at_once(use_plan: UsePlan, member_client: Client) -> None:
    use_plan("alliance")
    assert "800-700-3874" in member_client.get("/").content.decode()
    plan = use_plan("totalcare")
    html = member_client.get("/").content.decode()
    assert plan.member_services.number in html and "800-700-3874" not in html


def test_a_signed_out_page_has_no_account_menu_and_no_time_out(client: Client, member_client: Client) -> None:
    member_client.get("/")  # the signed-in parts are now rendered and kept
    html = client.get("/accounts/login/").content.decode()
    assert "account-menu" not in html and "session-warning" not in html
    assert len(form_fields(html, "csrfmiddlewaretoken")) >= 2, "the language and tools forms still post"
    assert set(form_fields(html, "next")) == {"/accounts/login/"}


def test_arabic_reads_right_to_left_and_english_after_it_left_to_right(member_client: Client) -> None:
    member_client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    arabic = member_client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic and "Member Services" not in arabic
    member_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en" dir="ltr"' in member_client.get("/").content.decode()


def test_staff_are_greeted_by_their_username(client: Client, db: None) -> None:
    staff = User.objects.create_user(username="pat.staff", password="a long password 1", is_staff=True)
    client.force_login(staff)
    html = client.get("/accounts/email/").content.decode()
    assert "Welcome pat.staff" in html
