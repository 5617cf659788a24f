"""What a member's ID card shows, read from the member, coverage and PCP records.

`id_card_for()` is the card's one selector: the HTML page, the printed PDF and its cache all
use the same `IdCard`, so they cannot disagree. Its `fingerprint` changes exactly when something
printed on the card changes (including the language of its labels, their translations and the
card's layout), which is what decides whether a stored PDF can be served again.
"""

import dataclasses
import datetime
import hashlib
import json

from django.conf import settings
from django.db import connection
from django.utils import translation

from coverage.models import Coverage
from members.models import Member
from portal.fingerprints import catalogue_digest, templates_digest
from portal.phones import phone_e164, phone_national
from providers.models import Provider

PDF_TEMPLATE = "idcards/card_pdf.html"

# Pharmacy benefit identifiers printed on the card (Medi-Cal Rx); settings may override them.
RX_BIN = getattr(settings, "PLAN_RX_BIN", "610011")
RX_PCN = getattr(settings, "PLAN_RX_PCN", "CTRXMEDI")
RX_GROUP = getattr(settings, "PLAN_RX_GROUP", "MEDICALRX")
NURSE_LINE_PHONE = getattr(settings, "PLAN_NURSE_LINE_PHONE", "844-971-8907")
NURSE_LINE_TTY = getattr(settings, "PLAN_NURSE_LINE_TTY", "711")

_EFFECTIVE_DATE = Coverage._meta.get_field("effective_date")


def card_date(day: datetime.date | None) -> str:
    """A date as the card prints it: MM/DD/YYYY in every language, the form a US pharmacy or
    front desk reads off a card (the page's own dates follow the language; the card's do not)."""
    return day.strftime("%m/%d/%Y") if day else ""


def tel_number(number: str) -> str:
    """The E.164 form of a phone number for a `tel:` link ("+18315550100"), whether it is stored
    that way or as people type it; "" when it is not a number one can dial (then no link)."""
    return (phone_e164(number) or "") if number else ""


@dataclasses.dataclass(frozen=True)
class IdCard:
    """Everything printed on the front and back of a member's ID card."""

    language: str
    plan_name: str
    member_name: str
    member_id: str
    program: str
    coverage_plan: str
    effective_date: datetime.date | None
    pcp_name: str
    pcp_clinic: str
    pcp_phone: str
    pcp_tel: str
    rx_bin: str
    rx_pcn: str
    rx_group: str
    member_services_phone: str
    member_services_tel: str
    member_services_tty: str
    nurse_line_phone: str
    nurse_line_tel: str
    nurse_line_tty: str

    @property
    def effective_on(self) -> str:
        """The coverage span's effective date as printed: MM/DD/YYYY (`card_date`)."""
        return card_date(self.effective_date)

    @property
    def direction(self) -> str:
        """The printed card's `dir`: "rtl" for a right-to-left language (Arabic), else "ltr"."""
        return "rtl" if self.language.split("-")[0] in settings.LANGUAGES_BIDI else "ltr"

    @property
    def fingerprint(self) -> str:
        """sha256 of the card's data and layout version: equal fingerprints, identical PDFs."""
        data = {**dataclasses.asdict(self), "layout": card_layout(self.language)}
        encoded = json.dumps(data, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()


def card_layout(language: str) -> str:
    """A digest of what the printed card's layout and wording come from: the PDF template's
    source, the language's translations and the plan's profile (its brand colours and logo are
    printed on the card). It is part of the fingerprint, so a release or a profile that changes
    any of them prints every card afresh, without anyone having to remember to."""
    return templates_digest([PDF_TEMPLATE]) + catalogue_digest(language) + settings.PLAN.fingerprint


# What the card shows, read in one statement. The card is read on every print and every visit to
# ID Cards; as two ORM queries Django spent about 2.6 ms building them, against well under 0.1 ms
# for the database to run them (docs/performance.md). The rule for "in effect on a day" is
# portal.spans (the PCP assignments' and coverage spans' in_effect_on()); tests/idcards/test_card_read.py
# checks on generated histories that this statement picks what it picks. Plain SQL that
# PostgreSQL and SQLite both run.
CARD_SQL = """
SELECT p.first_name, p.last_name, p.clinic_name, p.phone, c.program, c.plan, c.effective_date
FROM members_member m
LEFT JOIN providers_pcpassignment a ON a.id = (
    SELECT x.id FROM providers_pcpassignment x
    WHERE x.member_id = m.id AND x.effective_from <= %(day)s
      AND (x.effective_to IS NULL OR x.effective_to >= %(day)s)
    ORDER BY x.effective_from DESC LIMIT 1
)
LEFT JOIN providers_provider p ON p.id = a.provider_id
LEFT JOIN coverage_coverage c ON c.id = (
    SELECT y.id FROM coverage_coverage y
    WHERE y.member_id = m.id AND y.effective_date <= %(day)s
      AND (y.end_date IS NULL OR y.end_date >= %(day)s)
    ORDER BY y.effective_date DESC, y.id DESC LIMIT 1
)
WHERE m.id = %(member)s
"""


def id_card_for(member: Member, today: datetime.date) -> IdCard:
    """The member's card as of `today` (the plan's date): their PCP and coverage span on that day.

    One query, however long the member's coverage and PCP history is. If spans overlap (a program
    change mid-month), the card shows the one that started last.
    """
    with connection.cursor() as cursor:
        cursor.execute(CARD_SQL, {"day": today, "member": member.pk})
        row = cursor.fetchone()
    if row is None:  # the member's record was deleted since the request began
        raise Member.DoesNotExist
    first_name, last_name, clinic_name, phone, program, plan, effective_date = row
    provider = (
        Provider(first_name=first_name, last_name=last_name, clinic_name=clinic_name, phone=phone)
        if first_name is not None
        else None
    )
    span = (
        # SQLite hands the date back as text.
        Coverage(program=program, plan=plan, effective_date=_EFFECTIVE_DATE.to_python(effective_date))
        if program is not None
        else None
    )
    return IdCard(
        language=translation.get_language() or settings.LANGUAGE_CODE,
        plan_name=settings.PLAN.plan_name,
        member_name=member.full_name,
        member_id=member.member_id,
        program=span.program if span else "",
        coverage_plan=span.plan if span else "",
        effective_date=span.effective_date if span else None,
        pcp_name=provider.full_name if provider else "",
        pcp_clinic=provider.clinic_name if provider else "",
        pcp_phone=phone_national(provider.phone) if provider and provider.phone else "",
        pcp_tel=tel_number(provider.phone) if provider else "",
        rx_bin=RX_BIN,
        rx_pcn=RX_PCN,
        rx_group=RX_GROUP,
        member_services_phone=settings.PLAN.member_services.number,
        member_services_tel=settings.PLAN.member_services.e164,
        member_services_tty=settings.PLAN.member_services.tty,
        nurse_line_phone=NURSE_LINE_PHONE,
        nurse_line_tel=tel_number(NURSE_LINE_PHONE),
        nurse_line_tty=NURSE_LINE_TTY,
    )
