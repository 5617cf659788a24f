"""A real OpenID Connect provider on this machine for the identity tests: the small Django
project in tests/oidc_idp (allauth.idp.oidc) under gunicorn on a free port, with its own SQLite
database, keys and users. The fixtures that start it are in tests/conftest.py.

`sign_in_at_provider` does what a member's browser does at the provider: open the authorization
URL, log in with the provider's username and password, and come back with the redirect to the
portal's callback (code and state), which the test then hands to the portal.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.oidc_idp.users import CLIENT_SECRET, PASSWORD

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
# The portal's providers against it: the plan's two, and one per way an ID token can be wrong.
# Each is the provider's client of the same ID (tests/oidc_idp/users.py): (name, issuer's path).
PROVIDERS = {
    "ma-login": ("MA Login", ""),
    "login-mass-gov": ("login.mass.gov", ""),
    "wrong-audience": ("Wrong audience", ""),
    "expired": ("Expired", ""),
    "forged-keys": ("Forged keys", "/forged"),
}


def _private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class IdentityProvider:
    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.oidc_idp.settings",
            "IDP_DATABASE": str(folder / "idp.sqlite3"),
            "IDP_PRIVATE_KEY": _private_key_pem(),
            "IDP_FORGED_KEY": _private_key_pem(),
        }
        self._manage("migrate", "--no-input", "--verbosity", "0")
        self._manage("idp_setup")
        self.log = (folder / "idp.log").open("wb")
        self.process = subprocess.Popen(  # noqa: S603
            [str(GUNICORN), "tests.oidc_idp.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
             "--threads", "4", "--no-control-socket"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"{self.url}/.well-known/openid-configuration", timeout=2).raise_for_status()
                break
            except requests.RequestException:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("the test identity provider did not start") from None
                time.sleep(0.2)

    def _manage(self, *args: str) -> None:
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "django", *args], cwd=ROOT, env=self.env, check=True
        )

    def allow(self, portal_url: str) -> None:
        """Accept the callback URLs of a portal served at `portal_url` (http://testserver in the client)."""
        uris = [f"{portal_url}/accounts/oidc/{provider}/login/callback/" for provider in PROVIDERS]
        self._manage("idp_setup", *(f"--redirect-uri={uri}" for uri in uris))

    def oidc_providers(self) -> str:
        """The portal's OIDC_PROVIDERS for this provider (portal/sign_in.py)."""
        return json.dumps(
            [
                {
                    "id": key,
                    "name": name,
                    "issuer": self.url + path,
                    "client_id": key,
                    "secret": CLIENT_SECRET,
                }
                for key, (name, path) in PROVIDERS.items()
            ]
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def sign_in_at_provider(authorize_url: str, *, username: str, portal_url: str = "http://testserver") -> str:
    """Log in at the provider from its authorization URL; the redirect back to the portal."""
    browser = requests.Session()
    response = browser.get(authorize_url, timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    assert token, f"no log-in form at the provider: {response.status_code}"
    response = browser.post(
        response.url,
        data={"csrfmiddlewaretoken": token.group(1), "login": username, "password": PASSWORD},
        headers={"Referer": response.url},
        allow_redirects=False,
        timeout=10,
    )
    while response.is_redirect:
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(portal_url):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError(
        f"the provider did not send the browser back: {response.status_code} {response.text[:300]}"
    )
