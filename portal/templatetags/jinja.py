"""`{% jinja "claims/claim_rows.jinja" claims=claims status_label=status_label %}`: a Jinja2
template (portal/jinja.py) rendered with the values named, in a Django template. For the rows
of long lists, where Django's engine cost 20 to 60 µs a row (docs/performance.md)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from portal import jinja as jinja_templates

register = template.Library()


@register.simple_tag(name="jinja")
def jinja_tag(template_name: str, **values: object) -> SafeString:
    rendered = jinja_templates.environment().get_template(template_name).render(values)
    return mark_safe(rendered)  # noqa: S308 - autoescaped by Jinja2
