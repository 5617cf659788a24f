"""Celery tasks for the account flows. They take row ids only and call services."""

from celery import shared_task

from members.recovery import recovery_send, recovery_sweep


@shared_task
def send_recovery(recovery_id: int) -> None:
    """Answer one Recover Member Online Account request (members.recovery.recovery_send)."""
    recovery_send(recovery_id=recovery_id)


@shared_task
def sweep_recoveries() -> int:
    """Answer requests the broker never got; scheduled every minute by CELERY_BEAT_SCHEDULE."""
    return recovery_sweep()
