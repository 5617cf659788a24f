"""The plan's calendar: today's date where the plan is, not where the server is."""

import datetime

from django.utils import timezone


def plan_today() -> datetime.date:
    """Today in the plan's time zone (settings.TIME_ZONE); coverage and PCP dates are such days."""
    return timezone.localdate()


def first_of_next_month(day: datetime.date) -> datetime.date:
    """The first day of the month after `day` (December rolls into January of the next year)."""
    if day.month == 12:
        return datetime.date(day.year + 1, 1, 1)
    return datetime.date(day.year, day.month + 1, 1)
