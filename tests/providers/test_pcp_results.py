"""Change PCP results: how many providers were found, a Choose button per provider who can be
chosen (and the seed's radio button + Change, still), both reaching the Reason step, and the
error for Change without a choice shown next to the Change button."""

import datetime
import itertools
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from providers.models import PcpChangeRequest, Provider
from tests.providers.pcp_factories import make_provider, names, result_row, search

REASON_STEP = "Reason for changing your Primary Care Provider"
_npis = itertools.count(1_400_000_000)


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    with time_machine.travel(datetime.datetime(2026, 9, 15, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield


def many(count: int, last_name: str = "Garza") -> list[Provider]:
    providers = []
    for n in range(count):
        provider = Provider(
            npi=str(next(_npis)),
            first_name=f"Doc{n:03d}",
            last_name=last_name,
            specialty="Family Medicine",
            is_primary_care=True,
            county="Monterey",
        )
        provider.fold_names()
        providers.append(provider)
    return Provider.objects.bulk_create(providers)


def count_line(html: str) -> str:
    found = re.search(r'<p class="pcp-results__count">([^<]*)</p>', html)
    assert found, "no count"
    return found.group(1)


# --- The count ---------------------------------------------------------------------------------


def test_the_count_says_how_many_providers_match(member_client: Client) -> None:
    make_provider(last_name="Solo")
    many(23)

    assert count_line(search(member_client, last_name="solo")) == "1 provider found"
    assert count_line(search(member_client, last_name="garza")) == "23 providers found"
    assert count_line(search(member_client, last_name="garza", page="2")) == "23 providers found"


def test_the_count_stops_at_a_hundred(member_client: Client) -> None:
    many(100)
    assert count_line(search(member_client, last_name="garza")) == "100 providers found"

    many(1, last_name="Garzon")
    html = search(member_client, last_name="garz")
    assert count_line(html) == "More than 100 providers found"
    assert count_line(search(member_client, last_name="garz", page="6")) == "More than 100 providers found"


def test_the_count_is_pluralised_in_the_members_language(member_client: Client) -> None:
    make_provider(last_name="Solo")
    many(23)
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    assert count_line(search(member_client, last_name="solo")) == "1 proveedor encontrado"
    assert count_line(search(member_client, last_name="garza")) == "23 proveedores encontrados"


def test_no_count_on_a_page_past_the_last(member_client: Client) -> None:
    many(3)
    html = search(member_client, last_name="garza", page="4")
    assert "pcp-results__count" not in html
    assert "No providers match your search." in html


# --- Choose, and the radio button + Change ----------------------------------------------------


def test_each_provider_who_can_be_chosen_has_a_choose_button_named_for_them(member_client: Client) -> None:
    luis = make_provider(first_name="Luis", last_name="Pham")
    make_provider(first_name="Full", last_name="Pham", accepting_new_patients=False)

    html = search(member_client, last_name="pham")

    row = result_row(html, "Luis Pham")
    button = re.search(r"<button [^>]*>.*?</button>", row, re.S)
    assert button
    assert f'name="choose" value="{luis.pk}"' in button.group(0)
    assert re.sub(r"<[^>]+>", "", button.group(0)) == "Choose Luis Pham"
    assert '<span class="visually-hidden"> Luis Pham</span>' in button.group(0)
    assert "<button" not in result_row(html, "Full Pham")
    # The Choose buttons and the Change button are in the one POST form, with the search.
    form = html.split('<form method="post"')[1].split("</form>")[0]
    assert form.count('name="choose"') == 1 and ">Change</button>" in form
    assert 'name="search" value="last_name=pham"' in form


def test_choose_reaches_the_reason_step(member_client: Client) -> None:
    luis = make_provider(first_name="Luis", last_name="Pham")

    response = member_client.post(
        "/providers/change/reason/", {"choose": luis.pk, "search": "last_name=pham"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your new primary care provider: Luis Pham" in html
    assert REASON_STEP in html
    assert f'<input type="hidden" name="provider" value="{luis.pk}"' in html
    assert PcpChangeRequest.objects.count() == 0


def test_choose_then_save_makes_the_change(member_client: Client) -> None:
    luis = make_provider(first_name="Luis", last_name="Pham")
    member_client.post("/providers/change/reason/", {"choose": luis.pk, "search": "last_name=pham"})

    response = member_client.post(
        "/providers/change/reason/",
        {"provider": luis.pk, "reason": "member_request", "search": "last_name=pham"},
    )

    assert response.status_code == 302 and response["Location"] == "/providers/"
    assert PcpChangeRequest.objects.get().new_provider == luis


def test_the_radio_button_and_change_still_reach_the_reason_step(member_client: Client) -> None:
    luis = make_provider(first_name="Luis", last_name="Pham")
    html = search(member_client, last_name="pham")
    assert f'type="radio" name="provider" value="{luis.pk}"' in result_row(html, "Luis Pham")

    response = member_client.post(
        "/providers/change/reason/", {"provider": luis.pk, "search": "last_name=pham"}
    )

    assert response.status_code == 200
    assert "Your new primary care provider: Luis Pham" in response.content.decode()


def test_the_choose_button_pressed_wins_over_a_radio_button_checked_elsewhere(member_client: Client) -> None:
    luis = make_provider(first_name="Luis", last_name="Pham")
    ana = make_provider(first_name="Ana", last_name="Pham")

    response = member_client.post("/providers/change/reason/", {"provider": ana.pk, "choose": luis.pk})

    assert "Your new primary care provider: Luis Pham" in response.content.decode()


def test_choose_for_a_provider_who_cannot_be_chosen_goes_back_with_why(member_client: Client) -> None:
    full = make_provider(first_name="Full", last_name="Pham", accepting_new_patients=False)

    response = member_client.post(
        "/providers/change/reason/", {"choose": full.pk, "search": "last_name=pham"}, follow=True
    )

    assert response.redirect_chain == [("/providers/change/?last_name=pham", 302)]
    assert "This provider is not accepting new patients." in response.content.decode()
    assert REASON_STEP not in response.content.decode()


# --- The error next to where the member acted ------------------------------------------------------


def test_change_without_a_choice_says_so_next_to_the_change_button(member_client: Client) -> None:
    many(45)

    response = member_client.post(
        "/providers/change/reason/", {"search": "last_name=garza&page=2"}, follow=True
    )

    assert response.redirect_chain == [
        ("/providers/change/?last_name=garza&page=2&error=choose#choose-error", 302)
    ]
    html = response.content.decode()
    message = "Choose a doctor from the search results."
    assert html.count(message) == 1
    assert names(html)[0] == "Doc020 Garza", "the page the member was on"
    # After the list, right before the Change button that refers to it, and not among the
    # messages above the search form.
    after_list = html.split("</ul>\n      </fieldset>")[1]
    error, button = after_list.split("</p>", 1)
    assert 'id="choose-error" role="alert"' in error and message in error
    assert button.lstrip().startswith(
        '<button type="submit" class="usa-button" aria-describedby="choose-error">Change</button>'
    )
    assert 'aria-describedby="choose-error"' in html.split("<fieldset")[1].split(">")[0]
    assert message not in html.split('<form method="get"')[0]


def test_a_search_without_the_error_shows_none(member_client: Client) -> None:
    many(3)
    html = search(member_client, last_name="garza")
    assert "Choose a doctor from the search results." not in html
    assert 'id="choose-error"' not in html
