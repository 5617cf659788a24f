"""A kept fragment's key follows the templates it was drawn from, Jinja2 ones included."""

import re
from pathlib import Path

from django.template.loader import get_template

from portal import jinja
from portal.fingerprints import templates_digest
from providers.results import FORM_TEMPLATE, FORM_TEMPLATES


def test_an_edited_jinja_template_gets_a_new_digest(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    # runserver (DEBUG) reloads an edited template; a kept fragment must not outlive it.
    (tmp_path / "templates").mkdir()
    part = tmp_path / "templates" / "part.jinja"
    part.write_text("{% set word = _('Before') %}<p>{{ word }}</p>")  # Jinja2 only
    settings.BASE_DIR, settings.DEBUG = tmp_path, True
    before = templates_digest(["part.jinja"])
    part.write_text("{% set word = _('After') %}<p>{{ word }}</p>")
    jinja.forget()  # as runserver does when a template is saved (portal/layout.py)
    assert templates_digest(["part.jinja"]) != before
    assert templates_digest(["part.jinja"]) == templates_digest(["part.jinja"])


def included(name: str) -> set[str]:
    """The templates `name` includes, by either engine, and theirs in turn."""
    source = jinja.source(name) if name.endswith(".jinja") else get_template(name).template.source  # type: ignore[attr-defined]
    found = set(re.findall(r"""(?:include|jinja) ["']([\w/]+\.(?:html|jinja))["']""", source))
    return found.union(*(included(other) for other in found))


def test_the_pcp_search_forms_key_covers_every_template_it_is_drawn_from() -> None:
    # The cached search form (providers/results.py) is keyed by its templates' sources: one it
    # is drawn from but the key leaves out would keep serving the old form after a release.
    # (Django's version in the key stands for its widget templates.)
    assert set(FORM_TEMPLATES) == {FORM_TEMPLATE} | included(FORM_TEMPLATE)
