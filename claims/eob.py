"""Print explanation of benefits: one claim as a tagged PDF (PDF/UA-1, like the ID card), in the
page's language, with the plan's phones from its profile. Rendered on each request: a member
prints an EOB rarely, and its content changes with every adjustment of the claim."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from claims.appeals import HowToAppeal
from claims.models import LIST_LABELS, Claim
from portal.pdf import html_to_pdf

EOB_TEMPLATE = "claims/eob_pdf.html"
EOB_FILENAME = "explanation-of-benefits.pdf"


def eob_html(claim: Claim, *, appeal: HowToAppeal | None) -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "claim": claim,
        "kind": LIST_LABELS[claim.claim_type],
        "appeal": appeal,
        "language": language,
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "brand": settings.PLAN.brand,
        "plan": settings.PLAN,
    }
    return render_to_string(EOB_TEMPLATE, context)


def eob_pdf(claim: Claim, *, appeal: HowToAppeal | None) -> bytes:
    return html_to_pdf(eob_html(claim, appeal=appeal))
