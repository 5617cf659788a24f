from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

CASE_FILED = AuditAction("appeals.filed", _("Filed a grievance or appeal"))
CASE_WITHDRAWN = AuditAction("appeals.withdrawn", _("Withdrew a grievance or appeal"))
