"""The member's letters (acknowledgement, extension, resolution) as PDFs, in the member's
language: rendered from the case's event when asked for, so a letter always says what the
record says."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from appeals.models import Case, CaseEvent
from appeals.selectors import after_resolution
from portal.pdf import html_to_pdf


def letter_pdf(case: Case, event: CaseEvent, *, language: str) -> bytes:
    """The letter of `event` (one of LETTER_EVENTS), in `language`, tagged PDF/UA."""
    with translation.override(language):
        context = {"case": case, "event": event, "after": after_resolution(case), "plan": settings.PLAN}
        html = render_to_string("appeals/letter_pdf.html", context)
    return html_to_pdf(html)
