"""The shared layout: every page has the plan's header, one <h1>, and works logged out or in."""

import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from members.models import Member
from portal.plans import PlanProfile


def test_home_requires_log_in(client: Client, db: None) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_home_welcomes_member_by_first_name(
    alliance: PlanProfile, member_client: Client, member: Member
) -> None:
    response = member_client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "Welcome José" in html
    assert "800-700-3874" in html


def test_terms_page_is_public(client: Client, db: None) -> None:
    response = client.get("/terms/")
    assert response.status_code == 200
    assert "Terms and Conditions" in response.content.decode()


def test_pages_name_the_plans_icon_so_browsers_do_not_ask_for_favicon_ico(client: Client, db: None) -> None:
    # Without a link, every first visit costs a /favicon.ico request answered by the 404 page.
    html = client.get("/accounts/login/").content.decode()
    href = re.search(r'<link rel="icon" href="([^"]+)"', html)
    assert href is not None
    assert finders.find(href.group(1).removeprefix(settings.STATIC_URL)) is not None
