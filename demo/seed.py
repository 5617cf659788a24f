"""Synthetic demo data: members, households, coverage, providers, PCP histories, claims, and referrals
and authorizations.

`manage.py seed_demo` calls `seed_demo()` so a fresh checkout has someone to log in as, and so
benchmarks have a plan-sized database (a million members) to run against. Everything is made
up: names come from curated lists of names common in the plan's counties (`demo/lists.py`),
phone numbers are the fictional 555-01xx range and emails use the reserved example.com/org/net
domains. Each domain has its builder (`demo/members.py`, `demo/coverage.py`, `demo/providers.py`,
`demo/claims.py`, `demo/authorizations.py`, `demo/eligibility.py`, `demo/documents.py`,
`demo/resources.py` for the plan profile's Resources page and `demo/care.py` for the demo
member's care management); this module runs them, writes their rows and deletes them again.

The data is deterministic: one `random.Random` for the providers and one for the members (each
member's record, contact details, coverage and PCP history drawn from it in that order), seeded
from `seed`, and every date an offset from `today`, so the same seed and day give the same
members, IDs and dates. On PostgreSQL the rows go in with COPY (the only way to load millions of rows
in minutes); elsewhere (SQLite in development) with bulk_create. Primary keys of members and
providers are reserved up front, so households and PCP assignments can refer to rows not yet
written.
"""

import contextlib
import datetime
import itertools
import json
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from demo.appeals import write_appeals
from demo.authorizations import COLUMNS as AUTHORIZATION_COLUMNS
from demo.authorizations import AuthorizationRows
from demo.care import write_care
from demo.claims import COLUMNS as CLAIM_COLUMNS
from demo.claims import ClaimRows, claim_ids_start, claim_ids_taken
from demo.coverage import COLUMNS as COVERAGE_COLUMNS
from demo.coverage import CoverageRows
from demo.dates import Calendar
from demo.documents import COLUMNS as DOCUMENT_COLUMNS
from demo.documents import DocumentRows, write_notice_files
from demo.eligibility import COLUMNS as ELIGIBILITY_COLUMNS
from demo.eligibility import EligibilityRows
from demo.inbox import write_inbox
from demo.members import COLUMNS as MEMBER_COLUMNS
from demo.members import (
    DEMO_MEMBER,
    DEMO_USERNAME,
    MIN_MEMBERS,
    MemberRows,
    demo_households,
    demo_user,
    random_households,
)
from demo.providers import COLUMNS as PROVIDER_COLUMNS
from demo.providers import MIN_PROVIDERS, PcpHistoryRows, ProviderRows
from demo.resources import write_resources
from members.models import Member, User
from portal.planner import refresh_planner_statistics
from providers.models import PcpAssignment, Provider

Row = tuple[Any, ...]

# Every table seed_demo writes, with its columns, in the order it writes them (and deletes them
# in reverse): the providers, then each member's record, contact details, coverage, PCPs and claims.
COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Provider: PROVIDER_COLUMNS[Provider],
    **MEMBER_COLUMNS,
    **COVERAGE_COLUMNS,
    PcpAssignment: PROVIDER_COLUMNS[PcpAssignment],
    **ELIGIBILITY_COLUMNS,
    **DOCUMENT_COLUMNS,
    **AUTHORIZATION_COLUMNS,
    **CLAIM_COLUMNS,
}
SEEDED_MODELS = tuple(COLUMNS)
# COPY takes a JSON column's value as its text.
JSON_COLUMNS: dict[type[models.Model], tuple[int, ...]] = {
    model: tuple(
        index
        for index, name in enumerate(columns)
        if isinstance(model._meta.get_field(name), models.JSONField)
    )
    for model, columns in COLUMNS.items()
}


@dataclass(frozen=True)
class SeedResult:
    counts: dict[str, int]
    seconds: float
    method: str
    table_seconds: dict[str, float] = field(default_factory=dict)


def demo_data_present() -> bool:
    """True when the well-known demo member is on record, i.e. seed_demo made this data."""
    return Member.objects.filter(member_id=DEMO_MEMBER.member_id).exists()


def plan_data_present() -> bool:
    return Member.objects.exists() or Provider.objects.exists()


@transaction.atomic
def demo_data_delete() -> None:
    """Delete every member and provider (and what hangs off them) and the demo account.

    Only for a database seed_demo filled: the caller checks `demo_data_present()` first.
    """
    with _foreign_keys_set_aside():
        for model in SEEDED_MODELS[::-1]:
            _delete_all(model)
    User.objects.filter(username=DEMO_USERNAME).delete()


def _delete_all(model: type[models.Model]) -> None:
    """Delete every row of `model` in one statement, after doing what each model that points at
    it asks on delete (cascade, or set null). Anything else (PROTECT) is left for the database's
    foreign key check to refuse."""
    for relation in model._meta.related_objects:
        field = relation.field
        linked = relation.related_model._base_manager.filter(**{f"{field.name}__isnull": False})
        if relation.related_model is model or field.remote_field.on_delete is models.SET_NULL:
            linked.update(**{field.name: None})
        elif field.remote_field.on_delete is models.CASCADE:
            linked.delete()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608 - a model's own table


@contextlib.contextmanager
def _foreign_keys_set_aside() -> Iterator[None]:
    """On PostgreSQL, drop the foreign keys into and out of the seeded tables for the block and
    add them back at its end.

    Checked row by row (deferred to commit, as Django declares them) the keys cost more than
    writing the rows; added back, each is checked over the whole table in one join. Runs inside
    the caller's transaction, so any failure, or a row the check rejects, rolls everything back
    with the keys in place.
    """
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("foreign keys may only be set aside inside a transaction")
    quote = connection.ops.quote_name
    tables = [model._meta.db_table for model in SEEDED_MODELS]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE contype = 'f'
              AND (conrelid = ANY(%s::text[]::regclass[]) OR confrelid = ANY(%s::text[]::regclass[]))
            ORDER BY conname
            """,
            [tables, tables],
        )
        keys = cursor.fetchall()
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # run the checks already queued, now
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    yield
    with connection.cursor() as cursor:
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def seed_demo(
    *,
    members: int,
    providers: int,
    seed: int,
    today: datetime.date,
    batch_size: int = 10_000,
    use_copy: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> SeedResult:
    """Write `members` members (the demo household included) and `providers` providers.

    `use_copy` None means COPY on PostgreSQL and bulk_create elsewhere.
    """
    if members < MIN_MEMBERS:
        raise ValueError(f"members must be at least {MIN_MEMBERS} (the demo members)")
    if providers < MIN_PROVIDERS:
        raise ValueError(f"providers must be at least {MIN_PROVIDERS} (a PCP in each county)")
    if use_copy is None:
        use_copy = connection.vendor == "postgresql"
    started = time.perf_counter()
    writer = _Writer(use_copy=use_copy)
    now = timezone.now()
    with transaction.atomic(), _foreign_keys_set_aside():
        calendar = Calendar(today)
        provider_first = _reserve_ids(Provider, providers)
        pcps = _write_providers(writer, providers, provider_first, seed, batch_size, progress)
        member_first = _reserve_ids(Member, members)
        account = demo_user()
        _write_members(
            writer, members, member_first, seed, calendar, pcps, account, now, batch_size, progress
        )
        # The Resources page's content is the plan profile's, not random: a few dozen rows.
        writer.counts.update(write_resources(plan_key=settings.PLAN.key))
        # The demo member's care manager, care plans and assessments: a few dozen rows.
        writer.counts.update(write_care(member_id=DEMO_MEMBER.member_id, today=today, seed=seed))
        # Their conversations with that care manager (the bench members' are demo.inbox's too).
        writer.counts.update(write_inbox(member_id=DEMO_MEMBER.member_id, today=today, seed=seed))
        # The demo member's grievances and appeals: a handful of cases with their histories.
        writer.counts.update(write_appeals(member_id=DEMO_MEMBER.member_id, today=today, seed=seed))
    refresh_planner_statistics(writer.counts)
    return SeedResult(
        counts=dict(writer.counts),
        seconds=time.perf_counter() - started,
        method="copy" if use_copy else "bulk_create",
        table_seconds=dict(writer.seconds),
    )


# --- Writing -------------------------------------------------------------------------------


class _Writer:
    """Writes batches of rows, by COPY (PostgreSQL) or bulk_create, and keeps counts."""

    def __init__(self, *, use_copy: bool) -> None:
        self.use_copy = use_copy
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}

    def write(self, model: type[models.Model], rows: Sequence[Row]) -> None:
        if not rows:
            return
        started = time.perf_counter()
        columns = COLUMNS[model]
        if self.use_copy:
            self._copy(model, columns, rows)
        else:
            model._default_manager.bulk_create(model(**dict(zip(columns, row, strict=True))) for row in rows)
        name = model._meta.db_table
        self.counts[name] = self.counts.get(name, 0) + len(rows)
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def _copy(self, model: type[models.Model], columns: Sequence[str], rows: Sequence[Row]) -> None:
        quote = connection.ops.quote_name
        json_indexes = JSON_COLUMNS[model]
        sql = f"COPY {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            write_row = copy.write_row
            if not json_indexes:
                for row in rows:
                    write_row(row)
            else:
                for row in rows:
                    values = list(row)
                    for index in json_indexes:
                        values[index] = json.dumps(values[index])
                    write_row(values)


def _reserve_ids(model: type[models.Model], count: int) -> int:
    """Reserve `count` consecutive primary keys and return the first.

    PostgreSQL: move the id sequence on by `count` in one statement. Elsewhere: continue after
    the highest id (the caller holds the write transaction).
    """
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT setval(seq, nextval(seq) + %s) FROM pg_get_serial_sequence(%s, 'id') AS seq",
                [count - 1, table],
            )
            (last,) = cursor.fetchone()
            return int(last) - count + 1
    highest = model._default_manager.aggregate(highest=models.Max("id"))["highest"] or 0
    return int(highest) + 1


def _report(progress: Callable[[str], None] | None, message: str) -> None:
    if progress is not None:
        progress(message)


# --- Running the builders ------------------------------------------------------------------


def _write_providers(
    writer: _Writer,
    count: int,
    first_id: int,
    seed: int,
    batch_size: int,
    progress: Callable[[str], None] | None,
) -> dict[str, list[int]]:
    """Write the providers; return the primary care providers' ids by county."""
    directory = ProviderRows(seed=seed)
    written = 0
    for batch in itertools.batched(directory.make(count, first_id), batch_size):
        writer.write(Provider, batch)
        written += len(batch)
        if len(batch) == batch_size:
            _report(progress, f"providers: {written:,} of {count:,}")
    return directory.pcps


def _write_members(
    writer: _Writer,
    count: int,
    first_id: int,
    seed: int,
    calendar: Calendar,
    pcps: dict[str, list[int]],
    account: User,
    now: datetime.datetime,
    batch_size: int,
    progress: Callable[[str], None] | None,
) -> None:
    """Write the households, member by member: the record and contact details, the coverage
    spans, then the PCP history, each drawing from the one random stream in that order; then
    MyServices' eligibility and documents, each from a stream of its own."""
    rng = random.Random(f"{seed}:members")  # noqa: S311 - made-up data, not secrets
    people = MemberRows(rng, calendar, now)
    spans = CoverageRows(rng, calendar)
    pcp_history = PcpHistoryRows(rng, calendar, pcps)
    eligibility = EligibilityRows(seed, calendar)
    documents = DocumentRows(seed, calendar, write_notice_files(), now)
    # Its own stream, so the other builders draw the same as before it existed.
    requests = AuthorizationRows(seed, calendar)
    # Claims draw from their own stream, so they leave the members' data as it was before them.
    claims = ClaimRows(random.Random(f"{seed}:claims"), calendar, claim_ids_start())  # noqa: S311
    builders = (people, spans, pcp_history, eligibility, documents, requests, claims)
    add_eligibility, add_documents = eligibility.add, documents.add
    add_member, add_spans, add_pcps, add_claims = people.add, spans.add, pcp_history.add, claims.add
    # The demo account may survive a reset of the members; link it unless someone else has it.
    user_id: int | None = None if Member.objects.filter(user=account).exists() else account.pk
    next_id = first_id
    pending = 0
    for household in itertools.chain(demo_households(), random_households(rng, calendar, count)):
        linked = user_id if household.people[0] == DEMO_MEMBER else None
        county, demo = household.county, household.demo
        head_pcp: int | None = None
        for offset, person in enumerate(household.people):
            member_pk = next_id + offset
            add_member(household, offset, member_pk, linked)
            since = add_spans(member_pk, person.date_of_birth, demo=demo)
            pcp = add_pcps(member_pk, person.date_of_birth, county, since, head_pcp, demo=demo)
            if offset == 0:
                head_pcp = pcp
            add_eligibility(member_pk, person.member_id, person.date_of_birth, head=offset == 0, demo=demo)
            add_documents(member_pk, person.member_id, person.language, demo=demo)
            requests.add(member_pk, demo_member=person == DEMO_MEMBER)
            add_claims(member_pk, demo=demo)
        next_id += len(household.people)
        pending += len(household.people)
        if pending >= batch_size:
            _flush(writer, builders)
            pending = 0
            _report(progress, f"members: {next_id - first_id:,} of {count:,}")
    _flush(writer, builders)
    claim_ids_taken()


def _flush(
    writer: _Writer,
    builders: Sequence[
        MemberRows
        | CoverageRows
        | PcpHistoryRows
        | EligibilityRows
        | DocumentRows
        | AuthorizationRows
        | ClaimRows
    ],
) -> None:
    for builder in builders:
        for model, rows in builder.rows.items():
            writer.write(model, rows)
            rows.clear()
