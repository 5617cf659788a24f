"""Supporting files: what a member may send, checked by what the file is, not by its name."""

from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control

from appeals.models import Case, CaseFile, case_file_path, case_file_storage

MAX_FILES = 5
MAX_BYTES = 10 * 1024 * 1024

# The first bytes of each kind of file a member may send, and the type it is served as.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


def content_type_of(upload: UploadedFile) -> str | None:
    """The file's type by its first bytes: PDF, JPEG or PNG, else None (whatever its name says)."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    return next((kind for signature, kind in _SIGNATURES if head.startswith(signature)), None)


def case_file_response(record: CaseFile) -> HttpResponse:
    """The stored file as a download of its checked type; never kept by browsers or proxies."""
    try:
        with case_file_storage().open(str(record.file.name), "rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise Http404 from None
    response = HttpResponse(content, content_type=record.content_type)
    response["Content-Disposition"] = "attachment"
    patch_cache_control(response, no_store=True, private=True)
    return response


def store_case_file(case: Case, upload: File) -> CaseFile:
    """Write a checked upload to the appeals storage under a random name, and record it."""
    name = case_file_storage().save(case_file_path(None, ""), upload)
    return CaseFile.objects.create(
        case=case,
        file=name,
        name=(upload.name or "")[:200],
        content_type=getattr(upload, "content_type", "") or "",
        size=upload.size,
    )
