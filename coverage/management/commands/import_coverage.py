"""manage.py import_coverage FILE: load the enrollment system's coverage spans.

Each row creates or updates one coverage span, matched on member, program, plan and effective
date (only the end date can change), so members see the programs they are enrolled in. Members
must already be on record: import the member file first. The format is in docs/csv-formats.md.
"""

from coverage.importers import CoverageImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update coverage spans from the enrollment system's coverage CSV file, matched on "
        "member_id, program, plan and effective_date; a blank end_date means the span is open. "
        "Members must already be on record (run import_members first)." + ALL_OR_NOTHING
    )
    importer = CoverageImporter
