"""The printable ID card: a PDF of the card's front and back, rendered once per version of the card.

A member who prints the same card again gets the stored bytes (one query, no rendering); when
anything on the card changes (a new PCP, a new coverage span, another language) its fingerprint
changes and the PDF is rendered again and replaces the stored one.
"""

import dataclasses
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from idcards.cards import PDF_TEMPLATE, IdCard
from idcards.models import IdCardPdf
from members.models import Member
from portal.pdf import html_to_pdf

PDF_FILENAME = "member-id-card.pdf"


def render_card_pdf(card: IdCard) -> bytes:
    """Render the card's front and back at real card size on a letter page (PDF/UA-1)."""
    return html_to_pdf(render_to_string(PDF_TEMPLATE, {"card": card}))


def warm_up() -> None:
    """Render a blank card once, so the first member's print after a worker starts does not pay
    for WeasyPrint's first-use set-up (Pango, the card's fonts and stylesheet)."""
    fields: dict[str, Any] = {field.name: "" for field in dataclasses.fields(IdCard)}
    render_card_pdf(IdCard(**{**fields, "effective_date": None, "language": settings.LANGUAGE_CODE}))


def idcard_pdf(*, member: Member, card: IdCard) -> bytes:
    """The PDF of `card` for `member`: the stored one if the card is unchanged, else a new render."""
    fingerprint = card.fingerprint
    stored = (
        IdCardPdf.objects.filter(member=member, fingerprint=fingerprint).values_list("pdf", flat=True).first()
    )
    if stored is not None:
        return bytes(stored)
    pdf = render_card_pdf(card)
    IdCardPdf.objects.update_or_create(
        member=member, defaults={"fingerprint": fingerprint, "pdf": pdf, "created_at": timezone.now()}
    )
    return pdf
