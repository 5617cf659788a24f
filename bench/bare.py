"""A bare Django view with one query, for scale: `gunicorn bench.bare:application`.

The issue's figure for this machine (1,300 to 1,450 req/s, p50 ≈ 5.5 ms) is for a view like this
one: no middleware, no template, no session, one query. The portal's floor renders the full
base template for a signed-in member through every middleware the portal has, so it serves
less; the bench serves both the same way and reports them side by side, so that distance is
measured rather than assumed. Same database and the same query as the floor.
"""

import os

import dj_database_url
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["SECRET_KEY"],
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)},
)


def bare(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = 'members_member'::regclass")
        (members,) = cursor.fetchone()
    return HttpResponse(f"{members} members on file.", content_type="text/plain")


urlpatterns = [path("", bare)]
application = get_wsgi_application()
