"""The household switch: a head of household chooses whose information MyServices shows;
everyone else sees only their own, whatever the session or the form says."""

import pytest
from django.test import Client

from households.viewing import SESSION_KEY
from tests.households.clients import signed_in, view
from tests.households.households import Household, marker

pytestmark = pytest.mark.usefixtures("myservices")


def test_the_head_sees_viewing_and_chooses_among_the_household(household: Household) -> None:
    client = signed_in(household.head)
    html = client.get("/my/benefits/").content.decode()
    assert "Viewing: Ana" in html
    for person in household.everyone:
        assert f'<option value="{person.pk}"' in html
    assert marker(household.head, "Program") in html
    assert marker(household.child, "Program") not in html

    response = client.post("/my/viewing/", {"member": household.child.pk, "next": "/my/notices/"})

    assert response.status_code == 302 and response["Location"] == "/my/notices/"
    html = client.get("/my/benefits/").content.decode()
    assert f"Viewing: {household.child.full_name}" in html
    assert marker(household.child, "Program") in html
    assert marker(household.head, "Program") not in html


def test_the_switch_goes_back_only_to_a_myservices_page(household: Household) -> None:
    client = signed_in(household.head)
    for elsewhere in ["https://evil.example/", "//evil.example/my/", "/profile/"]:
        response = client.post("/my/viewing/", {"member": household.child.pk, "next": elsewhere})
        assert response["Location"] == "/my/"


@pytest.mark.parametrize("who", ["spouse", "holder"])
def test_anyone_but_the_head_sees_only_their_own(household: Household, who: str) -> None:
    member = getattr(household, who)
    client = signed_in(member)
    html = client.get("/my/benefits/").content.decode()
    assert "Viewing:" not in html and "id_viewing_member" not in html and "household_choose" not in html
    assert marker(member, "Program") in html

    # Neither the form nor a value left in the session makes them someone else.
    assert client.post("/my/viewing/", {"member": household.child.pk}).status_code == 404
    session = client.session
    session[SESSION_KEY] = household.head.pk
    session.save()
    for url in ["/my/", "/my/benefits/", "/my/documents/", "/my/notices/"]:
        html = client.get(url).content.decode()
        assert marker(household.head, "Program") not in html and marker(household.head, "Notice") not in html


def test_a_stale_choice_falls_back_to_the_heads_own(household: Household, member_client: Client) -> None:
    client = signed_in(household.head)
    view(client, household.child)
    # The child leaves the household in the next member file.
    household.child.head_of_household = household.child
    household.child.save()
    html = client.get("/my/benefits/").content.decode()
    assert "Viewing: Ana" in html and marker(household.child, "Program") not in html


def test_an_adults_contact_information_is_not_shown_to_the_head_a_minors_is(household: Household) -> None:
    client = signed_in(household.head)
    view(client, household.spouse)
    html = client.get("/my/").content.decode()
    assert marker(household.spouse, "Street") not in html
    assert "shown only to them" in html
    assert "1982" not in html  # the spouse's date of birth
    # Their eligibility is the head's to review.
    assert marker(household.spouse, "Program") in client.get("/my/benefits/").content.decode()

    view(client, household.child)
    html = client.get("/my/").content.decode()
    assert marker(household.child, "Street") in html and "2015" in html
