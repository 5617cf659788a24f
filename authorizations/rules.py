"""The plan's rules about authorizations, one named function each, in the plan's time zone.

Services, selectors, views and templates call them; a template gets the value, never a number.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from authorizations.models import Priority
from portal.plans import PlanProfile


@dataclass(frozen=True)
class DecisionDue:
    """When the plan must decide a request: `at` is the moment the time frame ends, in the
    plan's time zone. A standard request's frame ends with its last calendar day (`last_day`);
    an expedited one's after so many hours, so its time matters too."""

    at: datetime.datetime
    expedited: bool

    @property
    def last_day(self) -> datetime.date:
        """The last day the decision is on time."""
        return (self.at - datetime.timedelta(microseconds=1)).date()

    def passed(self, now: datetime.datetime) -> bool:
        return now >= self.at


def _plan(plan: PlanProfile | None) -> PlanProfile:
    return plan if plan is not None else settings.PLAN


def decision_due(
    requested_on: datetime.date, priority: str, *, plan: PlanProfile | None = None
) -> DecisionDue:
    """When the plan must decide a request made on `requested_on` (CMS-0057-F time frames, the
    profile's `authorization_expedited_hours` and `authorization_standard_days`).

    The file gives the day of the request, not its hour, so the request counts from the start of
    that day in the plan's time zone: the earliest the clock can have started, never later than
    the plan's own. Expedited: that many elapsed hours (across a change to or from daylight
    saving time the wall clock reads an hour off midnight). Standard: that many calendar days,
    weekends and holidays included, to the end of the last one.
    """
    profile = _plan(plan)
    zone = ZoneInfo(profile.time_zone)
    start = datetime.datetime.combine(requested_on, datetime.time(), tzinfo=zone)
    if priority == Priority.EXPEDITED:
        hours = datetime.timedelta(hours=profile.rules.authorization_expedited_hours)
        # Elapsed hours: add them in UTC, then read the plan's wall clock.
        return DecisionDue((start.astimezone(datetime.UTC) + hours).astimezone(zone), expedited=True)
    end = requested_on + datetime.timedelta(days=profile.rules.authorization_standard_days + 1)
    return DecisionDue(datetime.datetime.combine(end, datetime.time(), tzinfo=zone), expedited=False)


def appeal_window_closes(decision_date: datetime.date, *, plan: PlanProfile | None = None) -> datetime.date:
    """The last day (inclusive, in the plan's time zone) a member may appeal a decision made on
    `decision_date`: the profile's `appeal_window_days` calendar days after it (42 CFR
    438.402(c)(2)(ii): 60 by default; TotalCare's 65)."""
    return decision_date + datetime.timedelta(days=_plan(plan).rules.appeal_window_days)


def appeal_window_open(
    decision_date: datetime.date, today: datetime.date, *, plan: PlanProfile | None = None
) -> bool:
    """Whether a decision made on `decision_date` can still be appealed on `today` (the plan's)."""
    return today <= appeal_window_closes(decision_date, plan=plan)
