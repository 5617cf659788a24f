"""Synthetic demo data: members, households, coverage, providers and PCP histories.

`manage.py seed_demo` calls `seed_demo()` so a fresh checkout has someone to log in as, and so
benchmarks have a plan-sized database (a million members) to run against. Everything is made
up: names come from curated lists of names common in the plan's counties, phone numbers are
the fictional 555-01xx range and emails use the reserved example.com/org/net domains.

The data is deterministic: one `random.Random` per kind of record, seeded from `seed`, and every
date an offset from `today`, so the same seed and day give the same members, IDs and dates.
On PostgreSQL the rows go in with COPY (the only way to load millions of rows in minutes);
elsewhere (SQLite in development) with bulk_create. Primary keys of members and providers are
reserved up front, so households and PCP assignments can refer to rows not yet written.
"""

import contextlib
import datetime
import itertools
import json
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from coverage.models import Coverage
from demo.lists import (
    CLINIC_PATTERNS,
    COUNTIES,
    CULTURES,
    PROVIDER_CULTURES,
    SPECIALTIES,
    STREETS,
    Culture,
)
from members.models import Address, ContactEmail, Member, Phone, User
from portal.planner import refresh_planner_statistics
from portal.text import fold_name
from providers.models import PcpAssignment, Provider

DEMO_USERNAME = "demo"
# Demo data only: printed by the command so whoever runs `make run` can log in.
DEMO_PASSWORD = "demo-member-2026!"  # noqa: S105


@dataclass(frozen=True)
class DemoPerson:
    member_id: str
    first_name: str
    last_name: str
    date_of_birth: datetime.date
    sex: str
    language: str


# The household whose head logs in as "demo", and a member without an account yet, for
# trying Create Account. Fixed, so the README and the command can name them.
DEMO_HOUSEHOLD = (
    DemoPerson("DEMO0001", "José", "Núñez-Ortiz", datetime.date(1984, 3, 9), "M", "es"),
    DemoPerson("DEMO0003", "Lucía", "Ramírez de Núñez", datetime.date(1986, 8, 21), "F", "es"),
    DemoPerson("DEMO0004", "Mateo", "Núñez-Ramírez", datetime.date(2015, 6, 2), "M", "en"),
    DemoPerson("DEMO0005", "Sofía", "Núñez-Ramírez", datetime.date(2019, 11, 30), "F", "en"),
)
DEMO_MEMBER = DEMO_HOUSEHOLD[0]
SIGNUP_DEMO = DemoPerson("DEMO0002", "María", "Hernández-López", datetime.date(1990, 5, 17), "F", "es")
MIN_PROVIDERS = len(COUNTIES)  # one primary care provider per county, at least
MIN_MEMBERS = len(DEMO_HOUSEHOLD) + 1

Row = tuple[Any, ...]

# The columns each table is written with; foreign keys by their column name (member_id …).
COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    Provider: (
        "id",
        "npi",
        "first_name",
        "last_name",
        "gender",
        "specialty",
        "is_primary_care",
        "accepting_new_patients",
        "languages",
        "clinic_name",
        "address_line1",
        "city",
        "county",
        "state",
        "zip_code",
        "phone",
        "first_name_folded",
        "last_name_folded",
    ),
    Member: (
        "id",
        "member_id",
        "first_name",
        "last_name",
        "date_of_birth",
        "sex",
        "preferred_language",
        "county",
        "head_of_household_id",
        "user_id",
        "created_at",
        "updated_at",
    ),
    Address: ("member_id", "kind", "line1", "line2", "city", "state", "zip_code", "county", "is_primary"),
    Phone: ("member_id", "kind", "number", "is_primary"),
    ContactEmail: ("member_id", "address", "is_primary"),
    Coverage: ("member_id", "program", "plan", "effective_date", "end_date"),
    PcpAssignment: ("member_id", "provider_id", "effective_from", "effective_to"),
}
SEEDED_MODELS = tuple(COLUMNS)  # in the order they are written
JSON_COLUMNS: dict[type[models.Model], int] = {Provider: COLUMNS[Provider].index("languages")}


@dataclass(frozen=True)
class SeedResult:
    counts: dict[str, int]
    seconds: float
    method: str
    table_seconds: dict[str, float] = field(default_factory=dict)


def npi_check_digit(first_nine: str) -> int:
    """The NPI check digit: Luhn over "80840" + the first nine digits (the CMS rule)."""
    total = 0
    for position, char in enumerate(reversed("80840" + first_nine)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return (10 - total % 10) % 10


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
    with transaction.atomic(), _foreign_keys_set_aside():
        calendar = _Calendar(today)
        provider_first = _reserve_ids(Provider, providers)
        pcps = _write_providers(writer, providers, provider_first, seed, batch_size, progress)
        member_first = _reserve_ids(Member, members)
        demo_user = _demo_user()
        _write_members(writer, members, member_first, seed, calendar, pcps, demo_user, batch_size, progress)
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
        self.now = timezone.now()

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
        json_index = JSON_COLUMNS.get(model)
        sql = f"COPY {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with connection.cursor() as cursor, cursor.copy(sql) as copy:
            write_row = copy.write_row
            if json_index is None:
                for row in rows:
                    write_row(row)
            else:
                for row in rows:
                    values = list(row)
                    values[json_index] = json.dumps(values[json_index])
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


# --- Calendar ------------------------------------------------------------------------------


class _Calendar:
    """Day and month arithmetic relative to `today`, precomputed for speed."""

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


# --- Providers -----------------------------------------------------------------------------


def _write_providers(
    writer: _Writer,
    count: int,
    first_id: int,
    seed: int,
    batch_size: int,
    progress: Callable[[str], None] | None,
) -> dict[str, list[int]]:
    """Write the providers; return the primary care providers' ids by county."""
    rng = random.Random(f"{seed}:providers")  # noqa: S311 - made-up data, not secrets
    county_names = list(COUNTIES)
    county_weights = list(itertools.accumulate(c.weight for c in COUNTIES.values()))
    specialty_weights = list(itertools.accumulate(s[2] for s in SPECIALTIES))
    culture_weights = list(itertools.accumulate(c.weight for c in PROVIDER_CULTURES))
    pcps: dict[str, list[int]] = {name: [] for name in county_names}
    folded: dict[str, str] = {}
    rows: list[Row] = []
    for index in range(count):
        provider_id = first_id + index
        if index < len(county_names):  # every county gets a family doctor before anything else
            county = county_names[index]
            specialty, primary_care, _weight = SPECIALTIES[0]
        else:
            county = rng.choices(county_names, cum_weights=county_weights)[0]
            specialty, primary_care, _weight = rng.choices(SPECIALTIES, cum_weights=specialty_weights)[0]
        place = COUNTIES[county]
        culture = rng.choices(PROVIDER_CULTURES, cum_weights=culture_weights)[0]
        female = rng.random() < 0.52
        first = rng.choice(culture.female if female else culture.male)
        last = culture.last_name(rng)
        city, zip_code = rng.choice(place.cities)
        languages = ["en", *(code for code, _share in culture.languages if rng.random() < 0.7)]
        if "es" not in languages and rng.random() < 0.3:
            languages.append("es")
        clinic = rng.choice(CLINIC_PATTERNS).format(city=city, last=last, county=county)
        for name in (first, last):
            if name not in folded:
                folded[name] = fold_name(name)
        rows.append(
            (
                provider_id, _npi(index), first, last, "F" if female else "M", specialty, primary_care,
                rng.random() >= 0.1, languages, clinic, _street_address(rng), city, county, "CA",
                zip_code, _phone(rng, place.area_code), folded[first], folded[last],
            )
        )  # fmt: skip
        if primary_care:
            pcps[county].append(provider_id)
        if len(rows) >= batch_size:
            writer.write(Provider, rows)
            rows = []
            _report(progress, f"providers: {index + 1:,} of {count:,}")
    writer.write(Provider, rows)
    return pcps


def _npi(index: int) -> str:
    # A bijection on 0..10^8-1 (the multiplier is coprime with 10^8), so NPIs never repeat.
    first_nine = f"1{(index * 48_271 + 12_345_678) % 100_000_000:08d}"
    return f"{first_nine}{npi_check_digit(first_nine)}"


def _street_address(rng: random.Random) -> str:
    return f"{rng.randrange(100, 9_900)} {rng.choice(STREETS)}"


def _phone(rng: random.Random, area_code: str) -> str:
    # 555-0100 to 555-0199 are reserved for fiction in the North American numbering plan.
    return f"+1{area_code}55501{rng.randrange(100):02d}"


def _report(progress: Callable[[str], None] | None, message: str) -> None:
    if progress is not None:
        progress(message)


# --- Members -------------------------------------------------------------------------------

# Extra people in a household besides its head: 0 to 4.
_HOUSEHOLD_EXTRA_WEIGHTS = list(itertools.accumulate([35, 20, 20, 15, 10]))
_PAST_COVERAGE_WEIGHTS = list(itertools.accumulate([30, 35, 25, 10]))
_PAST_PCP_WEIGHTS = list(itertools.accumulate([40, 30, 20, 10]))
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass
class _Household:
    county: str
    mailing: tuple[str, str, str, str]  # line1, line2, city, ZIP
    home: tuple[str, str, str, str] | None
    home_phone: str | None
    people: list[DemoPerson]
    demo: bool = False


def _demo_user() -> User:
    """The demo account, created with its well-known password unless it already exists."""
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = User(username=DEMO_USERNAME, email="jose.nunezortiz@example.com", preferred_language="en")
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def _demo_households() -> list[_Household]:
    return [
        _Household(
            "Monterey",
            ("PO Box 2217", "", "Salinas", "93902"),
            ("418 E Alisal St", "Apt 3B", "Salinas", "93905"),
            "+18315550148",
            list(DEMO_HOUSEHOLD),
            demo=True,
        ),
        _Household(
            "Santa Cruz", ("125 Rodriguez St", "", "Watsonville", "95076"), None, None, [SIGNUP_DEMO], True
        ),
    ]


def _write_members(
    writer: _Writer,
    count: int,
    first_id: int,
    seed: int,
    calendar: _Calendar,
    pcps: dict[str, list[int]],
    demo_user: User,
    batch_size: int,
    progress: Callable[[str], None] | None,
) -> None:
    rng = random.Random(f"{seed}:members")  # noqa: S311 - made-up data, not secrets
    builder = _RowBuilder(rng, calendar, pcps, writer.now)
    # The demo account may survive a reset of the members; link it unless someone else has it.
    user_id: int | None = None if Member.objects.filter(user=demo_user).exists() else demo_user.pk
    next_id = first_id
    pending = 0
    for household in itertools.chain(_demo_households(), _random_households(rng, calendar, count)):
        linked = user_id if household.people[0] == DEMO_MEMBER else None
        builder.add_household(household, next_id, linked)
        next_id += len(household.people)
        pending += len(household.people)
        if pending >= batch_size:
            builder.flush(writer)
            pending = 0
            _report(progress, f"members: {next_id - first_id:,} of {count:,}")
    builder.flush(writer)


def _random_households(rng: random.Random, calendar: _Calendar, total: int) -> Iterable[_Household]:
    county_names = list(COUNTIES)
    county_weights = list(itertools.accumulate(c.weight for c in COUNTIES.values()))
    culture_weights = list(itertools.accumulate(c.weight for c in CULTURES))
    serial = 0
    remaining = total - MIN_MEMBERS
    random_ = rng.random
    while remaining > 0:
        county = rng.choices(county_names, cum_weights=county_weights)[0]
        place = COUNTIES[county]
        culture = rng.choices(CULTURES, cum_weights=culture_weights)[0]
        size = min(remaining, 1 + rng.choices(range(5), cum_weights=_HOUSEHOLD_EXTRA_WEIGHTS)[0])
        language = culture.language(rng)
        # Parents are rarely under 20; people living alone span every adult age.
        head_age = 20 + int(55 * random_() ** 1.2) if size > 1 else 18 + int(72 * random_() ** 1.5)
        last = culture.last_name(rng)
        people = [_person(rng, calendar, culture, serial, head_age, last, language, ())]
        serial += 1
        for extra in range(1, size):
            taken = [p.first_name for p in people]
            if extra == 1 and head_age < 75 and random_() < 0.6:
                age = max(18, min(90, head_age + rng.randint(-6, 6)))
                spouse_last = last if random_() < 0.5 else culture.last_name(rng)
                people.append(_person(rng, calendar, culture, serial, age, spouse_last, language, taken))
            else:
                age = int(random_() * min(18, head_age - 17))
                people.append(_person(rng, calendar, culture, serial, age, last, language, taken))
            serial += 1
        city, zip_code = rng.choice(place.cities)
        street = (
            _street_address(rng),
            f"Apt {rng.randint(1, 40)}" if random_() < 0.3 else "",
            city,
            zip_code,
        )
        mailing: tuple[str, str, str, str] = street
        home: tuple[str, str, str, str] | None = None
        if random_() < 0.2:  # a PO box for mail, the street address as home
            mailing, home = (f"PO Box {rng.randint(100, 9_999)}", "", city, zip_code), street
        elif random_() < 0.1:
            home = street
        home_phone = _phone(rng, place.area_code) if random_() < 0.2 else None
        remaining -= size
        yield _Household(county, mailing, home, home_phone, people)


def _person(
    rng: random.Random,
    calendar: _Calendar,
    culture: Culture,
    serial: int,
    age: int,
    last_name: str,
    language: str,
    taken: Sequence[str],
) -> DemoPerson:
    roll = rng.random()
    sex = "F" if roll < 0.5 else ("M" if roll < 0.995 else "U")
    names = culture.female if roll < 0.5 or roll > 0.9975 else culture.male
    first = rng.choice(names)
    for _ in range(3):  # brothers are rarely both named David
        if first not in taken:
            break
        first = rng.choice(names)
    # A bijection on 0..10^7-1 (the multiplier is coprime with 10^7): unique, CIN-like IDs.
    number = (serial * 3_647_923 + 1_234_567) % 10_000_000
    member_id = f"9{number:07d}{'ABCDEFGHJKLMNPQRSTUVWXYZ'[number % 24]}"
    dob = calendar.days_ago(int((age + rng.random()) * 365.2425))
    return DemoPerson(member_id, first, last_name, dob, sex, language)


class _RowBuilder:
    """Turns households into rows for every member table and writes them in batches."""

    def __init__(
        self, rng: random.Random, calendar: _Calendar, pcps: dict[str, list[int]], now: datetime.datetime
    ) -> None:
        self.rng = rng
        self.calendar = calendar
        self.pcps = pcps
        self.now = now
        self.rows: dict[type[models.Model], list[Row]] = {
            model: [] for model in COLUMNS if model is not Provider
        }
        self.slugs: dict[str, str] = {}

    def flush(self, writer: _Writer) -> None:
        for model, rows in self.rows.items():
            writer.write(model, rows)
            rows.clear()

    def add_household(self, household: _Household, first_id: int, user_id: int | None) -> None:
        rows = self.rows
        demo = household.demo
        rng = self.rng
        county = household.county
        head_id = first_id
        head_pcp: int | None = None
        for offset, person in enumerate(household.people):
            member_pk = first_id + offset
            rows[Member].append(
                (
                    member_pk, person.member_id, person.first_name, person.last_name, person.date_of_birth,
                    person.sex, person.language, county, None if offset == 0 else head_id,
                    user_id if offset == 0 else None, self.now, self.now,
                )
            )  # fmt: skip
            rows[Address].append((member_pk, "mailing", *household.mailing[:2], household.mailing[2], "CA",
                                  household.mailing[3], county, True))  # fmt: skip
            if household.home is not None:
                rows[Address].append(
                    (member_pk, "home", *household.home[:3], "CA", household.home[3], county, True)
                )
            adult = self.calendar.today.year - person.date_of_birth.year >= 18
            if demo and adult:
                rows[Phone].append((member_pk, "cell", f"+183155501{20 + offset}", True))
            elif adult and rng.random() < 0.85:
                rows[Phone].append((member_pk, "cell", _phone(rng, COUNTIES[county].area_code), True))
            if adult and household.home_phone is not None:
                rows[Phone].append((member_pk, "home", household.home_phone, True))
            if adult and (demo or rng.random() < 0.65):
                rows[ContactEmail].append((member_pk, self._email(person, demo=demo), True))
            coverage_start = self._coverage(member_pk, person, demo=demo)
            shared = head_pcp if offset and rng.random() < 0.5 else None
            pcp = self._pcp_history(member_pk, person, county, coverage_start, shared, demo=demo)
            if offset == 0:
                head_pcp = pcp

    def _email(self, person: DemoPerson, *, demo: bool) -> str:
        names = []
        for name in (person.first_name, person.last_name):
            if name not in self.slugs:
                self.slugs[name] = "".join(ch for ch in fold_name(name) if ch.isascii() and ch.isalnum())
            names.append(self.slugs[name])
        if demo:
            return f"{names[0]}.{names[1]}@example.com"
        number = self.rng.randrange(1, 1000)
        return f"{names[0]}.{names[1]}{number}@{self.rng.choice(_EMAIL_DOMAINS)}"

    def _coverage(self, member_pk: int, person: DemoPerson, *, demo: bool) -> int:
        """Add one open span and 0 to 3 earlier, ended ones; return the current span's month."""
        rng, calendar, rows = self.rng, self.calendar, self.rows[Coverage]
        born = calendar.month_of(person.date_of_birth)
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

    def _pcp_history(
        self, member_pk: int, person: DemoPerson, county: str, since: int, shared: int | None, *, demo: bool
    ) -> int:
        """Add the open PCP assignment and 0 to 3 earlier, back to back; return the current PCP."""
        rng, calendar, rows = self.rng, self.calendar, self.rows[PcpAssignment]
        choices = self.pcps[county]
        current = choices[0] if demo else (shared or choices[int(rng.random() * len(choices))])
        this_month = calendar.this_month
        start = this_month - 8 if demo else rng.randint(min(since, this_month), this_month)
        rows.append((member_pk, current, calendar.month_start(start), None))
        past = 2 if demo else rng.choices(range(4), cum_weights=_PAST_PCP_WEIGHTS)[0]
        born = calendar.month_of(person.date_of_birth)
        for _ in range(past):
            begin = start - rng.randint(1, 24)
            if begin < born:
                break
            provider = choices[int(rng.random() * len(choices))]
            rows.append((member_pk, provider, calendar.month_start(begin), calendar.month_end(start - 1)))
            start = begin
        return current
