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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.apps import AppConfig, apps
from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils.functional import Promise

from portal.plans import PlanProfile

type Label = str | Promise

# The staff roles apps grant permissions to (portal/roles.py makes the groups match).
MEMBER_SERVICES = "Member services"
# Nurses and social workers who keep members' care plans and read their assessments.
CARE_MANAGER = "Care manager"
# Leads of the care managers: they see every care manager's workload, not members' records.
CARE_SUPERVISOR = "Care supervisor"
# Staff who work members' grievances and appeals to their deadlines (42 CFR 438 Subpart F).
GRIEVANCES_AND_APPEALS = "Grievances and appeals"


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
class DashboardCard:
    """A card on the member's home page: `context` ("module.function") is called with the member
    and the plan's today and returns the template's context, or None when there is nothing to say.
    Each card's function makes a fixed number of queries, whatever the member's data."""

    template: str
    context: str
    order: int


@dataclass(frozen=True)
class HeaderItem:
    """A link in the header of every member page (the messages envelope): `context`
    ("module.function") is called with the member and returns what `template` is rendered with,
    as `item` (and nothing else: portal/layout.py), a dict of a few hashable values: the rendering
    is kept for each language and values. It runs on every member page, so it makes at most one
    indexed query."""

    template: str
    context: str


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

    # The plan-profile feature that turns the whole app on ("" for an app every plan has): with it
    # off, the app's navigation entries, tabs and dashboard cards are gone and its pages answer 404.
    feature: str = ""
    # Finer switches the app reads itself (portal.registry.feature_enabled), e.g. "profile_editing".
    sub_features: Sequence[str] = ()
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
    # Cards on the member's home page.
    dashboard_cards: Sequence[DashboardCard] = ()
    # Links in the header of every member page.
    header_items: Sequence[HeaderItem] = ()
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


def known_features() -> set[str]:
    """Every feature a plan profile may name: what the installed apps declare."""
    return {f for app in portal_apps() for f in (app.feature, *app.sub_features) if f}


def feature_enabled(feature: str) -> bool:
    """True if the plan's profile turns `feature` on (an empty feature is always on)."""
    return settings.PLAN.has_feature(feature)


def enabled_apps() -> list[PortalApp]:
    """The portal apps whose feature the plan's profile turns on."""
    return [app for app in portal_apps() if feature_enabled(app.feature)]


@functools.cache
def _app_of_module(module: str) -> PortalApp | None:
    config = apps.get_containing_app_config(module)
    return config if isinstance(config, PortalApp) else None


def view_enabled(view: object) -> bool:
    """False for a view of an app the plan's profile turns off (its pages answer 404)."""
    app = _app_of_module(getattr(view, "__module__", "") or "")
    return app is None or feature_enabled(app.feature)


@dataclass(frozen=True)
class Link:
    """A navigation entry or tab as a template shows it."""

    label: Label
    url: str
    current: bool


def _nav() -> tuple[tuple[NavEntry, str], ...]:
    return _nav_for(settings.PLAN)


@functools.cache
def _nav_for(plan: PlanProfile) -> tuple[tuple[NavEntry, str], ...]:
    entries = sorted((e for app in enabled_apps() for e in app.nav_entries), key=lambda e: e.order)
    return tuple((entry, reverse(entry.url_name)) for entry in entries)


def _tabs() -> tuple[tuple[TabEntry, str], ...]:
    return _tabs_for(settings.PLAN)


@functools.cache
def _tabs_for(plan: PlanProfile) -> tuple[tuple[TabEntry, str], ...]:
    entries = sorted((e for app in enabled_apps() for e in app.tabs), key=lambda e: (e.group, e.order))
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


def navigation_context(path: str) -> dict[str, object]:
    """The layout's navigation (layout/parts.html#member_nav) and the entry it marks current,
    which the navigation rendered once per process is kept under (portal/layout.py)."""
    links = member_navigation(path)
    return {"member_nav": links, "member_nav_key": next((link.url for link in links if link.current), "")}


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


def dashboard_cards() -> tuple[DashboardCard, ...]:
    """The enabled apps' home-page cards, in order."""
    return _cards_for(settings.PLAN)


@functools.cache
def _cards_for(plan: PlanProfile) -> tuple[DashboardCard, ...]:
    return tuple(sorted((c for app in enabled_apps() for c in app.dashboard_cards), key=lambda c: c.order))


def header_items() -> tuple[HeaderItem, ...]:
    """The enabled apps' header links."""
    return _header_items_for(settings.PLAN)


@functools.cache
def _header_items_for(plan: PlanProfile) -> tuple[HeaderItem, ...]:
    return tuple(item for app in enabled_apps() for item in app.header_items)


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


def feature_required[**P, R](feature: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A view decorator for a finer switch: the page answers 404 when the profile turns it off."""

    def decorate(view: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(view)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            if not feature_enabled(feature):
                raise Http404
            return view(*args, **kwargs)

        return wrapper

    return decorate
