"""The portal's error pages: its own layout and language, a reference number, never a stack trace.

Each page shows the request id (portal/request_id.py), which is also in the X-Request-ID header
and the audit trail, so Member Services can find the request a member calls about. The 500 and
400 pages are rendered from a standalone template with only what is passed here: after a
failure the context processors, the database or the session may be what broke.
"""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import loader

from portal.plans import plan_context


def _request_id(request: HttpRequest) -> str:
    return str(getattr(request, "request_id", ""))


def _standalone(request: HttpRequest, template: str, status: int) -> HttpResponse:
    context = {"request_id": _request_id(request), **plan_context(settings.PLAN)}
    # No request: the page must render even when the request's own machinery failed.
    body = loader.get_template(template).render(context)
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _standalone(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"request_id": _request_id(request)}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # The reason is for developers; the member gets the ordinary 403 page.
    return permission_denied(request)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"request_id": _request_id(request)}, status=404)


def too_many_requests(request: HttpRequest, *, retry_after: int | None = None) -> HttpResponse:
    """429 in the portal's layout and language, saying when to try again (also in Retry-After).

    Also the page allauth renders for its own rate limits (as templates/429.html, without a wait).
    """
    minutes = math.ceil(retry_after / 60) if retry_after else None
    response = render(
        request, "429.html", {"request_id": _request_id(request), "retry_after_minutes": minutes}, status=429
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    return _standalone(request, "500.html", 500)
