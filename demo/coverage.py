"""Demo coverage spans: for each member one current, open-ended span and 0 to 3 earlier ones.

Spans start on the first of a month and end on a month's last day, sometimes with gaps between
them, never before the member's birth month; some members over 65 are dual eligible.
"""

import datetime
import itertools
import random
from typing import Any

from django.db import models

from coverage.models import Coverage
from demo.dates import Calendar

COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Coverage: ("member_id", "program", "plan", "effective_date", "end_date"),
}

_PAST_COVERAGE_WEIGHTS = list(itertools.accumulate([30, 35, 25, 10]))


class CoverageRows:
    """Coverage rows, a member at a time, waiting to be written."""

    def __init__(self, rng: random.Random, calendar: Calendar) -> None:
        self.rng = rng
        self.calendar = calendar
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {Coverage: []}

    def add(self, member_pk: int, date_of_birth: datetime.date, *, demo: bool) -> int:
        """Add one open span and 0 to 3 earlier, ended ones; return the current span's month."""
        rng, calendar, rows = self.rng, self.calendar, self.rows[Coverage]
        born = calendar.month_of(date_of_birth)
        this_month = calendar.this_month
        start = max(born, this_month - (30 if demo else rng.randint(1, 120)))
        age = (this_month - born) // 12
        plan = "Alliance Medi-Cal Dual Eligible" if age >= 65 and rng.random() < 0.5 else "Alliance Medi-Cal"
        rows.append((member_pk, "Medi-Cal", plan, calendar.month_start(start), None))
        past = 2 if demo else rng.choices(range(4), cum_weights=_PAST_COVERAGE_WEIGHTS)[0]
        end = start - 1
        for _ in range(past):
            end -= rng.randint(0, 12)  # a gap in coverage, or none
            begin = end - rng.randint(2, 36) + 1
            if begin < born or end < begin:
                break
            rows.append(
                (
                    member_pk,
                    "Medi-Cal",
                    "Alliance Medi-Cal",
                    calendar.month_start(begin),
                    calendar.month_end(end),
                )
            )
            end = begin - 1
        return start
