"""Demo members: households with their contact details, the demo household and the demo account.

Households live in one of the plan's counties: a head and 0 to 7 more people (a spouse,
children) who share the county, the address, the language and often a surname. Everyone has a
primary mailing address (some a PO box and a home address too); most adults have a cell phone
and an email, some households a home phone. Member IDs look like Medi-Cal CINs.
"""

import datetime
import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models

from demo.dates import Calendar
from demo.lists import COUNTIES, CULTURES, Culture, phone_number, street_address
from members.models import Address, ContactEmail, Member, Phone, User
from portal.text import fold_name

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
MIN_MEMBERS = len(DEMO_HOUSEHOLD) + 1

# The columns each table is written with; foreign keys by their column name (member_id …).
COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
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
}

# Extra people in a household besides its head: 0 to 7, so households of 1 to 8 (issue #22),
# most of them small.
_HOUSEHOLD_EXTRA_WEIGHTS = list(itertools.accumulate([35, 20, 17, 13, 8, 4, 2, 1]))
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass
class Household:
    county: str
    mailing: tuple[str, str, str, str]  # line1, line2, city, ZIP
    home: tuple[str, str, str, str] | None
    home_phone: str | None
    people: list[DemoPerson]
    demo: bool = False


def demo_user() -> User:
    """The demo account, created with its well-known password unless it already exists."""
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = User(username=DEMO_USERNAME, email="jose.nunezortiz@example.com", preferred_language="en")
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def demo_households() -> list[Household]:
    return [
        Household(
            "Monterey",
            ("PO Box 2217", "", "Salinas", "93902"),
            ("418 E Alisal St", "Apt 3B", "Salinas", "93905"),
            "+18315550148",
            list(DEMO_HOUSEHOLD),
            demo=True,
        ),
        Household(
            "Santa Cruz", ("125 Rodriguez St", "", "Watsonville", "95076"), None, None, [SIGNUP_DEMO], True
        ),
    ]


def random_households(rng: random.Random, calendar: Calendar, total: int) -> Iterable[Household]:
    """Households of made-up people until, with the demo households, there are `total` members."""
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
        size = min(remaining, 1 + rng.choices(range(8), cum_weights=_HOUSEHOLD_EXTRA_WEIGHTS)[0])
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
            street_address(rng),
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
        home_phone = phone_number(rng, place.area_code) if random_() < 0.2 else None
        remaining -= size
        yield Household(county, mailing, home, home_phone, people)


def _person(
    rng: random.Random,
    calendar: Calendar,
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


class MemberRows:
    """Rows of members and their contact details (addresses, phones, emails), a member at a time,
    waiting to be written."""

    def __init__(self, rng: random.Random, calendar: Calendar, now: datetime.datetime) -> None:
        self.rng = rng
        self.calendar = calendar
        self.now = now
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {model: [] for model in COLUMNS}
        self.slugs: dict[str, str] = {}

    def add(self, household: Household, offset: int, member_pk: int, user_id: int | None) -> None:
        """Add the household's person at `offset` (0: the head, whose account is `user_id`)."""
        rows = self.rows
        demo = household.demo
        rng = self.rng
        county = household.county
        person = household.people[offset]
        rows[Member].append(
            (
                member_pk, person.member_id, person.first_name, person.last_name, person.date_of_birth,
                person.sex, person.language, county, None if offset == 0 else member_pk - offset,
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
            rows[Phone].append((member_pk, "cell", phone_number(rng, COUNTIES[county].area_code), True))
        if adult and household.home_phone is not None:
            rows[Phone].append((member_pk, "home", household.home_phone, True))
        if adult and (demo or rng.random() < 0.65):
            rows[ContactEmail].append((member_pk, self._email(person, demo=demo), True))

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
