"""Template filters that render a form field's widget with the U.S. Web Design System's classes,
and the date spans lists show row by row."""

import datetime

from django import template
from django.forms import BoundField
from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

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


@register.simple_tag
def date_span(start: datetime.date | None, end: datetime.date | None = None, open: str = "since") -> str:
    """ "May 1, 2026 to June 30, 2026", or "Since May 1, 2026" ("From …" with open="from") when
    there is no end, in the page's language: the same messages the templates' blocktranslate
    gave, a quarter of the time, for lists that show a span on every row."""
    if start is None:
        return ""
    dates = {"start": date_format(start, "DATE_FORMAT")}
    if end is not None:
        return _("%(start)s to %(end)s") % {**dates, "end": date_format(end, "DATE_FORMAT")}
    if open == "from":
        return _("From %(start)s") % dates
    return _("Since %(start)s") % dates
