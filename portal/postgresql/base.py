"""Django's PostgreSQL backend, health-checking a kept connection only after it has been idle.

Django's CONN_HEALTH_CHECKS sends `SELECT 1` before the first query of every request: a round
trip of 0.15 ms (0.10 ms of the worker's CPU) on a floor of about 3 ms a request (docs/
performance.md). What the check catches, a connection the server or a failover dropped, happens
while the connection sits unused; one that answered a moment ago is alive. So a connection is
checked when its previous request began querying DATABASE_HEALTH_CHECK_IDLE seconds ago or more
(1 by default; 0 checks before every request, as Django does). A worker kept busy skips the
round trip; one coming back to a connection after a quiet spell still gets a working one.
"""

import time

from django.conf import settings
from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    health_check_done: bool  # Django's: this request's connection has been checked (or opened)
    # When this connection was opened or a request last began querying on it (time.monotonic()).
    used_at: float | None = None

    def connect(self) -> None:
        super().connect()
        self.used_at = time.monotonic()

    def close_if_health_check_failed(self) -> None:
        # Django calls this before each query; it does its work once per request.
        if self.health_check_done:
            return
        now, used_at = time.monotonic(), self.used_at
        self.used_at = now
        busy = used_at is not None and now - used_at < settings.DATABASE_HEALTH_CHECK_IDLE
        if busy and self.connection is not None:
            self.health_check_done = True
            return
        super().close_if_health_check_failed()
