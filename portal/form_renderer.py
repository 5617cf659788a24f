"""The form renderer: Django's own widget templates in their Jinja2 versions where Django ships
them, its template engine for the rest (the admin's widgets).

Drawing a form's controls with Django's template engine cost about 2.5 ms for a filter form of
four fields; the Jinja2 versions of the same templates produce the same HTML (up to blank lines)
in under half that (docs/performance.md). `usa_widget` gives a control its USWDS classes, for
both engines' form fields (includes/field.jinja, the design app's `|usa_widget`).
"""

import functools
from typing import Any

from django.forms import BoundField
from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template.exceptions import TemplateDoesNotExist
from django.utils.safestring import SafeString


class WidgetRenderer(BaseRenderer):
    def __init__(self) -> None:
        self._jinja2 = Jinja2()
        self._django = DjangoTemplates()

    @functools.cache  # noqa: B019 - one renderer per process (django.forms.renderers.get_default_renderer)
    def _renderer_for(self, template_name: str) -> BaseRenderer:
        try:
            self._jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self._django
        return self._jinja2

    def get_template(self, template_name: str) -> Any:
        return self._renderer_for(template_name).get_template(template_name)


# Django's widget_type → the USWDS class of the control; any other kind is a text input.
WIDGET_CLASSES = {
    "checkbox": "usa-checkbox__input",
    "radio": "usa-radio__input",
    "select": "usa-select",
    "selectmultiple": "usa-select",
    "textarea": "usa-textarea",
}


def usa_widget(field: BoundField) -> SafeString:
    """The field's control with its USWDS class (and the error class when it is in error); Django
    still adds aria-invalid and the aria-describedby that points at the hint and the error."""
    kind = field.widget_type
    classes = WIDGET_CLASSES.get(kind, "usa-input")
    if field.errors and kind not in {"checkbox", "radio"}:
        classes += " usa-input--error"
    existing = field.field.widget.attrs.get("class")
    return field.as_widget(attrs={"class": f"{existing} {classes}" if existing else classes})
