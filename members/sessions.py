"""Member sessions end after a while without activity and a while after log-in
(members/rules.py: SESSION_IDLE_LIMIT and SESSION_ABSOLUTE_LIMIT).

Django already gives a new session id at log-in and deletes the session on the server at
log-out; this middleware adds the two time limits a health plan's security policy asks for.
"""

import time
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from members import rules

# Writing the session on every request would cost a database write per page; a minute of
# slack on the idle limit does not matter.
TOUCH_EVERY_SECONDS = 60

STARTED_KEY = "auth_started_at"
SEEN_KEY = "auth_seen_at"


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = int(time.time())
        session = request.session
        if request.user.is_authenticated:
            started, seen = session.get(STARTED_KEY, now), session.get(SEEN_KEY, now)
            idle, absolute = rules.SESSION_IDLE_LIMIT, rules.SESSION_ABSOLUTE_LIMIT
            if now - seen > idle.total_seconds() or now - started > absolute.total_seconds():
                logout(request)
                messages.info(request, _("For your security, you were logged out. Please log in again."))
                return redirect_to_login(request.get_full_path())
        response = self.get_response(request)
        # After the view, so the log-in request itself starts the clocks.
        if request.user.is_authenticated:
            session.setdefault(STARTED_KEY, now)
            if now - session.get(SEEN_KEY, 0) >= TOUCH_EVERY_SECONDS:
                session[SEEN_KEY] = now
        return response
