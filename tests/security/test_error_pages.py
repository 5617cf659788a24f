"""Error pages with DEBUG off: the portal's layout and language, a reference number (the request
id, also in X-Request-ID), and never a stack trace or a setting."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


def _boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret-internal-detail /work/main/settings.py")


def _forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def _suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("tampered")


urlpatterns = [
    path("boom/", _boom),
    path("forbidden/", _forbidden),
    path("suspicious/", _suspicious),
    *portal_urlpatterns,
]
handler400 = "portal.error_views.bad_request"
handler403 = "portal.error_views.permission_denied"
handler404 = "portal.error_views.page_not_found"
handler500 = "portal.error_views.server_error"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.security.test_error_pages"),
]


def no_leak(html: str) -> None:
    assert "Traceback" not in html and "secret-internal-detail" not in html
    assert "settings.py" not in html and "DEBUG" not in html


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/boom/", 500, "Something went wrong"),
        ("/forbidden/", 403, "You cannot do that here"),
        ("/suspicious/", 400, "We could not read that request"),
        ("/no-such-page/", 404, "Page not found"),
    ],
)
@override_settings(DEBUG=False)
def test_error_pages_show_a_reference_and_no_detail(url: str, status: int, heading: str) -> None:
    client = Client(raise_request_exception=False)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in html
    assert response["X-Request-ID"] in html, "the page shows the request's reference"
    no_leak(html)


@override_settings(DEBUG=False)
def test_a_members_404_keeps_the_portal_layout(member_client: Client) -> None:
    response = member_client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'href="/profile/"' in html, "the signed-in member keeps their navigation"


@override_settings(DEBUG=False, LANGUAGE_CODE="es")
def test_the_500_page_is_in_the_members_language() -> None:
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="es")
    html = client.get("/boom/").content.decode()
    assert 'lang="es"' in html


@override_settings(DEBUG=False)
def test_a_csrf_failure_is_the_portals_403() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"login": "x", "password": "y"})
    assert response.status_code == 403
    assert "<h1>You cannot do that here</h1>" in response.content.decode()


@override_settings(DEBUG=False)
def test_a_bad_host_header_is_one_warning_line_without_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    # What a scanner sends: the portal's name nowhere, someone else's in the Host header.
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            response = Client().get("/accounts/login/", headers={"host": "evil.example"})
            assert response.status_code == 400
    assert "Traceback" not in caplog.text
    records = [r for r in caplog.records if r.name.startswith("django.security")]
    assert [(r.name, r.levelname) for r in records] == [("django.security.DisallowedHost", "WARNING")] * 3
    # As the console handler (standard error, production's log) writes it: one line each.
    console = logging.getHandlerByName("console")
    assert console is not None
    line = console.format(records[0])
    assert "\n" not in line and "Traceback" not in line
    assert line.endswith(
        "WARNING django.security.DisallowedHost Invalid HTTP_HOST header: 'evil.example'. "
        "You may need to add 'evil.example' to ALLOWED_HOSTS."
    )
