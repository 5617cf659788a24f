"""Shared fixtures for every test: the personas (a member, with an account and signed in; a member
with everything an ID card shows), and a real Celery broker and worker for the tests that need one.

Fixtures used by more than one package live here, not in one package's conftest imported by another.
"""

import datetime
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
import redis
import time_machine
from celery.worker import WorkController
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.files.storage import FileSystemStorage, Storage
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import translation

from coverage.models import Coverage
from members.models import Address, AddressKind, Member, User
from portal.languages import PORTAL_LANGUAGES
from portal.plans import PlanProfile, load_plan
from portal.sign_in import oidc_providers, socialaccount_providers
from providers.models import PcpAssignment, Provider
from resources.models import ResourceTranslation
from tests.brokers import REDIS_SERVER, RedisServer, celery_broker, celery_worker
from tests.databases import migrate, rolled_back_on, sqlite_connection
from tests.documents.notice_files import use_notice_storage
from tests.households.households import Household, MakeMember, make_household
from tests.identity_provider import IdentityProvider
from tests.sign_in import force_sign_in


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Production's PBKDF2 cost is measured by the benchmark; tests need only correct hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_cached_counters() -> None:
    """Forget every rate-limit and code-limit counter (the portal's cache entries) before each test.

    They live in the shared cache (Redis in tests) for up to a day, so one test's failed sign-ins,
    or the last run's, would lock out the next. Only the cache's own keys: a flush would also drop
    the Celery broker's queue bindings in the same Redis database, which the browser tests' live
    worker relies on.
    """
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        client = backend._cache.get_client(write=True)
        keys = list(client.scan_iter(match=backend.make_key("*")))
        if keys:
            client.delete(*keys)
    else:
        backend.clear()


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    # A request leaves its language active in the thread (LocaleMiddleware sets one per request);
    # a later test calling code directly must not inherit a member's Spanish.
    yield
    translation.deactivate()


UsePlan = Callable[[str], PlanProfile]


@pytest.fixture
def resource_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileSystemStorage:
    """Keep the test's resource files under its own tmp_path, not the project's var/."""
    storage = FileSystemStorage(location=tmp_path / "resources")
    monkeypatch.setattr(ResourceTranslation._meta.get_field("file"), "storage", storage)
    return storage


@pytest.fixture
def notice_storage(settings, tmp_path: Path) -> Storage:  # type: ignore[no-untyped-def]
    """The notices storage, under the test's own tmp_path rather than the project's var/."""
    return use_notice_storage(settings, tmp_path / "notices")


@pytest.fixture
def household(make_member: MakeMember, notice_storage: Storage) -> Household:
    """A MyServices household: its head Ana (signed in by `household_client`), an adult spouse,
    an adult account holder, a minor; each with eligibility, documents, a notice and an alert."""
    return make_household(make_member)


@pytest.fixture
def myservices(use_plan) -> Iterator[PlanProfile]:  # type: ignore[no-untyped-def]
    """The MassHealth profile on December 1, 2026 (a member's alert due November 30 is past due)."""
    plan: PlanProfile = use_plan("masshealth")
    with time_machine.travel(datetime.datetime(2026, 12, 1, 15, 0, tzinfo=datetime.UTC), tick=False):
        yield plan


@pytest.fixture
def use_plan(settings):  # type: ignore[no-untyped-def]
    """Serve the rest of the test as the named plan's portal (its profile, time zone, languages)."""

    def use(name: str) -> PlanProfile:
        plan = load_plan(name, known_languages=[code for code, _ in PORTAL_LANGUAGES])
        settings.PLAN = plan
        settings.TIME_ZONE = plan.time_zone
        settings.LANGUAGES = [(code, label) for code, label in PORTAL_LANGUAGES if code in plan.languages]
        return plan

    return use


@pytest.fixture
def alliance(use_plan) -> PlanProfile:  # type: ignore[no-untyped-def]
    """The Alliance profile: the plan whose help pages the wave-1 tests quote."""
    plan: PlanProfile = use_plan("alliance")
    return plan


@pytest.fixture
def make_member(db: None):  # type: ignore[no-untyped-def]
    """Factory for plan members; each call makes a new one with a unique member ID."""
    counter = iter(range(1, 1_000_000))

    def make(**fields: object) -> Member:
        n = next(counter)
        defaults: dict[str, object] = {
            "member_id": f"T{n:08d}",
            "first_name": "José",
            "last_name": "Núñez-Ortiz",
            "date_of_birth": datetime.date(1980, 4, 12),
            "county": "Monterey",
        }
        defaults.update(fields)
        return Member.objects.create(**defaults)

    return make


@pytest.fixture
def member(make_member) -> Member:  # type: ignore[no-untyped-def]
    """A member with an online account (username "jose.nunez", password below)."""
    m: Member = make_member()
    m.user = User.objects.create_user(username="jose.nunez", password=MEMBER_PASSWORD)
    m.save()
    return m


@pytest.fixture
def member_client(member: Member) -> Client:
    client = Client()
    assert member.user is not None
    force_sign_in(client, member.user)
    return client


MEMBER_PASSWORD = "correct horse battery staple"


@pytest.fixture
def provider(db: None) -> Provider:
    return Provider.objects.create(
        npi="1234567890",
        first_name="Ana",
        last_name="García",
        specialty="Family Medicine",
        is_primary_care=True,
        clinic_name="Salinas Family Clinic",
        phone="+18315550100",
    )


@pytest.fixture
def carded_member(member: Member, provider: Provider) -> Member:
    """The signed-in member, with current Medi-Cal coverage, a PCP and a mailing address."""
    Coverage.objects.create(
        member=member, program="Medi-Cal", plan="Alliance Medi-Cal", effective_date=datetime.date(2024, 1, 1)
    )
    PcpAssignment.objects.create(member=member, provider=provider, effective_from=datetime.date(2024, 1, 1))
    Address.objects.create(
        member=member,
        kind=AddressKind.MAILING,
        line1="123 Main St",
        line2="Apt 4",
        city="Salinas",
        state="CA",
        zip_code="93901",
        is_primary=True,
    )
    member.user.email = "jose@example.com"  # type: ignore[union-attr]
    member.user.save()  # type: ignore[union-attr]
    return member


@pytest.fixture(scope="session")
def sqlite_database(
    tmp_path_factory: pytest.TempPathFactory, django_db_blocker: Any
) -> Iterator[BaseDatabaseWrapper]:
    """A migrated SQLite database for the session (tests/databases.py)."""
    connection = sqlite_connection(tmp_path_factory.mktemp("sqlite") / "portal.sqlite3")
    with django_db_blocker.unblock():
        migrate(connection)
    yield connection
    connection.close()


@pytest.fixture(params=["postgresql", "sqlite"])
def import_database(request: pytest.FixtureRequest, db: None) -> Iterator[str]:
    """Run the test once on PostgreSQL (the tests' database) and once on SQLite (`make run`'s):
    every query the test and the code under test make goes to that one."""
    if request.param == "postgresql":
        yield connection.vendor
        return
    with rolled_back_on(request.getfixturevalue("sqlite_database")):
        yield "sqlite"


# --- Celery on a real broker (tests/brokers.py) ------------------------------------------


@pytest.fixture
def broker_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("the broker tests need REDIS_URL (a real Redis)")
    return url


@pytest.fixture
def broker(broker_url: str) -> Iterator[redis.Redis]:
    """The Redis the app publishes to, its task queue ("celery") empty before and after."""
    client = redis.Redis.from_url(broker_url)
    client.delete("celery")
    yield client
    client.delete("celery")


@pytest.fixture
def worker(broker_url: str) -> Callable[[], AbstractContextManager[WorkController]]:
    """Start a Celery worker thread on the app's current broker, with an empty queue."""
    return celery_worker


@pytest.fixture
def private_redis(broker_url: str) -> Iterator[RedisServer]:
    """A redis-server of the test's own, made the Celery app's broker for the test."""
    if not os.access(REDIS_SERVER, os.X_OK):
        pytest.skip(f"{REDIS_SERVER} is not installed")
    server = RedisServer()
    server.start()
    try:
        with celery_broker(server.url):
            yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def identity_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IdentityProvider]:
    """A real OpenID Connect provider on a free port (tests/identity_provider.py), for the session."""
    provider = IdentityProvider(tmp_path_factory.mktemp("identity-provider"))
    provider.allow("http://testserver")
    try:
        yield provider
    finally:
        provider.stop()


@pytest.fixture
def state_sign_in(settings, use_plan, identity_provider: IdentityProvider) -> IdentityProvider:  # type: ignore[no-untyped-def]
    """The MassHealth profile (state sign-in only) with its providers at the local provider, and SSNs."""
    use_plan("masshealth")
    providers = oidc_providers(identity_provider.oidc_providers())
    settings.OIDC_PROVIDERS = {provider.id: provider for provider in providers}
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers(providers)
    settings.SSN_HMAC_KEY = "test-ssn-key-0123456789"
    return identity_provider
