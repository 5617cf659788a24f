from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES


class OutboxConfig(registry.PortalApp):
    name = "outbox"
    verbose_name = _("Email outbox")

    # The development mailbox: every email, codes included.
    debug_urls = (("dev/", "outbox.dev_urls"),)
    member_records = {"email": "member_id"}
    # Which emails went out or failed (bodies, which may hold codes, are superuser-only).
    staff_permissions = {MEMBER_SERVICES: ["view_email"]}
