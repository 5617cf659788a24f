"""Template filters for showing a provider's directory entry the way members read it."""

from collections.abc import Iterable

from django import template
from django.utils.translation import get_language_info

from portal.phones import phone_national

register = template.Library()


@register.filter
def language_names(codes: Iterable[str] | None) -> str:
    """The directory's language codes as names in the page's language: ["en", "es"] → "English, Spanish".

    A code Django does not know is shown as stored rather than hidden.
    """
    names = []
    for code in codes or []:
        try:
            names.append(str(get_language_info(code.strip().lower())["name_translated"]))
        except KeyError:
            names.append(code)
    return ", ".join(names)


register.filter("provider_phone", phone_national)
