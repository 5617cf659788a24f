"""The base of every import command: a thin wrapper that opens the file, hands it to
`import_file` and prints the report (errors to standard error, the summary by verbosity)."""

from argparse import ArgumentParser
from typing import Any, ClassVar

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.csvimport.importer import Importer, import_file
from portal.csvimport.reading import cannot_be_read

# The end of every import command's help text.
ALL_OR_NOTHING = (
    " Every bad row is reported with its line number and reason; if any row is bad, nothing is "
    "imported. --dry-run checks the file and counts the changes without writing them. "
    "Formats: docs/csv-formats.md."
)


class ImportCommand(BaseCommand):
    """`manage.py import_<name> FILE [--dry-run]` for the `importer` a subclass names."""

    importer: ClassVar[type[Importer[Any]]]

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="Path of the CSV file (UTF-8, header row).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, without writing anything.",
        )

    def importer_for(self, options: dict[str, Any]) -> type[Importer[Any]]:
        """The importer to run; a command whose rules depend on its options builds it here."""
        return self.importer

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        verbosity: int = options["verbosity"]
        try:
            file = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the message
        except OSError as problem:
            raise CommandError(f"{path}: {cannot_be_read(problem)}") from None
        with file:
            report = import_file(self.importer_for(options), file, dry_run=bool(options["dry_run"]))

        if report.refused:
            raise CommandError(f"{path}: {report.refused}")
        if not report.ok:
            for message in report.problems:
                self.stderr.write(message)
            raise CommandError(f"{path}: {report.summary()}")
        if verbosity >= 2:
            checked = _("%(count)d row(s) checked, all valid.") % {"count": report.checked}
            self.stdout.write(f"{path}: {checked}")
        if verbosity >= 1:
            summary = report.summary()
            self.stdout.write(summary if report.dry_run else self.style.SUCCESS(summary))
