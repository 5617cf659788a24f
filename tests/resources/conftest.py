"""Resources for the tests: entries with their translations, and a storage of their own for files."""

from collections.abc import Callable

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from portal.plans import PlanProfile
from resources.models import Resource, ResourceTranslation, Section

MakeResource = Callable[..., Resource]
UsePlan = Callable[[str], PlanProfile]  # the root conftest's use_plan
# The smallest file that starts like every PDF; the portal checks no more than that.
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def make_resource(db: None, resource_files: FileSystemStorage) -> MakeResource:
    """make_resource("appeal-form", Section.FORMS, en={"title": …}, es={…}): an entry and its
    translations, by language code (pt_br for pt-br); a translation's `pdf` is its file's bytes."""

    def make(key: str, section: str = Section.FAQ, *, order: int = 0, **texts: dict[str, object]) -> Resource:
        resource = Resource.objects.create(key=key, section=section, order=order)
        for code, fields in texts.items():
            fields = dict(fields)
            pdf = fields.pop("pdf", None)
            text = ResourceTranslation(resource=resource, language=code.replace("_", "-"), **fields)
            if isinstance(pdf, bytes):
                text.file.save(f"{key}.pdf", ContentFile(pdf), save=False)
            text.save()
        return resource

    return make
