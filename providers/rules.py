"""The plan's rules about PCPs, one named function each; services, views and templates call them."""

import datetime

from portal.clock import first_of_next_month


def pcp_effective_date(chosen_on: datetime.date) -> datetime.date:
    """A PCP chosen on `chosen_on` (a day in the plan's time zone) is the member's PCP from the
    first day of the next month (the seed's "the change will be effective on the first of the
    next month")."""
    return first_of_next_month(chosen_on)
