"""Secure messages' fixtures: the TotalCare profile, a fixed clock, attachments in a temporary
folder, the member's care manager."""

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from members.models import Member, User
from tests.care.factories import make_care_manager
from tests.inbox.factories import assign

NOW = datetime.datetime(2026, 3, 2, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _totalcare(use_plan: object) -> None:
    use_plan("totalcare")  # type: ignore[operator]


@pytest.fixture(autouse=True)
def _march() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def _attachment_files(settings: object, tmp_path: Path) -> None:
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "inbox": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }


@pytest.fixture
def care_manager(member: Member) -> User:
    """María Souza, the member's care manager since January."""
    user = make_care_manager(phone="+18335309016")
    assign(member, user, datetime.date(2026, 1, 1))
    return user
