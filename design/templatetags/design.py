"""Template filters that render a form field's widget with the U.S. Web Design System's classes."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

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
