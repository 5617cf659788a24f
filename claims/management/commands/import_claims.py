"""manage.py import_claims FILE: load the plan's claims file, one row per service line.

Each row creates or updates one claim line, matched on claim number and line number; the rows
of one claim repeat its header fields and must agree on them. Members must already be on
record: import the member file first. The format is in docs/csv-formats.md.
"""

from claims.importers import ClaimImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update claims and their service lines from the plan's claims CSV file, one row "
        "per line, matched on claim_number and line_number; the rows of one claim must agree on "
        "its header fields. Members must already be on record (run import_members first)." + ALL_OR_NOTHING
    )
    importer = ClaimImporter
