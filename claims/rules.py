"""The claims pages' date rules, in the plan's calendar (portal.clock.plan_today)."""

import datetime

from django.conf import settings

# The list shows the last year's claims unless the member asks for other dates.
DEFAULT_MONTHS = 12


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the month's last day when it is shorter: Feb. 28 for Mar. 31)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def claims_default_from(today: datetime.date) -> datetime.date:
    """The first service day the list shows when no From date is given: a year ago, after today's date."""
    return months_before(today, DEFAULT_MONTHS) + datetime.timedelta(days=1)


def claims_earliest(today: datetime.date) -> datetime.date:
    """The earliest service day the portal shows (the plan's claims_history_months)."""
    return months_before(today, settings.PLAN.rules.claims_history_months) + datetime.timedelta(days=1)


def appeal_deadline(decided_on: datetime.date) -> datetime.date:
    """The last day to appeal a denial decided on `decided_on` (the plan's appeal_window_days)."""
    return decided_on + datetime.timedelta(days=settings.PLAN.rules.appeal_window_days)
