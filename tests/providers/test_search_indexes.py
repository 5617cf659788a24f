"""The directory search uses its indexes on PostgreSQL: EXPLAIN the results page's real query
over a few thousand providers (planner statistics fresh, sequential scans allowed) and check
that an index both finds the rows and hands them over in page order (no Seq Scan, no Sort),
and that the count beside the page is read from an index too."""

import datetime
import json
import random
from typing import Any

import pytest
from django.db import connection

from members.models import Member
from portal.languages import PORTAL_LANGUAGES
from providers.models import Gender, Provider
from providers.selectors import pcp_search, search_page_query
from providers.views import PAGE_SIZE
from tests.queries import plan_nodes

SYLLABLES = ["ga", "mo", "ri", "ta", "ne", "lu", "so", "ve", "ka", "do", "pe", "zi", "ha", "bo", "fe", "ju"]
COUNTIES = ["Monterey", "Merced", "Santa Cruz", "San Benito", "Mariposa"]
CITIES = ["Salinas", "Merced", "Watsonville", "Hollister", "Mariposa", "Seaside", "Atwater"]
SPECIALTIES = [
    ("Family Medicine", True, 24),
    ("Internal Medicine", True, 14),
    ("Pediatrics", True, 12),
    ("Cardiology", False, 4),
    ("Dermatology", False, 3),
    ("Psychiatry", False, 5),
]
# Besides English, the share of providers who speak each language.
LANGUAGES = [("es", 0.4), ("vi", 0.06), ("hmn", 0.03), ("zh-hant", 0.03), ("pt-br", 0.03), ("ar", 0.02)]


@pytest.fixture
def directory(db: None) -> None:
    """5,000 providers with names spread over many prefixes, then ANALYZE like autovacuum would."""
    rng = random.Random(5)

    def name() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    providers = []
    for n in range(5_000):
        specialty, primary_care, _weight = rng.choices(SPECIALTIES, weights=[s[2] for s in SPECIALTIES])[0]
        provider = Provider(
            npi=f"{1_500_000_000 + n}",
            first_name=name(),
            last_name=name(),
            gender=rng.choice([Gender.FEMALE, Gender.MALE]),
            specialty=specialty,
            is_primary_care=primary_care,
            accepting_new_patients=rng.random() < 0.9,
            languages=["en", *(code for code, share in LANGUAGES if rng.random() < share)],
            county=rng.choice(COUNTIES),
            city=rng.choice(CITIES),
            zip_code=f"9{rng.randint(3000, 5999):04d}",
        )
        provider.fold_names()
        providers.append(provider)
    Provider.objects.bulk_create(providers, batch_size=1_000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE providers_provider")


@pytest.fixture
def member(make_member: Any) -> Member:
    member: Member = make_member()
    return member


def plan(member: Member, search: dict[str, Any]) -> dict[str, Any]:
    """The plan of a results page's query, exactly as the view runs it."""
    query = search_page_query(
        pcp_search(**search), member=member, today=datetime.date(2026, 9, 15), offset=0, size=PAGE_SIZE
    )
    explained: dict[str, Any] = json.loads(query.explain(format="json"))[0]["Plan"]
    return explained


def parts(top: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The plan's nodes that read the page, and those of the count beside it."""
    page, count = [top], []
    for child in top.get("Plans", []):
        below = list(plan_nodes(child))
        if child.get("Parent Relationship") != "InitPlan":
            page += below
        elif any(n.get("Relation Name") == "providers_provider" for n in below):
            count += below
    return page, count


def indexes(found: list[dict[str, Any]]) -> set[str]:
    return {n["Index Name"] for n in found if "Index Name" in n}


# Each search shape of the Change PCP page (primary care unless told), and the index that must
# serve it (or either of two, where both serve it well).
SEARCHES: list[tuple[dict[str, Any], str]] = [
    ({"last_name": "ga"}, "provider_last_first_idx"),
    ({"last_name": "Gárcia"}, "provider_last_first_idx"),
    ({"last_name": "g"}, "provider_last_first_idx"),
    ({"last_name": "ga", "gender": "F"}, "provider_last_first_idx"),
    ({"last_name": "ga", "include_specialists": True}, "provider_last_first_idx"),
    ({"last_name": "ga", "accepting_new_patients": True}, "provider_last_first_idx"),
    ({"first_name": "mo"}, "provider_first_last_idx"),
    ({"county": "Monterey"}, "provider_county_name_idx"),
    ({"county": "Mariposa", "accepting_new_patients": True}, "provider_county_name_idx"),
    ({"city": "salinas"}, "provider_city_name_idx"),
    ({"zip_code": "94123"}, "provider_zip_name_idx"),
    ({"specialty": "Cardiology", "include_specialists": True}, "provider_specialty_name_idx"),
    ({"specialty": "Pediatrics"}, "provider_specialty_name_idx"),
    (
        {"specialty": "Dermatology", "include_specialists": True, "last_name": "ga"},
        "provider_specialty_name_idx",
    ),
    ({"language": "hmn"}, "provider_speaks_hmn_idx"),
    ({"language": "ar", "accepting_new_patients": True}, "provider_speaks_ar_idx"),
    ({"language": "vi"}, "provider_speaks_vi_idx"),
    ({"language": "es", "county": "Merced"}, "provider_speaks_es_idx provider_county_name_idx"),
    ({"language": "zh-hant", "include_specialists": True}, "provider_speaks_zh_hant_idx"),
]
# Searches that match a handful of providers, which the planner rightly sorts: a ZIP code, a
# rare specialty and a name.
HANDFUL = {"zip_code": "94123", "specialty": "Dermatology"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
def test_each_search_uses_an_index_that_serves_the_page_order(directory: None, member: Member) -> None:
    for search, index in SEARCHES:
        page, count = parts(plan(member, search))
        shown = (search, [(n["Node Type"], n.get("Index Name")) for n in page + count])
        assert indexes(page) & set(index.split()), shown
        assert all(n["Node Type"] != "Seq Scan" for n in page + count), shown
        if not HANDFUL.items() & search.items():
            # The index hands rows over already in page order: LIMIT stops after one page.
            assert all(n["Node Type"] != "Sort" for n in page), shown
        # The count reads an index too, at most COUNTED_UP_TO + 1 of its entries.
        assert count and indexes(count), shown


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
def test_a_name_prefix_is_a_range_of_the_index_not_a_filter_on_every_row(
    directory: None, member: Member
) -> None:
    for search in [{"last_name": "ga", "county": "Monterey"}, {"last_name": "ga", "specialty": "Pediatrics"}]:
        page, _count = parts(plan(member, search))
        conditions = " ".join(n.get("Index Cond", "") for n in page)
        assert ">= 'ga'" in conditions and "< 'gb'" in conditions, (search, conditions)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
def test_every_language_the_portal_speaks_but_english_has_its_index(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'providers_provider'")
        defined = dict(cursor.fetchall())
    for code, _name in PORTAL_LANGUAGES:
        if code == "en":
            continue
        name = f"provider_speaks_{code.replace('-', '_')}_idx"
        assert name in defined, code
        assert f"""WHERE (languages @> '["{code}"]'::jsonb)""" in defined[name], defined[name]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the indexes are PostgreSQL's")
def test_the_planner_is_not_forced(db: None) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
