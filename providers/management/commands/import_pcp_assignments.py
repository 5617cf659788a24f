"""manage.py import_pcp_assignments FILE: load the enrollment system's PCP assignment history.

Each row creates or updates one period during which a provider is a member's primary care
provider, matched on member and start date. A member's periods may not overlap and only the
latest may be open-ended, so "who is my PCP on this day" always has one answer. Members and
providers must already be on record. The format is in docs/csv-formats.md.
"""

from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand
from providers.importers import PcpAssignmentImporter


class Command(ImportCommand):
    help = (
        "Create or update members' PCP assignments from the enrollment system's CSV file, matched "
        "on member_id and effective_from; a blank effective_to means the assignment is current. "
        "A member's periods (in the file and on record) must not overlap. Members and providers "
        "must already be on record (run import_members and import_providers first)." + ALL_OR_NOTHING
    )
    importer = PcpAssignmentImporter
