"""Digests of what rendered output depends on besides its data: template sources and a
language's translations.

Keys of cached fragments (providers/results.py) and stored ID card PDFs (idcards/cards.py)
include them, so a release, or runserver reloading an edited template or catalogue, makes new
keys by itself. Each digest is computed once per object Django loads: the template loaders (a
`.jinja` name is read by portal.jinja's environment) and the translation machinery hand out the
same object until its file changes, so a page pays a dictionary lookup.
"""

import hashlib
import weakref
from collections.abc import Callable, Iterable

from django.template.loader import get_template
from django.utils.translation import trans_real

from portal import jinja

_digests: "weakref.WeakKeyDictionary[object, str]" = weakref.WeakKeyDictionary()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _once(loaded: object, text: Callable[[], str]) -> str:
    digest = _digests.get(loaded)
    if digest is None:
        digest = _digests[loaded] = _digest(text())
    return digest


def templates_digest(names: Iterable[str]) -> str:
    """A digest of these templates' sources, as the template loader has them now."""
    return _digest("".join(_template_digest(name) for name in names))


def _template_digest(name: str) -> str:
    if name.endswith(".jinja"):
        environment = jinja.environment()
        loaded = environment.get_template(name)
        return _once(loaded, lambda: jinja.source(name))
    template = get_template(name).template  # type: ignore[attr-defined]
    return _once(template, lambda: template.source)


def catalogue_digest(language: str) -> str:
    """A digest of every translated message `language` has now."""
    catalogue = trans_real.translation(language)
    return _once(catalogue, lambda: repr(sorted(catalogue._catalog.items(), key=repr)))  # type: ignore[attr-defined]
