"""The audit actions of signing in with an identity provider."""

from django.utils.translation import gettext_lazy as _

from portal.registry import AuditAction

IDENTITY_LINKED = AuditAction("identity.linked", _("Sign-in linked"))
IDENTITY_LINK_FAILED = AuditAction("identity.link_failed", _("Sign-in link refused"), shown_to_member=False)
IDENTITY_UNLINKED = AuditAction("identity.unlinked", _("Sign-in unlinked"))

ALL = (IDENTITY_LINKED, IDENTITY_LINK_FAILED, IDENTITY_UNLINKED)
