"""manage.py import_alerts FILE: create or update alerts from the plan's alert CSV file.

Members must already be on record: import the member file first. The format is in
docs/csv-formats.md.
"""

from eligibility.importers import AlertImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update alerts from the plan's alert CSV file, matched on alert_id; each "
        "alert's words are the portal's translated message for its message_key. "
        "Members must already be on record (run import_members first)." + ALL_OR_NOTHING
    )
    importer = AlertImporter
