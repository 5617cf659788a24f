from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES, DashboardCard, NavEntry, TabEntry


class CoverageConfig(registry.PortalApp):
    name = "coverage"
    verbose_name = _("Health care coverage")

    feature = "coverage"
    urls = (("coverage/", "coverage.urls"),)
    nav_entries = (NavEntry(_("Health Care Coverage"), "coverage", order=30),)
    tab_groups = {"coverage": _("Insurance")}
    tabs = (
        TabEntry("coverage", _("Active"), "coverage", order=0),
        TabEntry("coverage", _("Inactive"), "coverage_inactive", order=10),
    )
    dashboard_cards = (
        DashboardCard("coverage/dashboard_card.html", "coverage.dashboard.coverage_card", order=0),
    )
    member_records = {"coverage": "member_id"}
    # Coverage comes from the enrollment feed: read-only for staff.
    staff_permissions = {MEMBER_SERVICES: ["view_coverage"]}
