"""What each app plugs into the portal, declared in its own apps.py.

An app's AppConfig subclasses `PortalApp` and states, as class attributes, its member-area
navigation entries and tabs, its audit actions, the models that hold a member's data (and how to
reach the member from each, for the admin audit), and what each staff role may do with its
models. The functions below collect those declarations from every installed app, so no shared
list, template or test names an app: adding a section is adding a folder, and an app that is not
installed (or, later, switched off by the plan's profile) disappears from every list.

This module is the shared kernel: it knows no domain and imports no app.
"""

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.apps import AppConfig, apps
from django.urls import reverse
from django.utils.functional import Promise

type Label = str | Promise

# The staff roles apps grant permissions to (portal/roles.py makes the groups match).
MEMBER_SERVICES = "Member services"


class AuditAction(str):
    """An audit action: its stored name ("idcards.ordered") with the label people read.

    A str, so it is stored, filtered on and compared as its name; the label is for the admin and
    the member's Recent activity. Declared by the app that records it, namespaced by the app's
    label, so adding one needs no audit migration.
    """

    label: Label
    shown_to_member: bool

    def __new__(cls, name: str, label: Label, *, shown_to_member: bool = True) -> "AuditAction":
        action = super().__new__(cls, name)
        action.label = label
        action.shown_to_member = shown_to_member
        return action


@dataclass(frozen=True)
class NavEntry:
    """A link in the member area's navigation. It is current on every page under its URL."""

    label: Label
    url_name: str
    order: int


@dataclass(frozen=True)
class TabEntry:
    """A tab on a member page: tabs of one `group` are shown together, in `order`."""

    group: str
    label: Label
    url_name: str
    order: int


class PortalApp(AppConfig):
    """An app of the portal. Subclasses declare what they plug in; every attribute is optional.

    An apps.py imports this module rather than the class: Django takes an apps.py's only AppConfig
    subclass as the app's config, and an imported PortalApp would be a second one.
    """

    # (URL prefix, URLconf module) pairs the portal's URLconf includes.
    urls: Sequence[tuple[str, str]] = ()
    # The same, served only with DEBUG on (development helpers).
    debug_urls: Sequence[tuple[str, str]] = ()
    # The member area's left navigation.
    nav_entries: Sequence[NavEntry] = ()
    # Tab groups this app owns, with the accessible name of their tab list.
    tab_groups: Mapping[str, Label] = {}
    # Tabs, in this app's groups or another's (ID Cards is a tab of Profile).
    tabs: Sequence[TabEntry] = ()
    # Every audit action this app records.
    audit_actions: Sequence[AuditAction] = ()
    # Model name → the lookup from a row to its member's id ("" when the row is the member).
    member_records: Mapping[str, str] = {}
    # Role name → codenames of this app's permissions the role holds ("view_member").
    staff_permissions: Mapping[str, Sequence[str]] = {}
    # A function ("module.name") a new web worker runs before serving, to pay start-up costs.
    warm_up: str = ""


def portal_apps() -> list[PortalApp]:
    """The installed portal apps, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, PortalApp)]


@dataclass(frozen=True)
class Link:
    """A navigation entry or tab as a template shows it."""

    label: Label
    url: str
    current: bool


@functools.cache
def _nav() -> tuple[tuple[NavEntry, str], ...]:
    entries = sorted((e for app in portal_apps() for e in app.nav_entries), key=lambda e: e.order)
    return tuple((entry, reverse(entry.url_name)) for entry in entries)


@functools.cache
def _tabs() -> tuple[tuple[TabEntry, str], ...]:
    entries = sorted((e for app in portal_apps() for e in app.tabs), key=lambda e: (e.group, e.order))
    return tuple((entry, reverse(entry.url_name)) for entry in entries)


@functools.cache
def _tab_group_labels() -> dict[str, Label]:
    return {group: label for app in portal_apps() for group, label in app.tab_groups.items()}


def _longest_prefix(path: str, urls: list[str]) -> str | None:
    """The URL in `urls` that `path` is at or under, the longest if several ("/" only for itself)."""
    under = [url for url in urls if path == url or (url != "/" and path.startswith(url))]
    return max(under, key=len, default=None)


def member_navigation(path: str) -> list[Link]:
    """The member area's navigation, with the entry the page at `path` is under marked current."""
    current = _longest_prefix(path, [url for _entry, url in _nav()])
    return [Link(entry.label, url, url == current) for entry, url in _nav()]


def member_tabs(path: str) -> dict[str, object]:
    """Template context for includes/tabs.html: the tabs of the group the page at `path` is under.

    A page is under the tab whose URL is the longest prefix of its path: the ID card order page
    (/profile/id-cards/order/) is under ID Cards, Personal Information's pages under Profile's
    first tab. A page under no tab gets no tabs.
    """
    current = _longest_prefix(path, [url for _entry, url in _tabs()])
    group = next((entry.group for entry, url in _tabs() if url == current), None)
    if group is None:
        return {}
    return {
        "tabs_label": _tab_group_labels()[group],
        "tabs": [Link(entry.label, url, url == current) for entry, url in _tabs() if entry.group == group],
    }


@functools.cache
def audit_actions() -> dict[str, AuditAction]:
    """Every declared audit action by its stored name."""
    found: dict[str, AuditAction] = {}
    for app in portal_apps():
        for action in app.audit_actions:
            if not action.startswith(f"{app.label}."):
                raise ValueError(f"Audit action {action!r} of app {app.label!r} must start with its label.")
            found[str(action)] = action
    return found


@functools.cache
def member_records() -> dict[str, str]:
    """Model label ("members.address") → the lookup from a row to its member's id."""
    return {
        f"{app.label}.{model}": path for app in portal_apps() for model, path in app.member_records.items()
    }


@functools.cache
def roles() -> dict[str, frozenset[str]]:
    """Role name → the exact permissions ("app_label.codename") the role holds, from every app."""
    found: dict[str, set[str]] = {}
    for app in portal_apps():
        for role, codenames in app.staff_permissions.items():
            found.setdefault(role, set()).update(f"{app.label}.{codename}" for codename in codenames)
    return {role: frozenset(names) for role, names in found.items()}


def warm_ups() -> list[str]:
    return [app.warm_up for app in portal_apps() if app.warm_up]
