from django.utils.translation import gettext_lazy as _

from claims.audit_actions import CLAIMS_DOWNLOADED, EOB_PRINTED
from portal import registry
from portal.registry import MEMBER_SERVICES, DashboardCard, NavEntry


class ClaimsConfig(registry.PortalApp):
    name = "claims"
    verbose_name = _("Claims")

    feature = "claims"
    urls = (("claims/", "claims.urls"),)
    nav_entries = (NavEntry(_("Claims"), "claims", order=50),)
    dashboard_cards = (DashboardCard("claims/dashboard_card.html", "claims.dashboard.claims_card", order=30),)
    audit_actions = (CLAIMS_DOWNLOADED, EOB_PRINTED)
    member_records = {"claim": "member_id", "claimline": "claim__member_id", "eobpdf": "claim__member_id"}
    # Claims come from the plan's claims system: read-only for staff. Sensitive claims need
    # view_sensitive_claim, which no role holds by default (docs/claims.md).
    staff_permissions = {MEMBER_SERVICES: ["view_claim", "view_claimline"]}
