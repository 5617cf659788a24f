"""manage.py import_care_plans FILE: load care plans from the care management system.

One row per activity of a goal of a plan, matched on plan_id; a plan's goals and activities are
replaced by the file's. Members and care managers must already be on record. The format is in
docs/csv-formats.md.
"""

from care.importers import CarePlanImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update care plans from a CSV file, one row per goal activity, matched on plan_id; "
        "each plan's goals and activities are replaced by the file's." + ALL_OR_NOTHING
    )
    importer = CarePlanImporter
