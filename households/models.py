"""Households as the plan's application data has them: each member's role on the application.

The household itself is members.Member.head_of_household (from the member file): everyone whose
head is the same member. This app adds what MyServices needs on top, the role each person has.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member


class Role(models.TextChoices):
    # Seed 004's three roles: "el titular de la cuenta", "el jefe del hogar", "el integrante del hogar".
    ACCOUNT_HOLDER = "account_holder", _("Account holder")
    HEAD_OF_HOUSEHOLD = "head_of_household", _("Head of household")
    HOUSEHOLD_MEMBER = "household_member", _("Household member")


class HouseholdRole(models.Model):
    """A member's role in their household; a member without one is a household member."""

    member = models.OneToOneField(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="household_role"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("household role")
        verbose_name_plural = _("household roles")

    def __str__(self) -> str:
        return f"{self.get_role_display()} (member #{self.member_id})"
