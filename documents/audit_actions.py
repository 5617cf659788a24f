"""The audit actions the documents app records."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

# Recorded against the notice's member, whoever opened it (they or their head of household).
NOTICE_OPENED = AuditAction("documents.notice_opened", _("Opened a notice"))

ALL = (NOTICE_OPENED,)
