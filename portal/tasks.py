"""Celery tasks for the portal as a whole."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def clear_sessions() -> None:
    """Delete expired sessions (Django's clearsessions); scheduled hourly by CELERY_BEAT_SCHEDULE.

    Nothing else removes them: anonymous ones (a password reset keeps one for the code's
    lifetime) and those of members who closed the browser without logging out would pile up.
    """
    call_command("clearsessions")
