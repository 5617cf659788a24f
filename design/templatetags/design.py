"""Template filters that render a form field's widget with the U.S. Web Design System's classes
(portal.form_renderer.usa_widget, which the Jinja2 form fields use too), and the date spans lists
show row by row."""

import datetime

from django import template
from django.template.defaultfilters import date as django_date

from portal.dates import date_span, long_date
from portal.form_renderer import usa_widget

register = template.Library()

register.filter("usa_widget", usa_widget)


@register.filter("long_date", expects_localtime=True)
def long_date_filter(value: object) -> str:
    """`|date:"DATE_FORMAT"`, kept per date and language (portal/dates.py): for rows of dates."""
    if isinstance(value, datetime.date):
        return long_date(value)
    return django_date(value, "DATE_FORMAT")  # type: ignore[arg-type]  # "" for None, as Django's


# "May 1, 2026 to June 30, 2026", "Since May 1, 2026" or "From …" (portal/dates.py).
register.simple_tag(date_span)
