"""manage.py import_members FILE: load the enrollment system's member file.

Each row creates or updates one member (matched on member ID) with their mailing address, phone
and email, so the portal shows members what enrollment knows. Running the same file twice changes
nothing. The format is in docs/csv-formats.md.
"""

from members.importers import MemberImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update plan members from the enrollment system's member CSV file, matched on "
        "member_id: names, date of birth, sex, preferred language, county, head of household, and "
        "the primary mailing address, home phone and email. Blank contact cells leave what is on "
        "record." + ALL_OR_NOTHING
    )
    importer = MemberImporter
