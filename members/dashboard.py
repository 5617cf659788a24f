"""The home page's contact card: which contact details are missing, so the member can add them."""

import datetime

from django.db import connection

from members.models import Address, AddressKind, ContactEmail, Member, Phone
from portal.registry import feature_enabled

# Three EXISTS in one statement, written out: the ORM took about three times as long to build it
# as the database took to run it, on a page every log-in shows.
ON_FILE_SQL = f"""
SELECT
    EXISTS (SELECT 1 FROM {Address._meta.db_table} WHERE member_id = %(member)s AND kind = %(mailing)s),
    EXISTS (SELECT 1 FROM {Phone._meta.db_table} WHERE member_id = %(member)s),
    EXISTS (SELECT 1 FROM {ContactEmail._meta.db_table} WHERE member_id = %(member)s)
"""  # noqa: S608 (table names from the models, values as parameters)


def contact_card(*, member: Member, today: datetime.date) -> dict[str, object] | None:
    """One query; nothing to show when nothing is missing, or where the plan's profile does not
    let members edit their contact details."""
    if not feature_enabled("profile_editing"):
        return None
    with connection.cursor() as cursor:
        cursor.execute(ON_FILE_SQL, {"member": member.pk, "mailing": AddressKind.MAILING.value})
        row = cursor.fetchone()
    on_file = dict(zip(("mailing", "phone", "email"), row or (True, True, True), strict=True))
    missing = [kind for kind, present in on_file.items() if not present]
    return {"missing": missing} if missing else None
