"""The portal's URLs: member pages, accounts, the staff admin and development helpers."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.accessibility import accessibility_tools

urlpatterns = [
    path("", views.home, name="home"),
    path("terms/", views.terms, name="terms"),
    path("floor/", views.floor, name="floor"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accessibility/", accessibility_tools, name="accessibility_tools"),
    path("accounts/", include("members.urls")),
    path("profile/", include("members.profile_urls")),
    path("profile/id-cards/", include("idcards.urls")),
    path("profile/activity/", include("audit.urls")),
    path("coverage/", include("coverage.urls")),
    path("providers/", include("providers.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # The development mailbox shows every email, codes included: never in production.
    urlpatterns += [path("dev/", include("outbox.dev_urls"))]

# Error pages in the portal's layout, with the request id and no detail (portal/error_views.py).
handler400 = "portal.error_views.bad_request"
handler403 = "portal.error_views.permission_denied"
handler404 = "portal.error_views.page_not_found"
handler500 = "portal.error_views.server_error"
