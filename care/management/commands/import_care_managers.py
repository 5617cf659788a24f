"""manage.py import_care_managers FILE: load which care manager is assigned to each member, when.

Each row is one period, matched on member and start date; a member's periods may not overlap, so
a member has one care manager at a time. Members and care managers (staff users in the Care
manager role, found by email) must already be on record. The format is in docs/csv-formats.md.
"""

from care.importers import CareManagerAssignmentImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update care manager assignments from a CSV file (member_id, care_manager_email, "
        "effective_from, effective_to), matched on member_id and effective_from; a blank "
        "effective_to means the assignment is open. Periods of one member may not overlap." + ALL_OR_NOTHING
    )
    importer = CareManagerAssignmentImporter
