"""manage.py import_alerts: the plan's alerts, in the portal's own translated words."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from eligibility.models import Alert
from members.models import Member
from tests.csv_import import Run, run_import, write_csv

HEADER = "member_id,alert_id,kind,message_key,due_date,resolved_date"
RENEWAL = "A001,AL-1,action,renewal_due,2026-12-31,"
NOTICE = "A001,AL-2,Event,NEW NOTICE,,"

pytestmark = pytest.mark.usefixtures("import_database")


@pytest.fixture(autouse=True)
def member(import_database: str, make_member: Callable[..., Member]) -> Member:
    return make_member(member_id="A001")


def import_alerts(tmp_path: Path, *rows: str) -> Run:
    return run_import("import_alerts", write_csv(tmp_path, HEADER, *rows))


def test_alerts_are_created_and_resolved_by_a_later_file(tmp_path: Path, member: Member) -> None:
    assert "alerts: 2 created, 0 updated, 0 unchanged" in import_alerts(tmp_path, RENEWAL, NOTICE).out
    renewal = member.alerts.get(alert_id="AL-1")
    assert (renewal.kind, renewal.message_key, renewal.due_date) == (
        "action",
        "renewal_due",
        datetime.date(2026, 12, 31),
    )
    assert member.alerts.get(alert_id="AL-2").message_key == "new_notice"

    run = import_alerts(tmp_path, RENEWAL + "2026-11-02", NOTICE)

    assert "0 created, 1 updated, 1 unchanged" in run.out
    assert member.alerts.get(alert_id="AL-1").resolved_date == datetime.date(2026, 11, 2)


def test_an_unknown_kind_or_message_is_an_error_and_nothing_is_imported(tmp_path: Path) -> None:
    run = import_alerts(
        tmp_path,
        RENEWAL,
        "A001,AL-3,reminder,renewal_due,,",
        "A001,AL-4,action,Please call us about your case,,",
        "A001,AL-5,action,,,",
        "A404,AL-6,action,renewal_due,,",
        RENEWAL,
    )

    assert run.failed
    assert "line 3: kind: not one of action, event" in run.err
    assert "line 4: message_key: not one of renewal due, proof of income" in run.err
    assert "line 5: message_key: required" in run.err
    assert "line 6: member_id: no such member on record" in run.err
    assert "line 7: alert_id: same as line 2" in run.err
    # The message names the allowed keys, never the text the file had.
    assert "Please call us" not in run.err
    assert not Alert.objects.exists()
