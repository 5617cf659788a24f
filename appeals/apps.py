from django.utils.translation import gettext_lazy as _

from appeals.audit_actions import CASE_FILED, CASE_WITHDRAWN
from portal import registry
from portal.registry import GRIEVANCES_AND_APPEALS, MEMBER_SERVICES, NavEntry, TabEntry


class AppealsConfig(registry.PortalApp):
    name = "appeals"
    verbose_name = _("Grievances and Appeals")

    feature = "appeals"
    urls = (("appeals/", "appeals.urls"),)
    nav_entries = (NavEntry(_("Grievances and Appeals"), "appeals", order=70),)
    tab_groups = {"appeals": _("Grievances and Appeals")}
    tabs = (
        TabEntry("appeals", _("Appeals"), "appeals", order=0),
        TabEntry("appeals", _("Grievances"), "grievances", order=10),
    )
    audit_actions = (CASE_FILED, CASE_WITHDRAWN)
    member_records = {"case": "member_id", "caseevent": "case__member_id", "casefile": "case__member_id"}
    staff_permissions = {
        GRIEVANCES_AND_APPEALS: [
            "view_case",
            "change_case",
            "view_caseevent",
            "view_casefile",
        ],
        MEMBER_SERVICES: ["view_case", "view_caseevent"],
    }
