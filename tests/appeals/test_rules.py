"""The time frames of grievances and appeals (42 CFR 438.408), in the plan's time zone
(TotalCare: America/Los_Angeles), across month ends, a leap day and both DST changes."""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

import pytest

from appeals import rules
from portal.plans import PlanProfile

PACIFIC = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def totalcare(use_plan) -> PlanProfile:  # type: ignore[no-untyped-def]
    plan: PlanProfile = use_plan("totalcare")
    return plan


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PACIFIC)


def test_acknowledgement_is_due_by_the_end_of_the_fifth_day(totalcare: PlanProfile) -> None:
    due = rules.acknowledge_by(at(2026, 1, 28, 16, 30))
    assert due == at(2026, 2, 3)  # across the end of January: the whole of February 2nd
    assert rules.last_day(due) == datetime.date(2026, 2, 2)


def test_a_case_received_late_in_the_evening_counts_from_the_plans_day(totalcare: PlanProfile) -> None:
    # 11:30 pm in California is the next day in UTC: the plan's day decides.
    received = at(2026, 3, 31, 23, 30).astimezone(datetime.UTC)
    assert rules.last_day(rules.acknowledge_by(received)) == datetime.date(2026, 4, 5)


def test_a_standard_appeal_is_resolved_within_30_days_across_a_leap_day(totalcare: PlanProfile) -> None:
    due = rules.appeal_resolve_by(at(2028, 2, 10, 9), expedited=False)
    assert rules.last_day(due) == datetime.date(2028, 3, 11)  # 2028 has February 29th


def test_an_expedited_appeal_counts_72_elapsed_hours_across_the_change_to_daylight_time(
    totalcare: PlanProfile,
) -> None:
    # Clocks go forward on Sunday 8 March 2026: 72 hours after Friday 10 am is Monday 11 am.
    due = rules.appeal_resolve_by(at(2026, 3, 6, 10), expedited=True)
    assert due == at(2026, 3, 9, 11)
    assert due.astimezone(datetime.UTC) - at(2026, 3, 6, 10).astimezone(datetime.UTC) == datetime.timedelta(
        hours=72
    )


def test_an_expedited_appeal_counts_72_elapsed_hours_across_the_change_from_daylight_time(
    totalcare: PlanProfile,
) -> None:
    # Clocks go back on Sunday 1 November 2026: 72 hours after Friday 10 am is Monday 9 am.
    due = rules.appeal_resolve_by(at(2026, 10, 30, 10), expedited=True)
    assert due == at(2026, 11, 2, 9)


def test_a_standard_appeal_ends_at_midnight_whatever_daylight_time_does(totalcare: PlanProfile) -> None:
    due = rules.appeal_resolve_by(at(2026, 10, 20, 12), expedited=False)
    assert due == at(2026, 11, 20)  # midnight Pacific after 19 November, in standard time
    assert due.utcoffset() == datetime.timedelta(hours=-8)


def test_a_grievance_is_resolved_within_90_days(totalcare: PlanProfile) -> None:
    due = rules.grievance_resolve_by(at(2026, 12, 31, 8))
    assert rules.last_day(due) == datetime.date(2027, 3, 31)


def test_a_profile_may_shorten_the_grievance_time_frame(totalcare: PlanProfile) -> None:
    medi_cal = dataclasses.replace(
        totalcare, rules=dataclasses.replace(totalcare.rules, grievance_resolution_days=30)
    )
    due = rules.grievance_resolve_by(at(2026, 1, 31, 8), plan=medi_cal)
    assert rules.last_day(due) == datetime.date(2026, 3, 2)


def test_an_extension_adds_up_to_14_days(totalcare: PlanProfile) -> None:
    due = rules.appeal_resolve_by(at(2026, 2, 20, 9), expedited=False)
    extended = rules.extended_resolve_by(due, 14)
    assert rules.last_day(extended) == datetime.date(2026, 4, 5)
    assert rules.max_extension_days() == 14
    with pytest.raises(ValueError):
        rules.extended_resolve_by(due, 15)
    with pytest.raises(ValueError):
        rules.extended_resolve_by(due, 0)


def test_an_extended_expedited_appeal_keeps_its_wall_clock_time_across_daylight_time(
    totalcare: PlanProfile,
) -> None:
    extended = rules.extended_resolve_by(at(2026, 10, 28, 10), 14)
    assert extended == at(2026, 11, 11, 10)


def test_the_state_hearing_can_be_asked_for_within_120_days_of_the_notice(totalcare: PlanProfile) -> None:
    assert rules.state_hearing_deadline(datetime.date(2026, 1, 31)) == datetime.date(2026, 5, 31)
    assert rules.state_hearing_deadline(datetime.date(2027, 11, 1)) == datetime.date(2028, 2, 29)


def test_a_reversed_denial_is_authorized_within_72_hours(totalcare: PlanProfile) -> None:
    assert rules.overturned_authorize_by(at(2026, 3, 6, 10)) == at(2026, 3, 9, 11)
