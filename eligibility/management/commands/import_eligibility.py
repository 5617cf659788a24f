"""manage.py import_eligibility FILE: create or update eligibility spans from the plan's eligibility CSV file.

Members must already be on record: import the member file first. The format is in
docs/csv-formats.md.
"""

from eligibility.importers import EligibilityImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update eligibility spans from the plan's eligibility CSV file, matched on "
        "member_id, program and effective_date, with the enrollment in a health plan under each. "
        "Members must already be on record (run import_members first)." + ALL_OR_NOTHING
    )
    importer = EligibilityImporter
