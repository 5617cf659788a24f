"""Profile → ID Cards: the member's own card as HTML, with Print and Order ID Card."""

import datetime
import re
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coverage.models import Coverage
from idcards.models import IdCardOrder
from members.models import Member
from portal.plans import PlanProfile
from providers.models import PcpAssignment, Provider
from tests.idcards.conftest import add_past_coverage, texts_of_class
from tests.queries import queries_for


def test_needs_log_in(client: Client, db: None) -> None:
    response = client.get("/profile/id-cards/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_shows_front_and_back_of_the_card(
    alliance: PlanProfile, member_client: Client, carded_member: Member
) -> None:
    response = member_client.get("/profile/id-cards/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Profile" in html and 'aria-current="page">ID Cards<' in html
    assert "Front of card" in html and "Back of card" in html
    for printed in [
        "Alliance Health Plan",
        "José Núñez-Ortiz",
        carded_member.member_id,
        "Ana García",
        "(831) 555-0100",
        "01/01/2024",
        "610011",
        "CTRXMEDI",
        "844-971-8907",
        "800-700-3874",
        "TTY: Dial 711",
    ]:
        assert printed in html, printed
    assert 'href="/profile/id-cards/print/"' in html and ">Print<" in html
    assert 'href="/profile/id-cards/order/"' in html and ">Order ID Card<" in html


def test_the_card_looks_like_a_card(
    alliance: PlanProfile, member_client: Client, carded_member: Member
) -> None:
    html = member_client.get("/profile/id-cards/").content.decode()
    faces = texts_of_class(html, "id-card__face")
    assert len(faces) == 2
    front, back = faces
    # Each face opens with the band in the plan's colour (the theme's --brand), the front with its logo.
    assert html.count('class="id-card__band') == 2
    logo = reverse("plan_logo", args=[alliance.fingerprint])
    assert re.search(rf'<p class="id-card__band"><img class="id-card__logo" src="{logo}" alt=""', html)
    assert front.startswith("Alliance Health Plan") and back.startswith("Alliance Health Plan")
    # The member ID stands on its own, in large type.
    assert texts_of_class(html, "id-card__member-id") == [carded_member.member_id]
    # Which side is which is a heading beside the face (for screen readers and sighted members
    # alike), never printed on the card itself; no side is left empty.
    assert texts_of_class(html, "id-card__label") == ["Front of card", "Back of card"]
    for face in faces:
        assert "front of card" not in face.lower() and "back of card" not in face.lower()
    assert "Ana García" in front and "610011" in back and "911" in back
    # Colours come from classes and the plan's theme stylesheet: the CSP allows no inline style.
    assert "style=" not in html and "<style" not in html


def test_phone_numbers_link_in_e164(
    alliance: PlanProfile, member_client: Client, carded_member: Member, other_provider: Provider
) -> None:
    html = member_client.get("/profile/id-cards/").content.decode()
    card = texts_of_class(html, "id-card")[0]
    assert "(831) 555-0100" in card
    on_the_card = html.split('<div class="id-card">', 1)[1].split('<ul class="usa-button-group">', 1)[0]
    links = re.findall(r'href="tel:([^"]*)"', on_the_card)
    assert links == ["+18315550100", "+18007003874", "+18449718907"]
    # A PCP whose number the directory keeps as typed still gets an E.164 link.
    PcpAssignment.objects.filter(member=carded_member).update(provider=other_provider)
    html = member_client.get("/profile/id-cards/").content.decode()
    assert '<a href="tel:+18315550199">(831) 555-0199</a>' in html
    assert not re.search(r'href="tel:[^+"]', html)


def test_a_pcp_phone_that_is_not_a_number_is_shown_without_a_link(
    member_client: Client, carded_member: Member, provider: Provider
) -> None:
    Provider.objects.filter(pk=provider.pk).update(phone="call the clinic")
    html = member_client.get("/profile/id-cards/").content.decode()
    assert "call the clinic" in html
    assert 'href="tel:call' not in html


def test_dates_are_mm_dd_yyyy_in_every_language(
    alliance: PlanProfile, member_client: Client, carded_member: Member, settings: Any
) -> None:
    # June 1st: the day and the month differ, so 06/01/2024 cannot be a day-first date.
    Coverage.objects.filter(member=carded_member).update(effective_date=datetime.date(2024, 6, 1))
    for language, label in [("en", "Effective date"), ("es", "Fecha de efecto"), ("ar", "تاريخ السريان")]:
        member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        html = member_client.get("/profile/id-cards/").content.decode()
        front = texts_of_class(html, "id-card__face")[0]
        assert f"{label} 06/01/2024" in front, language
        # Inside right-to-left text the date, like the IDs and phones, is an LTR isolate.
        assert '<bdi dir="ltr">06/01/2024</bdi>' in html, language
    assert '<html lang="ar" dir="rtl"' in html


def test_shows_the_pcp_of_today_not_a_future_one(
    member_client: Client, carded_member: Member, provider: Provider, other_provider: Provider
) -> None:
    # A PCP change chosen today takes effect on the first of next month.
    PcpAssignment.objects.filter(member=carded_member).update(effective_to=datetime.date(2099, 12, 31))
    PcpAssignment.objects.create(
        member=carded_member, provider=other_provider, effective_from=datetime.date(2100, 1, 1)
    )
    html = member_client.get("/profile/id-cards/").content.decode()
    assert "Ana García" in html
    assert "Luis Pham" not in html


def test_a_member_without_coverage_or_pcp_still_sees_a_card(member_client: Client, member: Member) -> None:
    html = member_client.get("/profile/id-cards/").content.decode()
    assert member.member_id in html
    assert "No active coverage" in html
    assert "No PCP assigned" in html


def test_shows_an_open_orders_status(member_client: Client, carded_member: Member) -> None:
    member_client.post("/profile/id-cards/order/")
    html = member_client.get("/profile/id-cards/").content.decode()
    assert "You ordered an ID card on" in html
    assert "Status: Requested" in html


def test_shows_only_the_signed_in_members_card(
    member_client: Client, carded_member: Member, make_member: Callable[..., Member], provider: Provider
) -> None:
    stranger = make_member(first_name="Maria", last_name="Stranger")
    html = member_client.get(f"/profile/id-cards/?member={stranger.pk}").content.decode()
    assert stranger.member_id not in html
    assert carded_member.member_id in html


def test_staff_without_a_member_record_get_404(client: Client, db: None) -> None:
    from members.models import User

    client.force_login(User.objects.create_user(username="agent", password="x", is_staff=True))
    assert client.get("/profile/id-cards/").status_code == 404


def test_query_count_does_not_grow_with_history(
    member_client: Client, carded_member: Member, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    member_client.get("/profile/id-cards/")  # warm the session
    few = queries_for(member_client, "/profile/id-cards/")

    add_past_coverage(carded_member, 200)
    IdCardOrder.objects.bulk_create(
        IdCardOrder(
            member=carded_member, status="mailed", line1="1 A St", city="Salinas", state="CA", zip_code="1"
        )
        for _ in range(200)
    )
    with django_assert_num_queries(few):
        response = member_client.get("/profile/id-cards/")
    assert response.status_code == 200
