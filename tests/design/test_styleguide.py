"""The living style page at /dev/styleguide/: routed only with DEBUG on, in English or in Arabic.

Like the dev mailbox's tests, these load a fresh copy of portal/urls.py with DEBUG set and use it
as the URLconf, so they exercise the real wiring without reloading modules in place.
"""

import importlib.util
from types import ModuleType
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _portal_urls() -> ModuleType:
    spec = importlib.util.find_spec("portal.urls")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_is_no_styleguide_without_debug(client: Client, settings: Any) -> None:
    settings.DEBUG = False
    settings.ROOT_URLCONF = _portal_urls()
    assert client.get("/dev/styleguide/").status_code == 404


def test_the_styleguide_shows_each_component(client: Client, settings: Any) -> None:
    settings.DEBUG = True
    settings.ROOT_URLCONF = _portal_urls()
    response = client.get("/dev/styleguide/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<html lang="en" dir="ltr"' in html
    for component in [
        "usa-sidenav",
        'class="tabs"',
        "usa-button--secondary",
        "usa-tag",
        "usa-card",
        "usa-table--stacked",
        "usa-alert--success",
        "usa-input--error",
        'role="alert"',
    ]:
        assert component in html, component


def test_the_styleguide_in_a_right_to_left_language(client: Client, settings: Any) -> None:
    settings.DEBUG = True
    settings.ROOT_URLCONF = _portal_urls()
    html = client.get("/dev/styleguide/?dir=rtl").content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert 'href="?dir=ltr"' in html
