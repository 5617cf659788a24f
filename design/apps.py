from django.utils.translation import gettext_lazy as _

from portal import registry


class DesignConfig(registry.PortalApp):
    name = "design"
    verbose_name = _("Design system")

    # The living style page: every component as the portal uses it (docs/design.md).
    debug_urls = (("dev/", "design.dev_urls"),)
