"""The form renderer: Django's own widget templates in their Jinja2 versions where Django ships
them, its template engine for the rest (the admin's widgets).

Drawing a form's controls with Django's template engine cost about 2.5 ms for a filter form of
four fields; the Jinja2 versions of the same templates produce the same HTML (up to blank lines)
in under half that (docs/performance.md).
"""

import functools
from typing import Any

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template.exceptions import TemplateDoesNotExist


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
