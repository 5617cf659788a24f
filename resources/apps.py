from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.registry import MEMBER_SERVICES, NavEntry

# Member services keep the page current: the rows are the plan's public information, with no
# member data, so the role edits them like any other content (docs/resources.md).
_CONTENT_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("resource", "resourcetranslation")
    for action in ("view", "add", "change", "delete")
]


class ResourcesConfig(registry.PortalApp):
    name = "resources"
    verbose_name = _("Resources")

    feature = "resources"
    urls = (("resources/", "resources.urls"),)
    nav_entries = (NavEntry(_("Resources"), "resources", order=80),)
    staff_permissions = {MEMBER_SERVICES: _CONTENT_PERMISSIONS}
