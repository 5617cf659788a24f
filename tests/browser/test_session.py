"""The session time-out as a member meets it: a warning two minutes before the 15-minute idle
limit ("Stay logged in" keeps the session), and after the limit the next page is the log-in page.

The browser's clock is Playwright's fake one; the server's idle limit is reached by ageing the
session's last-seen time in the session store, which is what 15 idle minutes would leave there.
"""

import time
from typing import Any

from django.contrib.sessions.backends.cached_db import SessionStore

from members import rules
from members.sessions import SEEN_KEY
from tests.browser.conftest import LogIn
from tests.browser.pages import Checker


def test_session_time_out(page: Any, check: Checker, log_in: LogIn) -> None:
    page.clock.install()
    log_in()
    page.goto("/coverage/")
    dialog = page.get_by_role("dialog", name="Are you still there?")
    assert not dialog.is_visible()

    page.clock.fast_forward("13:01")
    dialog.wait_for()
    check("session-warning")
    dialog.get_by_role("button", name="Stay logged in").click()
    page.get_by_role("heading", name="Insurance").wait_for()
    assert not dialog.is_visible()
    assert page.url.endswith("/coverage/"), "Stay logged in did not bring the member back to the page"

    [cookie] = [c for c in page.context.cookies() if c["name"] == "sessionid"]
    session = SessionStore(session_key=cookie["value"])
    session[SEEN_KEY] = int(time.time() - rules.SESSION_IDLE_LIMIT.total_seconds()) - 60
    session.save()

    page.reload()
    page.get_by_text("For your security, you were logged out. Please log in again.").wait_for()
    assert "/accounts/login/" in page.url
    check("timed-out", title="Member Online Account")
