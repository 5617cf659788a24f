"""Shared personas for every test: a member, a household member, a stranger and a staff user."""

import datetime
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from members.models import Member, User


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Production's PBKDF2 cost is measured by the benchmark; tests need only correct hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_rate_limits(request: pytest.FixtureRequest) -> None:
    # The account flows' counters live in the shared cache (Redis in tests) and last up to a
    # day; each test starts clean, whatever ran before it that day. The browser tests' live
    # worker uses the same Redis database as its broker, so those keep it (tests/browser
    # empties it before and after the package).
    if request.node.get_closest_marker("browser") is None:
        cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    # A request leaves its language active in the thread (LocaleMiddleware sets one per request);
    # a later test calling code directly must not inherit a member's Spanish.
    yield
    translation.deactivate()


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
