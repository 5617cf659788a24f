"""manage.py import_authorizations FILE: load the plan's referrals and prior authorizations.

Each row creates or updates one referral or authorization, matched on its authorization number,
so members see what was asked for and what the plan decided. Members must already be on record:
import the member file first. The format is in docs/csv-formats.md.
"""

from authorizations.importers import AuthorizationImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update referrals and prior authorizations from the utilization management "
        "system's CSV file, matched on authorization_number. A decision other than pending needs "
        "its decision_date; a denial or partial approval needs its denial_reason. Members must "
        "already be on record (run import_members first)." + ALL_OR_NOTHING
    )
    importer = AuthorizationImporter
