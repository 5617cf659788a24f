"""The base layout's fixed parts, rendered once per process instead of on every request.

Measured in-process (bench/inprocess.py, docs/performance.md): the header, language switcher,
navigation and footer were about two thirds of the floor's time, and they are the same for every
member who reads the page in the same language. base.html and its includes wrap those parts in
`{% layout_fragment <name> <what it varies on> %}` (portal/templatetags/layout.py), kept in
this process's memory (FRAGMENTS, without expiry: what they vary on is a language, a plan's
setting or a choice among a few, never the member's input, so they stay few). Everything that
differs between members or pages stays outside the fragments: the CSRF tokens, the "next" path
of the header's forms, the member's name, the header's links (unread messages), the page itself.

A fragment is kept until the process ends, so a release (new templates, new catalogues) shows
at once: it starts new processes. So does a plan profile change (profiles are read at start).
Within a process the fragments are dropped whenever a setting changes (the tests switch plans
with override_settings) and, under runserver, whenever a template is saved.
"""

from pathlib import Path
from typing import Any

from django.core.signals import setting_changed
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString

# (fragment name, *the values it varies on) → the rendered fragment.
FRAGMENTS: dict[tuple[object, ...], SafeString] = {}


def forget_layout(**kwargs: Any) -> None:
    """Drop every rendered fragment of the layout."""
    FRAGMENTS.clear()


def _forget_on_template_change(sender: object, file_path: Path, **kwargs: Any) -> None:
    # runserver's autoreloader re-reads a saved template without restarting; the fragments made
    # from the old one must go too. Returns None, so the reloader still restarts for Python files.
    if file_path.suffix in {".html", ".txt"}:
        forget_layout()


def connect() -> None:
    setting_changed.connect(forget_layout, dispatch_uid="portal.layout.settings")
    file_changed.connect(_forget_on_template_change, dispatch_uid="portal.layout.templates")
