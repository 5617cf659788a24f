"""Personas for the security tests: member A (signed in) and member B (the target), each with
an account, contacts, coverage, a PCP and an ID card order; and staff users signed in to the admin."""

import datetime
from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from coverage.models import Coverage
from idcards.models import IdCardOrder
from members.models import Address, AddressKind, ContactEmail, Member, Phone, PhoneKind, User
from portal.roles import MEMBER_SERVICES
from providers.models import Provider
from tests.appeals.cases import make_grievance
from tests.authorizations.factories import make_authorization
from tests.claims.records import make_claim
from tests.providers.pcp_factories import assign, make_provider
from tests.staff import make_staff, sign_in_with_static_token

MakeMember = Callable[..., Member]

# Member B's details: what must never reach member A, nor any log line.
B_FIRST, B_LAST, B_ID, B_DOB = "Marisol", "Quintanilla", "BQ7734120", datetime.date(1971, 9, 23)
B_LINE1, B_PHONE, B_EMAIL = "4410 Orchard Hollow Rd", "+18315557712", "marisol.q@example.org"


def give_records(member: Member, *, line1: str, phone: str, email: str, provider: Provider) -> None:
    Address.objects.create(
        member=member, kind=AddressKind.MAILING, line1=line1, city="Salinas", state="CA", zip_code="93901"
    )
    Phone.objects.create(member=member, kind=PhoneKind.CELL, number=phone, is_primary=True)
    ContactEmail.objects.create(member=member, address=email, is_primary=True)
    Coverage.objects.create(
        member=member, program="Medi-Cal", plan="Alliance Medi-Cal", effective_date=datetime.date(2024, 1, 1)
    )
    assign(member, provider, datetime.date(2024, 1, 1))


@pytest.fixture
def provider(db: None) -> Provider:
    return make_provider()


@pytest.fixture
def member_a(member: Member, provider: Provider) -> Member:
    """The signed-in member (the root `member`, user jose.nunez), with full records."""
    give_records(
        member, line1="12 Own Street", phone="+18315550101", email="own@example.com", provider=provider
    )
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    return member


@pytest.fixture
def member_b(make_member: MakeMember, provider: Provider) -> Member:
    """Another member, whose data A must never see or change."""
    other: Member = make_member(member_id=B_ID, first_name=B_FIRST, last_name=B_LAST, date_of_birth=B_DOB)
    other.user = User.objects.create_user(username="marisol.q", email=B_EMAIL, password="b-password-unused-1")
    other.save()
    give_records(other, line1=B_LINE1, phone=B_PHONE, email=B_EMAIL, provider=provider)
    IdCardOrder.objects.create(member=other, line1=B_LINE1, city="Salinas", state="CA", zip_code="93901")
    make_authorization(other, service_description=f"Home visits at {B_LINE1}")
    # A claim whose number carries B's member ID, so a page that showed it would be caught.
    make_claim(other, service=datetime.date.today(), claim_number=f"{B_ID}-1")
    # A grievance that tells of B's address, so a page that showed it would be caught.
    make_grievance(other, description=f"The driver never came to {B_LINE1}.")
    return other


def staff_client(username: str, *, group: str | None = MEMBER_SERVICES, superuser: bool = False) -> Client:
    """A staff user signed in to the admin with a one-time token, in `group` (if any)."""
    user = make_staff(username, superuser=superuser)
    if group is not None:
        user.groups.add(Group.objects.get(name=group))
    client = Client()
    sign_in_with_static_token(client, user)
    return client
