"""The plan's time frames for grievances and appeals, one named function each, in the plan's time
zone (42 CFR 438.408; the profile's rules in portal/plans.py; docs/appeals.md cites each).

A time frame in calendar days ends with the last of them (midnight after it, plan's wall clock);
one in hours is elapsed hours from the moment the case was received, so across a change to or
from daylight saving time it ends an hour off the wall clock's count.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from portal.plans import PlanProfile


def _plan(plan: PlanProfile | None) -> PlanProfile:
    return plan if plan is not None else settings.PLAN


def _zone(plan: PlanProfile | None) -> ZoneInfo:
    return ZoneInfo(_plan(plan).time_zone)


def _end_of_days(start: datetime.datetime, days: int, plan: PlanProfile | None) -> datetime.datetime:
    """The end of the `days`-th calendar day after `start`'s day, in the plan's time zone."""
    zone = _zone(plan)
    last = start.astimezone(zone).date() + datetime.timedelta(days=days + 1)
    return datetime.datetime.combine(last, datetime.time(), tzinfo=zone)


def last_day(due: datetime.datetime, *, plan: PlanProfile | None = None) -> datetime.date:
    """The last day (plan's) on which something due at `due` is on time."""
    return (due.astimezone(_zone(plan)) - datetime.timedelta(microseconds=1)).date()


def acknowledge_by(received_at: datetime.datetime, *, plan: PlanProfile | None = None) -> datetime.datetime:
    """When the plan must have acknowledged a grievance or appeal received at `received_at`: the
    profile's `acknowledge_days` calendar days (42 CFR 438.406(b)(1); 5 by default)."""
    return _end_of_days(received_at, _plan(plan).rules.acknowledge_days, plan)


def appeal_resolve_by(
    received_at: datetime.datetime, *, expedited: bool, plan: PlanProfile | None = None
) -> datetime.datetime:
    """When the plan must resolve an appeal: standard, the profile's `appeal_resolution_days`
    calendar days (42 CFR 438.408(b)(2); 30); expedited, `expedited_appeal_hours` elapsed hours
    (42 CFR 438.408(b)(3); 72)."""
    rules = _plan(plan).rules
    if expedited:
        hours = datetime.timedelta(hours=rules.expedited_appeal_hours)
        return (received_at.astimezone(datetime.UTC) + hours).astimezone(_zone(plan))
    return _end_of_days(received_at, rules.appeal_resolution_days, plan)


def grievance_resolve_by(
    received_at: datetime.datetime, *, plan: PlanProfile | None = None
) -> datetime.datetime:
    """When the plan must resolve a grievance: the profile's `grievance_resolution_days` calendar
    days (42 CFR 438.408(b)(1): at most 90; a state may set fewer)."""
    return _end_of_days(received_at, _plan(plan).rules.grievance_resolution_days, plan)


def max_extension_days(*, plan: PlanProfile | None = None) -> int:
    """The longest extension of a time frame, in calendar days (42 CFR 438.408(c)(1); 14)."""
    return _plan(plan).rules.extension_days


def extended_resolve_by(
    resolve_by: datetime.datetime, days: int, *, plan: PlanProfile | None = None
) -> datetime.datetime:
    """The new deadline after extending one due at `resolve_by` by `days` calendar days (at most
    max_extension_days): the same wall-clock time `days` days later in the plan's time zone."""
    if not 1 <= days <= max_extension_days(plan=plan):
        raise ValueError(f"an extension is 1 to {max_extension_days(plan=plan)} days")
    zone = _zone(plan)
    local = resolve_by.astimezone(zone)
    return datetime.datetime.combine(local.date() + datetime.timedelta(days=days), local.time(), tzinfo=zone)


def state_hearing_deadline(notice_on: datetime.date, *, plan: PlanProfile | None = None) -> datetime.date:
    """The last day (inclusive) to ask for a State Hearing after an appeal decision that upholds
    the denial, noticed on `notice_on`: the profile's `state_hearing_days` calendar days
    (42 CFR 438.408(f)(2); 120)."""
    return notice_on + datetime.timedelta(days=_plan(plan).rules.state_hearing_days)


def overturned_authorize_by(resolved_at: datetime.datetime) -> datetime.datetime:
    """When a reversed denial's services must be authorized, if not furnished while the appeal was
    pending: 72 hours from the decision (42 CFR 438.424(a))."""
    # Elapsed hours: added in UTC (across a daylight-time change the wall clock reads an hour off).
    return (resolved_at.astimezone(datetime.UTC) + datetime.timedelta(hours=72)).astimezone(
        resolved_at.tzinfo
    )
