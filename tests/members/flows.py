"""The account flows' pages and form data, shared by the members tests (plain helpers, no fixtures)."""

from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from members.models import Member
from tests.conftest import MEMBER_PASSWORD
from tests.members.conftest import STRONG_PASSWORD

RECOVER = "/accounts/recover/"
SENT = "/accounts/recover/sent/"
SIGNUP = "/accounts/create/"
VERIFY = "/accounts/create/verify/"
LOGIN = "/accounts/login/"


def details(member: Member, username: bool, password: bool, **overrides: str) -> dict[str, str]:
    data = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "date_of_birth": member.date_of_birth.isoformat(),
        "member_id": member.member_id,
    }
    if username:
        data["forgot_username"] = "on"
    if password:
        data["reset_password"] = "on"
    data.update(overrides)
    return data


def signup_data(member: Member, **overrides: str) -> dict[str, str]:
    data = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "date_of_birth": member.date_of_birth.isoformat(),
        "member_id": member.member_id,
        "email": "jose@example.com",
        "email_again": "jose@example.com",
        "cell_phone": "(831) 555-0142",
        "username": "josen",
        "password": STRONG_PASSWORD,
        "password_again": STRONG_PASSWORD,
        "agree_terms": "on",
    }
    data.update(overrides)
    return data


def log_in(client: Client, username: str = "jose.nunez", password: str = MEMBER_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"login": username, "password": password})


class CountingHasher(MD5PasswordHasher):
    """MD5 for speed, counting every hash it computes (what makes a log-in slow in production)."""

    algorithm = "counting_md5"
    computed = 0

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.computed += 1
        return super().encode(password, salt)


def hashes_for(client: Client, username: str, password: str) -> int:
    CountingHasher.computed = 0
    log_in(client, username=username, password=password)
    return CountingHasher.computed
