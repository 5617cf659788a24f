from django.utils.translation import gettext_lazy as _

from inbox import audit_actions
from portal import registry
from portal.registry import CARE_MANAGER, CARE_SUPERVISOR, DashboardCard, HeaderItem, NavEntry, TabEntry


class InboxConfig(registry.PortalApp):
    name = "inbox"
    verbose_name = _("Secure messages")

    feature = "secure_messages"
    urls = (
        ("messages/", "inbox.urls"),
        ("profile/message-emails/", "inbox.profile_urls"),
        ("admin/messages/", "inbox.staff_urls"),
    )
    nav_entries = (NavEntry(_("Messages"), "inbox", order=75),)
    tab_groups = {"inbox": _("Messages")}
    tabs = (
        TabEntry("inbox", _("Inbox"), "inbox", order=0),
        TabEntry("inbox", _("Sent Items"), "inbox_sent", order=10),
        TabEntry("profile", _("Message emails"), "inbox_email_preference", order=80),
    )
    header_items = (HeaderItem("inbox/envelope.html", "inbox.dashboard.envelope"),)
    dashboard_cards = (DashboardCard("inbox/dashboard_card.html", "inbox.dashboard.messages_card", order=25),)
    audit_actions = audit_actions.ALL
    member_records = {
        "thread": "member_id",
        "message": "member_id",
        "attachment": "message__member_id",
        "messageemailpreference": "member_id",
    }
    # Staff read and answer messages on the staff pages (inbox/staff_views.py), not in the admin.
    staff_permissions = {
        CARE_MANAGER: ["answer_messages"],
        CARE_SUPERVISOR: ["supervise_messages"],
    }
