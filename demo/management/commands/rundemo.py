"""manage.py rundemo: Django's runserver, with the demo logins printed under its banner.

`make run` seeds the demo data first, then serves with this, so the login a person needs is the
last thing on the screen rather than scrolled away above the server's start-up lines. Every
option is runserver's.
"""

from django.core.management.commands.runserver import Command as RunserverCommand

from demo.logins import demo_logins


class Command(RunserverCommand):
    help = "Serve the portal for development (runserver), then print the demo logins under its banner."

    def on_bind(self, server_port: int) -> None:
        super().on_bind(server_port)
        for line in demo_logins():
            self.stdout.write(line)
