from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES, DashboardCard, TabEntry


class EligibilityConfig(registry.PortalApp):
    """MyServices' My Benefits tab (eligibility and enrollment) and the dashboard's alerts."""

    name = "eligibility"
    verbose_name = _("Eligibility and enrollment")

    feature = "eligibility"
    urls = (("my/benefits/", "eligibility.urls"),)
    tabs = (TabEntry("my", _("My Benefits"), "my_benefits", order=10),)
    dashboard_cards = (
        DashboardCard("eligibility/dashboard_card.html", "eligibility.dashboard.alerts_card", order=-10),
    )
    member_records = {"eligibilityspan": "member_id", "alert": "member_id"}
    # Both come from the plan's files: read-only for staff.
    staff_permissions = {MEMBER_SERVICES: ["view_eligibilityspan", "view_alert"]}
