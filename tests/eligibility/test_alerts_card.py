"""The dashboard's alerts: open alerts and actions needed, soonest due first, past due flagged."""

import datetime

import pytest
from django.utils import translation

from eligibility.models import Alert, AlertKind
from tests.households.clients import signed_in
from tests.households.households import Household

pytestmark = pytest.mark.usefixtures("myservices")


def test_open_alerts_soonest_first_with_what_to_do_and_by_when(household: Household) -> None:
    member = household.spouse
    Alert.objects.create(
        member=member,
        alert_id="R",
        kind=AlertKind.ACTION,
        message_key="renewal_due",
        due_date=datetime.date(2026, 12, 20),
    )
    Alert.objects.create(member=member, alert_id="N", kind=AlertKind.EVENT, message_key="new_notice")
    Alert.objects.create(
        member=member,
        alert_id="DONE",
        kind=AlertKind.ACTION,
        message_key="update_address",
        resolved_date=datetime.date(2026, 11, 1),
    )
    html = signed_in(member).get("/").content.decode()

    card = html[html.index("Alerts and actions needed") :]
    income, renewal, notice = (
        card.index(t) for t in ("Send proof of income", "Renew your coverage", "You have a new notice")
    )
    assert income < renewal < notice
    assert "Send us a recent pay stub" in card and "Due by Dec. 20, 2026." in card
    # Due November 30: past due on December 1; the December one is not.
    assert card.count("Past due") == 1 and card.index("Past due") < income
    assert "Update your address" not in card


def test_the_head_sees_the_households_alerts_a_member_only_their_own(household: Household) -> None:
    head_card = signed_in(household.head).get("/").content.decode()
    assert head_card.count("Send proof of income") == len(household.everyone)
    assert f"({household.child.full_name})" in head_card
    spouse_card = signed_in(household.spouse).get("/").content.decode()
    assert spouse_card.count("Send proof of income") == 1 and household.child.full_name not in spouse_card


def test_alerts_read_in_the_members_language(household: Household) -> None:
    client = signed_in(household.spouse)
    for language, title in [
        ("es", "Envíe un comprobante de ingresos"),
        ("pt-br", "Envie um comprovante de renda"),
    ]:
        with translation.override(language):
            html = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert title in html, language
