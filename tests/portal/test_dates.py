"""Dates in full, kept per date and language (portal/dates.py): each page's language gets its own
words, a datetime shows the plan's local day, and a changed format shows at once."""

import datetime
import zoneinfo

from django.conf import settings
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.formats import date_format, reset_format_cache

from portal.dates import long_date, long_datetime

MAY_FIRST = datetime.date(2026, 5, 1)


def render(source: str, **context: object) -> str:
    return Template("{% load design %}" + source).render(Context(context))


def test_the_same_date_in_each_language_is_that_language_s_own() -> None:
    written = {}
    for language in ("en", "es", "pt-br", "en"):
        with translation.override(language):
            written[language] = long_date(MAY_FIRST)
    assert written == {"en": "May 1, 2026", "es": "1 de mayo de 2026", "pt-br": "1 de maio de 2026"}


def test_the_filter_writes_a_datetime_on_the_plan_s_local_day() -> None:
    # 02:30 UTC on May 2 is still May 1 in California.
    late = datetime.datetime(2026, 5, 2, 2, 30, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("America/Los_Angeles")), translation.override("en"):
        assert render("{{ at|long_date }}", at=late) == "May 1, 2026"
    with timezone.override(zoneinfo.ZoneInfo("UTC")), translation.override("en"):
        assert render("{{ at|long_date }}", at=late) == "May 2, 2026"


def test_a_moment_reads_as_django_writes_it_in_every_language() -> None:
    # Midnight, noon, a single-digit hour and day, and a time with minutes: where "P" says
    # "midnight", "noon", "4 p.m." or "10:05 a.m." and the languages' literal words sit between.
    zone = zoneinfo.ZoneInfo("America/Los_Angeles")
    moments = [
        datetime.datetime(2026, 5, 1, 0, 0, tzinfo=zone),
        datetime.datetime(2026, 5, 1, 12, 0, tzinfo=zone),
        datetime.datetime(2026, 1, 9, 16, 0, tzinfo=zone),
        datetime.datetime(2026, 12, 31, 10, 5, tzinfo=zone),
    ]
    with timezone.override(zone):
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for moment in moments:
                    assert long_datetime(moment) == date_format(moment, "DATETIME_FORMAT")


def test_a_moment_is_written_in_the_plan_s_time_zone() -> None:
    late = datetime.datetime(2026, 5, 2, 2, 30, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("America/Los_Angeles")), translation.override("es"):
        assert long_datetime(late) == "1 de mayo de 2026 a las 19:30"


def test_nothing_is_written_for_a_missing_date() -> None:
    assert render("[{{ none|long_date }}]", none=None) == "[]"


def test_a_changed_date_format_shows_at_once() -> None:
    with translation.override("en"):
        assert long_date(MAY_FIRST) == "May 1, 2026"
        # Django's own cache of formats does not follow this setting by itself, on the way in or out.
        with override_settings(FORMAT_MODULE_PATH=["tests.portal.formats"]):
            reset_format_cache()
            assert long_date(MAY_FIRST) == "2026-05-01"
        reset_format_cache()
        assert long_date(MAY_FIRST) == "May 1, 2026"
