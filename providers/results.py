"""The Change PCP page's fragments that are the same for every member: the search form's fields
as filled in, and each result's row. Each is rendered once and kept in the cache.

A results page shows 20 rows and a ten-field form; rendering them through the template engine
was most of the page's cost (docs/performance.md). A row depends only on the provider's
directory data, the language and its translations, the templates and the reason it cannot be
chosen (if any); the form's fields only on what was typed, the directory's lists of counties,
languages and specialties, the language and its translations, and the templates. Each is kept
under a key made of all of those, so a change to any of them is a new key and an old fragment
is never shown. The fragments hold directory data, search terms and a refusal's wording,
nothing of a member's record.
"""

import hashlib
from collections.abc import Sequence

import django
from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal.fingerprints import catalogue_digest, templates_digest
from providers.directory_lists import directory_lists
from providers.labels import specialty_label
from providers.models import Provider

ROW_TEMPLATE = "providers/includes/search_result.html"
FORM_TEMPLATE = "includes/form_fields.html"
# Every template a fragment is made of: a deploy that changes any of them starts new keys.
ROW_TEMPLATES = (ROW_TEMPLATE, "providers/includes/provider_details.html")
# Every template the form is drawn from: its key changes when any of them does.
FORM_TEMPLATES = (
    FORM_TEMPLATE,
    "includes/form_errors.html",
    "includes/form_fields.jinja",
    "includes/field.jinja",
)
KEEP_SECONDS = 24 * 60 * 60

Refusal = str | Promise | None


def _key_prefix(kind: str, templates: tuple[str, ...]) -> str:
    """The start of every key of one kind of fragment: the templates' sources, the language and
    its catalogue (a corrected translation is a new key).

    Django's version stands for its widget templates and its own language names.
    """
    language = get_language()
    return (
        f"pcp-{kind}:{django.get_version()}:{templates_digest(templates)[:12]}:"
        f"{language}:{catalogue_digest(language)[:12]}"
    )


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _shown(provider: Provider, refusal: Refusal) -> str:
    """Everything a row shows, as text (the specialty's label too: the list of labels is code)."""
    data = [getattr(provider, field.attname) for field in Provider._meta.concrete_fields]
    return repr([*data, specialty_label(provider.specialty), None if refusal is None else str(refusal)])


def search_result_rows(results: Sequence[tuple[Provider, Refusal]]) -> list[SafeString]:
    """Each (provider, refusal) as its results row, in order; one cache round trip."""
    prefix = _key_prefix("result", ROW_TEMPLATES)
    keys = [f"{prefix}:{_digest(_shown(provider, refusal))}" for provider, refusal in results]
    cached = cache.get_many(keys)
    rendered: dict[str, str] = {}
    rows = []
    for key, (provider, refusal) in zip(keys, results, strict=True):
        html = cached.get(key) or rendered.get(key)
        if html is None:
            html = rendered[key] = render_to_string(ROW_TEMPLATE, {"provider": provider, "refusal": refusal})
        # Our own template's output, escaped when it was rendered.
        rows.append(mark_safe(html))  # noqa: S308
    if rendered:
        cache.set_many(rendered, KEEP_SECONDS)
    return rows


def search_form_fields(form: forms.Form) -> SafeString:
    """The search form's fields (includes/form_fields.html) showing what was typed.

    A form with errors is rendered each time: its messages are the member's to read at once.
    """
    if form.errors:
        return render_to_string(FORM_TEMPLATE, {"form": form})
    typed = repr([form[name].value() for name in form.fields])
    key = f"{_key_prefix('form', FORM_TEMPLATES)}:{directory_lists().digest}:{_digest(typed)}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(FORM_TEMPLATE, {"form": form})
        cache.set(key, html, KEEP_SECONDS)
    # Our own template's output, escaped when it was rendered.
    return mark_safe(html)  # noqa: S308
