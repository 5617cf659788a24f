"""Logging filters used by LOGGING in settings.

A request with a Host header the portal does not serve is a scanner or a misrouted client, not a
fault in the portal: Django logs it as an ERROR with a full traceback (one per request; a scan
sent 18), which buries real errors and wakes whoever watches for them. OneLineWarning turns
such a record into one WARNING line that still says which host was refused.
"""

import logging


class OneLineWarning(logging.Filter):
    """Log the record as a WARNING, without its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno = logging.WARNING
        record.levelname = logging.getLevelName(logging.WARNING)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
