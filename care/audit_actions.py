"""The audit actions the care app records (page views are members.PAGE_VIEW, like every page)."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

ASSESSMENT_SAVED = AuditAction("care.assessment_saved", _("Assessment saved as a draft"))
ASSESSMENT_FINISHED = AuditAction("care.assessment_finished", _("Assessment sent to the care manager"))
RESPONSE_DOWNLOADED = AuditAction(
    "care.response_downloaded", _("Assessment answers downloaded by staff"), shown_to_member=False
)

ALL = (ASSESSMENT_SAVED, ASSESSMENT_FINISHED, RESPONSE_DOWNLOADED)
