"""The import task: a Celery worker imports a stored file named by path, given only an importer's
name and that path (no member data on the broker), and logs what it found without cell values."""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from members.models import Member
from portal.tasks import import_csv_file
from providers.models import Provider
from tests.brokers import wait_for
from tests.csv_import import SAMPLES, write_csv

HEADER = (
    "member_id,first_name,last_name,date_of_birth,sex,preferred_language,head_of_household_id,"
    "address_line1,address_line2,city,state,zip,county,phone,email"
)
ZOE = "M003,Zoë,O'Connor-Lee,1990-11-30,f,EN,,,,,,,Mariposa,,"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_imports_the_stored_file(worker: Callable[[], AbstractContextManager[Any]]) -> None:
    with worker():
        import_csv_file.delay("providers", str(SAMPLES / "providers.csv"))

        assert wait_for(lambda: Provider.objects.count() == 6), "the worker did not import the file"


def test_the_task_returns_the_report_as_plain_data(tmp_path: Path, db: None) -> None:
    path = write_csv(tmp_path, HEADER, ZOE)

    result = import_csv_file.apply(args=("members", str(path))).get()

    assert result == {
        "importer": "members",
        "dry_run": False,
        "ok": True,
        "problems": [],
        "checked": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
    }
    assert Member.objects.get().first_name == "Zoë"


def test_a_dry_run_task_writes_nothing(tmp_path: Path, db: None) -> None:
    path = write_csv(tmp_path, HEADER, ZOE)

    result = import_csv_file.apply(args=("members", str(path)), kwargs={"dry_run": True}).get()

    assert (result["ok"], result["created"]) == (True, 1)
    assert not Member.objects.exists()


def test_bad_rows_are_logged_by_line_without_their_values(
    tmp_path: Path, db: None, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_csv(tmp_path, HEADER, ZOE.replace("1990-11-30", "1990-02-30"), ZOE.replace("M003", "M004"))

    with caplog.at_level(logging.INFO, logger="portal.tasks"):
        result = import_csv_file.apply(args=("members", str(path))).get()

    assert not result["ok"]
    assert result["problems"] == ["line 2: date_of_birth: not a date in YYYY-MM-DD form"]
    assert [record.getMessage() for record in caplog.records if record.name == "portal.tasks"] == [
        f"import members from {path}: line 2: date_of_birth: not a date in YYYY-MM-DD form",
        f"import members from {path}: 1 row(s) with errors; nothing was imported.",
    ]
    assert "Zoë" not in caplog.text and "1990-02-30" not in caplog.text
    assert not Member.objects.exists()


def test_an_unknown_importer_or_a_missing_file_fails_the_task(tmp_path: Path, db: None) -> None:
    with pytest.raises(LookupError):
        import_csv_file.apply(args=("appeals", str(SAMPLES / "members.csv"))).get()
    with pytest.raises(FileNotFoundError):
        import_csv_file.apply(args=("members", str(tmp_path / "absent.csv"))).get()
