"""The one rule for files of dated periods (PCP assignments, care manager assignments): a member's
periods may not overlap, so "who is it on this day" always has one answer. The file's rows are
checked together with the periods already on record, a file row replacing the one on record that
starts on the same day."""

import datetime
from collections.abc import Iterator

from django.utils.translation import gettext as _

from portal.csvimport.reading import RowError

# A member's periods by start date: (last day or None when open-ended, file line or None when
# the period is only on record).
type Periods = dict[datetime.date, tuple[datetime.date | None, int | None]]


def overlapping(periods: Periods) -> Iterator[RowError]:
    """An error for each of one member's periods that overlaps an earlier-starting one."""
    reach: tuple[datetime.date, datetime.date | None, int | None] | None = None  # furthest-ending so far
    for starts, (ends, line) in sorted(periods.items()):
        if reach is not None and (reach[1] is None or reach[1] >= starts):
            earlier_start, _earlier_end, earlier_line = reach
            if line is not None:
                overlaps = (
                    _("period overlaps line %(line)d") % {"line": earlier_line}
                    if earlier_line
                    else _("period overlaps the assignment on record from %(date)s") % {"date": earlier_start}
                )
                yield RowError(line, f"effective_from: {overlaps}")
            elif earlier_line is not None:
                overlaps = _("period overlaps the assignment on record from %(date)s") % {"date": starts}
                yield RowError(earlier_line, f"effective_to: {overlaps}")
        if reach is None or (reach[1] is not None and (ends is None or ends > reach[1])):
            reach = (starts, ends, line)
