"""Profile → Personal Information reaches only the signed-in member's own data, and its page costs
the same number of queries however many contacts a member has."""

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.test import Client

from members.models import Address, AddressKind, ContactChange, ContactEmail, Member, Phone, PhoneKind, User
from outbox.models import Email

MakeMember = Callable[..., Member]


@pytest.fixture
def stranger(make_member: MakeMember) -> Member:
    """Another member, with an account and one contact of each kind."""
    other: Member = make_member(first_name="Ana", last_name="Reyes")
    other.user = User.objects.create_user(username="ana.reyes", email="ana@example.com")
    other.save()
    add_contacts(other, 1)
    return other


def add_contacts(member: Member, count: int) -> None:
    Address.objects.bulk_create(
        Address(
            member=member,
            kind=AddressKind.MAILING,
            line1=f"{n} Stranger Way",
            city="Hollister",
            state="CA",
            zip_code="95023",
        )
        for n in range(1, count + 1)
    )
    Phone.objects.bulk_create(
        Phone(member=member, kind=PhoneKind.HOME, number=f"+1831555{n:04d}") for n in range(1, count + 1)
    )
    ContactEmail.objects.bulk_create(
        ContactEmail(member=member, address=f"person{n}@example.com") for n in range(1, count + 1)
    )


def stranger_contacts(stranger: Member) -> list[tuple[str, int]]:
    return [
        ("address", Address.objects.get(member=stranger).pk),
        ("phone", Phone.objects.get(member=stranger).pk),
        ("email", ContactEmail.objects.get(member=stranger).pk),
    ]


EDIT_DATA = {
    "address": {
        "kind": "home",
        "line1": "1 Hijack St",
        "city": "Salinas",
        "state": "CA",
        "zip_code": "93901",
    },
    "phone": {"kind": "cell", "number": "(831) 555-0000"},
    "email": {"address": "hijack@example.com"},
}


def test_another_members_contact_is_404_for_edit_and_delete(
    member_client: Client, member: Member, stranger: Member
) -> None:
    for kind, pk in stranger_contacts(stranger):
        for action in ["edit", "delete"]:
            url = f"/profile/{kind}/{pk}/{action}/"
            assert member_client.get(url).status_code == 404, url
            assert member_client.post(url, EDIT_DATA[kind]).status_code == 404, url
    assert Address.objects.get(member=stranger).line1 == "1 Stranger Way"
    assert Phone.objects.get(member=stranger).number == "+18315550001"
    assert ContactEmail.objects.get(member=stranger).address == "person1@example.com"
    assert not ContactChange.objects.exists() and not Email.objects.exists()


def test_the_page_lists_only_the_members_own_contacts(
    member_client: Client, member: Member, stranger: Member
) -> None:
    html = member_client.get("/profile/").content.decode()
    assert "Stranger Way" not in html and "person1@example.com" not in html
    for kind, pk in stranger_contacts(stranger):
        assert f"/profile/{kind}/{pk}/" not in html


def test_extra_post_fields_are_ignored(member_client: Client, member: Member, stranger: Member) -> None:
    response = member_client.post(
        "/profile/email/add/", {"address": "mine@example.com", "member": stranger.pk, "id": "1"}
    )
    assert response.status_code == 302
    added = ContactEmail.objects.get(address="mine@example.com")
    assert added.member == member
    own = Phone.objects.create(member=member, kind=PhoneKind.CELL, number="+18315550142")
    member_client.post(
        f"/profile/phone/{own.pk}/edit/", {"kind": "cell", "number": "8315550143", "member": stranger.pk}
    )
    own.refresh_from_db()
    assert own.member == member and own.number == "+18315550143"
    assert Phone.objects.filter(member=stranger).count() == 1
    assert set(ContactChange.objects.values_list("member", flat=True)) == {member.pk}


@pytest.mark.parametrize("count", [1, 200])
def test_the_page_makes_the_same_queries_for_1_or_200_contacts(
    member_client: Client,
    member: Member,
    count: int,
    django_assert_num_queries: Callable[[int], AbstractContextManager[object]],
) -> None:
    add_contacts(member, count)
    member_client.get("/profile/")  # the session is now in the cache, as for any later page
    # The session's user with their member record (the account menu's greeting reuses it), one
    # query per category, the header's unread messages and the audit trail's page_view INSERT.
    with django_assert_num_queries(6):
        response = member_client.get("/profile/")
    html = response.content.decode()
    assert html.count("Stranger Way<br>") == count, "every address is listed"
    assert html.count('href="/profile/phone/') == 2 * count + 1, "Edit and Delete per number, and Add New"
