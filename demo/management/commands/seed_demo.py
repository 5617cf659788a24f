"""manage.py seed_demo: fill an empty database with made-up members and providers.

`make run` calls it with --if-empty, so a fresh checkout has a demo member to log in as and a
provider directory to search; it then prints that login and where the portal's emails can be
read (demo/logins.py; under `make run`, rundemo prints them instead, after the server's
banner). With --members/--providers it builds plan-sized data (a million members) for benchmarks.
The generation itself is in demo/seed.py, with one builder per domain beside it.
"""

import argparse
import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from demo import seed
from demo.logins import demo_logins
from demo.members import DEMO_MEMBER, MIN_MEMBERS
from demo.providers import MIN_PROVIDERS
from portal.clock import plan_today


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("use YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Make a realistic, deterministic synthetic data set: members in households across the "
        "plan's counties with addresses, phones, emails, current and past coverage and PCP "
        "histories; network providers; and a demo account. The same --seed and --today always "
        "give the same data. Refuses to touch a database that already has members or providers "
        "unless --if-empty (do nothing) or --reset (delete the demo data and make it again)."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--members", type=_count, default=500, help="Members to make (default 500).")
        parser.add_argument("--providers", type=_count, default=300, help="Providers to make (default 300).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--today",
            type=_day,
            help="Date the coverage and PCP dates are relative to (default: today, in the plan's time zone).",
        )
        parser.add_argument(
            "--batch-size", type=_count, default=10_000, help="Members written per batch (default 10000)."
        )
        parser.add_argument(
            "--method",
            choices=["auto", "copy", "bulk"],
            default="auto",
            help="How rows are written: COPY (PostgreSQL only), bulk_create, or auto (COPY where possible).",
        )
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help="Do not print the demo logins (make run prints them under the server's banner).",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already has members (still print the demo login).",
        )
        mode.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo data seed_demo made earlier (members, providers, coverage, PCP "
            "assignments, the demo account), then make it again.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity: int = options["verbosity"]
        members: int = options["members"]
        providers: int = options["providers"]
        if members < MIN_MEMBERS or providers < MIN_PROVIDERS:
            raise CommandError(
                f"Make at least {MIN_MEMBERS} members (the demo household and the Create Account "
                f"demo member) and {MIN_PROVIDERS} providers (a PCP in each county)."
            )
        if options["method"] == "copy" and connection.vendor != "postgresql":
            raise CommandError("--method copy needs PostgreSQL.")
        use_copy = None if options["method"] == "auto" else options["method"] == "copy"

        if seed.plan_data_present():
            if options["if_empty"]:
                if verbosity >= 2:
                    self.stdout.write("The database already has members or providers; nothing made.")
                self._print_logins(verbosity, options)
                return
            if not options["reset"]:
                raise CommandError(
                    "The database already has members or providers. Use --reset to delete the demo "
                    "data and make it again, or --if-empty to leave it as it is."
                )
            if not seed.demo_data_present():
                raise CommandError(
                    f"The database has members or providers that seed_demo did not make (there is no "
                    f"member {DEMO_MEMBER.member_id}); --reset deletes only demo data. Use an "
                    f"empty database."
                )

        progress = self.stdout.write if verbosity >= 2 else None
        with transaction.atomic():
            if options["reset"]:
                seed.demo_data_delete()
            result = seed.seed_demo(
                members=members,
                providers=providers,
                seed=options["seed"],
                today=options["today"] or plan_today(),
                batch_size=max(1, options["batch_size"]),
                use_copy=use_copy,
                progress=progress,
            )

        if verbosity >= 2:
            for table, rows in result.counts.items():
                seconds = result.table_seconds.get(table, 0.0)
                rate = rows / seconds if seconds else 0.0
                self.stdout.write(f"  {table}: {rows:,} rows in {seconds:.1f} s ({rate:,.0f} rows/s)")
        if verbosity >= 1:
            total = sum(result.counts.values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Made {members:,} members and {providers:,} providers ({total:,} rows in all) "
                    f"in {result.seconds:.1f} s with {result.method}."
                )
            )
        self._print_logins(verbosity, options)

    def _print_logins(self, verbosity: int, options: dict[str, Any]) -> None:
        if verbosity >= 1 and not options["no_logins"]:
            for line in demo_logins():
                self.stdout.write(line)
