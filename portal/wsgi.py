"""WSGI entry point: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application
from django.utils.module_loading import import_string

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()

# Each worker loads the URLconf and runs each app's warm-up (the ID card renders one blank card,
# loading WeasyPrint and the fonts) as it starts, so no member's request pays for them
# (docs/performance.md).
from django.urls import get_resolver  # noqa: E402

from portal.registry import warm_ups  # noqa: E402

get_resolver().url_patterns  # noqa: B018
for warm_up in warm_ups():
    import_string(warm_up)()
