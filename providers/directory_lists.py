"""The Change PCP search form's lists: the counties, specialties and languages of the directory.

They come from the provider directory itself, not from a list kept by hand: the counties a
member can pick are the ones the plan's providers practise in, and a specialty or language the
directory gains appears without a release. Reading them means grouping the whole directory
(about 130 ms at 200,000 providers), so one query reads all three lists at once and each
process keeps the result for KEEP_SECONDS: a search page reads no list from the database, and
a directory import shows in the lists within that time (docs/providers.md).
"""

import hashlib
import time
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count

from providers.models import Provider

KEEP_SECONDS = 10 * 60


@dataclass(frozen=True)
class DirectoryLists:
    """What the directory holds, each list in a stable order (the form sorts by translated name)."""

    counties: tuple[str, ...]
    # (stored name, primary care): a specialty is listed under primary care if any of its
    # providers is a primary care provider.
    specialties: tuple[tuple[str, bool], ...]
    languages: tuple[str, ...]

    @cached_property
    def digest(self) -> str:
        """Stands for the lists in the key of the cached search form (providers/results.py)."""
        return hashlib.blake2b(repr(self).encode(), digest_size=8).hexdigest()


_kept: tuple[float, DirectoryLists] | None = None


def directory_lists() -> DirectoryLists:
    """The directory's lists, read at most once every KEEP_SECONDS in this process."""
    global _kept
    now = time.monotonic()
    if _kept is None or now - _kept[0] >= KEEP_SECONDS:
        _kept = (now, _read_lists())
    return _kept[1]


def forget_directory_lists() -> None:
    """Read the lists again on next use (tests that change the directory call this)."""
    global _kept
    _kept = None


def _read_lists() -> DirectoryLists:
    rows = (
        Provider.objects.order_by()
        .values_list("county", "specialty", "is_primary_care", "languages")
        .annotate(providers=Count("id"))
    )
    spellings: Counter[str] = Counter()
    specialties: dict[str, bool] = {}
    languages: set[str] = set()
    for county, specialty, primary_care, codes, providers in rows:
        if county.strip():
            spellings[county.strip()] += providers
        if specialty.strip():
            specialties[specialty.strip()] = specialties.get(specialty.strip(), False) or primary_care
        languages.update(code for code in codes or [] if isinstance(code, str) and code)
    # "Monterey" and "MONTEREY" are one county (the search ignores case): list the spelling
    # most of its providers have.
    counties: dict[str, tuple[int, str]] = {}
    for spelling, providers in spellings.items():
        key = spelling.casefold()
        if key not in counties or (providers, spelling) > counties[key]:
            counties[key] = (providers, spelling)
    return DirectoryLists(
        counties=tuple(sorted((spelling for _n, spelling in counties.values()), key=str.casefold)),
        specialties=tuple(sorted(specialties.items())),
        languages=tuple(sorted(languages)),
    )
