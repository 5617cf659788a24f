"""The household's rules: who may see whose information (docs/eligibility.md, *Household*).

- A head of household sees the eligibility, enrollment, documents and notices of every member
  of their household (seed 004: "puede revisar la información de elegibilidad y los datos de
  inscripción de MassHealth de todos los integrantes de su hogar").
- Anyone else (an account holder who is not the head, a household member) sees only their own.
- The head does not see an adult household member's contact information and date of birth
  (My Info): those are the adult's own. A minor's are shown to the head, who applied for them.
"""

import datetime

from members.models import Member

# The age from which a household member's My Info is theirs alone (adulthood in Massachusetts).
ADULT_AGE = 18


def is_adult(member: Member, today: datetime.date) -> bool:
    return member.age_on(today) >= ADULT_AGE


def shows_sensitive(*, viewer: Member, viewed: Member, today: datetime.date) -> bool:
    """Whether `viewer` may see `viewed`'s contact information and date of birth."""
    return viewer.pk == viewed.pk or not is_adult(viewed, today)
