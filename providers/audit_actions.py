"""The audit actions the providers app records."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

PCP_CHANGED = AuditAction("providers.pcp_changed", _("Primary care provider changed"))
