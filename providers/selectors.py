"""Reads for the Providers pages: the directory search, a member's PCP history, and whether a
provider can be chosen as a member's PCP.

The search compares the folded name columns with a prefix (LIKE 'gar%'), so "gar" finds García
and "nunez" finds Núñez, and lists each results page in the order of the index that serves it:
a page reads about as many index entries as it shows (docs/providers.md).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.functions import Left
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.spans import in_effect_on
from portal.text import fold_name
from providers.models import PcpAssignment, Provider

BY_LAST_NAME = ("last_name_folded", "first_name_folded", "id")
BY_FIRST_NAME = ("first_name_folded", "last_name_folded", "id")


def provider_search(
    *,
    first_name: str = "",
    last_name: str = "",
    gender: str = "",
    county: str = "",
    city: str = "",
    zip_code: str = "",
) -> QuerySet[Provider]:
    """Providers matching every field given; names match from their start, ignoring case and accents.

    Ordered by last name, or by first name when only a first name is given, so one of the
    Provider.Meta indexes returns the rows already in page order.
    """
    providers = Provider.objects.all()
    last = fold_name(last_name)
    first = fold_name(first_name)
    if last:
        providers = providers.filter(last_name_folded__startswith=last)
    if first:
        providers = providers.filter(first_name_folded__startswith=first)
    if gender:
        providers = providers.filter(gender=gender)
    if county.strip():
        providers = providers.filter(county__iexact=county.strip())
    if city.strip():
        providers = providers.filter(city__iexact=city.strip())
    if zip_code.strip():
        # ZIP+4 is stored as 12345-6789; members search by the five digits.
        providers = providers.alias(zip5=Left("zip_code", 5)).filter(zip5=zip_code.strip()[:5])
    order = BY_FIRST_NAME if first and not last else BY_LAST_NAME
    return providers.order_by(*order)


def pcp_refusal(
    *, member: Member, provider: Provider, current_provider_id: int | None
) -> str | Promise | None:
    """Why `member` cannot choose `provider` as their PCP, or None if they can.

    The results page shows the reason next to the provider; pcp_change_request refuses with it.
    """
    if provider.pk == current_provider_id:
        return _("This is already your PCP.")
    if not provider.is_primary_care:
        return _("This provider is not a primary care provider.")
    if not provider.accepting_new_patients:
        return _("This provider is not accepting new patients.")
    if member.county and fold_name(provider.county) != fold_name(member.county):
        return _("This provider is outside your county.")
    return None


@dataclass(frozen=True)
class MyPcp:
    """A member's PCP assignments around `today`: the current one, the next one, and the past."""

    current: PcpAssignment | None
    pending: PcpAssignment | None
    past: list[PcpAssignment] = field(default_factory=list)


def my_pcp(*, member: Member, today: datetime.date) -> MyPcp:
    """The member's own PCP history with each provider, in one query."""
    rows = list(
        PcpAssignment.objects.filter(member=member).select_related("provider").order_by("-effective_from")
    )
    current = next((row for row in rows if in_effect_on(row.effective_from, row.effective_to, today)), None)
    upcoming = [row for row in rows if row.effective_from > today]
    past = [row for row in rows if row.effective_to is not None and row.effective_to < today]
    # The soonest future assignment is the change the member will see next.
    return MyPcp(current=current, pending=upcoming[-1] if upcoming else None, past=past)


def current_pcp_id(*, member: Member, today: datetime.date) -> int | None:
    """The id of the provider who is the member's PCP on `today`, if any."""
    return (
        PcpAssignment.objects.filter(member=member)
        .in_effect_on(today)
        .order_by("-effective_from")
        .values_list("provider_id", flat=True)
        .first()
    )
