from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES, DashboardCard, NavEntry, TabEntry
from providers.audit_actions import PCP_CHANGED


class ProvidersConfig(registry.PortalApp):
    name = "providers"
    verbose_name = _("Providers")

    feature = "providers"
    urls = (("providers/", "providers.urls"),)
    nav_entries = (NavEntry(_("Providers"), "providers", order=20),)
    tab_groups = {"providers": _("Providers")}
    tabs = (TabEntry("providers", _("My PCP"), "providers", order=0),)
    dashboard_cards = (
        DashboardCard("providers/dashboard_card.html", "providers.dashboard.pcp_card", order=10),
    )
    audit_actions = (PCP_CHANGED,)
    member_records = {"pcpassignment": "member_id", "pcpchangerequest": "member_id"}
    # The directory and PCP history come from the plan's feeds; a PCP change goes through the
    # service that notifies the member, so staff only read them here.
    staff_permissions = {MEMBER_SERVICES: ["view_provider", "view_pcpassignment", "view_pcpchangerequest"]}
