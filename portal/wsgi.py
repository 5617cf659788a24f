"""WSGI entry point: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()

# Each worker loads the URLconf (and with it WeasyPrint and the fonts) and renders one blank ID
# card as it starts, so no member's request pays for imports or font set-up (docs/performance.md).
from django.urls import get_resolver  # noqa: E402

from idcards.printing import warm_up  # noqa: E402

get_resolver().url_patterns  # noqa: B018
warm_up()
