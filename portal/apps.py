"""App configs for the project package: the portal itself and the staff admin that replaces Django's.

Django picks an app's config from its apps.py: `PortalConfig` is the one for "portal";
`PortalAdminConfig` is named in INSTALLED_APPS instead of "django.contrib.admin" so that the
admin site is the OTP-guarded `portal.admin.PortalAdminSite`.
"""

from django.apps import AppConfig
from django.conf import settings
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from portal.plans import PlanProfileError, check_features
from portal.registry import known_features


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import layout
        from portal.roles import sync_roles_after_migrate

        layout.connect()
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="portal.sync_roles")
        # A profile naming a feature no installed app provides stops start-up, as a bad field does.
        try:
            check_features(settings.PLAN, known_features())
        except PlanProfileError as error:
            raise SystemExit(f"Plan profile: {error}") from None


class PortalAdminConfig(admin_apps.AdminConfig):
    # Not the default for the "portal" package: it is installed by its dotted path.
    default = False
    default_site = "portal.admin.PortalAdminSite"
