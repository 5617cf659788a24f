"""Staff users for the admin tests: made with a known password, signed in with password and a
one-time password as the deploy guide describes (plain helpers, shared by several packages)."""

import io
from typing import TYPE_CHECKING

from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from members.models import User

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

LOGIN = "/admin/login/?next=/admin/"
STAFF_PASSWORD = "staff lantern orchard 42"


def make_staff(username: str = "ana.staff", *, superuser: bool = False) -> User:
    return User.objects.create_user(
        username=username, password=STAFF_PASSWORD, is_staff=True, is_superuser=superuser
    )


def admin_log_in(
    client: Client, username: str, *, device: str = "", token: str = "", password: str = STAFF_PASSWORD
) -> "_MonkeyPatchedWSGIResponse":
    return client.post(
        LOGIN,
        {"username": username, "password": password, "otp_device": device, "otp_token": token},
    )


def current_token(device: TOTPDevice) -> str:
    """The code the staff member's authenticator app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def sign_in_with_static_token(client: Client, user: User) -> None:
    """First sign-in as the deploy guide describes it: a backup token from addstatictoken."""
    out = io.StringIO()
    call_command("addstatictoken", user.username, stdout=out)
    device = StaticDevice.objects.get(user=user)
    response = admin_log_in(client, user.username, device=device.persistent_id, token=out.getvalue().strip())
    assert response.status_code == 302 and response["Location"] == "/admin/", "admin sign-in failed"
