"""Every request gets an id: on the request (for the audit trail and error pages) and in the
X-Request-ID response header, so a member reading it from an error page and a line in the audit
trail point at the same request.

The load balancer's X-Request-ID is kept when it looks like an id (8 to 64 letters, digits, dashes),
so the id follows the request across the hops; anything else is replaced, never echoed.
"""

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_WELL_FORMED = re.compile(r"[A-Za-z0-9-]{8,64}")


def request_id_for(request: HttpRequest) -> str:
    given = request.headers.get(HEADER, "")
    return given if _WELL_FORMED.fullmatch(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = request_id_for(request)  # type: ignore[attr-defined]
        response = self.get_response(request)
        response[HEADER] = request.request_id  # type: ignore[attr-defined]
        return response
