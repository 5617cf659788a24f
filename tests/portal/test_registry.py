"""What apps plug in (portal/registry.py) reaches the pages: navigation, tabs, audit actions."""

import re

import pytest
from django.test import Client

from audit.services import audit_record
from portal import registry


def nav_links(html: str) -> list[tuple[str, bool]]:
    nav = html.split('<nav class="side-nav"')[1].split("</nav>")[0]
    return [(href, bool(current)) for href, current in re.findall(r'<a href="([^"]+)"( aria-current)?', nav)]


def tab_links(html: str) -> list[tuple[str, bool]]:
    tabs = html.split('<nav class="tabs"')[1].split("</nav>")[0]
    return [(href, bool(current)) for href, current in re.findall(r'<a href="([^"]+)"( aria-current)?', tabs)]


def test_the_navigation_lists_each_apps_entries_in_order_with_the_section_marked(
    member_client: Client,
) -> None:
    html = member_client.get("/coverage/inactive/").content.decode()
    assert nav_links(html) == [
        ("/", False),
        ("/profile/", False),
        ("/providers/", False),
        ("/coverage/", True),
        ("/my/", False),
        ("/care/plans/", False),
        ("/care/assessments/", False),
        ("/claims/", False),
        ("/authorizations/", False),
        ("/appeals/", False),
        ("/messages/", False),
        ("/resources/", False),
    ]


def test_home_is_current_only_on_the_home_page(member_client: Client) -> None:
    assert nav_links(member_client.get("/").content.decode())[0] == ("/", True)
    assert nav_links(member_client.get("/profile/").content.decode())[0] == ("/", False)


def test_a_page_under_a_tab_gets_its_groups_tabs_with_that_tab_current(member_client: Client) -> None:
    # The order page is not a tab itself; it is under ID Cards, a tab idcards adds to Profile.
    html = member_client.get("/profile/id-cards/order/").content.decode()
    assert tab_links(html) == [
        ("/profile/", False),
        ("/profile/id-cards/", True),
        ("/profile/sign-in/", False),
        ("/profile/message-emails/", False),
        ("/profile/activity/", False),
    ]


def test_a_removed_entry_leaves_every_page(member_client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    # As when an app is not installed: nothing else names its entry.
    from coverage.apps import CoverageConfig

    monkeypatch.setattr(CoverageConfig, "nav_entries", ())
    registry._nav_for.cache_clear()
    try:
        html = member_client.get("/profile/").content.decode()
    finally:
        monkeypatch.undo()
        registry._nav_for.cache_clear()
    assert "/coverage/" not in [href for href, _ in nav_links(html)]


def test_staff_and_anonymous_pages_have_no_member_navigation(client: Client, db: None) -> None:
    assert 'class="side-nav"' not in client.get("/accounts/login/").content.decode()


def test_an_undeclared_audit_action_is_refused(db: None) -> None:
    with pytest.raises(ValueError, match="Undeclared"):
        audit_record(request=None, action=registry.AuditAction("claims.viewed", "Viewed"))


def test_an_audit_action_outside_its_apps_namespace_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from idcards.apps import IdCardsConfig

    monkeypatch.setattr(IdCardsConfig, "audit_actions", (registry.AuditAction("members.ordered", "x"),))
    registry.audit_actions.cache_clear()
    try:
        with pytest.raises(ValueError, match="must start with its label"):
            registry.audit_actions()
    finally:
        monkeypatch.undo()
        registry.audit_actions.cache_clear()
