"""Real brokers and a real worker, for the tests of what Celery does (the outbox, the faults, the
import task); the fixtures that use them are in tests/conftest.py.

The Celery worker runs in a thread of the test process (celery.contrib.testing), consuming from
the Redis named by REDIS_URL or from a private redis-server a test starts and stops itself.
Emails it sends land in django.core.mail.outbox (Django's test mailer), or in a local SMTP server.
"""

import json
import socket
import subprocess
import time
from base64 import b64decode
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import kombu.pools
import redis
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from celery.worker import WorkController
from django.db import connections

from portal.celery import app as celery_app

REDIS_SERVER = "/usr/bin/redis-server"


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll until `condition()` is true; False if it never was within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def run_queued_tasks(broker: redis.Redis) -> list[str]:
    """Do what a worker does with each task waiting on `broker`, in this thread; their names.

    For tests that move time with time_machine, which a worker thread would not follow reliably.
    """
    names = []
    while isinstance(raw := broker.rpop("celery"), bytes):
        message = json.loads(raw)
        args, kwargs, _ = json.loads(b64decode(message["body"]))
        name = message["headers"]["task"]
        celery_app.tasks[name](*args, **kwargs)
        names.append(name)
    return names


def _reset_producers() -> None:
    # The app caches its broker connection pool and producer pool, and kombu keeps them in a
    # process-wide registry; after the broker URL changes both must be built again
    # (celery/app/base.py: Celery._after_fork does the same for the app's own references).
    kombu.pools.reset()
    celery_app._pool = None  # type: ignore[attr-defined]
    celery_app.amqp._producer_pool = None  # type: ignore[attr-defined]


@contextmanager
def celery_broker(url: str) -> Iterator[None]:
    saved = celery_app.conf.broker_url
    celery_app.conf["broker_url"] = url
    _reset_producers()
    try:
        yield
    finally:
        celery_app.conf["broker_url"] = saved
        _reset_producers()


def _close_worker_db_connections(**kwargs: Any) -> None:
    # Each task runs in the worker's thread, with that thread's own database connection; close
    # it so the test database can be flushed and dropped.
    connections.close_all()


@contextmanager
def celery_worker() -> Iterator[WorkController]:
    """A Celery worker thread on the app's current broker, with an empty queue."""
    assert not celery_app.conf.task_always_eager, "the worker tests need a real broker"
    celery_app.control.purge()  # messages other tests left for ids that no longer exist
    task_postrun.connect(_close_worker_db_connections, weak=False)
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING") as w:
            yield w
    finally:
        task_postrun.disconnect(_close_worker_db_connections)


class RedisServer:
    """A private redis-server on its own port, which a test may stop and start again."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        assert wait_for(self._answers(client), timeout=10), "redis-server did not start"

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    @staticmethod
    def _answers(client: redis.Redis) -> Callable[[], bool]:
        def ping() -> bool:
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                return False

        return ping
