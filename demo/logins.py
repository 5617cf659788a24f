"""The lines that tell a person trying the portal how to get in: the demo member's login, the
Create Account demo member's details, and where the portal's emails can be read.

seed_demo prints them after making the data; `make run` prints them under the server's banner
(demo/management/commands/rundemo.py), where they do not scroll away.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from demo.members import DEMO_MEMBER, DEMO_PASSWORD, DEMO_USERNAME, SIGNUP_DEMO
from members.models import Member


def demo_logins() -> list[str]:
    site = settings.SITE_URL
    lines = []
    account = (
        Member.objects.filter(member_id=DEMO_MEMBER.member_id, user__username=DEMO_USERNAME)
        .select_related("user")
        .first()
    )
    if account is not None and account.user is not None:
        # Someone who changed the demo password in the portal knows it; printing the old one
        # would only send them to a failed log-in.
        known = account.user.check_password(DEMO_PASSWORD)
        password = DEMO_PASSWORD if known else "(changed since seed_demo made it)"
        lines.append(
            f"Demo member login: {site}{reverse('account_login')}  username: {DEMO_USERNAME}  "
            f"password: {password}"
        )
    else:
        lines.append("This database has no demo account (seed_demo did not make its members).")
    signup = SIGNUP_DEMO
    if Member.objects.filter(member_id=signup.member_id, user__isnull=True).exists():
        lines.append(
            f"To try Create Account: {site}{reverse('signup')}  first name: {signup.first_name}  "
            f"last name: {signup.last_name}  date of birth: {signup.date_of_birth:%m/%d/%Y}  "
            f"member ID: {signup.member_id}"
        )
    try:
        mailbox = f"{site}{reverse('dev_mailbox')}"
    except NoReverseMatch:  # the development pages exist only with DEBUG on
        mailbox = f"{site}/dev/mailbox/ (with DEBUG on)"
    lines.append(f"Emails the portal sends: {mailbox} (and the console)")
    return lines
