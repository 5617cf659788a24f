from django.utils.translation import gettext_lazy as _

from audit import actions
from portal import registry


class AuditConfig(registry.PortalApp):
    name = "audit"
    verbose_name = _("Audit trail")

    audit_actions = actions.ALL
    # Reading a member's trail in the admin is itself access to their record.
    member_records = {"auditevent": "member_id"}

    def ready(self) -> None:
        from django.core import checks

        from audit.checks import check_member_records

        checks.register(check_member_records)
