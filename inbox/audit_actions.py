"""The audit actions secure messages record (member page views are members.PAGE_VIEW)."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

MESSAGE_SENT = AuditAction("inbox.message_sent", _("Secure message sent"))
ATTACHMENT_DOWNLOADED = AuditAction("inbox.attachment_downloaded", _("Message attachment opened"))
STAFF_VIEWED = AuditAction("inbox.staff_viewed", _("Secure messages read by staff"), shown_to_member=False)
STAFF_REPLIED = AuditAction("inbox.staff_replied", _("Secure message sent by the care manager"))
STAFF_HANDLED = AuditAction(
    "inbox.staff_handled", _("Conversation marked as handled by staff"), shown_to_member=False
)

ALL = (MESSAGE_SENT, ATTACHMENT_DOWNLOADED, STAFF_VIEWED, STAFF_REPLIED, STAFF_HANDLED)
