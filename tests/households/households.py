"""Helpers for the MyServices tests: a household with its roles, and each member's eligibility,
documents, notices and alerts, every record marked with the member's ID so a page showing it is
easy to catch."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile

from documents.files import notice_storage
from documents.models import Document, DocumentKind, DocumentStatus, Notice
from eligibility.models import Alert, AlertKind, EligibilitySpan, EligibilityStatus, EnrollmentStatus
from households.models import HouseholdRole, Role
from members.models import Address, AddressKind, Member, User
from tests.documents.notice_files import pdf

MakeMember = Callable[..., Member]
PASSWORD = "household password 1"


@dataclass(frozen=True)
class Household:
    head: Member
    spouse: Member  # an adult household member with their own account
    holder: Member  # an adult account holder who is not the head
    child: Member  # a minor
    others: tuple[Member, ...]

    @property
    def everyone(self) -> tuple[Member, ...]:
        return (self.head, self.spouse, self.holder, self.child, *self.others)


def marker(member: Member, what: str) -> str:
    return f"{what} of {member.member_id}"


def give_records(member: Member, *, count: int = 1) -> None:
    """`count` eligibility spans, RFIs, sent documents, notices and alerts, each marked (the first
    with the plain marker), and a home address."""
    for n in range(count):
        _records(member, n)
    Address.objects.create(
        member=member,
        kind=AddressKind.HOME,
        line1=marker(member, "Street"),
        city="Boston",
        state="MA",
        zip_code="02108",
    )


def _records(member: Member, n: int) -> None:
    suffix = "" if n == 0 else f" #{n}"
    EligibilitySpan.objects.create(
        member=member,
        program=marker(member, "Program") + suffix,
        status=EligibilityStatus.ELIGIBLE,
        effective_date=datetime.date(2025, 1, 1),
        renewal_due_date=datetime.date(2026, 12, 31),
        plan_type="MCO",
        enrollment_status=EnrollmentStatus.ENROLLED,
        enrolled_plan="Tufts Health Together",
        enrollment_date=datetime.date(2025, 2, 1),
    )
    Document.objects.create(
        member=member,
        document_id=f"RFI-{member.member_id}-{n}",
        kind=DocumentKind.REQUEST_FOR_INFORMATION,
        title=marker(member, "Request") + suffix,
        requested_date=datetime.date(2026, 10, 1),
        due_date=datetime.date(2026, 12, 15),
        status=DocumentStatus.REQUESTED,
    )
    Document.objects.create(
        member=member,
        document_id=f"DOC-{member.member_id}-{n}",
        kind=DocumentKind.SENT_BY_MEMBER,
        title=marker(member, "Sent") + suffix,
        received_date=datetime.date(2026, 9, 20),
        status=DocumentStatus.UNDER_REVIEW,
    )
    content = pdf(f"{member.member_id}-{n}")
    Notice.objects.create(
        member=member,
        notice_id=f"NT-{member.member_id}-{n}",
        title=marker(member, "Notice") + suffix,
        notice_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
        file=notice_storage().save(f"{member.member_id}-{n}.pdf", ContentFile(content)),
        size=len(content),
    )
    Alert.objects.create(
        member=member,
        alert_id=f"AL-{member.member_id}-{n}",
        kind=AlertKind.ACTION,
        message_key="proof_of_income",
        due_date=datetime.date(2026, 11, 30),
    )


def with_account(member: Member, username: str) -> Member:
    member.user = User.objects.create_user(username=username, password=PASSWORD)
    member.save()
    return member


def make_household(make_member: MakeMember, *, size: int = 4, count: int = 1) -> Household:
    """A household of `size` (at least 4): its head (with an account, unless given), an adult
    spouse and an adult account holder (each with an account), a minor child, and more minors;
    each with `count` records of every kind."""
    head = with_account(make_member(first_name="Ana", date_of_birth=datetime.date(1984, 5, 2)), "ana.head")
    head.head_of_household = head
    head.save()
    HouseholdRole.objects.create(member=head, role=Role.HEAD_OF_HOUSEHOLD)

    def person(first: str, born: datetime.date) -> Member:
        return make_member(first_name=first, date_of_birth=born, head_of_household=head)

    spouse = with_account(person("Luis", datetime.date(1982, 8, 9)), f"luis.{head.pk}")
    HouseholdRole.objects.create(member=spouse, role=Role.HOUSEHOLD_MEMBER)
    holder = with_account(person("Rosa", datetime.date(1960, 3, 3)), f"rosa.{head.pk}")
    HouseholdRole.objects.create(member=holder, role=Role.ACCOUNT_HOLDER)
    child = person("Sofía", datetime.date(2015, 6, 1))
    others = tuple(person(f"Kid{n}", datetime.date(2016 + n % 8, 1, 1)) for n in range(size - 4))
    household = Household(head, spouse, holder, child, others)
    for member in household.everyone:
        give_records(member, count=count)
    return household
