from django.utils.translation import gettext_lazy as _

from identity import audit_actions
from portal import registry
from portal.registry import TabEntry


class IdentityConfig(registry.PortalApp):
    """Signing in with an identity provider (OpenID Connect): the log-in buttons the plan's
    profile names, linking a new identity to its member record once, and Profile → Sign-in."""

    name = "identity"
    verbose_name = _("Identity")

    urls = (("accounts/", "identity.urls"), ("profile/sign-in/", "identity.profile_urls"))
    tabs = (TabEntry("profile", _("Sign-in"), "identities", order=50),)
    audit_actions = audit_actions.ALL
