"""The Profile page's tabs (Personal Information, ID Cards, Recent activity), shared by the views."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Tab:
    label: str | Promise
    url: str
    current: bool


PROFILE_TABS = [
    ("profile", _("Personal Information")),
    ("idcards", _("ID Cards")),
    ("activity", _("Recent activity")),
]


def profile_tabs(current: str) -> dict[str, object]:
    """Template context for includes/tabs.html: the Profile tabs with `current` (a URL name) marked."""
    return {
        "tabs_label": _("Profile"),
        "tabs": [
            Tab(label=label, url=reverse(name), current=name == current) for name, label in PROFILE_TABS
        ],
    }
