"""manage.py import_providers FILE: load the plan's provider directory file.

Each row creates or updates one provider (matched on NPI), so the directory members search and
the PCPs they can pick are the plan's current network. Running the same file twice changes
nothing. The format is in docs/csv-formats.md.
"""

from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand
from providers.importers import ProviderImporter


class Command(ImportCommand):
    help = (
        "Create or update providers from the plan's provider directory CSV file, matched on NPI "
        "(10 digits with a valid check digit): name, gender, specialty, primary care, accepting "
        "new patients, languages, clinic and address." + ALL_OR_NOTHING
    )
    importer = ProviderImporter
