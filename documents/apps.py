from django.utils.translation import gettext_lazy as _

from documents import audit_actions
from portal import registry
from portal.registry import MEMBER_SERVICES, TabEntry


class DocumentsConfig(registry.PortalApp):
    """MyServices' My Documents (documents and requests for information) and My Notices tabs."""

    name = "documents"
    verbose_name = _("Documents and notices")

    feature = "documents"
    urls = (("my/", "documents.urls"),)
    tabs = (
        TabEntry("my", _("My Documents"), "my_documents", order=20),
        TabEntry("my", _("My Notices"), "my_notices", order=30),
    )
    audit_actions = audit_actions.ALL
    member_records = {"document": "member_id", "notice": "member_id"}
    staff_permissions = {MEMBER_SERVICES: ["view_document", "view_notice"]}
