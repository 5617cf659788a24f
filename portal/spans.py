"""Dated spans: records in effect from a first day to a last day, both inclusive.

Coverage spans, PCP assignments and the next sections' spans (eligibility, care manager
assignments) are all days in the plan's time zone with an optional last day (none: open-ended).
"In effect on a day" is this one rule, as a queryset method for the database and a function for a
row already read; the ID card's SQL (idcards/cards.py) restates it and is checked against it.
"""

import datetime
from typing import ClassVar, Self

from django.db import models


def in_effect_on(first: datetime.date, last: datetime.date | None, day: datetime.date) -> bool:
    """True if a span from `first` to `last` (None: open-ended) covers `day`."""
    return first <= day and (last is None or last >= day)


class DatedSpanQuerySet[M: models.Model](models.QuerySet[M]):
    """A queryset of spans; subclasses name the model's first-day and last-day fields."""

    first_day_field: ClassVar[str]
    last_day_field: ClassVar[str]

    def in_effect_on(self, day: datetime.date) -> Self:
        """Spans in effect on `day`: started, and not yet ended."""
        return self.filter(**{f"{self.first_day_field}__lte": day}).not_ended_on(day)

    def not_ended_on(self, day: datetime.date) -> Self:
        """Spans whose last day is `day` or later, or that have none (started or not)."""
        last = self.last_day_field
        return self.filter(models.Q(**{f"{last}__isnull": True}) | models.Q(**{f"{last}__gte": day}))

    def overlapping(self, first: datetime.date, last: datetime.date | None) -> Self:
        """Spans sharing at least one day with the span from `first` to `last` (None: open-ended)."""
        shared = self.not_ended_on(first)
        return shared if last is None else shared.filter(**{f"{self.first_day_field}__lte": last})

    def ended_before(self, day: datetime.date) -> Self:
        """Spans whose last day is before `day`."""
        return self.filter(**{f"{self.last_day_field}__lt": day})
