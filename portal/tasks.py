"""Celery tasks of the portal's shared machinery.

`clear_sessions` deletes expired sessions hourly. `import_csv_file` runs an enrollment import on a
worker, for files too big to load while someone waits (a nightly extract the enrollment system
drops on a shared disk). Its arguments are an
importer's name and a file's path, never the file's content, so no member data passes through
the broker or its logs.
"""

import logging
from typing import Any

from celery import shared_task
from django.core.management import call_command

from portal.csvimport.importer import import_file, importer_named

logger = logging.getLogger(__name__)


@shared_task
def clear_sessions() -> None:
    """Delete expired sessions (Django's clearsessions); scheduled hourly by CELERY_BEAT_SCHEDULE.

    Nothing else removes them: anonymous ones (a password reset keeps one for the code's
    lifetime) and those of members who closed the browser without logging out would pile up.
    """
    call_command("clearsessions")


@shared_task
def import_csv_file(importer: str, path: str, dry_run: bool = False) -> dict[str, Any]:
    """Import the CSV file at `path` (on the worker's disk) with the importer named `importer`
    ("members", "providers", "coverage", "pcp_assignments"), all or nothing, and log the outcome.

    Running it twice is safe (every import is an idempotent upsert), so a task handed back when
    a worker dies simply runs again. Returns the report as plain data (counts and messages,
    which never repeat a cell's value).
    """
    found = importer_named(importer)
    try:
        with open(path, "rb") as file:
            report = import_file(found, file, dry_run=dry_run)
    except OSError as problem:
        logger.warning("import %s from %s: cannot be read (%s)", importer, path, problem.strerror)
        raise
    if report.ok:
        logger.info("import %s from %s: %s", importer, path, report.summary())
    else:
        # Each bad row's line, column and reason (never its value), then the summary.
        for message in [*report.problems, report.summary()] if report.errors else report.problems:
            logger.warning("import %s from %s: %s", importer, path, message)
    tally = report.tally
    return {
        "importer": importer,
        "dry_run": report.dry_run,
        "ok": report.ok,
        "problems": report.problems,
        "checked": report.checked,
        "created": tally.created if tally else 0,
        "updated": tally.updated if tally else 0,
        "unchanged": tally.unchanged if tally else 0,
    }
