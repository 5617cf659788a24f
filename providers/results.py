"""Providers' directory entries as the search results show them, rendered once per language.

A results page shows 20 entries; rendering each through the template engine was most of the
page's cost (docs/performance.md). An entry depends only on the provider's directory data, the
language and the template, so it is kept in the cache under a key made of all three: a change
to any of them is a new key, and an old entry is never shown. The entries hold directory data
only, no member's information.
"""

import hashlib
from collections.abc import Sequence
from functools import cache as once

from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from providers.models import Provider

TEMPLATE = "providers/includes/provider_details.html"
KEEP_SECONDS = 24 * 60 * 60


@once
def _template_version() -> str:
    # Read once per process: a deploy that changes the template starts new keys.
    source = get_template(TEMPLATE).template.source  # type: ignore[attr-defined]
    return hashlib.blake2b(source.encode(), digest_size=6).hexdigest()


def _key(provider: Provider, language: str) -> str:
    shown = repr([getattr(provider, field.attname) for field in Provider._meta.concrete_fields])
    data = hashlib.blake2b(shown.encode(), digest_size=8).hexdigest()
    return f"provider-entry:{_template_version()}:{language}:{provider.pk}:{data}"


def provider_entries(providers: Sequence[Provider]) -> dict[int, SafeString]:
    """Each provider's entry (with gender and new patients) by provider id; one cache round trip."""
    language = get_language()
    keys = {provider.pk: _key(provider, language) for provider in providers}
    cached = cache.get_many(keys.values())
    rendered: dict[str, str] = {}
    entries = {}
    for provider in providers:
        key = keys[provider.pk]
        html = cached.get(key)
        if html is None:
            html = rendered[key] = render_to_string(
                TEMPLATE, {"provider": provider, "show_directory_details": True}
            )
        # Our own template's output, escaped when it was rendered.
        entries[provider.pk] = mark_safe(html)  # noqa: S308
    if rendered:
        cache.set_many(rendered, KEEP_SECONDS)
    return entries
