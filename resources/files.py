"""The files staff attach to resources: PDFs only, kept through Django's storage API.

Where they are kept is the settings' `resources` storage when STORAGES declares one (production:
storage every app server shares), else `var/resources/` beside the project (development). They
are never served from a public URL: members download them through `resource_file`, signed in.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_MAGIC = b"%PDF-"
# A plan's forms and handbooks run to a few megabytes; anything bigger is a mistake.
MAX_FILE_BYTES = 20 * 1024 * 1024


def storage() -> Storage:
    """The storage resource files live in (FileField calls it once, as the models load)."""
    if "resources" in settings.STORAGES:
        return storages["resources"]
    return FileSystemStorage(location=settings.VAR_DIR / "resources")


def validate_pdf(file: File) -> None:
    """Refuse an upload that is not a PDF by its content (it starts with %PDF-), or is too big.

    A file already stored was checked when it came in; only a new upload is read.
    """
    if getattr(file, "_committed", False):
        return
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("This file is %(size)s; a resource file may be at most %(limit)s."),
            code="too_big",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_FILE_BYTES)},
        )
    file.seek(0)
    head = file.read(len(PDF_MAGIC))
    file.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("Upload a PDF file: this file is not a PDF."), code="not_pdf")
