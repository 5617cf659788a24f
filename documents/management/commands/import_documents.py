"""manage.py import_documents FILE: load the documents members sent and the plan's requests for
information (RFIs), with where each stands.

Each row creates or updates one document, matched on the plan's document ID. Members must
already be on record. The format is in docs/csv-formats.md.
"""

from documents.importers import DocumentImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Create or update documents and requests for information from the plan's document CSV "
        "file, matched on document_id. Members must already be on record (run import_members "
        "first)." + ALL_OR_NOTHING
    )
    importer = DocumentImporter
