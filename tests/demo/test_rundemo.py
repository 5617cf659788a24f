"""manage.py rundemo (`make run`): runserver, with the demo logins under its banner, so they are
the last lines on the screen rather than scrolled away above it."""

from io import StringIO

from django.core.management import call_command

from demo.management.commands.rundemo import Command

SMALL = ["--members", "60", "--providers", "20", "--today", "2026-11-22"]


def test_the_logins_come_after_the_server_banner(db: None) -> None:
    seeding = StringIO()
    call_command("seed_demo", *SMALL, "--no-logins", stdout=seeding)
    assert "Demo member login" not in seeding.getvalue(), "make run prints them once, under the banner"

    out = StringIO()
    command = Command(stdout=out)
    # What runserver's handle() sets before the server binds; on_bind() prints the banner.
    vars(command).update(addr="127.0.0.1", _raw_ipv6=False, protocol="http")
    command.on_bind(8101)
    printed = out.getvalue()
    banner = printed.index("Starting WSGI development server at http://127.0.0.1:8101/")
    login = printed.index("Demo member login: ")
    assert banner < login
    assert "username: demo  password: demo-member-2026!" in printed
    assert printed.rstrip().splitlines()[-1].startswith("Emails the portal sends:")
