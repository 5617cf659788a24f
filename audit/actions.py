"""The audit actions of the admin audit (audit/admin_trail.py): staff reading or changing records."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

ADMIN_VIEW = AuditAction("audit.admin_view", _("Staff viewed the record"))
ADMIN_LIST = AuditAction("audit.admin_list", _("Staff listed records"))
ADMIN_SEARCH = AuditAction("audit.admin_search", _("Staff searched records"))
ADMIN_CHANGE = AuditAction("audit.admin_change", _("Staff changed the record"))

ALL = (ADMIN_VIEW, ADMIN_LIST, ADMIN_SEARCH, ADMIN_CHANGE)
