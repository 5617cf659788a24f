"""The signed-in user and their member record are read in one statement written once per process
(members/backends.py): they must be the same records, field for field, the ORM reads."""

import datetime

from django.db import connection
from django.forms.models import model_to_dict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from members.backends import MemberAuthenticationBackend, user_with_member
from members.models import Member, User
from tests.conftest import force_sign_in
from tests.staff import make_staff


def fields(instance: object) -> dict[str, object]:
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}  # type: ignore[attr-defined]


def test_a_member_s_user_and_record_are_the_orm_s_field_for_field(member: Member) -> None:
    assert member.user is not None
    member.user.last_login = datetime.datetime(2026, 11, 30, 23, 59, tzinfo=datetime.UTC)
    member.user.save()
    expected_user = User.objects.get(pk=member.user.pk)
    expected_member = Member.objects.get(pk=member.pk)

    with CaptureQueriesContext(connection) as queries:
        user = user_with_member(str(member.user.pk))  # the session keeps the id as text
        assert user is not None
        read_member = user.member
        assert read_member.user is user
    assert len(queries) == 1, "the member record came with the user"
    assert fields(user) == fields(expected_user)
    assert fields(read_member) == fields(expected_member)
    assert not user._state.adding and user._state.db == "default"
    # A change saves as the ORM's would: only this member, the rest of the row kept.
    read_member.first_name = "Josefina"
    read_member.save(update_fields=["first_name"])
    assert model_to_dict(Member.objects.get(pk=member.pk))["first_name"] == "Josefina"


def test_staff_have_no_member_record_and_asking_costs_no_query(db: None) -> None:
    staff = make_staff()
    with CaptureQueriesContext(connection) as queries:
        user = user_with_member(staff.pk)
        assert user is not None and user.username == staff.username
        assert not hasattr(user, "member")  # RelatedObjectDoesNotExist, from the cache
    assert len(queries) == 1


def test_no_user_for_an_unknown_or_deactivated_id(member: Member) -> None:
    assert member.user is not None
    backend = MemberAuthenticationBackend()
    assert backend.get_user(member.user.pk + 1000) is None
    assert backend.get_user(member.user.pk) == member.user
    User.objects.filter(pk=member.user.pk).update(is_active=False)
    assert backend.get_user(member.user.pk) is None


def test_a_deactivated_account_is_signed_out_on_its_next_page(member: Member) -> None:
    assert member.user is not None
    client = Client()
    force_sign_in(client, member.user)
    assert client.get("/profile/").status_code == 200
    User.objects.filter(pk=member.user.pk).update(is_active=False)
    response = client.get("/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
