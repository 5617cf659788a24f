"""The audit actions the members app records: account events and the member pages seen."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

# Every member page shown; kept for the security officer, not listed in Recent activity.
PAGE_VIEW = AuditAction("members.page_view", _("Viewed a page"), shown_to_member=False)
SIGN_IN = AuditAction("members.sign_in", _("Signed in"))
SIGN_IN_FAILED = AuditAction("members.sign_in_failed", _("Failed sign-in"))
SIGN_OUT = AuditAction("members.sign_out", _("Signed out"))
RECOVERY_REQUESTED = AuditAction("members.recovery_requested", _("Account recovery requested"))
PASSWORD_RESET = AuditAction("members.password_reset", _("Password reset"))
CONTACT_CHANGED = AuditAction("members.contact_changed", _("Contact information changed"))
TWO_FACTOR_RESET = AuditAction("members.two_factor_reset", _("Two-factor reset by Member Services"))

ALL = (
    PAGE_VIEW,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    RECOVERY_REQUESTED,
    PASSWORD_RESET,
    CONTACT_CHANGED,
    TWO_FACTOR_RESET,
)
