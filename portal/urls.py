"""The portal's URLs: each app's own (as its AppConfig declares them), accounts, the staff admin
and development helpers. This module names no app."""

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from portal import views
from portal.accessibility import accessibility_tools
from portal.registry import portal_apps

urlpatterns: list[URLPattern | URLResolver] = [
    path("terms/", views.terms, name="terms"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accessibility/", accessibility_tools, name="accessibility_tools"),
    path("plan/<str:version>/theme.css", views.plan_theme, name="plan_theme"),
    path("plan/<str:version>/logo.svg", views.plan_logo, name="plan_logo"),
    *(path(prefix, include(module)) for app in portal_apps() for prefix, module in app.urls),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Development helpers (the mailbox shows every email, codes included): never in production.
    urlpatterns += [
        path(prefix, include(module)) for app in portal_apps() for prefix, module in app.debug_urls
    ]

# Error pages in the portal's layout, with the request id and no detail (portal/error_views.py).
handler400 = "portal.error_views.bad_request"
handler403 = "portal.error_views.permission_denied"
handler404 = "portal.error_views.page_not_found"
handler500 = "portal.error_views.server_error"
