"""The member portal project: settings, URLs, the Celery app and helpers shared by every app."""

from portal.celery import app as celery_app

__all__ = ["celery_app"]
