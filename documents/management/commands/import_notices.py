"""manage.py import_notices MANIFEST [--folder DIR]: load the eligibility notices the plan sent.

Each manifest row creates or updates one notice, matched on the plan's notice ID, and names its
PDF in the folder (by default the manifest's own). Every file must be a PDF by its content; the
PDFs are stored in the `notices` storage once the rows are written. The format is in
docs/csv-formats.md.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from documents.importers import NoticeImporter, notices_in
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand
from portal.csvimport.importer import Importer


class Command(ImportCommand):
    help = (
        "Create or update notices from the plan's notice manifest CSV file, matched on notice_id, "
        "each with its PDF from the folder (--folder, by default the manifest's folder). A file "
        "that is not a PDF is an error on its line. Members must already be on record (run "
        "import_members first)." + ALL_OR_NOTHING
    )
    importer = NoticeImporter

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--folder", help="The folder holding the PDFs the manifest names.")

    def importer_for(self, options: dict[str, Any]) -> type[Importer[Any]]:
        folder = Path(options["folder"] or Path(options["file"]).resolve().parent)
        return notices_in(folder)
