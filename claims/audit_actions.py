"""What the claims pages record in the audit trail beyond each page view."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

CLAIMS_DOWNLOADED = AuditAction("claims.downloaded", _("Downloaded claims as CSV"))
EOB_PRINTED = AuditAction("claims.eob_printed", _("Printed an explanation of benefits"))
