"""Template filters that render a form field's widget with the U.S. Web Design System's classes,
and the date spans lists show row by row."""

import datetime

from django import template
from django.forms import BoundField
from django.template.defaultfilters import date as django_date
from django.utils.safestring import SafeString

from portal.dates import date_span, long_date

register = template.Library()

# Django's widget_type → the USWDS class of the control; any other kind is a text input.
WIDGET_CLASSES = {
    "checkbox": "usa-checkbox__input",
    "radio": "usa-radio__input",
    "select": "usa-select",
    "selectmultiple": "usa-select",
    "textarea": "usa-textarea",
}


@register.filter
def usa_widget(field: BoundField) -> SafeString:
    """The field's control with its USWDS class (and the error class when it is in error); Django
    still adds aria-invalid and the aria-describedby that points at the hint and the error."""
    kind = field.widget_type
    classes = WIDGET_CLASSES.get(kind, "usa-input")
    if field.errors and kind not in {"checkbox", "radio"}:
        classes += " usa-input--error"
    existing = field.field.widget.attrs.get("class")
    return field.as_widget(attrs={"class": f"{existing} {classes}" if existing else classes})


@register.filter("long_date", expects_localtime=True)
def long_date_filter(value: object) -> str:
    """`|date:"DATE_FORMAT"`, kept per date and language (portal/dates.py): for rows of dates."""
    if isinstance(value, datetime.date):
        return long_date(value)
    return django_date(value, "DATE_FORMAT")  # type: ignore[arg-type]  # "" for None, as Django's


# "May 1, 2026 to June 30, 2026", "Since May 1, 2026" or "From …" (portal/dates.py).
register.simple_tag(date_span)
