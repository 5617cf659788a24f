"""Writes for ID card orders: a member orders a mailed card, staff record that it was mailed.

A member has at most one open (requested) order, enforced by a partial unique constraint: a
second order while one is open, or the same form submitted twice, returns the open order and
sends no second email. Once staff mark the order mailed, the member may order again.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from idcards.models import IdCardOrder, OrderStatus
from members.models import Address, AddressKind, Member, User, email_language
from outbox.services import email_queue


class NoMailingAddress(Exception):
    """The member has no mailing address on file, so there is nowhere to mail a card."""


def mailing_address_for(member: Member) -> Address | None:
    """The address a mailed ID card goes to: the member's (primary) mailing address."""
    return member.addresses.filter(kind=AddressKind.MAILING).order_by("-is_primary", "id").first()


def open_order_for(member: Member) -> IdCardOrder | None:
    """The member's order that has not been mailed yet, if any."""
    return IdCardOrder.objects.filter(member=member, status=OrderStatus.REQUESTED).first()


@transaction.atomic
def idcard_order(*, member: Member) -> tuple[IdCardOrder, bool]:
    """Order an ID card to the member's mailing address; return (order, created).

    With an order already open, returns it and `created` is False (nothing new is written or
    emailed). Otherwise records the order with a snapshot of the mailing address and queues a
    confirmation email to the member's account email. Raises NoMailingAddress if there is none.
    """
    existing = open_order_for(member)
    if existing is not None:
        return existing, False
    address = mailing_address_for(member)
    if address is None:
        raise NoMailingAddress
    try:
        # A savepoint: a concurrent submit that won the race leaves this transaction usable.
        with transaction.atomic():
            order = IdCardOrder.objects.create(
                member=member,
                line1=address.line1,
                line2=address.line2,
                city=address.city,
                state=address.state,
                zip_code=address.zip_code,
            )
    except IntegrityError:
        return IdCardOrder.objects.get(member=member, status=OrderStatus.REQUESTED), False
    _email_confirmation(member=member)
    return order, True


def _email_confirmation(*, member: Member) -> None:
    user = member.user
    if user is None or not user.email:
        return
    # The email names no address, member ID or card details: it only confirms the order.
    email_queue(
        to=user.email,
        template="idcards/order_confirmation",
        context={
            "first_name": member.first_name,
            "idcards_url": settings.SITE_URL + reverse("idcards"),
        },
        language=email_language(user),
        member=member,
    )


@transaction.atomic
def idcard_orders_mark_mailed(*, orders: Iterable[IdCardOrder], staff_user: User) -> int:
    """Record that the card printer mailed these orders; return how many were still open.

    Orders already mailed are left as they were (their date and staff user do not change).
    """
    ids = [order.pk for order in orders]
    return IdCardOrder.objects.filter(pk__in=ids, status=OrderStatus.REQUESTED).update(
        status=OrderStatus.MAILED, mailed_at=timezone.now(), mailed_by=staff_user
    )
