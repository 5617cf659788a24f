"""Jinja2, for the parts of pages where Django's template engine was the cost (docs/performance.md):
the page around every page (portal/layout.py) and the rows of long lists (`{% jinja %}`,
portal/templatetags/jinja.py).

A Jinja2 template holds no words of its own: `makemessages` does not read it, so a word written
there would never be translated. Its words come translated from the Django template around it
(a list's column labels, `{% translate "Status" as status_label %}`) or from Python (choice
labels, `get_FOO_display`). It is autoescaped; an undefined name is an error, not an empty
string.
"""

import datetime
import functools
from pathlib import Path
from typing import Any

import jinja2
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.templatetags.static import static
from django.urls import reverse
from django.utils.timezone import is_aware, localtime

from portal.dates import date_span, long_date, long_datetime
from portal.money import money


def _long_date(value: datetime.date | None) -> str:
    """`|long_date`: "" for no date, and a moment's day in the page's time zone, as the Django
    filter (which Django's engine hands the local time)."""
    if isinstance(value, datetime.datetime) and is_aware(value):
        value = localtime(value)
    return long_date(value) if value is not None else ""


def _datetime(value: datetime.datetime | None) -> str:
    """`|date:"DATETIME_FORMAT"`, in the page's time zone."""
    return long_datetime(value) if value is not None else ""


@functools.cache
def environment() -> jinja2.Environment:
    """The environment, with what it keeps (compiled templates, the fixed URLs) until forget()."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(settings.BASE_DIR) / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=settings.DEBUG,
        keep_trailing_newline=True,
    )
    fixed_url = functools.cache(reverse)  # the URLs without arguments every page links to

    def url(name: str, *args: Any) -> str:
        """`{% url name arg… %}`."""
        return reverse(name, args=args) if args else fixed_url(name)

    env.globals.update(url=url, static=functools.cache(static), date_span=date_span)
    env.filters.update(long_date=_long_date, datetime=_datetime, money=money, filesizeformat=filesizeformat)
    return env


def forget(**kwargs: Any) -> None:
    """Drop the environment and what it keeps: a setting changed."""
    environment.cache_clear()
