"""The home page's contact card: which contact details are missing, so the member can add them."""

import datetime

from django.db.models import Exists, OuterRef

from members.models import Address, AddressKind, ContactEmail, Member, Phone
from portal.registry import feature_enabled


def contact_card(*, member: Member, today: datetime.date) -> dict[str, object] | None:
    """One query (three EXISTS in one statement); nothing to show when nothing is missing, or where
    the plan's profile does not let members edit their contact details."""
    if not feature_enabled("profile_editing"):
        return None
    on_file = (
        Member.objects.filter(pk=member.pk)
        .annotate(
            mailing=Exists(Address.objects.filter(member=OuterRef("pk"), kind=AddressKind.MAILING)),
            phone=Exists(Phone.objects.filter(member=OuterRef("pk"))),
            email=Exists(ContactEmail.objects.filter(member=OuterRef("pk"))),
        )
        .values("mailing", "phone", "email")
        .get()
    )
    missing = [kind for kind, present in on_file.items() if not present]
    return {"missing": missing} if missing else None
