from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES, DashboardCard, NavEntry


class AuthorizationsConfig(registry.PortalApp):
    name = "authorizations"
    verbose_name = _("Referrals and Authorizations")

    feature = "authorizations"
    urls = (("authorizations/", "authorizations.urls"),)
    nav_entries = (NavEntry(_("Referrals and Authorizations"), "authorizations", order=60),)
    dashboard_cards = (
        DashboardCard(
            "authorizations/dashboard_card.html", "authorizations.dashboard.pending_card", order=30
        ),
    )
    member_records = {"authorization": "member_id"}
    # The plan's utilization management system decides them: staff only read them here.
    staff_permissions = {MEMBER_SERVICES: ["view_authorization"]}
