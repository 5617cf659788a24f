"""manage.py import_households FILE: load each member's role in their household.

Each row sets one member's role (account holder, head of household, household member), matched
on member ID. Members must be on record, and a head of household must be their own head in the
member file. The format is in docs/csv-formats.md.
"""

from households.importers import HouseholdImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update household roles from the plan's household CSV file (member_id, role: "
        "account holder, head of household or household member), matched on member_id. Members "
        "must already be on record (run import_members first)." + ALL_OR_NOTHING
    )
    importer = HouseholdImporter
