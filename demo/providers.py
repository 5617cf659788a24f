"""Demo providers and PCP histories.

Providers: NPIs with a valid check digit, specialties (primary care or not), spoken languages,
clinics, addresses and phones in the plan's counties, and the folded name columns the directory
search uses; the first providers are family doctors, one per county, so every county has a PCP.
PCP histories: each member's open-ended assignment to a primary care provider in their county,
and 0 to 3 earlier ones back to back.
"""

import datetime
import itertools
import random
from collections.abc import Iterator
from typing import Any

from django.db import models

from demo.dates import Calendar
from demo.lists import CLINIC_PATTERNS, COUNTIES, PROVIDER_CULTURES, SPECIALTIES, phone_number, street_address
from portal.text import fold_name
from providers.models import PcpAssignment, Provider

MIN_PROVIDERS = len(COUNTIES)  # one primary care provider per county, at least

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
    PcpAssignment: ("member_id", "provider_id", "effective_from", "effective_to"),
}

_PAST_PCP_WEIGHTS = list(itertools.accumulate([40, 30, 20, 10]))


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


def _npi(index: int) -> str:
    # A bijection on 0..10^8-1 (the multiplier is coprime with 10^8), so NPIs never repeat.
    first_nine = f"1{(index * 48_271 + 12_345_678) % 100_000_000:08d}"
    return f"{first_nine}{npi_check_digit(first_nine)}"


class ProviderRows:
    """The network's provider rows, made one at a time; `pcps` collects the primary care
    providers' ids by county as they are made, for the members' PCP histories."""

    def __init__(self, *, seed: int) -> None:
        self.rng = random.Random(f"{seed}:providers")  # noqa: S311 - made-up data, not secrets
        self.pcps: dict[str, list[int]] = {name: [] for name in COUNTIES}

    def make(self, count: int, first_id: int) -> Iterator[tuple[Any, ...]]:
        """Make `count` providers with the ids from `first_id` on."""
        rng = self.rng
        pcps = self.pcps
        county_names = list(COUNTIES)
        county_weights = list(itertools.accumulate(c.weight for c in COUNTIES.values()))
        specialty_weights = list(itertools.accumulate(s[2] for s in SPECIALTIES))
        culture_weights = list(itertools.accumulate(c.weight for c in PROVIDER_CULTURES))
        folded: dict[str, str] = {}
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
            if primary_care:
                pcps[county].append(provider_id)
            yield (
                provider_id, _npi(index), first, last, "F" if female else "M", specialty, primary_care,
                rng.random() >= 0.1, languages, clinic, street_address(rng), city, county, "CA",
                zip_code, phone_number(rng, place.area_code), folded[first], folded[last],
            )  # fmt: skip


class PcpHistoryRows:
    """PCP assignment rows, a member at a time, waiting to be written."""

    def __init__(self, rng: random.Random, calendar: Calendar, pcps: dict[str, list[int]]) -> None:
        self.rng = rng
        self.calendar = calendar
        self.pcps = pcps
        self.rows: dict[type[models.Model], list[tuple[Any, ...]]] = {PcpAssignment: []}

    def add(
        self,
        member_pk: int,
        date_of_birth: datetime.date,
        county: str,
        since: int,
        household_pcp: int | None,
        *,
        demo: bool,
    ) -> int:
        """Add the open PCP assignment, starting no earlier than month `since`, and 0 to 3 earlier
        ones, back to back; return the current PCP.

        `household_pcp` is the head of household's PCP for everyone else in the household (None for
        the head): half of them see the same doctor.
        """
        rng, calendar, rows = self.rng, self.calendar, self.rows[PcpAssignment]
        shared = household_pcp if household_pcp is not None and rng.random() < 0.5 else None
        choices = self.pcps[county]
        current = choices[0] if demo else (shared or choices[int(rng.random() * len(choices))])
        this_month = calendar.this_month
        start = this_month - 8 if demo else rng.randint(min(since, this_month), this_month)
        rows.append((member_pk, current, calendar.month_start(start), None))
        past = 2 if demo else rng.choices(range(4), cum_weights=_PAST_PCP_WEIGHTS)[0]
        born = calendar.month_of(date_of_birth)
        for _ in range(past):
            begin = start - rng.randint(1, 24)
            if begin < born:
                break
            provider = choices[int(rng.random() * len(choices))]
            rows.append((member_pk, provider, calendar.month_start(begin), calendar.month_end(start - 1)))
            start = begin
        return current
