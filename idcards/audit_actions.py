"""The audit actions the ID cards app records."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

IDCARD_ORDERED = AuditAction("idcards.ordered", _("ID card ordered"))
