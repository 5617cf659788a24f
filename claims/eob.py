"""Print explanation of benefits: one claim as a tagged PDF (PDF/UA-1, like the ID card), in the
page's language, with the plan's phones from its profile.

A render takes about half a second of a worker (docs/performance.md); the HTML it is made from
takes a few milliseconds. So the PDF is kept with the claim under the hash of that HTML, which
holds everything the PDF shows (the claim and its lines, the language, the plan's phones, the
template): printing it again is one query, and any change to the claim, a release or another
language makes a new PDF."""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from claims.appeals import HowToAppeal
from claims.models import LIST_LABELS, Claim, EobPdf
from portal.pdf import html_to_pdf, kept_or_rendered

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
    html = eob_html(claim, appeal=appeal)
    fingerprint = hashlib.sha256(html.encode()).hexdigest()
    return kept_or_rendered(
        EobPdf, owner={"claim": claim}, fingerprint=fingerprint, render=lambda: html_to_pdf(html)
    )
