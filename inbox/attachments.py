"""Checking a file a message is to carry: by what its bytes are, not by its name."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from inbox.rules import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, MAX_TOTAL_ATTACHMENT_BYTES

# The first bytes of each kind of file a message may carry → its content type.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


def sniff(upload: UploadedFile) -> str | None:
    """The content type the file's first bytes say it is, or None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    return next((kind for signature, kind in SIGNATURES if head.startswith(signature)), None)


def check_attachments(uploads: list[UploadedFile]) -> list[tuple[UploadedFile, str]]:
    """Each file with its content type, or a ValidationError saying which limit a file breaks."""
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationError(_("You can attach up to %(count)d files.") % {"count": MAX_ATTACHMENTS})
    checked = []
    for upload in uploads:
        if (upload.size or 0) > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                _("%(name)s is larger than %(limit)s. Each file can be up to %(limit)s.")
                % {"name": upload.name, "limit": filesizeformat(MAX_ATTACHMENT_BYTES)}
            )
        kind = sniff(upload)
        if kind is None:
            raise ValidationError(
                _("%(name)s is not a PDF, JPEG or PNG file. You can attach only those.")
                % {"name": upload.name}
            )
        checked.append((upload, kind))
    if sum(upload.size or 0 for upload in uploads) > MAX_TOTAL_ATTACHMENT_BYTES:
        raise ValidationError(
            _("Your files add up to more than %(limit)s. Together they can be up to %(limit)s.")
            % {"limit": filesizeformat(MAX_TOTAL_ATTACHMENT_BYTES)}
        )
    return checked
