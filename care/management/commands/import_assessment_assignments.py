"""manage.py import_assessment_assignments FILE: ask members to fill in a questionnaire by a date.

Each row (member_id, questionnaire_url, due_date) gives the member the newest imported version
of that questionnaire, matched on member, questionnaire and due date, so a file loaded twice
assigns nothing twice. The format is in docs/csv-formats.md.
"""

from care.importers import AssessmentAssignmentImporter
from portal.csvimport.command import ALL_OR_NOTHING, ImportCommand


class Command(ImportCommand):
    help = (
        "Assign questionnaires to members from a CSV file (member_id, questionnaire_url, due_date), "
        "matched on all three; import the questionnaire first (import_questionnaire)." + ALL_OR_NOTHING
    )
    importer = AssessmentAssignmentImporter
