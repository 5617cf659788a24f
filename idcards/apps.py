from django.utils.translation import gettext_lazy as _

from idcards.audit_actions import IDCARD_ORDERED
from portal import registry
from portal.registry import MEMBER_SERVICES, DashboardCard, TabEntry


class IdCardsConfig(registry.PortalApp):
    name = "idcards"
    verbose_name = _("ID cards")

    feature = "idcards"
    urls = (("profile/id-cards/", "idcards.urls"),)
    tabs = (TabEntry("profile", _("ID Cards"), "idcards", order=10),)
    dashboard_cards = (
        DashboardCard("idcards/dashboard_card.html", "idcards.dashboard.idcard_card", order=20),
    )
    audit_actions = (IDCARD_ORDERED,)
    member_records = {"idcardorder": "member_id", "idcardpdf": "member_id"}
    # The ID card printer's queue: see open orders, mark them mailed, export them.
    staff_permissions = {MEMBER_SERVICES: ["view_idcardorder", "change_idcardorder"]}
    # Each web worker renders one blank card as it starts, so no member pays for WeasyPrint's
    # imports and font set-up (docs/performance.md).
    warm_up = "idcards.printing.warm_up"
