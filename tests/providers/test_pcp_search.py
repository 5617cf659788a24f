"""Change PCP search: each field, names from their start ignoring case and accents, paging, the
cached fragments, the page's fixed cost, and providers who cannot be chosen shown with the
reason and nothing to choose them with. (The filters: test_pcp_filters.py; the results' count,
Choose buttons and errors: test_pcp_results.py.)"""

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from members.models import Member, User
from providers.models import Gender
from providers.selectors import provider_search
from tests.providers.pcp_factories import assign, make_provider, names, result_row, search


@pytest.fixture(autouse=True)
def _pinned_clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(datetime.datetime(2026, 9, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_search_page_has_the_help_pages_fields(member_client: Client) -> None:
    html = search(member_client)
    for label in ["First Name", "Last Name", "Gender", "County", "City", "Zip Code"]:
        assert f">{label}" in html
    for label in [
        "Language spoken",
        "Specialty",
        "Only providers accepting new patients",
        "Include specialists",
    ]:
        assert f">{label}" in html
    assert ">Search</button>" in html
    assert 'method="get"' in html
    assert "Search results" not in html


def test_last_name_prefix_ignores_case_and_accents(member_client: Client) -> None:
    make_provider(first_name="Lucía", last_name="García")
    make_provider(first_name="José", last_name="Núñez-Ortiz")
    make_provider(first_name="Ana", last_name="Garner")
    make_provider(first_name="Ben", last_name="Agar")

    assert names(search(member_client, last_name="gar")) == ["Lucía García", "Ana Garner"]
    assert names(search(member_client, last_name="GARC")) == ["Lucía García"]
    assert names(search(member_client, last_name="nunez")) == ["José Núñez-Ortiz"]
    assert names(search(member_client, last_name="Núñez Ortiz")) == ["José Núñez-Ortiz"]


def test_first_name_prefix_ignores_accents(member_client: Client) -> None:
    make_provider(first_name="André", last_name="Dubois")
    make_provider(first_name="Andrea", last_name="Cole")
    make_provider(first_name="Sandra", last_name="Andrews")

    assert names(search(member_client, first_name="andre")) == ["André Dubois", "Andrea Cole"]


def test_search_by_gender_county_city_and_zip(member_client: Client) -> None:
    make_provider(first_name="Ana", last_name="Alvarez", gender=Gender.FEMALE)
    make_provider(
        first_name="Bo",
        last_name="Baker",
        gender=Gender.MALE,
        county="Merced",
        city="Merced",
        zip_code="95340",
    )
    make_provider(
        first_name="Cy", last_name="Chen", gender=Gender.MALE, city="Watsonville", zip_code="95076-1234"
    )

    assert names(search(member_client, gender="M")) == ["Bo Baker", "Cy Chen"]
    assert names(search(member_client, county="merced")) == ["Bo Baker"]
    assert names(search(member_client, city="WATSONVILLE")) == ["Cy Chen"]
    assert names(search(member_client, zip_code="95076")) == ["Cy Chen"]
    assert names(search(member_client, zip_code="93901")) == ["Ana Alvarez"]
    assert names(search(member_client, gender="M", county="Monterey")) == ["Cy Chen"]


def test_empty_search_asks_for_a_field(member_client: Client) -> None:
    make_provider()
    html = search(member_client, last_name="", city="")
    assert "Fill in at least one field to search." in html
    assert names(html) == []


def test_no_match_says_so(member_client: Client) -> None:
    html = search(member_client, last_name="zzz")
    assert "No providers match your search." in html


def test_results_show_directory_details(member_client: Client) -> None:
    make_provider(first_name="Lucía", last_name="García", accepting_new_patients=True, languages=["en", "es"])
    html = search(member_client, last_name="garcia")
    for detail in [
        "Family Medicine",
        "Clínica del Valle",
        "300 Main St, Salinas, CA 93901",
        "(831) 555-0110",
        "English, Spanish",
        "Female",
        "<dt>Accepting new patients</dt><dd>Yes</dd>",
    ]:
        assert detail in html
    assert 'type="radio" name="provider"' in html
    assert ">Change</button>" in html
    assert 'name="choose"' in html


def test_a_provider_changed_in_the_directory_shows_the_change_at_once(member_client: Client) -> None:
    # Entries are rendered once and kept in the cache (providers/entries.py); never a stale one.
    provider = make_provider(last_name="García", phone="+18315550110")
    assert "(831) 555-0110" in search(member_client, last_name="garcia")

    provider.phone = "+18315550199"
    provider.accepting_new_patients = False
    provider.save()
    html = search(member_client, last_name="garcia")

    assert "(831) 555-0199" in html and "(831) 555-0110" not in html
    assert "<dt>Accepting new patients</dt><dd>No</dd>" in html


def test_an_edited_results_template_shows_on_the_next_search(
    member_client: Client, settings: Any, tmp_path: Path
) -> None:
    # As after a deploy, or runserver reloading the template: the cached rows are not served.
    make_provider(last_name="García")
    original = settings.BASE_DIR / "templates" / "providers" / "includes" / "search_result.html"
    assert "Cannot be chosen:" in original.read_text()
    assert "Clínica del Valle" in search(member_client, last_name="garcia")

    edited = tmp_path / "providers" / "includes" / "search_result.html"
    edited.parent.mkdir(parents=True)
    edited.write_text(original.read_text().replace("{% include", "<p>Edited row</p>{% include"))
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]

    html = search(member_client, last_name="garcia")
    assert "<p>Edited row</p>" in html and "Clínica del Valle" in html


def test_results_follow_the_page_language_after_an_english_visit(member_client: Client) -> None:
    make_provider(last_name="García")
    assert "Specialty" in search(member_client, last_name="garcia")

    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    html = search(member_client, last_name="garcia")

    with translation.override("es"):
        assert f"<dt>{translation.gettext('Specialty')}</dt>" in html
        assert translation.gettext("Specialty") != "Specialty"
        assert f">{translation.gettext('Last Name')}" in html, "the search form's labels too"
        assert translation.gettext("Last Name") != "Last Name"


def test_the_search_form_shows_what_was_typed_each_time(member_client: Client) -> None:
    # The form's fields are rendered once per language and typed values, and kept in the cache.
    assert 'value="garcia"' in search(member_client, last_name="garcia")

    html = search(member_client, last_name="lopez", city="Salinas")
    assert 'value="lopez"' in html and 'value="Salinas"' in html and "garcia" not in html

    html = search(member_client, last_name="lopez", zip_code="9390")
    assert "Enter a 5-digit ZIP code, for example 93901." in html and 'value="9390"' in html


def test_each_member_sees_whether_they_can_choose_the_same_provider(
    member_client: Client, member: Member, make_member: Callable[..., Member]
) -> None:
    # Results rows are kept in the cache; why a provider cannot be chosen is the member's own.
    provider = make_provider(first_name="Shared", last_name="Doctor")
    assign(member, provider, datetime.date(2025, 1, 1))
    other = make_member(first_name="Ana")
    other.user = User.objects.create_user(username="ana.other", password="another long passphrase")
    other.save()
    other_client = Client()
    other_client.force_login(other.user)
    choose = f'name="choose" value="{provider.pk}"'

    assert choose in search(other_client, last_name="doctor")
    html = search(member_client, last_name="doctor")
    assert choose not in html and "This is already your PCP." in html
    html = search(other_client, last_name="doctor")
    assert choose in html and "This is already your PCP." not in html


def test_results_are_paged_twenty_at_a_time(member_client: Client) -> None:
    for n in range(45):
        make_provider(first_name=f"Doc{n:02d}", last_name="Garza")

    first = search(member_client, last_name="gar")
    third = search(member_client, last_name="gar", page="3")

    assert names(first) == [f"Doc{n:02d} Garza" for n in range(20)]
    assert names(third) == [f"Doc{n:02d} Garza" for n in range(40, 45)]
    assert 'href="/providers/change/?last_name=gar&amp;page=2" rel="next"' in first
    assert 'rel="prev"' not in first
    assert 'href="/providers/change/?last_name=gar&amp;page=2" rel="prev"' in third
    assert 'rel="next"' not in third


def test_a_long_search_is_listed_up_to_the_last_page_then_asks_to_narrow_it(
    member_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("providers.views.MAX_PAGES", 2)  # 40 providers listed instead of 1,000
    doctors = [make_provider(first_name=f"Doc{n:02d}", last_name="Garza") for n in range(45)]
    narrow = "Add more letters, a Zip Code or a County to narrow your search."

    first = search(member_client, last_name="gar")
    assert 'rel="next"' in first and narrow not in first
    last = search(member_client, last_name="gar", page="2")
    assert names(last) == [f"Doc{n:02d} Garza" for n in range(20, 40)]
    assert 'rel="next"' not in last and narrow in last
    assert names(search(member_client, last_name="gar", page="9")) == names(last)

    for doctor in doctors[40:]:
        doctor.delete()
    assert narrow not in search(member_client, last_name="gar", page="2"), "all 40 are listed"


def test_results_page_costs_the_same_queries_for_1_or_50_matches(
    member_client: Client, member: Member
) -> None:
    assign(member, make_provider(last_name="Current"), datetime.date(2025, 1, 1))
    make_provider(last_name="Solo")
    for n in range(50):
        make_provider(
            first_name=f"Doc{n:02d}", last_name="Many", specialty="Cardiology", is_primary_care=n < 30
        )
    member_client.get("/providers/change/")  # the first request of a session also writes the session

    with CaptureQueriesContext(connection) as one:
        assert len(names(search(member_client, last_name="solo"))) == 1
    with CaptureQueriesContext(connection) as many:
        assert len(names(search(member_client, last_name="many"))) == 20
    with CaptureQueriesContext(connection) as filtered:
        html = search(
            member_client,
            last_name="many",
            language="es",
            county="Monterey",
            specialty="Cardiology",
            accepting_new_patients="on",
            include_specialists="on",
            page="2",
        )
        assert len(names(html)) == 20

    # The user with their member record, the page (with its count and the member's current PCP in the same
    # statement), the header's unread messages and the audit trail's INSERT; the form's lists are
    # kept in the process.
    assert len(one) == len(many) == len(filtered) == 4, [q["sql"][:60] for q in filtered.captured_queries]


def test_the_page_reads_the_members_current_pcp_in_the_search_query(
    member_client: Client, member: Member
) -> None:
    current = make_provider(first_name="Cur", last_name="Aaa")
    assign(member, current, datetime.date(2025, 1, 1))
    assign(
        member,
        make_provider(first_name="Old", last_name="Abb"),
        datetime.date(2020, 1, 1),
        datetime.date(2024, 12, 31),
    )

    html = search(member_client, last_name="a")

    assert "This is already your PCP." in result_row(html, "Cur Aaa")
    assert "This is already your PCP." not in result_row(html, "Old Abb")


def test_providers_who_cannot_be_chosen_are_shown_with_the_reason_and_no_button(
    member_client: Client, member: Member
) -> None:
    current = make_provider(first_name="Cur", last_name="Aaa")
    assign(member, current, datetime.date(2025, 1, 1))
    make_provider(first_name="Full", last_name="Abb", accepting_new_patients=False)
    make_provider(first_name="Heart", last_name="Acc", is_primary_care=False, specialty="Cardiology")
    make_provider(first_name="Far", last_name="Add", county="Merced")
    ok = make_provider(first_name="Open", last_name="Aee")

    html = search(member_client, last_name="a", include_specialists="on")

    for name, reason in [
        ("Cur Aaa", "This is already your PCP."),
        ("Full Abb", "This provider is not accepting new patients."),
        ("Heart Acc", "This provider is not a primary care provider."),
        ("Far Add", "This provider is outside your county."),
    ]:
        row = result_row(html, name)
        assert f"Cannot be chosen: {reason}" in row
        assert "<button" not in row and 'type="radio"' not in row, name
    row = result_row(html, "Open Aee")
    assert "Cannot be chosen" not in row
    assert f'<button type="submit" name="choose" value="{ok.pk}"' in row
    assert f'type="radio" name="provider" value="{ok.pk}"' in row


def test_provider_search_orders_by_first_name_when_only_first_name_is_given(db: None) -> None:
    make_provider(first_name="Maria", last_name="Alpha")
    make_provider(first_name="Mara", last_name="Zeta")

    assert [p.full_name for p in provider_search(first_name="mar")] == ["Mara Zeta", "Maria Alpha"]
    assert [p.full_name for p in provider_search(first_name="mar", last_name="a")] == ["Maria Alpha"]
