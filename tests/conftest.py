"""Shared personas for every test: a member, a household member, a stranger and a staff user."""

import datetime
from collections.abc import Callable, Iterator

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client
from django.utils import translation

from members.models import Member, User
from portal.languages import PORTAL_LANGUAGES
from portal.plans import PlanProfile, load_plan


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
    client.force_login(member.user)
    return client


MEMBER_PASSWORD = "correct horse battery staple"
