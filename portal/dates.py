"""Dates as the page's language writes them in full ("May 1, 2026", "1 de mayo de 2026"): Django's
DATE_FORMAT, kept per date and language.

Django's date formatter takes about 15 µs a date (it reads settings and translates the month
each time); a care plan shows over a hundred dates, a claims page forty, mostly the same few
across members. The kept strings are dropped whenever a setting changes (the tests switch
languages and formats).
"""

import datetime
import functools
from typing import Any

from django.core.signals import setting_changed
from django.utils.formats import date_format
from django.utils.translation import get_language


def long_date(value: datetime.date) -> str:
    """`value` (a date, or a datetime already in the page's time zone) in the active language."""
    if isinstance(value, datetime.datetime):
        value = value.date()  # DATE_FORMAT shows no time: the local day is all that differs
    return _formatted(value, get_language())


@functools.lru_cache(maxsize=8192)
def _formatted(value: datetime.date, language: str | None) -> str:
    return date_format(value, "DATE_FORMAT")


def _forget(**kwargs: Any) -> None:
    _formatted.cache_clear()


setting_changed.connect(_forget, dispatch_uid="portal.dates")
