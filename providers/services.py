"""Change PCP: the one way a member's primary care provider changes from the portal.

A change takes effect on the first day of the next month in the plan's time zone. It is written
as PcpAssignment rows (what the plan's systems read) plus a PcpChangeRequest (what staff see),
together with the confirmation email, in one transaction that holds the member's row lock, so
two changes racing each other run one after the other and leave one consistent history.
"""

import datetime

from django.db import transaction
from django.utils.functional import Promise

from members.models import ContactEmail, Member, User, email_language
from outbox.services import email_queue
from portal.clock import plan_today
from portal.spans import in_effect_on
from providers.models import PcpAssignment, PcpChangeReason, PcpChangeRequest, PcpChangeStatus, Provider
from providers.rules import pcp_effective_date
from providers.selectors import pcp_refusal


class PcpChangeRefused(Exception):
    """The provider cannot be the member's PCP; `message` says why, in the member's words."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = message


@transaction.atomic
def pcp_change_request(
    *, member: Member, provider: Provider, reason: str, requested_by: User | None = None
) -> PcpChangeRequest:
    """Make `provider` the member's PCP from the first day of next month; return the request.

    A change made before that day replaces the pending one. Asking again for the provider that
    is already pending (a double-submitted Save) returns the existing request and sends nothing.
    Raises PcpChangeRefused for the current PCP, or a provider who is not primary care, not
    accepting new patients, or outside the member's county.
    """
    if reason not in PcpChangeReason.values:
        raise ValueError(f"unknown PCP change reason {reason!r}")
    # Every change for this member waits here for the one before it to commit.
    member = Member.objects.select_for_update(of=("self",)).select_related("user").get(pk=member.pk)
    today = plan_today()
    effective = pcp_effective_date(today)

    live = PcpChangeRequest.objects.filter(
        member=member, status=PcpChangeStatus.REQUESTED, effective_date__gt=today
    )
    repeated = live.filter(new_provider=provider, effective_date=effective).first()
    if repeated is not None:
        return repeated

    assignments = list(
        PcpAssignment.objects.filter(member=member).not_ended_on(today).order_by("effective_from")
    )
    current = next(
        (row for row in assignments if in_effect_on(row.effective_from, row.effective_to, today)), None
    )
    refusal = pcp_refusal(
        member=member, provider=provider, current_provider_id=current.provider_id if current else None
    )
    if refusal is not None:
        raise PcpChangeRefused(refusal)

    # A change not yet in effect is replaced, not stacked: only the latest choice starts.
    PcpAssignment.objects.filter(member=member, effective_from__gt=today).delete()
    live.update(status=PcpChangeStatus.REPLACED)
    if current is not None and (current.effective_to is None or current.effective_to >= effective):
        current.effective_to = effective - datetime.timedelta(days=1)
        current.save(update_fields=["effective_to"])
    PcpAssignment.objects.create(member=member, provider=provider, effective_from=effective)
    change = PcpChangeRequest.objects.create(
        member=member,
        old_provider_id=current.provider_id if current else None,
        new_provider=provider,
        reason=reason,
        effective_date=effective,
        requested_by=requested_by,
    )
    _email_confirmation(member=member, provider=provider, effective=effective)
    return change


def _email_confirmation(*, member: Member, provider: Provider, effective: datetime.date) -> None:
    user = member.user
    address = user.email if user is not None and user.email else _primary_email(member)
    if not address:
        return
    email_queue(
        to=address,
        template="providers/pcp_change_confirmation",
        # Only what the member needs to act on: who, and from when.
        context={"provider_name": provider.full_name, "effective_date": effective},
        language=email_language(user),
        member=member,
    )


def _primary_email(member: Member) -> str:
    return (
        ContactEmail.objects.filter(member=member, is_primary=True).values_list("address", flat=True).first()
        or ""
    )
