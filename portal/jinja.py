"""Jinja2, for the parts of pages where Django's template engine was the cost (docs/performance.md):
the page around every page (portal/layout.py), the rows of long lists and the content of pages
(`{% jinja %}`, portal/templatetags/jinja.py).

Every word a Jinja2 template shows is in `_("…")`, Django's gettext at render time, with the
values of a sentence put in by `|format`: `{{ _("Sent %(date)s")|format(date=…) }}`.
`makemessages` reads `.jinja` files as templates (`--extension`, Makefile), and Django's
templatize takes a `_("…")` that starts a `{{ }}` or sits in a `{% %}`, so the catalogues hold
them (tests/portal/test_template_strings.py checks that it finds each one Jinja2 calls). Other
words come from Python (choice labels, `get_FOO_display`). It is autoescaped; an undefined
name is an error, not an empty string.
"""

import datetime
import functools
import re
import uuid
from pathlib import Path
from typing import Any, cast

import jinja2
from django.conf import settings
from django.template.defaultfilters import filesizeformat, floatformat
from django.templatetags.static import static
from django.urls import NoReverseMatch, get_resolver, reverse
from django.urls.converters import IntConverter, SlugConverter, StringConverter, UUIDConverter
from django.utils.formats import time_format
from django.utils.timezone import is_aware, localtime
from django.utils.translation import gettext

from portal.dates import date_span, long_date, long_datetime
from portal.form_renderer import usa_widget
from portal.money import money
from portal.phones import phone_national


def _long_date(value: datetime.date | None) -> str:
    """`|long_date`: "" for no date, and a moment's day in the page's time zone, as the Django
    filter (which Django's engine hands the local time)."""
    if isinstance(value, datetime.datetime) and is_aware(value):
        value = localtime(value)
    return long_date(value) if value is not None else ""


def _datetime(value: datetime.datetime | None) -> str:
    """`|date:"DATETIME_FORMAT"`, in the page's time zone."""
    return long_datetime(value) if value is not None else ""


def _time(value: datetime.datetime | None) -> str:
    """`|time:"TIME_FORMAT"`, in the page's time zone."""
    if value is None:
        return ""
    return time_format(localtime(value) if is_aware(value) else value, "TIME_FORMAT")


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
    around = functools.cache(_around)

    def url(name: str, *args: Any) -> str:
        """`{% url name arg… %}`. A row's link to its record (one id) is put between the text
        its URL always has around it (`_around`): Django's reverse took 30 µs a row."""
        if not args:
            return fixed_url(name)
        kind = _kind(args[0]) if len(args) == 1 else None
        found = around(name, kind) if kind else None
        if found and (found[2] is None or found[2].fullmatch(str(args[0]))):
            return f"{found[0]}{args[0]}{found[1]}"
        return reverse(name, args=args)  # it raises NoReverseMatch for an id the URL does not take

    env.globals.update(url=url, static=functools.cache(static), date_span=date_span, _=gettext)
    env.filters.update(
        long_date=_long_date,
        datetime=_datetime,
        time=_time,
        money=money,
        filesizeformat=filesizeformat,
        floatformat=floatformat,
        phone_national=phone_national,
        usa_widget=usa_widget,
    )
    return env


_PLAIN = re.compile(r"[A-Za-z0-9_-]+")
# Two values of each kind of id, to find the text around one in a URL.
_PROBES: dict[str, tuple[Any, Any]] = {
    "int": (0, 8_675_309_002),
    "plain": ("a", "Probe-b_2"),
    "uuid": (uuid.UUID(int=0x8675309001), uuid.UUID(int=0x8675309002)),
}
# Django's converters that write an id as its own text. A project's converter says it does so by
# naming two values it takes as `probes` (appeals.urls.CaseReferenceConverter).
_AS_ITSELF = {IntConverter, StringConverter, SlugConverter, UUIDConverter}  # not their subclasses


def _kind(value: Any) -> str | None:
    """Which kind of id `value` is, if its text in a URL is itself: a whole number, a UUID, or a
    string of letters, digits, "-" and "_" (nothing to quote, no "/")."""
    if type(value) is int:
        return "int" if value >= 0 else None
    if isinstance(value, uuid.UUID):
        return "uuid"
    if isinstance(value, str) and _PLAIN.fullmatch(value):
        return "plain"
    return None


def _converter(name: str) -> Any | None:
    """The converter of the one parameter of `name`'s URL, if the name has one URL and it has
    one parameter."""
    possibilities = get_resolver().reverse_dict.getlist(name)
    if len(possibilities) != 1:
        return None
    shapes, _pattern, _defaults, converters = possibilities[0]
    if len(shapes) != 1 or len(shapes[0][1]) != 1:
        return None
    return converters.get(shapes[0][1][0])


def _around(name: str, kind: str) -> tuple[str, str, re.Pattern[str] | None] | None:
    """The text before and after the one argument in `name`'s URL and the pattern an argument
    must match (None: Django's converter takes every id of this kind once it took the probes), if
    reverse() writes both probes that way; None for a URL that takes another kind or shape, or
    whose converter writes an id as something else."""
    converter = _converter(name)
    if converter is None:
        return None
    djangos = type(converter) in _AS_ITSELF
    probes = _PROBES[kind] if djangos else getattr(converter, "probes", None)
    if probes is None:
        return None
    found = set()
    for probe in probes:
        try:
            path = reverse(name, args=[probe])
        except NoReverseMatch:
            return None
        before, marker, after = path.partition(str(probe))
        if not marker or str(probe) in after:
            return None
        found.add((before, after))
    pattern = None if djangos else re.compile(converter.regex)
    return (*found.pop(), pattern) if len(found) == 1 else None


def source(name: str) -> str:
    """A template's source as the environment's loader reads it now."""
    env = environment()
    loader = cast(jinja2.BaseLoader, env.loader)  # environment() always gives it one
    return loader.get_source(env, name)[0]


def forget(**kwargs: Any) -> None:
    """Drop the environment and what it keeps: a setting changed."""
    environment.cache_clear()
