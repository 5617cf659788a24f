"""Celery tasks for the outbox. They take row ids only (never addresses or content) and call services."""

from celery import shared_task

from outbox.services import email_send, outbox_sweep


@shared_task
def send_email(email_id: int) -> None:
    """Send one outbox email; a duplicate delivery of this task is a no-op (see email_send)."""
    email_send(email_id=email_id)


@shared_task
def sweep_outbox() -> int:
    """Hand on unsent emails; scheduled every minute by CELERY_BEAT_SCHEDULE."""
    return outbox_sweep()
