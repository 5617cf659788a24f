"""Dates as the page's language writes them in full ("May 1, 2026", "1 de mayo de 2026"): Django's
DATE_FORMAT, kept per date and language.

Django's date formatter takes about 15 µs a date (it reads settings and translates the month
each time); a care plan shows over a hundred dates, a claims page forty, mostly the same few
across members. The kept strings are dropped whenever a setting changes (the tests switch
languages and formats). Moments (a message's time) are not kept, but their format is read once
per process (`formatted_as`).
"""

import datetime
import functools
from typing import Any

from django.core.signals import setting_changed
from django.utils.dateformat import DateFormat, re_escaped, re_formatchars
from django.utils.formats import date_format, get_format
from django.utils.timezone import is_aware, localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def long_date(value: datetime.date) -> str:
    """`value` (a date, or a datetime already in the page's time zone) in the active language."""
    if isinstance(value, datetime.datetime):
        value = value.date()  # DATE_FORMAT shows no time: the local day is all that differs
    return _formatted(value, get_language())


def date_span(start: datetime.date | None, end: datetime.date | None = None, open: str = "since") -> str:
    """ "May 1, 2026 to June 30, 2026", or "Since May 1, 2026" ("From …" with open="from") when
    there is no end, in the page's language: the same messages the templates' blocktranslate
    gave, a quarter of the time, for lists that show a span on every row."""
    if start is None:
        return ""
    dates = {"start": long_date(start)}
    if end is not None:
        return _("%(start)s to %(end)s") % {**dates, "end": long_date(end)}
    if open == "from":
        return _("From %(start)s") % dates
    return _("Since %(start)s") % dates


def long_datetime(value: datetime.datetime) -> str:
    """`value` as `|date:"DATETIME_FORMAT"` writes it: in the page's time zone, not kept (a moment
    is seldom shown twice)."""
    return formatted_as(localtime(value) if is_aware(value) else value, get_format("DATETIME_FORMAT"))


def formatted_as(value: datetime.date, format_string: str) -> str:
    """What `django.utils.dateformat.format(value, format_string)` writes. Django parses the format
    string again on every call, two thirds of its 22 µs; here it is parsed once (`_pieces`), so a
    conversation's fifty times cost 7 µs each."""
    written = DateFormat(value)
    return "".join(
        piece if literal else str(getattr(written, piece)()) for literal, piece in _pieces(format_string)
    )


@functools.lru_cache(maxsize=64)
def _pieces(format_string: str) -> tuple[tuple[bool, str], ...]:
    """The format as Django's Formatter.format reads it: (True, literal text) or (False, the
    format character whose DateFormat method writes that part)."""
    return tuple(
        (False, piece) if position % 2 else (True, re_escaped.sub(r"\1", piece))
        for position, piece in enumerate(re_formatchars.split(format_string))
        if piece
    )


@functools.lru_cache(maxsize=8192)
def _formatted(value: datetime.date, language: str | None) -> str:
    return date_format(value, "DATE_FORMAT")


def _forget(**kwargs: Any) -> None:
    _formatted.cache_clear()


setting_changed.connect(_forget, dispatch_uid="portal.dates")
