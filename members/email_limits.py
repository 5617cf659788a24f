"""How many account emails may go: verification codes (sign-up, email change, password reset)
and recovery emails (the username).

Each of those emails either carries a code worth rules.CODE_TRIES guesses or lands in somebody's
mailbox, so each is counted before it is sent:

- per member and flow: one every rules.CODE_RESEND_COOL_DOWN, at most MEMBER_FLOW_PER_DAY a day;
- per recipient address (whoever's it is): at most ADDRESS_PER_DAY a day, over every flow;
- per client address: at most CLIENT_PER_DAY a day, over every flow and member;
- per member: no new email once they have entered codes.WRONG_CODES_PER_DAY wrong codes in a day
  (members/codes.py refuses the codes themselves past that budget).

The counts are in the shared cache (members/limits.py); the wrong-code budget is read from the
database, where the codes' wrong tries are kept.
"""

import datetime
import enum

from members import limits, rules
from members.codes import WRONG_CODES_PER_DAY, wrong_codes_today
from members.models import Member

DAY = datetime.timedelta(days=1)
MEMBER_FLOW_PER_DAY = 5
ADDRESS_PER_DAY = 10
# A clinic's or a mobile carrier's shared address serves many members.
CLIENT_PER_DAY = 50


class Flow(enum.StrEnum):
    SIGNUP = "signup"
    RECOVERY = "recovery"
    EMAIL_CHANGE = "email_change"


class EmailLimit(enum.Enum):
    COOL_DOWN = "cool_down"  # ask again after rules.CODE_RESEND_COOL_DOWN
    DAILY = "daily"  # ask again tomorrow


class EmailLimitReached(Exception):
    def __init__(self, limit: EmailLimit) -> None:
        super().__init__(limit.value)
        self.limit = limit


def account_email_claim(*, member: Member, flow: Flow, to: str, client: str) -> None:
    """Count one account email to `to` for `member`, or raise EmailLimitReached and count nothing.

    Call it just before the email is queued (and its code issued).
    """
    if wrong_codes_today(member) >= WRONG_CODES_PER_DAY:
        raise EmailLimitReached(EmailLimit.DAILY)
    if not limits.claim(f"acct-email:wait:{flow}:{member.pk}", rules.CODE_RESEND_COOL_DOWN):
        raise EmailLimitReached(EmailLimit.COOL_DOWN)
    counted: list[str] = []
    for key, cap in [
        (f"acct-email:member:{flow}:{member.pk}", MEMBER_FLOW_PER_DAY),
        (f"acct-email:to:{limits.digest(to)}", ADDRESS_PER_DAY),
        (f"acct-email:client:{client}", CLIENT_PER_DAY),
    ]:
        counted.append(key)
        if limits.count_hit(key, DAY) > cap:
            # Take the hits back: a refused email must not use up the recipient's or client's day.
            for done in counted:
                limits.uncount_hit(done, DAY)
            raise EmailLimitReached(EmailLimit.DAILY)
