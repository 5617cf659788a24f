"""The demo data app: `manage.py seed_demo` and the builders it runs.

It has no models; it sits above every domain app and writes into their tables, and nothing
imports it. Its name is not translated: with no models, the admin never shows it.
"""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo data"
