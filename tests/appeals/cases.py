"""Grievances and appeals for the tests (a plain helper, not a test module)."""

import datetime
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from appeals import services
from appeals.models import Case, GrievanceCategory
from authorizations.models import Decision
from members.models import Member
from tests.authorizations.factories import make_authorization


def make_appeal(member: Member, *, expedited: bool = False, now: datetime.datetime | None = None) -> Case:
    denied = make_authorization(
        member, decision=Decision.DENIED, decision_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    return services.file_appeal(
        member=member,
        authorization=denied,
        description="The MRI is needed now.",
        expedited=expedited,
        contact_phone="+18315550123",
        token=uuid.uuid4(),
        now=now or timezone.now(),
    )


def make_grievance(
    member: Member,
    *,
    now: datetime.datetime | None = None,
    description: str = "I waited three weeks for an appointment.",
) -> Case:
    return services.file_grievance(
        member=member,
        category=GrievanceCategory.ACCESS,
        description=description,
        occurred_on=None,
        provider_name="",
        token=uuid.uuid4(),
        now=now or timezone.now(),
    )


def pdf_upload(name: str, content: bytes = b"%PDF-1.7\n") -> SimpleUploadedFile:
    """An upload as the form hands it on: named, typed by its checked content."""
    return SimpleUploadedFile(name, content, content_type="application/pdf")
