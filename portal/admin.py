"""The staff admin site: password plus a one-time password, never open to members.

`OTPAdminSite` treats a staff user who has not been verified by one of their OTP devices
(a TOTP app, or a static backup token from `manage.py addstatictoken`) as not staff, and its
login form asks for the token. Members (users without is_staff) are refused as usual.
"""

from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite


class PortalAdminSite(OTPAdminSite):
    site_header = _("Member services")
    site_title = _("Member services")
    index_title = _("Member services")

    def __init__(self, name: str = "admin") -> None:
        # OTPAdminSite defaults its name to "otpadmin"; as the project's only admin site it
        # keeps Django's "admin" namespace so reverse("admin:…") works everywhere.
        super().__init__(name)
