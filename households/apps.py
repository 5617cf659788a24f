from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES, NavEntry, TabEntry


class HouseholdsConfig(registry.PortalApp):
    """MyServices' dashboard (seed 004): My Info, with the household switch every tab shows; the
    eligibility and documents apps add My Benefits, My Documents and My Notices to its tabs."""

    name = "households"
    verbose_name = _("Households")

    feature = "households"
    urls = (("my/", "households.urls"),)
    nav_entries = (NavEntry(_("Benefits and Notices"), "my_info", order=35),)
    tab_groups = {"my": _("Benefits and Notices")}
    tabs = (TabEntry("my", _("My Info"), "my_info", order=0),)
    member_records = {"householdrole": "member_id"}
    staff_permissions = {MEMBER_SERVICES: ["view_householdrole"]}
