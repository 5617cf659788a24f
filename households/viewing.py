"""Whose information a MyServices page shows: the signed-in member's, or, for a head of
household, the household member they chose ("Viewing: [name]").

The choice is kept in the session as a member's primary key, but it is never trusted: every
request reads the head's household again (one query, whatever its size) and takes the stored
choice only if it is one of them, so a stale or forged value shows the member their own
information. Every record a page then reads is looked up together with `Viewing.member`.
"""

import datetime
from dataclasses import dataclass

from households.forms import ViewingForm
from households.models import HouseholdRole, Role
from households.rules import shows_sensitive
from members.decorators import MemberRequest
from members.models import Member
from portal.clock import plan_today
from portal.statements import ModelStatement

SESSION_KEY = "households.viewing"


@dataclass(frozen=True)
class Viewing:
    viewer: Member  # the signed-in member
    member: Member  # whose information the page shows
    household: tuple[Member, ...]  # whom the viewer may choose; empty unless they are the head
    today: datetime.date
    form: ViewingForm | None  # the switch, for a head of household

    @property
    def is_self(self) -> bool:
        return self.member.pk == self.viewer.pk

    @property
    def sensitive_shown(self) -> bool:
        return shows_sensitive(viewer=self.viewer, viewed=self.member, today=self.today)


# Every MyServices page reads it (portal/statements.py): the members whose head is `member`,
# if `member` holds the head of household role, youngest last.
_HOUSEHOLD = ModelStatement(
    Member,
    where=(
        f"head_of_household_id = %s AND EXISTS (SELECT 1 FROM {HouseholdRole._meta.db_table}"  # noqa: S608
        " WHERE member_id = %s AND role = %s)"
    ),
    order_by=["date_of_birth", "id"],
    fields=[
        "id",
        "member_id",
        "first_name",
        "last_name",
        "date_of_birth",
        "preferred_language",
        "head_of_household_id",
    ],
)


def household_of(member: Member) -> tuple[Member, ...]:
    """The members `member` may view: their household, head first, if they are its head; else
    nobody (one query either way)."""
    people = _HOUSEHOLD.rows([member.pk, member.pk, Role.HEAD_OF_HOUSEHOLD.value])
    found = [person for person in people if person.pk != member.pk]
    return (member, *found) if found else ()


def viewing_for(request: MemberRequest) -> Viewing:
    household = household_of(request.member)
    chosen = request.session.get(SESSION_KEY)
    viewed = next((person for person in household if person.pk == chosen), request.member)
    if viewed.pk == request.member.pk:
        viewed = request.member  # the full row member_required read, not the narrow one
    form = None
    if household:
        initial = {"member": viewed.pk, "next": request.path}
        form = ViewingForm(household=household, initial=initial, auto_id="id_viewing_%s")
    return Viewing(viewer=request.member, member=viewed, household=household, today=plan_today(), form=form)


def choose(request: MemberRequest, member: Member) -> None:
    """Keep the choice of `member` (already checked to be in the viewer's household)."""
    if member.pk == request.member.pk:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = member.pk
