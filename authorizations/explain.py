"""Each record as the member reads it: its decision in plain words, when a pending one is due,
and what its actions menu offers. Plain Python over the rows already read: no query."""

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from authorizations.appeals import appeal_url
from authorizations.models import Authorization, Decision
from authorizations.rules import DecisionDue, appeal_window_closes, appeal_window_open, decision_due


@dataclass(frozen=True)
class Shown:
    record: Authorization
    explanation: str
    due: DecisionDue | None  # pending only
    overdue: bool
    appeal_closes: datetime.date | None  # denied or partly denied only
    appeal_open: bool
    appeal_url: str


def _day(day: datetime.date | None) -> str:
    return date_format(day, "DATE_FORMAT") if day else ""


def _units(count: int) -> str:
    return ngettext("%(count)d unit", "%(count)d units", count) % {"count": count}


def explanation(record: Authorization) -> str:
    """What the decision means for the member, in one or two sentences."""
    period = {"start": _day(record.start_date), "end": _day(record.end_date)}
    match record.decision:
        case Decision.APPROVED:
            if record.units_approved and record.start_date and record.end_date:
                return _("The plan approved %(units)s, to be used from %(start)s to %(end)s.") % {
                    "units": _units(record.units_approved),
                    **period,
                }
            if record.start_date and record.end_date:
                return _("The plan approved this service from %(start)s to %(end)s.") % period
            return _("The plan approved this service.")
        case Decision.PARTIALLY_APPROVED:
            approved = _units(record.units_approved or 0)
            asked = _units(record.units_requested or 0)
            return _(
                "The plan approved part of what was asked: %(approved)s of %(asked)s, from %(start)s to "
                "%(end)s. The rest was denied. The plan's reason: %(reason)s"
            ) % {"approved": approved, "asked": asked, "reason": record.denial_reason, **period}
        case Decision.DENIED:
            return _("The plan denied this request. The plan's reason: %(reason)s") % {
                "reason": record.denial_reason
            }
        case Decision.CANCELLED:
            return _("This request was cancelled. Nothing was approved or denied.")
        case Decision.WITHDRAWN:
            return _("Your provider withdrew this request before the plan decided.")
    return _("The plan has not decided yet.")


def shown(record: Authorization, *, now: datetime.datetime, today: datetime.date) -> Shown:
    """`record` with what the page says about it, at `now` (today is the plan's)."""
    due = (
        decision_due(record.requested_date, record.priority) if record.decision == Decision.PENDING else None
    )
    decided = record.decision_date if record.adverse else None
    return Shown(
        record=record,
        explanation=explanation(record),
        due=due,
        overdue=due is not None and due.passed(now),
        appeal_closes=appeal_window_closes(decided) if decided else None,
        appeal_open=decided is not None and appeal_window_open(decided, today),
        appeal_url=appeal_url(record),
    )
