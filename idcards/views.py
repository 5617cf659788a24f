"""Profile → ID Cards: the card as HTML, its printable PDF, and ordering a card by mail.

Every view works on `request.member` (the signed-in member's own record); no URL or form here
carries an id, so there is no other member's card or order to reach.
"""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit_record
from idcards.audit_actions import IDCARD_ORDERED
from idcards.cards import id_card_for
from idcards.models import IdCardOrder
from idcards.printing import PDF_FILENAME, idcard_pdf
from idcards.services import NoMailingAddress, idcard_order, mailing_address_for, open_order_for
from members.decorators import MemberRequest, member_required
from portal.clock import plan_today
from portal.pdf import PdfRenderTimeout


@require_GET
@member_required
def id_cards(request: MemberRequest) -> HttpResponse:
    """The ID Cards tab: the card's front and back, Print and Order ID Card."""
    context = {
        "card": id_card_for(request.member, plan_today()),
        "open_order": open_order_for(request.member),
    }
    return render(request, "idcards/id_cards.html", context)


@require_GET
@never_cache
@member_required
def idcard_print(request: MemberRequest) -> HttpResponse:
    """The card as a PDF to print at home; never stored by browsers or proxies (it holds PHI)."""
    card = id_card_for(request.member, plan_today())
    try:
        pdf = idcard_pdf(member=request.member, card=card)
    except PdfRenderTimeout:
        context = {
            "message": _("Your ID card could not be prepared for printing. Please try again in a minute.")
        }
        return render(request, "idcards/print_unavailable.html", context, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{PDF_FILENAME}"'
    return response


@require_http_methods(["GET", "POST"])
@member_required
def order(request: MemberRequest) -> HttpResponse:
    """Order ID Card: show where the card will be mailed, and order it when the member confirms."""
    if request.method == "POST":
        try:
            _order, created = idcard_order(member=request.member)
        except NoMailingAddress:
            pass  # The page below says so and offers no button.
        else:
            if created:
                audit_record(request=request, action=IDCARD_ORDERED, member=request.member)
            # Post/redirect/get: reloading the result page cannot submit the order again.
            return redirect("idcard_order_done")
    context = {
        "address": mailing_address_for(request.member),
        "open_order": open_order_for(request.member),
        "submitted": request.method == "POST",
    }
    return render(request, "idcards/order_confirm.html", context)


@require_GET
@member_required
def order_done(request: MemberRequest) -> HttpResponse:
    """After ordering: the member's latest order and when to expect the card."""
    latest = IdCardOrder.objects.filter(member=request.member).order_by("-requested_at", "-id").first()
    if latest is None:
        return redirect("idcard_order")
    return render(request, "idcards/order_done.html", {"order": latest})
