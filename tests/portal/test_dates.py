"""Dates in full, kept per date and language (portal/dates.py): each page's language gets its own
words, a datetime shows the plan's local day, and a changed format shows at once."""

import datetime
import zoneinfo

from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.formats import reset_format_cache

from portal.dates import long_date

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
