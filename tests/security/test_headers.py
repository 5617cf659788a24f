"""Response headers a security review checks: CSP without inline script (the admin included),
no-store on every signed-in page and PDF, no framing, no sniffing, a same-origin referrer, the
production cookies and HSTS, and no cookie that carries a message."""

import datetime
import json
import re

import pytest
import time_machine
from django.test import Client

from members.models import Member
from providers.models import PcpChangeRequest
from tests.production import production_env, run
from tests.providers.pcp_factories import make_provider
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


def permissions_policy(response: object) -> dict[str, str]:
    """Feature → allowlist, from the Permissions-Policy header."""
    header = response["Permissions-Policy"]  # type: ignore[index]
    return dict(part.strip().split("=", 1) for part in header.split(","))


POWERFUL_FEATURES = {
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "serial",
    "hid",
    "bluetooth",
    "midi",
}


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",  # a page
        "/",  # a redirect to the log-in page
        "/no-such-page/",  # the 404 page
        "/static/css/portal.css",  # a static file, served before any view
        "/admin/login/",
    ],
)
def test_every_response_turns_off_the_powerful_features(client: Client, url: str) -> None:
    policy = permissions_policy(client.get(url))
    assert {name: policy[name] for name in POWERFUL_FEATURES} == dict.fromkeys(POWERFUL_FEATURES, "()")
    # Passkeys (WebAuthn) stay possible for the portal itself, and nothing is open to other sites.
    assert policy["publickey-credentials-get"] == "(self)"
    assert set(policy.values()) == {"()", "(self)"}


def test_signed_in_pages_and_the_pdf_carry_the_permissions_policy(
    member_client: Client, member_a: Member
) -> None:
    for url in ("/profile/", "/profile/id-cards/print/"):
        assert permissions_policy(member_client.get(url))["camera"] == "()", url


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


def test_a_message_that_names_the_new_pcp_never_reaches_a_cookie(
    member_client: Client, member_a: Member
) -> None:
    doctor = make_provider(first_name="Chloë", last_name="Adams")
    response = member_client.post(
        "/providers/change/reason/", {"provider": doctor.pk, "reason": "member_request"}
    )
    assert response.status_code == 302 and PcpChangeRequest.objects.filter(new_provider=doctor).exists()
    page = member_client.get(response["Location"])

    assert "Chloë Adams will be your primary care provider starting" in page.content.decode()
    for sent in (response, page):
        assert set(sent.cookies) <= {"sessionid", "csrftoken"}, "only the session and CSRF cookies"


def test_the_idle_log_out_notice_survives_in_the_new_session(member_client: Client, member_a: Member) -> None:
    # The session is flushed at log-out; the notice is kept in the new, anonymous one.
    start = datetime.datetime.now(tz=datetime.UTC)
    with time_machine.travel(start, tick=False):
        assert member_client.get("/profile/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        response = member_client.get("/profile/", follow=True)
    assert "For your security, you were logged out. Please log in again." in response.content.decode()
    assert "messages" not in response.cookies


def test_the_language_cookie_is_first_party_and_out_of_scripts_reach(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/terms/"})
    cookie = response.cookies["django_language"]
    assert cookie.value == "es"
    assert (cookie["samesite"], cookie["httponly"], cookie["secure"]) == ("Lax", True, "")


def test_in_production_the_language_cookie_is_https_only() -> None:
    code = (
        "import django; django.setup(); from django.test import Client;"
        "r = Client(HTTP_HOST='portal.example.org').post("
        "'/i18n/setlang/', {'language': 'es', 'next': '/terms/'}, secure=True);"
        "print(r.cookies['django_language'].OutputString())"
    )
    result = run(["-c", code], production_env())
    assert result.returncode == 0, result.stderr
    flags = {part.strip().lower() for part in result.stdout.strip().split(";")}
    assert {"django_language=es", "secure", "httponly", "samesite=lax"} <= flags
