"""The enrollment system's member file (docs/csv-formats.md, *Members*): each row creates or
updates one member, matched on member ID, with their primary mailing address, home phone and
email, so the portal shows members what enrollment knows. Running the same file twice changes
nothing."""

import datetime
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Address, AddressKind, ContactEmail, Member, Phone, PhoneKind, Sex
from members.ssn import ssn_digest, ssn_enabled, ssn_normalised
from portal.clock import plan_today
from portal.csvimport.cells import (
    choice,
    max_length,
    parse_date,
    parse_email,
    parse_language,
    parse_phone,
    parse_us_state,
    parse_zip,
)
from portal.csvimport.importer import Importer, Parsed, register
from portal.csvimport.reading import Row, RowError
from portal.csvimport.writing import Outcome, Tally, chunked, pks_by, update_rows, upsert

# County also sets the member's own county, so it alone does not make an address.
POSTAL_COLUMNS = ("address_line1", "address_line2", "city", "state", "zip")


@dataclass(frozen=True)
class MemberRow:
    member: dict[str, Any]
    head_id: str
    address: dict[str, Any] | None
    phone: str
    email: str


@register
class MemberImporter(Importer[MemberRow]):
    name = "members"
    record_name = gettext_lazy("members")
    heads_on_record: dict[str, int]  # heads named by the file but not in it: member ID → pk
    key_columns = "member_id"
    writes = (Member, Address, Phone, ContactEmail)
    columns = (
        "member_id",
        "first_name",
        "last_name",
        "date_of_birth",
        "sex",
        "preferred_language",
        "head_of_household_id",
        *POSTAL_COLUMNS,
        "county",
        "phone",
        "email",
    )
    # The full SSN, where the plan's file carries it: kept only as its keyed hash (members/ssn.py).
    optional_columns = ("ssn",)

    def parse_row(self, row: Row) -> MemberRow:
        born = row.required("date_of_birth", parse_date, stand_in=datetime.date.min)
        if born > plan_today():
            row.error("date_of_birth", _("in the future"))
        member = {
            "member_id": row.identifier("member_id", max_length=max_length(Member, "member_id")),
            "first_name": row.text("first_name", max_length=max_length(Member, "first_name")),
            "last_name": row.text("last_name", max_length=max_length(Member, "last_name")),
            "date_of_birth": born,
            "sex": row.value("sex", choice(*Sex.values), blank=Sex.UNKNOWN.value),
            "preferred_language": row.value("preferred_language", parse_language, blank="en"),
            "county": row.text("county", max_length=max_length(Member, "county"), required=False),
        }
        if row.has("ssn"):
            member["ssn_digest"] = _ssn_digest(row)
        return MemberRow(
            member=member,
            head_id=row.identifier(
                "head_of_household_id", max_length=max_length(Member, "member_id"), required=False
            ),
            address=self._address(row),
            phone=row.value("phone", parse_phone, blank=""),
            email=row.value("email", parse_email, blank=""),
        )

    def _address(self, row: Row) -> dict[str, Any] | None:
        if not any(row.raw(column) for column in POSTAL_COLUMNS):
            return None
        return {
            "line1": row.text("address_line1", max_length=max_length(Address, "line1")),
            "line2": row.text("address_line2", max_length=max_length(Address, "line2"), required=False),
            "city": row.text("city", max_length=max_length(Address, "city")),
            "state": row.required("state", parse_us_state, stand_in=""),
            "zip_code": row.required("zip", parse_zip, stand_in=""),
            "county": row.text("county", max_length=max_length(Address, "county"), required=False),
        }

    def key(self, record: MemberRow) -> Hashable:
        return record.member["member_id"]

    def check_rows(self, rows: list[Parsed[MemberRow]]) -> Iterable[RowError]:
        in_file = {row.record.member["member_id"] for row in rows}
        elsewhere = {row.record.head_id for row in rows if row.record.head_id} - in_file
        self.heads_on_record = pks_by(Member, "member_id", elsewhere, using=self.using)
        for row in rows:
            head = row.record.head_id
            if head and head not in in_file and head not in self.heads_on_record:
                unknown = _("no such member in this file or on record")
                yield RowError(row.line, f"head_of_household_id: {unknown}")

    def apply(self, records: list[MemberRow]) -> Tally:
        pk_of = dict(self.heads_on_record)
        links: list[Link] = []
        # A chunk at a time, so only one chunk's model instances are in memory on a big file.
        for chunk in chunked(records):
            people = upsert(Member, [record.member for record in chunk], key=("member_id",), using=self.using)
            touched = _contacts(people, chunk, using=self.using)
            for (member, outcome), record in zip(people, chunk, strict=True):
                pk_of[member.member_id] = member.pk
                if outcome is Outcome.UNCHANGED and member.pk in touched:
                    outcome = Outcome.UPDATED
                links.append(Link(member.pk, member.head_of_household_id, record.head_id, outcome))
        return _link_heads(links, pk_of, using=self.using)


def _ssn_digest(row: Row) -> str:
    """The keyed hash of the row's SSN ("" for none); the digits go no further than this."""
    raw = row.raw("ssn")
    if not raw:
        return ""
    if not ssn_enabled():
        row.error("ssn", _("SSNs can only be imported with SSN_HMAC_KEY set"))
        return ""
    digits = ssn_normalised(raw)
    if digits is None:
        # The message never repeats the cell: an import report is no place for an SSN.
        row.error("ssn", _("not a Social Security number (nine digits)"))
        return ""
    return ssn_digest(digits)


@dataclass(frozen=True, slots=True)
class Link:
    """A member written by this import, waiting for their head of household to be linked."""

    pk: int
    head_pk: int | None  # as on record before the import
    head_id: str  # as in the file
    outcome: Outcome  # of the member's own fields and contacts


def _link_heads(links: list[Link], pk_of: dict[str, int], *, using: str) -> Tally:
    # Heads are linked once every member in the file exists, so a head may come later in the
    # file than their household (or be the member themself).
    tally = Tally()
    relinked = []
    for link in links:
        head_pk = pk_of[link.head_id] if link.head_id else None
        if head_pk == link.head_pk:
            tally.count(link.outcome)
        else:
            relinked.append((link.pk, head_pk))
            tally.count(Outcome.CREATED if link.outcome is Outcome.CREATED else Outcome.UPDATED)
    update_rows(Member, ["head_of_household_id"], relinked, using=using)
    return tally


def _contacts(people: list[tuple[Member, Outcome]], records: Sequence[MemberRow], *, using: str) -> set[int]:
    """Upsert the primary mailing address, home phone and email; the ids of members whose contacts changed."""
    addresses, phones, emails = [], [], []
    for (member, _outcome), record in zip(people, records, strict=True):
        if record.address:
            addresses.append(
                {
                    "member_id": member.pk,
                    "kind": AddressKind.MAILING.value,
                    "is_primary": True,
                    **record.address,
                }
            )
        if record.phone:
            phones.append(
                {
                    "member_id": member.pk,
                    "kind": PhoneKind.HOME.value,
                    "is_primary": True,
                    "number": record.phone,
                }
            )
        if record.email:
            emails.append({"member_id": member.pk, "is_primary": True, "address": record.email})
    primary = Q(is_primary=True)
    by_kind = ("member_id", "kind")
    changed = {
        a.member_id
        for a, o in upsert(Address, addresses, key=by_kind, scope=primary, using=using)
        if o.changed
    }
    changed |= {
        p.member_id for p, o in upsert(Phone, phones, key=by_kind, scope=primary, using=using) if o.changed
    }
    changed |= {
        e.member_id
        for e, o in upsert(ContactEmail, emails, key=("member_id",), scope=primary, using=using)
        if o.changed
    }
    return changed


class MemberRowsImporter(Importer[dict[str, Any]]):
    """A base for the plan's other files whose rows each name a member on record by `member_id`
    (eligibility, alerts, documents, notices): it reads the column, reports an unknown member on
    its line and swaps the member ID for the member's primary key."""

    members: dict[str, int]  # member ID → pk, found by check_rows

    def member_id(self, row: Row) -> str:
        return row.identifier("member_id", max_length=max_length(Member, "member_id"))

    def check_rows(self, rows: list[Parsed[dict[str, Any]]]) -> Iterable[RowError]:
        self.members, unknown = self.resolve(rows, "member_id", Member, "member_id")
        return unknown

    def with_member_pks(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**record, "member_id": self.members[record["member_id"]]} for record in records]
