"""The development mailbox: read what the portal sent without a mail server. Routed only when DEBUG."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from outbox.models import Email


def mailbox(request: HttpRequest) -> HttpResponse:
    emails = Email.objects.only("to", "subject", "status", "created_at", "template")[:200]
    return render(request, "outbox/mailbox.html", {"emails": emails})


def mailbox_email(request: HttpRequest, email_id: int) -> HttpResponse:
    email = get_object_or_404(Email, pk=email_id)
    return render(request, "outbox/mailbox_email.html", {"email": email})
