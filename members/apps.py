from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from members import audit_actions
from portal import registry
from portal.registry import CARE_MANAGER, MEMBER_SERVICES, DashboardCard, NavEntry, TabEntry

# Contact records are kept current by member services; enrollment fields are read-only there.
_CONTACT_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("address", "phone", "contactemail")
    for action in ("view", "add", "change", "delete")
]


class MembersConfig(registry.PortalApp):
    name = "members"
    verbose_name = _("Members")

    # Editing contact details in Profile; off where the plan's data is read-only (MassHealth).
    sub_features = ("profile_editing",)
    urls = (("accounts/", "members.urls"), ("profile/", "members.profile_urls"), ("", "members.home_urls"))
    nav_entries = (
        NavEntry(pgettext_lazy("home page", "Home"), "home", order=0),
        NavEntry(_("Profile"), "profile", order=10),
    )
    tab_groups = {"profile": _("Profile")}
    tabs = (
        TabEntry("profile", _("Personal Information"), "profile", order=0),
        TabEntry("profile", _("Recent activity"), "activity", order=90),
    )
    dashboard_cards = (
        DashboardCard("members/dashboard_card.html", "members.dashboard.contact_card", order=90),
    )
    audit_actions = audit_actions.ALL
    member_records = {
        "member": "",
        "address": "member_id",
        "phone": "member_id",
        "contactemail": "member_id",
        "contactchange": "member_id",
        "verificationcode": "member_id",
        "recoveryrequest": "member_id",
    }
    # "change member" only opens the member page, where the enrollment fields are read-only and
    # the contact records are edited. Users, groups and OTP devices belong to administrators.
    staff_permissions = {
        MEMBER_SERVICES: ["view_member", "change_member", *_CONTACT_PERMISSIONS, "view_contactchange"],
        # Care managers read the members they care for; member services keep their records.
        CARE_MANAGER: ["view_member"],
    }

    def ready(self) -> None:
        from members import receivers

        receivers.connect()
