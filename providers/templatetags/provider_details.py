"""Template filters for showing a provider's directory entry the way members read it."""

from collections.abc import Iterable

from django import template

from portal.phones import phone_national
from providers.labels import language_name, specialty_label

register = template.Library()


@register.filter
def language_names(codes: Iterable[str] | None) -> str:
    """The directory's language codes as names in the page's language: ["en", "es"] → "English, Spanish".

    A code Django does not know is shown as stored rather than hidden.
    """
    return ", ".join(language_name(code) for code in codes or [])


register.filter("provider_phone", phone_national)
register.filter("specialty_name", specialty_label)
