"""The printable ID card: a PDF of the card's front and back, rendered once per version of the card.

A member who prints the same card again gets the stored bytes (one query, no rendering); when
anything on the card changes (a new PCP, a new coverage span, another language) its fingerprint
changes and the PDF is rendered again and replaces the stored one.
"""

import dataclasses
import xml.etree.ElementTree as ET
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from idcards.cards import PDF_TEMPLATE, IdCard
from idcards.models import IdCardPdf
from members.models import Member
from portal.pdf import html_to_pdf, kept_or_rendered

PDF_FILENAME = "member-id-card.pdf"
SVG = "http://www.w3.org/2000/svg"


def card_pdf_html(card: IdCard) -> str:
    """The HTML the PDF is rendered from: the card, in the plan's colours and with its logo."""
    context = {"card": card, "brand": settings.PLAN.brand, "logo": plan_logo_svg(card.plan_name)}
    return render_to_string(PDF_TEMPLATE, context)


def render_card_pdf(card: IdCard) -> bytes:
    """Render the card's front and back at real card size on a letter page (PDF/UA-1)."""
    return html_to_pdf(card_pdf_html(card))


def plan_logo_svg(title: str) -> SafeString:
    """The plan's logo (its profile's SVG) as inline markup for the PDF, with `title` as its
    <title>: the tagged PDF's figure needs alternative text, which WeasyPrint takes from there.

    Inline because the renderer may read only the static folders and the logo sits beside the
    profile. The markup is the operator's file re-serialised by ElementTree (text escaped), never
    member data. A logo that does not parse is left out rather than failing the member's print.
    """
    ET.register_namespace("", SVG)
    try:
        root = ET.fromstring(settings.PLAN.brand.logo.read_bytes())  # noqa: S314 (server-owned file)
    except ET.ParseError:
        return SafeString("")
    for old in root.findall(f"{{{SVG}}}title"):
        root.remove(old)
    caption = ET.Element(f"{{{SVG}}}title")
    caption.text = title
    root.insert(0, caption)
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308 (escaped by ElementTree)


def warm_up() -> None:
    """Render a blank card once, so the first member's print after a worker starts does not pay
    for WeasyPrint's first-use set-up (Pango, the card's fonts and stylesheet)."""
    fields: dict[str, Any] = {field.name: "" for field in dataclasses.fields(IdCard)}
    render_card_pdf(IdCard(**{**fields, "effective_date": None, "language": settings.LANGUAGE_CODE}))


def idcard_pdf(*, member: Member, card: IdCard) -> bytes:
    """The PDF of `card` for `member`: the stored one if the card is unchanged, else a new render."""
    return kept_or_rendered(
        IdCardPdf,
        owner={"member": member},
        fingerprint=card.fingerprint,
        render=lambda: render_card_pdf(card),
    )
