"""The secure-message rules, each a named function reading the plan's profile."""

import datetime
import zoneinfo

from django.conf import settings

from inbox.models import Message
from members.models import Member

# What a member may attach to one message (stated on the page before they choose).
MAX_ATTACHMENTS = 4
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_TOTAL_ATTACHMENT_BYTES = 20 * 1024 * 1024


def messages_per_day() -> int:
    """How many messages a member may send in one day of the plan's time zone."""
    return settings.PLAN.rules.messages_per_day


def sent_today(member: Member, now: datetime.datetime) -> int:
    """Messages the member sent since midnight in the plan's time zone. One indexed query."""
    zone = zoneinfo.ZoneInfo(settings.PLAN.time_zone)
    midnight = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    return Message.objects.filter(member=member, from_member=True, created_at__gte=midnight).count()


def daily_limit_reached(member: Member, now: datetime.datetime) -> bool:
    return sent_today(member, now) >= messages_per_day()
