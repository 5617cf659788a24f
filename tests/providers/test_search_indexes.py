"""The directory search uses its indexes on PostgreSQL: EXPLAIN the real queries over a few
thousand providers (planner statistics fresh, sequential scans allowed) and check that the
index both finds the rows and hands them over in page order (no Seq Scan, no Sort)."""

import random

import pytest
from django.db import connection

from providers.models import Gender, Provider
from providers.selectors import provider_search
from providers.views import PAGE_SIZE

SYLLABLES = ["ga", "mo", "ri", "ta", "ne", "lu", "so", "ve", "ka", "do", "pe", "zi", "ha", "bo", "fe", "ju"]
COUNTIES = ["Monterey", "Merced", "Santa Cruz", "San Benito", "Mariposa"]
CITIES = ["Salinas", "Merced", "Watsonville", "Hollister", "Mariposa", "Seaside", "Atwater"]


@pytest.fixture
def directory(db: None) -> None:
    """5,000 providers with names spread over many prefixes, then ANALYZE like autovacuum would."""
    rng = random.Random(5)

    def name() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    providers = []
    for n in range(5_000):
        provider = Provider(
            npi=f"{1_500_000_000 + n}",
            first_name=name(),
            last_name=name(),
            gender=rng.choice([Gender.FEMALE, Gender.MALE]),
            specialty="Family Medicine",
            is_primary_care=rng.random() < 0.5,
            county=rng.choice(COUNTIES),
            city=rng.choice(CITIES),
            zip_code=f"9{rng.randint(3000, 5999):04d}",
        )
        provider.fold_names()
        providers.append(provider)
    Provider.objects.bulk_create(providers, batch_size=1_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE providers_provider")


def plan(**search: str) -> str:
    """The plan of a results page's query, exactly as the view runs it."""
    return provider_search(**search)[0 : PAGE_SIZE + 1].explain()


# Each search shape of the Change PCP page, and the index that must serve it.
SEARCHES = [
    ({"last_name": "ga"}, "provider_last_first_idx"),
    ({"last_name": "Gárcia"}, "provider_last_first_idx"),
    ({"last_name": "g"}, "provider_last_first_idx"),
    ({"last_name": "ga", "gender": "F"}, "provider_last_first_idx"),
    ({"first_name": "mo"}, "provider_first_last_idx"),
    ({"county": "monterey"}, "provider_county_name_idx"),
    ({"city": "salinas"}, "provider_city_name_idx"),
    ({"zip_code": "94123"}, "provider_zip_name_idx"),
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
def test_each_search_uses_an_index_that_serves_the_page_order(directory: None) -> None:
    for search, index in SEARCHES:
        explained = plan(**search)
        assert f"using {index}" in explained or f"on {index}" in explained, (search, explained)
        assert "Seq Scan" not in explained, (search, explained)
        if "zip_code" not in search:
            # The index hands rows over already in page order: LIMIT stops after one page.
            # (A ZIP code matches a handful of providers; the planner rightly sorts those.)
            assert "Sort" not in explained, (search, explained)

    # A name prefix is a range on the folded column ('ga' <= name < 'gb'), not a filter on every row.
    explained = plan(last_name="ga", county="Monterey")
    assert ">= 'ga'" in explained and "< 'gb'" in explained and "Index Cond" in explained, explained


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
def test_the_planner_is_not_forced(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
