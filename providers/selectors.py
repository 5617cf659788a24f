"""Reads for the Providers pages: the directory search, a member's PCP history, and whether a
provider can be chosen as a member's PCP.

The search compares the folded name columns with a prefix (LIKE 'gar%'), so "gar" finds García
and "nunez" finds Núñez, and lists each results page in the order of the index that serves it:
a page reads about as many index entries as it shows, and counts the matches only up to
COUNTED_UP_TO (docs/providers.md).
"""

import datetime
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import IntegerField, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Left
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Member
from portal.spans import in_effect_on
from portal.text import fold_name
from providers.models import PcpAssignment, Provider

BY_LAST_NAME = ("last_name_folded", "first_name_folded", "id")
BY_FIRST_NAME = ("first_name_folded", "last_name_folded", "id")
# A results page says how many providers match up to this many ("23 providers found"), and
# "More than 100 providers found" past it: counting further would read every match of a short
# prefix (a thousand rows for "ma" at 200,000 providers) to print one number.
COUNTED_UP_TO = 100


def provider_search(
    *,
    first_name: str = "",
    last_name: str = "",
    gender: str = "",
    county: str = "",
    city: str = "",
    zip_code: str = "",
    language: str = "",
    specialty: str = "",
) -> QuerySet[Provider]:
    """Providers matching every field given; names match from their start, ignoring case and accents.

    Ordered by last name, or by first name when only a first name is given, so one of the
    Provider.Meta indexes returns the rows already in page order.
    """
    providers = Provider.objects.all()
    if specialty:
        providers = providers.filter(specialty=specialty)
    if language:
        providers = providers.filter(_speaks(language))
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


def pcp_search(
    *, include_specialists: bool = False, accepting_new_patients: bool = False, **fields: str
) -> QuerySet[Provider]:
    """The Change PCP search: provider_search(**fields) among primary care providers, since only
    they can be a member's PCP, unless `include_specialists`; and only those accepting new
    patients if asked."""
    providers = provider_search(**fields)
    if not include_specialists:
        providers = providers.filter(is_primary_care=True)
    if accepting_new_patients:
        providers = providers.filter(accepting_new_patients=True)
    return providers


def _speaks(code: str) -> Q:
    """Providers whose languages include `code`.

    On PostgreSQL a JSON containment (languages @> '["hmn"]'), which the partial indexes of
    migration 0003 serve. SQLite (`make run`) has no JSON containment; it keeps the list as
    JSON text, where the quoted code is found as text.
    """
    if connection.vendor == "postgresql":
        return Q(languages__contains=[code])
    return Q(languages__icontains=json.dumps(code))


@dataclass(frozen=True)
class SearchPage:
    """One page of a directory search, as the results page shows it."""

    providers: list[Provider]
    more: bool  # a next page exists
    found: int | None  # how many match, up to COUNTED_UP_TO + 1; None past the last page
    current_pcp_id: int | None


def search_page(
    providers: QuerySet[Provider], *, member: Member, today: datetime.date, offset: int, size: int
) -> SearchPage:
    """The page of `providers` from `offset`: one query (search_page_query)."""
    rows: list[Any] = list(search_page_query(providers, member=member, today=today, offset=offset, size=size))
    first = rows[0] if rows else None
    return SearchPage(
        providers=rows[:size],
        more=len(rows) > size,
        found=first.found if first else (0 if offset == 0 else None),
        current_pcp_id=first.current_pcp_id if first else None,
    )


def search_page_query(
    providers: QuerySet[Provider], *, member: Member, today: datetime.date, offset: int, size: int
) -> QuerySet[Provider]:
    """One results page of `providers` in one query: `size` + 1 rows from `offset` (the last only
    says a next page exists), each with `found` (how many match, counted up to COUNTED_UP_TO + 1)
    and `current_pcp_id` (the member's PCP on `today`, to say "This is already your PCP.").

    Both are subqueries PostgreSQL runs once for the statement; the count reads at most
    COUNTED_UP_TO + 1 entries of the same index as the page.
    """
    capped, params = providers.values("pk")[: COUNTED_UP_TO + 1].query.sql_with_params()
    current = (
        PcpAssignment.objects.filter(member=member)
        .in_effect_on(today)
        .order_by("-effective_from")
        .values("provider_id")[:1]
    )
    # The ORM cannot count a sliced queryset inside another query; the SQL wrapped here is the
    # ORM's own for `providers`, with its parameters passed separately.
    count = f"SELECT COUNT(*) FROM ({capped}) AS capped"  # noqa: S608
    return providers.annotate(
        found=RawSQL(count, params, output_field=IntegerField()),  # noqa: S611
        current_pcp_id=Subquery(current),
    )[offset : offset + size + 1]


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
