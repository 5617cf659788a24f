"""Change PCP's fields in error say what to fix, under the field and in the error summary."""

from django.test import Client

from tests.form_errors import assert_says
from tests.providers.pcp_factories import make_provider, search


def test_a_bad_zip_code_says_what_one_looks_like(member_client: Client) -> None:
    page = search(member_client, zip_code="9390")
    assert_says(page, {"id_zip_code": "Enter a 5-digit ZIP code, for example 93901."})


def test_a_county_not_listed_says_to_choose_from_the_list(member_client: Client) -> None:
    assert_says(search(member_client, county="Atlantis"), {"id_county": "Choose one from the list."})


def test_saving_without_a_reason_says_to_choose_one(member_client: Client) -> None:
    doctor = make_provider(first_name="André", last_name="Dubois")
    page = member_client.post("/providers/change/reason/", {"provider": doctor.pk, "reason": ""})
    assert_says(
        page.content.decode(), {"id_reason": "Choose your reason for changing your PCP from the list."}
    )
