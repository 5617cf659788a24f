"""Response headers a security review checks: CSP without inline script (the admin included),
no-store on every signed-in page and PDF, no framing, no sniffing, a same-origin referrer, and
the production cookies and HSTS."""

import json
import re

import pytest
from django.test import Client

from members.models import Member
from tests.production import production_env, run
from tests.security.conftest import staff_client

pytestmark = pytest.mark.django_db

CSP_DIRECTIVES = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
}


def inline_scripts(html: str) -> list[str]:
    """Script elements with code in them (a JSON data block is data, which CSP does not run)."""
    found = []
    for attributes, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.DOTALL):
        if "application/json" in attributes:
            continue
        if "src=" not in attributes or body.strip():
            found.append(attributes + body)
    return found


def csp(response: object) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}  # type: ignore[index]


@pytest.mark.parametrize("url", ["/accounts/login/", "/terms/", "/accounts/create/", "/admin/login/"])
def test_public_pages_carry_the_security_headers(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert csp(response) == CSP_DIRECTIVES
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "url", ["/", "/profile/", "/profile/activity/", "/coverage/", "/providers/", "/profile/id-cards/"]
)
def test_signed_in_pages_are_never_stored(member_client: Client, member_a: Member, url: str) -> None:
    response = member_client.get(url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control
    assert csp(response) == CSP_DIRECTIVES


def test_the_id_card_pdf_is_never_stored(member_client: Client, member_a: Member) -> None:
    response = member_client.get("/profile/id-cards/print/")
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_a_public_page_may_be_cached_by_the_browser(client: Client) -> None:
    assert "no-store" not in client.get("/terms/").get("Cache-Control", "")


def test_admin_pages_for_staff_are_never_stored_and_keep_the_csp(db: None) -> None:
    staff = staff_client("rosa.agent")
    response = staff.get("/admin/members/member/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert csp(response) == CSP_DIRECTIVES


@pytest.mark.parametrize("url", ["/", "/profile/", "/coverage/", "/providers/change/?last_name=Gar"])
def test_member_pages_have_no_inline_script_or_style(
    member_client: Client, member_a: Member, url: str
) -> None:
    html = member_client.get(url).content.decode()
    assert inline_scripts(html) == []
    assert " style=" not in html and "<style" not in html
    assert " onclick=" not in html and " onload=" not in html


def test_the_admin_change_page_has_no_inline_script(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    staff = staff_client("rosa.agent")
    html = staff.get(f"/admin/members/member/{member.pk}/change/").content.decode()
    assert html.count("<script") > 3, "the admin's own scripts are there, as files"
    assert inline_scripts(html) == []
    assert " onclick=" not in html


def test_production_settings_make_secure_host_cookies_and_a_year_of_hsts() -> None:
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        "s.SESSION_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        "s.SECURE_SSL_REDIRECT]))"
    )
    result = run(["-c", code], production_env())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "__Host-sessionid",
        "__Host-csrftoken",
        True,
        True,
        True,
        365 * 24 * 60 * 60,
        True,
        True,
    ]
