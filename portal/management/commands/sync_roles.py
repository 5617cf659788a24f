"""manage.py sync_roles: make the staff groups match the roles defined in portal/roles.py.

`migrate` already does this; run it by hand to check for drift (--dry-run) or to undo
permissions someone changed on a role group in the admin.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from portal.roles import UnknownPermissions, sync_roles


class Command(BaseCommand):
    help = (
        "Create the staff groups listed in portal/roles.py and give each exactly the permissions "
        "listed there, adding and removing as needed. Other groups are not touched. Safe to run "
        "again; `migrate` runs it too."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would change without writing anything.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        dry_run = bool(options["dry_run"])
        verbosity: int = options["verbosity"]
        try:
            changes = sync_roles(dry_run=dry_run)
        except UnknownPermissions as error:
            raise CommandError(f"{error}. Run `manage.py migrate` first, or fix portal/roles.py.") from None

        if verbosity >= 2:
            for change in changes:
                state = "new" if change.created else "existing"
                self.stdout.write(f"{change.group} ({state})")
                for name in change.added:
                    self.stdout.write(f"  + {name}")
                for name in change.removed:
                    self.stdout.write(f"  - {name}")

        created = sum(change.created for change in changes)
        added = sum(len(change.added) for change in changes)
        removed = sum(len(change.removed) for change in changes)
        verb = "would be" if dry_run else "were"
        summary = (
            f"{len(changes)} roles checked: {created} groups {verb} created, "
            f"{added} permissions {verb} added and {removed} {verb} removed."
        )
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(summary) if not dry_run else summary)
