"""The demo data's calendar: every date seed_demo writes is an offset from one `today`, so the
data is current whenever it is made and the same whenever `--today` is given."""

import datetime


class Calendar:
    """Day and month arithmetic relative to `today`, precomputed for speed.

    A month is counted from year 0 (`year * 12 + month - 1`), so month arithmetic is integer
    arithmetic; the lists cover a century back, older than any member.
    """

    def __init__(self, today: datetime.date) -> None:
        self.today = today
        self.this_month = today.year * 12 + today.month - 1
        self.first_month = self.this_month - 100 * 12
        self._days_ago = [today - datetime.timedelta(days=n) for n in range(92 * 366)]
        self._month_starts = [
            datetime.date(m // 12, m % 12 + 1, 1) for m in range(self.first_month, self.this_month + 2)
        ]

    def days_ago(self, days: int) -> datetime.date:
        return self._days_ago[days]

    def month_start(self, month: int) -> datetime.date:
        return self._month_starts[month - self.first_month]

    def month_end(self, month: int) -> datetime.date:
        return self._month_starts[month + 1 - self.first_month] - datetime.timedelta(days=1)

    @staticmethod
    def month_of(day: datetime.date) -> int:
        return day.year * 12 + day.month - 1
