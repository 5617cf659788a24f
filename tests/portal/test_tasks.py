"""Periodic tasks: expired sessions are cleared, on beat's schedule next to the outbox sweep."""

import datetime
import importlib

import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from members import rules
from members.models import Member
from portal.celery import app as celery_app
from portal.tasks import clear_sessions
from tests.members.flows import (
    RECOVER,
    details,
)

START = datetime.datetime(2026, 9, 15, 9, 0, tzinfo=datetime.UTC)


def test_expired_sessions_are_cleared(member_client: Client, member: Member) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        member_client.get("/")
        for _ in range(3):
            Client().post(RECOVER, details(member, False, True))  # anonymous, for a password reset
        assert Session.objects.count() == 4
        traveller.shift(rules.CODE_LIFETIME + datetime.timedelta(minutes=1))
        clear_sessions.apply()  # as the worker runs it
        assert Session.objects.count() == 1, "the reset sessions ended with their codes"
        traveller.shift(rules.SESSION_ABSOLUTE_LIMIT)
        clear_sessions.apply()
    assert not Session.objects.exists()


def test_beat_runs_the_periodic_tasks() -> None:
    for module in ["portal.tasks", "members.tasks", "outbox.tasks"]:
        importlib.import_module(module)
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["clear-sessions"] == {"task": "portal.tasks.clear_sessions", "schedule": 3600.0}
    assert schedule["recovery-sweep"]["schedule"] == 60.0
    for entry in schedule.values():
        assert entry["task"] in celery_app.tasks, entry
