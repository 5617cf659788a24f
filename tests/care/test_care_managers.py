"""Care managers: at most one current per member (in the database), with a history; the selector
other apps use; the admin refuses overlapping periods."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from care.admin import CareManagerAssignmentForm
from care.models import CareManagerAssignment
from care.selectors import current_care_manager
from members.models import Member, User
from tests.care.factories import make_care_manager
from tests.staff import make_staff, sign_in_with_static_token

JAN = datetime.date(2026, 1, 1)
JUN = datetime.date(2026, 6, 1)


def assign(member: Member, user: User, first: datetime.date, last: datetime.date | None = None) -> None:
    CareManagerAssignment.objects.create(
        member=member, care_manager=user, effective_from=first, effective_to=last
    )


def test_the_current_care_manager_is_the_one_in_effect_today(member: Member) -> None:
    earlier = make_care_manager("old.care", first_name="Ana", last_name="Lima")
    now = make_care_manager(phone="+18335309016")
    assign(member, earlier, JAN, datetime.date(2026, 5, 31))
    assign(member, now, JUN)

    found = current_care_manager(member, datetime.date(2026, 7, 1))
    assert found is not None
    assert (found.name, found.phone, found.user_id) == ("María Souza", "+18335309016", now.pk)
    assert current_care_manager(member, datetime.date(2026, 3, 1)).name == "Ana Lima"  # type: ignore[union-attr]
    assert current_care_manager(member, datetime.date(2025, 12, 31)) is None


def test_a_care_manager_without_a_direct_line_has_no_phone(member: Member) -> None:
    assign(member, make_care_manager(), JAN)

    assert current_care_manager(member, JUN).phone == ""  # type: ignore[union-attr]


def test_the_database_allows_one_open_assignment_per_member(member: Member) -> None:
    assign(member, make_care_manager(), JAN)

    with pytest.raises(IntegrityError), transaction.atomic():
        assign(member, make_care_manager("other.care"), JUN)


def test_the_database_refuses_a_period_that_ends_before_it_starts(member: Member) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        assign(member, make_care_manager(), JUN, JAN)


def test_the_admin_form_refuses_an_overlapping_period(member: Member) -> None:
    user = make_care_manager()
    assign(member, user, JAN, datetime.date(2026, 6, 30))
    data = {"member": member.pk, "care_manager": user.pk, "effective_from": "2026-06-15", "effective_to": ""}

    form = CareManagerAssignmentForm(data=data)
    assert not form.is_valid()
    assert "already has a care manager" in str(form.non_field_errors())

    form = CareManagerAssignmentForm(data={**data, "effective_from": "2026-07-01"})
    assert form.is_valid(), form.errors


def test_only_staff_in_the_care_manager_role_can_be_assigned(member: Member) -> None:
    member_user = member.user
    assert member_user is not None
    data = {"member": member.pk, "care_manager": member_user.pk, "effective_from": "2026-01-01"}

    assert "care_manager" in CareManagerAssignmentForm(data=data).errors


def test_staff_assign_a_care_manager_in_the_admin(member: Member) -> None:
    admin_user = make_staff(superuser=True)
    client = Client()
    sign_in_with_static_token(client, admin_user)
    user = make_care_manager()

    response = client.post(
        "/admin/care/caremanagerassignment/add/",
        {"member": member.pk, "care_manager": user.pk, "effective_from": "2026-01-01", "effective_to": ""},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert current_care_manager(member, JUN).user_id == user.pk  # type: ignore[union-attr]
