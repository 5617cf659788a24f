"""Change PCP filters: primary care by default and Include specialists, language spoken,
specialty, accepting new patients, each alone and together; the county, language and specialty
lists read from the directory once per process; specialty names in the member's language."""

import datetime
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from members.models import Member
from providers import directory_lists
from providers.selectors import provider_search
from tests.providers.pcp_factories import assign, make_provider, names, result_row, search


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 9, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def search_form(html: str) -> str:
    """The search form alone (the page's header has a language switcher with a select too)."""
    return html.split('<form method="get" action="/providers/change/"')[1].split("</form>")[0]


def options(html: str, field: str) -> list[str]:
    """The labels of a search form select's options, in order (option groups flattened)."""
    select = search_form(html).split(f'name="{field}"')[1].split("</select>")[0]
    return re.findall(r"<option [^>]*>([^<]*)</option>", select)


def selected(html: str, field: str) -> str:
    select = search_form(html).split(f'name="{field}"')[1].split("</select>")[0]
    found = re.findall(r"<option [^>]*selected[^>]*>([^<]*)</option>", select)
    return found[0] if found else ""


def checked(html: str, field: str) -> bool:
    tag = re.search(rf'<input [^>]*name="{field}"[^>]*>', search_form(html))
    assert tag, field
    return " checked" in tag.group(0)


# --- Primary care by default --------------------------------------------------------------


def test_the_search_lists_primary_care_providers_by_default(member_client: Client) -> None:
    make_provider(first_name="Pat", last_name="Gomez", specialty="Family Medicine")
    make_provider(first_name="Sam", last_name="Gomez", specialty="Cardiology", is_primary_care=False)

    html = search(member_client)
    assert not checked(html, "include_specialists")
    assert "Specialists cannot be your PCP, but you can look them up." in html

    html = search(member_client, last_name="gomez")
    assert names(html) == ["Pat Gomez"]
    assert not checked(html, "include_specialists")


def test_include_specialists_lists_them_with_why_they_cannot_be_chosen(member_client: Client) -> None:
    make_provider(first_name="Pat", last_name="Gomez", specialty="Family Medicine")
    make_provider(first_name="Sam", last_name="Gomez", specialty="Cardiology", is_primary_care=False)

    html = search(member_client, last_name="gomez", include_specialists="on")

    assert names(html) == ["Pat Gomez", "Sam Gomez"]
    assert checked(html, "include_specialists")
    assert "not a primary care provider" in result_row(html, "Sam Gomez")


def test_no_match_among_primary_care_says_specialists_are_left_out(member_client: Client) -> None:
    make_provider(first_name="Sam", last_name="Gomez", specialty="Cardiology", is_primary_care=False)
    hint = "Only primary care providers are listed. To look up a specialist, check Include specialists."

    html = search(member_client, last_name="gomez")
    assert "No providers match your search." in html and hint in html
    assert hint not in search(member_client, last_name="zzz", include_specialists="on")


# --- Each filter ----------------------------------------------------------------------------


def test_language_spoken(member_client: Client) -> None:
    make_provider(first_name="Vi", last_name="Tran", languages=["en", "vi"])
    make_provider(first_name="Es", last_name="Torres", languages=["en", "es"])
    make_provider(first_name="Hm", last_name="Thao", languages=["hmn", "en"])

    html = search(member_client)
    assert options(html, "language") == ["Any language", "English", "Hmong", "Spanish", "Vietnamese"]

    assert names(search(member_client, language="vi")) == ["Vi Tran"]
    assert names(search(member_client, language="en", last_name="t")) == ["Hm Thao", "Es Torres", "Vi Tran"]
    html = search(member_client, language="hmn")
    assert names(html) == ["Hm Thao"] and selected(html, "language") == "Hmong"


def test_language_spoken_matches_the_code_exactly_on_sqlite_too(
    member_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `make run` serves from SQLite, which has no JSON containment: the code is found as JSON text.
    make_provider(first_name="Pt", last_name="Souza", languages=["en", "pt-br"])
    make_provider(first_name="Pa", last_name="Singh", languages=["en", "pa"])
    postgres = [p.full_name for p in provider_search(language="pt-br")]

    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert "LIKE" in str(provider_search(language="pa").query)
    assert [p.full_name for p in provider_search(language="pt-br")] == postgres == ["Pt Souza"]
    assert [p.full_name for p in provider_search(language="pa")] == ["Pa Singh"]
    assert [p.full_name for p in provider_search(language="p")] == []


def test_specialty(member_client: Client) -> None:
    make_provider(first_name="Kid", last_name="Lee", specialty="Pediatrics")
    make_provider(first_name="Fam", last_name="Lee", specialty="Family Medicine")
    make_provider(first_name="Heart", last_name="Lee", specialty="Cardiology", is_primary_care=False)

    html = search(member_client)
    specialty = search_form(html).split('name="specialty"')[1].split("</select>")[0]
    assert '<optgroup label="Primary care">' in specialty and '<optgroup label="Specialists">' in specialty
    assert options(html, "specialty") == ["Any specialty", "Family Medicine", "Pediatrics", "Cardiology"]

    assert names(search(member_client, specialty="Pediatrics")) == ["Kid Lee"]
    assert names(search(member_client, specialty="Cardiology")) == [], (
        "a specialist, and specialists are left out"
    )
    assert names(search(member_client, specialty="Cardiology", include_specialists="on")) == ["Heart Lee"]


def test_accepting_new_patients(member_client: Client) -> None:
    make_provider(first_name="Open", last_name="Ruiz", accepting_new_patients=True)
    make_provider(first_name="Full", last_name="Ruiz", accepting_new_patients=False)

    assert names(search(member_client, last_name="ruiz")) == ["Full Ruiz", "Open Ruiz"]
    html = search(member_client, last_name="ruiz", accepting_new_patients="on")
    assert names(html) == ["Open Ruiz"] and checked(html, "accepting_new_patients")


def test_filters_combine_with_each_other_and_with_the_fields(member_client: Client) -> None:
    wanted = {
        "languages": ["en", "vi"],
        "specialty": "Internal Medicine",
        "county": "Merced",
        "accepting_new_patients": True,
        "gender": "F",
    }
    make_provider(first_name="Right", last_name="Nguyen", **wanted)
    # Each of these differs from the one wanted in one thing only.
    make_provider(first_name="Speaks", last_name="Nguyen", **{**wanted, "languages": ["en"]})
    make_provider(first_name="Other", last_name="Nguyen", **{**wanted, "specialty": "Pediatrics"})
    make_provider(first_name="Far", last_name="Nguyen", **{**wanted, "county": "Monterey"})
    make_provider(first_name="Full", last_name="Nguyen", **{**wanted, "accepting_new_patients": False})
    make_provider(first_name="He", last_name="Nguyen", **{**wanted, "gender": "M"})
    make_provider(first_name="Spec", last_name="Nguyen", **{**wanted, "is_primary_care": False})
    make_provider(first_name="Right", last_name="Pham", **wanted)

    every = {
        "language": "vi",
        "specialty": "Internal Medicine",
        "county": "Merced",
        "accepting_new_patients": "on",
        "gender": "F",
    }
    assert names(search(member_client, **every)) == ["Right Nguyen", "Right Pham"]
    assert names(search(member_client, last_name="nguyen", **every)) == ["Right Nguyen"]
    assert names(search(member_client, first_name="right", **every)) == ["Right Nguyen", "Right Pham"]
    assert names(search(member_client, last_name="nguyen", include_specialists="on", **every)) == [
        "Right Nguyen",
        "Spec Nguyen",
    ]
    assert len(names(search(member_client, last_name="nguyen", language="vi"))) == 5
    assert len(names(search(member_client, last_name="nguyen", county="Merced", language="vi"))) == 4


def test_the_filters_stay_in_the_page_links(member_client: Client) -> None:
    for n in range(25):
        make_provider(first_name=f"Doc{n:02d}", last_name="Vang", languages=["hmn"], specialty="Cardiology")

    html = search(
        member_client,
        language="hmn",
        specialty="Cardiology",
        include_specialists="on",
        accepting_new_patients="on",
    )

    next_link = re.search(r'href="([^"]+)" rel="next"', html)
    assert next_link
    assert next_link.group(1) == (
        "/providers/change/?language=hmn&amp;specialty=Cardiology&amp;accepting_new_patients=on"
        "&amp;include_specialists=on&amp;page=2"
    )
    page_two = search(
        member_client, **dict(re.findall(r"(\w+)=([^&]+)", next_link.group(1).replace("&amp;", "&")))
    )
    assert len(names(page_two)) == 5


def test_a_filter_alone_is_a_search_but_a_checkbox_alone_is_not(member_client: Client) -> None:
    make_provider(first_name="Vi", last_name="Tran", languages=["en", "vi"])

    assert names(search(member_client, language="vi")) == ["Vi Tran"]
    assert names(search(member_client, specialty="Family Medicine")) == ["Vi Tran"]
    for box in ["accepting_new_patients", "include_specialists"]:
        html = search(member_client, **{box: "on"})
        assert "Fill in at least one field to search." in html and names(html) == []


def test_a_value_not_in_a_list_is_refused_next_to_its_field(member_client: Client) -> None:
    make_provider()
    for field in ["county", "language", "specialty"]:
        html = search(member_client, **{field: "Atlantis"})
        # The field's own form group: its label, its error and its control.
        groups = search_form(html).split('<div class="usa-form-group')
        [group] = [part for part in groups if f'name="{field}"' in part]
        assert "Choose one from the list." in group, field
        assert names(html) == []


# --- The lists ------------------------------------------------------------------------------


def test_the_county_list_is_the_directorys_counties_one_spelling_each(member_client: Client) -> None:
    make_provider(county="Monterey")
    make_provider(county="Merced")
    make_provider(county="Merced")
    make_provider(county="MERCED")
    make_provider(county="Santa Cruz", is_primary_care=False, specialty="Cardiology")
    make_provider(county="")

    html = search(member_client)
    assert options(html, "county") == ["Any county", "Merced", "Monterey", "Santa Cruz"]
    assert 'type="text" name="county"' not in html

    # A link from when County was typed in still works, and shows the county chosen.
    html = search(member_client, county="merced")
    assert len(names(html)) == 3 and selected(html, "county") == "Merced"


def test_the_lists_are_read_in_one_query_once_per_process(
    member_client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_provider(county="Monterey")
    now = [1_000.0]
    monkeypatch.setattr(directory_lists.time, "monotonic", lambda: now[0])
    member_client.get("/providers/change/")

    def list_queries() -> int:
        with CaptureQueriesContext(connection) as page:
            search(member_client, last_name="garcia")
        return sum("GROUP BY" in q["sql"] and "providers_provider" in q["sql"] for q in page.captured_queries)

    assert list_queries() == 0, "read by the first page"
    make_provider(county="Mariposa")
    now[0] += directory_lists.KEEP_SECONDS - 1
    assert list_queries() == 0
    assert options(search(member_client), "county") == ["Any county", "Monterey"], "kept for ten minutes"

    now[0] += 1
    assert list_queries() == 1
    assert options(search(member_client), "county") == ["Any county", "Mariposa", "Monterey"]


def test_a_county_new_to_the_directory_shows_in_the_cached_form(member_client: Client) -> None:
    # The form's fields are cached (providers/results.py) with the lists in their key.
    make_provider(county="Monterey")
    assert options(search(member_client, last_name="garcia"), "county") == ["Any county", "Monterey"]

    make_provider(county="San Benito")
    directory_lists.forget_directory_lists()

    assert options(search(member_client, last_name="garcia"), "county") == [
        "Any county",
        "Monterey",
        "San Benito",
    ]


# --- Specialty names in the member's language ---------------------------------------------------


def test_specialty_names_are_shown_in_spanish(member_client: Client, member: Member) -> None:
    make_provider(first_name="Kid", last_name="Lee", specialty="Pediatrics")
    make_provider(first_name="Heart", last_name="Lee", specialty="Cardiology", is_primary_care=False)
    make_provider(first_name="New", last_name="Lee", specialty="Sports Medicine", is_primary_care=False)
    assign(member, make_provider(first_name="Fam", last_name="Ortiz"), datetime.date(2025, 1, 1))
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    html = search(member_client, last_name="lee", include_specialists="on")
    my_pcp = member_client.get("/providers/").content.decode()

    with translation.override("es"):
        pediatrics, cardiology, family = (
            translation.gettext(name) for name in ["Pediatrics", "Cardiology", "Family Medicine"]
        )
        specialty_label = translation.gettext("Specialty")
    assert (pediatrics, cardiology, family) == ("Pediatría", "Cardiología", "Medicina familiar")
    assert f"<dt>{specialty_label}</dt><dd>{pediatrics}</dd>" in result_row(html, "Kid Lee")
    assert f"<dd>{cardiology}</dd>" in result_row(html, "Heart Lee")
    assert "<dd>Sports Medicine</dd>" in result_row(html, "New Lee"), "not in the list: shown as stored"
    assert {pediatrics, cardiology, family, "Sports Medicine"} <= set(options(html, "specialty"))
    assert f"<dd>{family}</dd>" in my_pcp


def test_a_spanish_search_by_specialty_matches_the_stored_english_name(member_client: Client) -> None:
    make_provider(first_name="Kid", last_name="Lee", specialty="Pediatrics")
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    html = search(member_client, specialty="Pediatrics")

    assert names(html) == ["Kid Lee"]
    assert selected(html, "specialty") == "Pediatría"
