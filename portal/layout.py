"""The base layout's fixed parts, rendered once per process instead of on every request.

Measured in-process (bench/inprocess.py, docs/performance.md): the header, language switcher,
navigation and footer were about two thirds of the floor's time, and they are the same for every
member who reads the page in the same language. base.html and its includes wrap those parts in
`{% cache None <name> <what it varies on> using="layout" %}` (Django's fragment cache), stored
in this process's memory (CACHES["layout"], a LocMemCache without expiry). Everything that
differs between members or pages stays outside the fragments: the CSRF tokens, the "next" path
of the header's forms, the member's name, the header's links (unread messages), the page itself.

A fragment is kept until the process ends, so a release (new templates, new catalogues) shows
at once: it starts new processes. So does a plan profile change (profiles are read at start).
Within a process the fragments are dropped whenever a setting changes (the tests switch plans
with override_settings) and, under runserver, whenever a template is saved.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.utils.autoreload import file_changed

LAYOUT_CACHE = "layout"


def forget_layout(**kwargs: Any) -> None:
    """Drop every rendered fragment of the layout."""
    if LAYOUT_CACHE in settings.CACHES:
        caches[LAYOUT_CACHE].clear()


def _forget_on_template_change(sender: object, file_path: Path, **kwargs: Any) -> None:
    # runserver's autoreloader re-reads a saved template without restarting; the fragments made
    # from the old one must go too. Returns None, so the reloader still restarts for Python files.
    if file_path.suffix in {".html", ".txt"}:
        forget_layout()


def connect() -> None:
    setting_changed.connect(forget_layout, dispatch_uid="portal.layout.settings")
    file_changed.connect(_forget_on_template_change, dispatch_uid="portal.layout.templates")
