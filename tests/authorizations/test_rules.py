"""The named rules: when the plan must decide a request, and the last day to appeal a decision,
in the plan's time zone (TotalCare: America/Los_Angeles)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from authorizations.models import Priority
from authorizations.rules import appeal_window_closes, appeal_window_open, decision_due
from portal.plans import PlanProfile

PACIFIC = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def totalcare(use_plan) -> PlanProfile:  # type: ignore[no-untyped-def]
    plan: PlanProfile = use_plan("totalcare")
    return plan


def at(year: int, month: int, day: int, hour: int, minute: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PACIFIC)


def test_a_standard_request_made_on_a_friday_counts_the_weekend(totalcare: PlanProfile) -> None:
    due = decision_due(datetime.date(2026, 3, 13), Priority.STANDARD)  # a Friday
    assert due.last_day == datetime.date(2026, 3, 20)  # the next Friday: calendar days
    assert not due.expedited
    assert not due.passed(at(2026, 3, 20, 23, 59))
    assert due.passed(at(2026, 3, 21, 0, 0))


def test_an_expedited_request_made_on_a_friday_is_due_over_the_weekend(totalcare: PlanProfile) -> None:
    due = decision_due(datetime.date(2026, 5, 8), Priority.EXPEDITED)  # a Friday
    assert due.at == at(2026, 5, 11, 0, 0)  # 72 hours later: Monday at midnight
    assert due.expedited
    assert not due.passed(at(2026, 5, 10, 23, 59))
    assert due.passed(at(2026, 5, 11, 0, 0))


def test_the_time_frames_roll_over_a_month_end(totalcare: PlanProfile) -> None:
    assert decision_due(datetime.date(2026, 1, 28), Priority.STANDARD).last_day == datetime.date(2026, 2, 4)
    assert decision_due(datetime.date(2026, 2, 27), Priority.EXPEDITED).at == at(2026, 3, 2, 0, 0)
    assert decision_due(datetime.date(2026, 12, 29), Priority.STANDARD).last_day == datetime.date(2027, 1, 5)


def test_expedited_hours_are_elapsed_hours_across_daylight_saving_time(totalcare: PlanProfile) -> None:
    # Clocks spring forward on March 8, 2026 in California: 72 hours from midnight on March 7
    # end at 1 a.m. on March 10 by the wall clock; they fall back on November 1.
    spring = decision_due(datetime.date(2026, 3, 7), Priority.EXPEDITED)
    assert spring.at == at(2026, 3, 10, 1, 0)
    elapsed = spring.at.astimezone(datetime.UTC) - at(2026, 3, 7, 0, 0).astimezone(datetime.UTC)
    assert elapsed == datetime.timedelta(hours=72)
    autumn = decision_due(datetime.date(2026, 10, 31), Priority.EXPEDITED)
    assert (autumn.at.day, autumn.at.hour) == (2, 23) and autumn.at.month == 11
    # A standard request's last day is a calendar day whatever the clocks do.
    assert decision_due(datetime.date(2026, 3, 7), Priority.STANDARD).last_day == datetime.date(2026, 3, 14)


def test_the_due_moment_is_in_the_plans_time_zone_not_the_servers(totalcare: PlanProfile) -> None:
    due = decision_due(datetime.date(2026, 6, 1), Priority.STANDARD)
    # The end of June 8 in California is 7 a.m. UTC on June 9.
    assert due.at.astimezone(datetime.UTC) == datetime.datetime(2026, 6, 9, 7, 0, tzinfo=datetime.UTC)
    assert not due.passed(datetime.datetime(2026, 6, 9, 6, 59, tzinfo=datetime.UTC))


def test_the_time_frames_are_the_profiles(totalcare: PlanProfile) -> None:
    assert totalcare.rules.authorization_standard_days == 7
    assert totalcare.rules.authorization_expedited_hours == 72


def test_totalcare_appeals_are_open_65_days_the_last_day_included(totalcare: PlanProfile) -> None:
    decided = datetime.date(2026, 1, 15)
    last_day = appeal_window_closes(decided)
    assert last_day == datetime.date(2026, 3, 21)  # 65 days after January 15
    assert appeal_window_open(decided, last_day)
    assert not appeal_window_open(decided, last_day + datetime.timedelta(days=1))


def test_the_default_window_is_60_days(use_plan) -> None:  # type: ignore[no-untyped-def]
    use_plan("alliance")
    decided = datetime.date(2026, 11, 20)
    assert appeal_window_closes(decided) == datetime.date(2027, 1, 19)  # across the year end
    assert appeal_window_open(decided, datetime.date(2027, 1, 19))
    assert not appeal_window_open(decided, datetime.date(2027, 1, 20))
