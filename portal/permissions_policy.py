"""Permissions-Policy on every response: the browser features the portal never uses are off.

Should a script ever get into a page (a compromised dependency, an injection the CSP missed), or
a page be framed despite X-Frame-Options, it still cannot turn on the camera, the microphone,
location, payments, USB or any other powerful feature. The portal uses none of them.

Allowed for the portal itself (`self`), and nobody else:
- `publickey-credentials-get` and `-create`: WebAuthn, for signing in with a passkey and
  registering one (planned; the browser tests will drive it).
- `fullscreen`: not a way to read anything; a PDF viewer's full-screen button (the ID card)
  may use it.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

DENIED = (
    "accelerometer",
    "ambient-light-sensor",
    "attribution-reporting",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "clipboard-read",
    "clipboard-write",
    "compute-pressure",
    "display-capture",
    "encrypted-media",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "screen-wake-lock",
    "serial",
    "storage-access",
    "usb",
    "web-share",
    "window-management",
    "xr-spatial-tracking",
)
SELF_ONLY = ("fullscreen", "publickey-credentials-create", "publickey-credentials-get")

PERMISSIONS_POLICY = ", ".join([f"{name}=()" for name in DENIED] + [f"{name}=(self)" for name in SELF_ONLY])


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
