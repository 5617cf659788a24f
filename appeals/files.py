"""Supporting files: what a member may send, checked by what the file is, not by its name."""

from django.core.files.uploadedfile import UploadedFile

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
