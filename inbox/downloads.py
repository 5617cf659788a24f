"""Handing an attachment to one of its message's two parties: never cached, never shown inline
as anything but what its bytes were checked to be."""

from django.http import FileResponse

from inbox.models import Attachment


def attachment_response(attachment: Attachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name or "attachment",
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
