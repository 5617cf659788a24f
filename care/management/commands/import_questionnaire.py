"""manage.py import_questionnaire FILE.json: load one version of a FHIR R4 Questionnaire.

Versions are told apart by `url` and `version`: loading the same file again changes nothing, and a
changed file under a version on record is refused (members may have answered it; give it a new
version). Every feature the portal cannot put to members is refused with its item's linkId, and
nothing is loaded. See docs/care.md.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from care.assessments import questionnaire_import
from care.questionnaires import QuestionnaireRefused


class Command(BaseCommand):
    help = (
        "Load a FHIR R4 Questionnaire (JSON) that staff can assign to members as an assessment. "
        "Matched on url and version; unsupported item types or features are refused by linkId."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            resource = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{path}: cannot be read as JSON ({type(error).__name__})") from None
        if not isinstance(resource, dict):
            raise CommandError(f"{path}: not a FHIR resource")
        try:
            questionnaire, created = questionnaire_import(resource=resource)
        except QuestionnaireRefused as refusal:
            for problem in refusal.problems:
                self.stderr.write(problem)
            raise CommandError(f"{path}: refused; nothing was imported.") from None
        outcome = "imported" if created else "already on record, unchanged"
        self.stdout.write(f"{questionnaire.url} version {questionnaire.version}: {outcome}")
