"""The staff admin site: password plus a one-time password, never open to members.

`OTPAdminSite` treats a staff user who has not been verified by one of their OTP devices
(a TOTP app, or a static backup token from `manage.py addstatictoken`) as not staff. Its log-in
form is the portal's (portal/staff_sign_in.py): username, password and one-time code in one step,
rate-limited, with one answer for every failure. Members (users without is_staff) are refused.
"""

from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from portal.staff_sign_in import StaffSignInForm


class PortalAdminSite(OTPAdminSite):
    site_header = _("Member services")
    site_title = _("Member services")
    index_title = _("Member services")
    login_form = StaffSignInForm
    login_template = "admin/staff_sign_in.html"

    def __init__(self, name: str = "admin") -> None:
        # OTPAdminSite defaults its name to "otpadmin"; as the project's only admin site it
        # keeps Django's "admin" namespace so reverse("admin:…") works everywhere.
        super().__init__(name)
