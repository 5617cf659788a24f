"""The audit trail: one append-only row per time someone saw or changed a member's data, or signed in.

Rows are written only by audit.services.audit_record and never changed: the admin is read-only
for everyone, and on PostgreSQL a trigger refuses UPDATE and DELETE (migration 0001). The
foreign keys have no database constraint and do nothing on delete, so removing a member or a
user neither edits nor loses their history: the row keeps the id it was written with.

`detail` names what was touched (a page, an admin screen, a kind of contact), never a value
from the record: the trail itself must not become another copy of the PHI.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.registry import audit_actions


class ActorRole(models.TextChoices):
    MEMBER = "member", _("Member")
    STAFF = "staff", _("Staff")
    SYSTEM = "system", _("System")
    ANONYMOUS = "anonymous", _("Anonymous")


class AuditEvent(models.Model):
    """Who did what to which member's data, when, from where, in which request."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_role = models.CharField(_("role"), max_length=10, choices=ActorRole.choices)
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    # An action an app declares ("idcards.ordered"; portal.registry.AuditAction): not choices, so
    # a new app's actions need no migration here.
    action = models.CharField(_("action"), max_length=50)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    request_id = models.CharField(_("request ID"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["member", "-created_at"], name="audit_member_time_idx")]

    def __str__(self) -> str:
        return f"{self.action_label} #{self.pk}"

    @property
    def action_label(self) -> str:
        """The action as people read it; its stored name if no installed app declares it."""
        action = audit_actions().get(self.action)
        return str(action.label) if action is not None else self.action
