"""The one rule for files of dated periods (PCP assignments, care manager assignments): a member's
periods may not overlap, so "who is it on this day" always has one answer. The file's rows are
checked together with the periods already on record, a file row replacing the one on record that
starts on the same day."""

import datetime
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from portal.csvimport.importer import Parsed
from portal.csvimport.reading import RowError
from portal.csvimport.writing import Tally, chunked, upsert

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


def overlaps_with_record(
    model: type[models.Model],
    members: Mapping[str, int],
    rows: Sequence[Parsed[dict[str, Any]]],
    *,
    using: str,
) -> Iterator[RowError]:
    """The overlap errors of a file of `model`'s periods (member_id, effective_from, effective_to)
    against each other and against the periods already on record; `members` maps the file's
    member IDs to the members' keys."""
    by_member: defaultdict[int, Periods] = defaultdict(dict)
    for chunk in chunked(sorted(set(members.values()))):
        on_record = model._default_manager.using(using).filter(member_id__in=chunk)
        for pk, starts, ends in on_record.values_list("member_id", "effective_from", "effective_to"):
            by_member[pk][starts] = (ends, None)
    for row in rows:
        member_pk = members.get(row.record["member_id"])
        if member_pk is not None:
            # The file's row replaces the one on record with the same start.
            by_member[member_pk][row.record["effective_from"]] = (row.record["effective_to"], row.line)
    for periods in by_member.values():
        yield from overlapping(periods)


def upsert_periods(model: type[models.Model], rows: list[dict[str, Any]], *, using: str) -> Tally:
    """Write the periods, keyed on member and start. Closed periods first: the row that ends a
    member's open period must be written before the new open one (the database allows one open
    row per member)."""
    closed = [row for row in rows if row["effective_to"] is not None]
    current = [row for row in rows if row["effective_to"] is None]
    key = ("member_id", "effective_from")
    return Tally.of(
        [*upsert(model, closed, key=key, using=using), *upsert(model, current, key=key, using=using)]
    )
