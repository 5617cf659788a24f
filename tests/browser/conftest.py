"""The portal as a member meets it: a real server, a real Celery worker, real Redis and PostgreSQL,
email delivered over SMTP, and Debian's Chromium driven by Playwright.

For the tests in this package (and only while they run, so the other packages' in-process
workers have the queue to themselves) this starts:

- a local SMTP receiver (tests/outbox/smtp_server.py) that the portal's mailer delivers to;
- gunicorn serving `portal.wsgi` on a free port, on pytest-django's test database, which the
  tests fill through `transactional_db` so the server sees committed rows;
- `celery worker` on the Redis named by REDIS_URL, which sends the outbox's emails;
- one headless Chromium; each test gets a fresh browser context at desktop or phone size.
"""

import datetime
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import redis
from django.contrib.auth.hashers import make_password
from django.db import connection

from coverage.models import Coverage
from members.models import Address, AddressKind, Member, Phone, PhoneKind, User
from portal.languages import PORTAL_LANGUAGES
from portal.plans import load_plan
from providers.models import Gender, PcpAssignment
from tests.browser.pages import Checker, words
from tests.identity_provider import IdentityProvider
from tests.outbox.smtp_server import SMTPServer, smtp_server
from tests.providers.pcp_factories import make_provider

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
# The servers' notices storage, and the tests' when they store a notice's PDF (not the project's var/).
NOTICES_DIR = ROOT / "test-artifacts" / "notices"

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 360, "height": 740}}

USERNAME = "jose.nunez"
PASSWORD = "Monterey-coast-2024!"
ACCOUNT_EMAIL = "jose@example.com"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test of this package is `browser` (registered in pyproject.toml), so that
    # `-m "not browser"` (make test-fast) leaves them out.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(
                    pytest.mark.skip(reason=f"the browser tests need Debian's Chromium at {CHROMIUM}")
                )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def server_command(port: int) -> list[str]:
    """The portal server's command line: one gunicorn worker with two threads on `port`."""
    return [
        str(BIN / "gunicorn"),
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        "2",
        "--timeout",
        "60",
        # Not the per-user default control socket, which every gunicorn on the machine shares and
        # each new master takes over (docs/deploy.md); the tests never use gunicornc.
        "--no-control-socket",
    ]


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the portal server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the portal server did not start")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class LivePortal:
    """Where the running portal is, and the mail it has sent."""

    def __init__(self, url: str, smtp: SMTPServer) -> None:
        self.url = url
        self.smtp = smtp

    def email(self, to: str, subject: str | re.Pattern[str], timeout: float = 30) -> EmailMessage:
        """The newest delivered email to `to` whose subject matches, waiting for the worker."""
        deadline = time.monotonic() + timeout
        while True:
            for message in reversed(self.smtp.received):
                if to in str(message["To"]) and re.search(subject, str(message["Subject"])):
                    return message
            if time.monotonic() > deadline:
                seen = [(str(m["To"]), str(m["Subject"])) for m in self.smtp.received]
                raise AssertionError(f"no email to {to} matching {subject!r} arrived; delivered: {seen}")
            time.sleep(0.1)

    def code(self, to: str, subject: str | re.Pattern[str]) -> str:
        """The six-digit verification code in the delivered email's text."""
        message = self.email(to, subject)
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        match = re.search(r"\b(\d{6})\b", body.get_content())
        assert match, "the email holds no six-digit code"
        return match.group(1)


@pytest.fixture(scope="package")
def live_portal(django_db_setup: None, django_db_blocker: Any) -> Iterator[LivePortal]:
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("the browser tests need REDIS_URL (a real Redis for the Celery worker)")
    broker = redis.Redis.from_url(redis_url)
    # Rate-limit counters and queued tasks from earlier runs would change what members see.
    broker.flushdb()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    logs = ROOT / "test-artifacts"
    logs.mkdir(exist_ok=True)
    with django_db_blocker.unblock(), smtp_server() as smtp:
        env = {
            **os.environ,
            # The portal's settings with the tests' cheap password hasher (server_settings.py).
            "DJANGO_SETTINGS_MODULE": "tests.browser.server_settings",
            # DEBUG for plain-HTTP cookies and static files straight from static/.
            "DEBUG": "1",
            "DATABASE_URL": _database_url(),
            "DATABASE_CONN_MAX_AGE": "0",
            "REDIS_URL": redis_url,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp.port),
            "EMAIL_USE_TLS": "0",
            "SITE_URL": url,
            "LOG_LEVEL": "WARNING",
            "NOTICES_DIR": str(NOTICES_DIR),
        }
        server_log = (logs / "browser-server.log").open("wb")
        worker_log = (logs / "browser-worker.log").open("wb")
        server = subprocess.Popen(  # noqa: S603
            server_command(port),
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
        worker = subprocess.Popen(  # noqa: S603
            [
                str(BIN / "celery"),
                "-A",
                "portal",
                "worker",
                "--pool",
                "solo",
                "--loglevel",
                "WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=worker_log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_serving(f"{url}/accounts/login/", server)
            yield LivePortal(url, smtp)
        finally:
            _stop(worker)
            _stop(server)
            server_log.close()
            worker_log.close()
            broker.flushdb()


@pytest.fixture(scope="package")
def plan_portal(
    django_db_setup: None, django_db_blocker: Any, request: pytest.FixtureRequest
) -> Iterator[Callable[[str], str]]:
    """plan_portal("totalcare"): the URL of a portal server serving that plan's profile, started the
    first time a test asks for it (on the same test database; no Celery worker, so no email).
    A plan that signs in at identity providers gets them at the local test provider."""
    servers: dict[str, tuple[str, subprocess.Popen[bytes]]] = {}
    logs = ROOT / "test-artifacts"
    logs.mkdir(exist_ok=True)

    def url_for(plan: str) -> str:
        if plan not in servers:
            port = _free_port()
            url = f"http://127.0.0.1:{port}"
            profile = load_plan(plan, known_languages=[code for code, _ in PORTAL_LANGUAGES])
            providers: dict[str, str] = {}
            if any(method.startswith("oidc:") for method in profile.sign_in):
                identity_provider: IdentityProvider = request.getfixturevalue("identity_provider")
                identity_provider.allow(url)
                providers = {"OIDC_PROVIDERS": identity_provider.oidc_providers()}
            env = {
                **os.environ,
                **providers,
                "DJANGO_SETTINGS_MODULE": "tests.browser.server_settings",
                "DEBUG": "1",
                "PORTAL_PLAN": plan,
                "DATABASE_URL": _database_url(),
                "DATABASE_CONN_MAX_AGE": "0",
                "SITE_URL": url,
                "LOG_LEVEL": "WARNING",
                "NOTICES_DIR": str(NOTICES_DIR),
            }
            log = (logs / f"browser-server-{plan}.log").open("wb")
            server = subprocess.Popen(  # noqa: S603
                server_command(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            _wait_until_serving(f"{url}/accounts/login/", server)
            servers[plan] = (url, server)
        return servers[plan][0]

    with django_db_blocker.unblock():
        try:
            yield url_for
        finally:
            for _url, server in servers.values():
                _stop(server)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests
    # make between browser steps are ordinary synchronous ones.
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()
    if saved is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def portal_host() -> str:
    """The host name the browser uses for the portal; the passkey tests use localhost (WebAuthn
    takes a domain for the site's identity, never an IP address)."""
    return "127.0.0.1"


@pytest.fixture
def page(
    browser: Any,
    live_portal: LivePortal,
    size: str,
    request: pytest.FixtureRequest,
    transactional_db: None,
    portal_host: str,
) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_portal.url.replace("127.0.0.1", portal_host),
        viewport=SIZES[size],
        locale="en-US",
        timezone_id="America/Los_Angeles",
        accept_downloads=True,
        is_mobile=size == "phone",
        has_touch=size == "phone",
    )
    context.set_default_timeout(15_000)
    live_portal.smtp.received.clear()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def check(page: Any, size: str, request: pytest.FixtureRequest) -> Checker:
    """Checks every page a test reaches: title, axe, phone layout, and a screenshot."""
    # test_name-desktop[-es]: the node's name carries the size and any other parameters.
    name = re.sub(r"\W+", "-", request.node.name).strip("-")
    return Checker(page, size=size, prefix=name, folder=ARTIFACTS)


# --- The plan's records --------------------------------------------------------------------


def plan_member(**fields: object) -> Member:
    """A member with active and past coverage, a PCP, a mailing address and a phone number."""
    defaults: dict[str, object] = {
        "member_id": "A10000001",
        "first_name": "José",
        "last_name": "Núñez-Ortiz",
        "date_of_birth": datetime.date(1980, 4, 12),
        "county": "Monterey",
    }
    defaults.update(fields)
    member = Member.objects.create(**defaults)
    today = datetime.date.today()
    Coverage.objects.create(
        member=member, program="Medi-Cal", plan="Alliance Medi-Cal", effective_date=datetime.date(2023, 1, 1)
    )
    Coverage.objects.create(
        member=member,
        program="Alliance Care IHSS",
        plan="IHSS Health Plan",
        effective_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    current = make_provider(
        npi="1000000001", first_name="Ana", last_name="García", clinic_name="Salinas Family Clinic"
    )
    make_provider(
        npi="1000000002", first_name="Luis", last_name="Pham", gender=Gender.MALE, clinic_name="Valle Clinic"
    )
    PcpAssignment.objects.create(
        member=member, provider=current, effective_from=today.replace(day=1, year=2023)
    )
    Address.objects.create(
        member=member,
        kind=AddressKind.MAILING,
        line1="123 Main St",
        city="Salinas",
        state="CA",
        zip_code="93901",
        is_primary=True,
    )
    Phone.objects.create(member=member, kind=PhoneKind.HOME, number="+18315550123", is_primary=True)
    return member


@pytest.fixture
def new_member(transactional_db: None) -> Member:
    """A plan member without an online account yet."""
    return plan_member()


@pytest.fixture
def account(transactional_db: None) -> Member:
    """A plan member with an online account (USERNAME / PASSWORD, email ACCOUNT_EMAIL)."""
    member = plan_member()
    user = User.objects.create(username=USERNAME, email=ACCOUNT_EMAIL, password=make_password(PASSWORD))
    member.user = user
    member.save()
    return member


LogIn = Callable[..., None]


@pytest.fixture
def log_in(page: Any, check: Checker, account: Member) -> LogIn:
    """Log in as the seed says: Username, Password, LOG IN; then the home page greets the member."""

    def run(*, username: str = USERNAME, password: str = PASSWORD) -> None:
        page.goto("/accounts/login/")
        check("login")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="LOG IN").click()
        page.get_by_role("heading", name=f"Welcome {account.first_name}").wait_for()
        check("home")

    return run


@pytest.fixture
def totalcare_page(browser: Any, plan_portal: Any, size: str) -> Iterator[Any]:
    """A page of TotalCare's portal at `size`, in a fresh browser context."""
    context = browser.new_context(
        base_url=plan_portal("totalcare"),
        viewport=SIZES[size],
        locale="en-US",
        timezone_id="America/Los_Angeles",
        is_mobile=size == "phone",
        has_touch=size == "phone",
    )
    try:
        yield context.new_page()
    finally:
        context.close()


# The care and messages tests' browsers speak the language under test from the start.
BROWSER_LOCALES = {"en": "en-US", "es": "es-US", "pt-br": "pt-BR"}


@pytest.fixture
def signed_in_totalcare_page(
    browser: Any, plan_portal: Any, size: str, account: Member, request: pytest.FixtureRequest
) -> Iterator[Any]:
    """`account` signed in to TotalCare's portal at `size`, in the test's `language` parameter."""
    language = request.node.callspec.params["language"]
    context = browser.new_context(
        base_url=plan_portal("totalcare"),
        viewport=SIZES[size],
        locale=BROWSER_LOCALES[language],
        timezone_id="America/Los_Angeles",
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label(words(language, "Username")[0]).fill(USERNAME)
    page.get_by_label(words(language, "Password")[0]).fill(PASSWORD)
    # LOG IN's own form: the passkey form below it has a submit button too.
    page.locator('form[action="/accounts/login/"] button[type=submit]').click()
    page.wait_for_url("**/")
    yield page
    context.close()
