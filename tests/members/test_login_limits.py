"""Failed log-ins slow the guesser, not the member (members/login_limits.py): per address a
429 page with Retry-After, per username and address growing waits, per username a daily
ceiling; every refusal is answered and costs like a wrong password; a deactivated account too.
"""

import datetime
import re
import statistics
import time

import time_machine
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import Client

from audit.models import AuditEvent
from members import login_limits
from members.audit_actions import SIGN_IN, SIGN_IN_FAILED
from members.models import Member, User
from tests.conftest import MEMBER_PASSWORD
from tests.members.flows import (
    LOGIN,
    RECOVER,
    CountingHasher,
    details,
    hashes_for,
)

START = datetime.datetime(2026, 9, 15, 16, 0, 30, tzinfo=datetime.UTC)
ATTACKER, OWNER = "203.0.113.66", "198.51.100.20"
WRONG = "not the password at all"


def log_in(address: str, password: str, username: str = "jose.nunez", language: str = "en"):  # type: ignore[no-untyped-def]
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language)
    return client.post(LOGIN, {"login": username, "password": password})


def signed_in(response) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code == 302 and response["Location"] == "/"


def test_guessing_from_one_address_does_not_lock_the_member_out(member: Member) -> None:
    with time_machine.travel(START, tick=False):
        for _ in range(login_limits.FREE_FAILURES + 3):
            log_in(ATTACKER, WRONG)
        assert not signed_in(log_in(ATTACKER, MEMBER_PASSWORD)), "the guesser's address waits"
        assert signed_in(log_in(OWNER, MEMBER_PASSWORD)), "the member, elsewhere, does not"


def test_the_waits_grow_and_admit_one_try_each(member: Member) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(login_limits.FREE_FAILURES):
            assert "not correct" in log_in(ATTACKER, WRONG).content.decode()
        # The right password during the wait gets the wrong-password answer: nothing tells.
        held = log_in(ATTACKER, MEMBER_PASSWORD)
        assert held.status_code == 200 and "not correct" in held.content.decode()
        assert "Too many" not in held.content.decode()
        traveller.shift(login_limits.DELAY_FIRST)
        log_in(ATTACKER, WRONG)  # judged: the sixth failure, now the wait doubles
        traveller.shift(login_limits.DELAY_FIRST)
        assert not signed_in(log_in(ATTACKER, MEMBER_PASSWORD)), "a minute is not enough now"
        traveller.shift(login_limits.DELAY_FIRST)
        assert signed_in(log_in(ATTACKER, MEMBER_PASSWORD)), "after two minutes, one try is judged"


def test_a_held_back_try_is_recorded_as_a_failed_sign_in(member: Member) -> None:
    with time_machine.travel(START, tick=False):
        for _ in range(login_limits.FREE_FAILURES):
            log_in(ATTACKER, WRONG)
        log_in(ATTACKER, MEMBER_PASSWORD)
    failed = AuditEvent.objects.filter(action=SIGN_IN_FAILED, member=member).count()
    assert failed == login_limits.FREE_FAILURES + 1
    assert not AuditEvent.objects.filter(action=SIGN_IN).exists()


def test_guessing_from_many_addresses_stops_at_the_daily_ceiling(member: Member) -> None:
    # NIST SP 800-63B §5.2.2: at most 100 consecutive failures on one account.
    per_address = login_limits.FREE_FAILURES
    addresses = [f"192.0.2.{n}" for n in range(login_limits.USERNAME_FAILURES_PER_DAY // per_address)]
    with time_machine.travel(START, tick=False) as traveller:
        for address in addresses:
            for _ in range(per_address):
                log_in(address, WRONG)
        assert not signed_in(log_in(OWNER, MEMBER_PASSWORD)), "past the ceiling nobody gets in"
        traveller.shift(datetime.timedelta(days=1))
        assert signed_in(log_in(OWNER, MEMBER_PASSWORD)), "the next day the member does"


def test_a_successful_log_in_starts_the_count_again(member: Member) -> None:
    with time_machine.travel(START, tick=False):
        for address in [f"192.0.2.{n}" for n in range(19)]:
            for _ in range(login_limits.FREE_FAILURES):
                log_in(address, WRONG)
        assert signed_in(log_in(OWNER, MEMBER_PASSWORD))
        for _ in range(login_limits.FREE_FAILURES):
            log_in("192.0.2.200", WRONG)
        assert signed_in(log_in(OWNER, MEMBER_PASSWORD)), "95 + 5 failures, but not consecutive"


def test_a_password_reset_lifts_the_ceiling(member: Member) -> None:
    from members.recovery import password_reset

    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    with time_machine.travel(START, tick=False):
        for address in [f"192.0.2.{n}" for n in range(20)]:
            for _ in range(login_limits.FREE_FAILURES):
                log_in(address, WRONG)
        client = Client()
        client.post(RECOVER, details(member, False, True))
        from members.codes import code_issue
        from members.models import CodePurpose, RecoveryRequest

        recovery = RecoveryRequest.objects.get()
        issued = code_issue(
            member=member, purpose=CodePurpose.PASSWORD_RESET, email="jose@example.com", recovery=recovery
        )
        password_reset(recovery_id=recovery.pk, code=issued.code, new_password="quartz meadow lantern 88")
        assert signed_in(log_in(OWNER, "quartz meadow lantern 88"))


def test_too_many_failures_from_one_address_get_the_portals_429_page(make_member, db: None) -> None:  # type: ignore[no-untyped-def]
    with time_machine.travel(START, tick=False):
        for n in range(login_limits.ADDRESS_FAILURES):
            log_in(ATTACKER, WRONG, username=f"someone{n}")
        response = log_in(ATTACKER, WRONG, username="someone.else", language="es")
        other = log_in(OWNER, WRONG, username="someone.else")
    assert response.status_code == 429
    # The 15-minute window started at 16:00:00; it is 16:00:30.
    assert response["Retry-After"] == str(15 * 60 - 30)
    html = response.content.decode()
    assert html.count("<h1") == 1 and '<html lang="es"' in html
    assert "Demasiados intentos" in html and "15 minutos" in html
    assert 'href="/accounts/recover/"' in html and response["X-Request-ID"] in html
    assert other.status_code == 200, "another address is not affected"


def test_allauths_own_rate_limit_page_is_the_portals(rf, db: None) -> None:  # type: ignore[no-untyped-def]
    from allauth.core.internal.ratelimit import respond_429
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/accounts/login/")
    request.user = AnonymousUser()
    request.allauth = type("Allauth", (), {})()
    html = respond_429(request).content.decode()
    assert "<h1>Too many tries</h1>" in html and "try again in a few minutes" in html


def test_a_deactivated_account_answers_like_a_wrong_password(member: Member) -> None:
    assert member.user is not None
    member.user.is_active = False
    member.user.save()
    right = log_in(OWNER, MEMBER_PASSWORD)
    wrong = log_in(OWNER, WRONG)
    assert right.status_code == wrong.status_code == 200, "no redirect to /accounts/inactive/"
    strip = re.compile(r'value="[^"]*"')
    assert strip.sub("", right.content.decode()) == strip.sub("", wrong.content.decode())


def test_every_answer_costs_one_password_hash(settings, make_member) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["tests.members.flows.CountingHasher"]
    member = make_member()
    member.user = User.objects.create_user(username="timing.test", password=MEMBER_PASSWORD)
    member.save()
    inactive = make_member()
    inactive.user = User.objects.create_user(username="gone.away", password=MEMBER_PASSWORD, is_active=False)
    inactive.save()
    with time_machine.travel(START, tick=False):
        assert hashes_for(Client(), "gone.away", MEMBER_PASSWORD) == 1
        for _ in range(login_limits.FREE_FAILURES):
            hashes_for(Client(), "timing.test", "a wrong password entirely")
        assert hashes_for(Client(), "timing.test", MEMBER_PASSWORD) == 1, "held back, and hashed all the same"
        assert hashes_for(Client(), "timing.test", "a wrong password entirely") == 1
    assert CountingHasher.computed == 1


class SlowHasher(PBKDF2PasswordHasher):
    """A real key-stretching hasher, cheap enough for a test (what makes a log-in slow)."""

    iterations = 40_000


def test_a_held_back_try_takes_as_long_as_a_wrong_password(settings, make_member) -> None:  # type: ignore[no-untyped-def]
    # The review: a locked account answered in 8-13 ms, a wrong password in about 300.
    settings.PASSWORD_HASHERS = [f"{__name__}.SlowHasher"]
    held, wrong = make_member(), make_member()
    held.user = User.objects.create_user(username="held.back", password=MEMBER_PASSWORD)
    wrong.user = User.objects.create_user(username="only.wrong", password=MEMBER_PASSWORD)
    held.save()
    wrong.save()
    with time_machine.travel(START, tick=False):
        for _ in range(login_limits.FREE_FAILURES):
            log_in(ATTACKER, WRONG, username="held.back")
        ratios = []
        for n in range(15):
            started = time.perf_counter()
            log_in(ATTACKER, WRONG, username="held.back")
            a = time.perf_counter() - started
            started = time.perf_counter()
            log_in(f"192.0.2.{n}", WRONG, username="only.wrong")
            b = time.perf_counter() - started
            ratios.append(a / b)
    ratio = statistics.median(ratios)
    print(f"held back / wrong password: median ratio {ratio:.3f}")
    assert 1 / 1.25 < ratio < 1.25
