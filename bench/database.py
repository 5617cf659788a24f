"""The benchmark's database and accounts: migrate, seed at the requested size, bench members.

The bench runs the portal with production settings (DEBUG=0) against its own PostgreSQL
database and Redis db, so it never touches a developer's data. The same environment is used
in this process (for query counts, SQL timings and reading verification codes) and by gunicorn.
"""

# The bench runs fixed local programs (wrk, gunicorn, psql, manage.py) with arguments it builds.
# ruff: noqa: S603

import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
# BENCH_DB / BENCH_REDIS_URL let a second checkout try the bench without sharing the first's data.
BENCH_DB = os.environ.get("BENCH_DB", "portal_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
# Emails stay queued in the outbox: nothing listens on this port and no Celery worker runs.
DEAD_SMTP_PORT = "2"

BENCH_USERS = 8
BENCH_USERNAME = "bench-{:02d}"
# Bench data only: the password of the seeded members the load generator logs in as.
BENCH_PASSWORD = "bench-member-2026!"  # noqa: S105


def bench_env(*, port: int, database: str = BENCH_DB) -> dict[str, str]:
    """The environment of a production deployment on plain HTTP at 127.0.0.1:`port`."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=DEAD_SMTP_PORT,
        EMAIL_USE_TLS="0",
        EMAIL_TIMEOUT="1",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        REDIS_URL=REDIS_URL,
        DATABASE_URL=f"{PG_SERVER}/{database}",
        LOG_LEVEL="WARNING",
    )
    env["BENCH_SECRET_KEY"] = env["SECRET_KEY"]
    return env


def manage(env: dict[str, str], *args: str) -> float:
    """Run a manage.py command in its own process; the wall-clock seconds it took."""
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def django_setup(env: dict[str, str]) -> None:
    """Configure Django in this process with the bench environment."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_database(name: str) -> None:
    """Create database `name` if it does not exist."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def vacuum_and_analyze(tables: Iterable[str]) -> None:
    """VACUUM (ANALYZE) each table, in this process's Django connection (in autocommit, as
    VACUUM needs), then CHECKPOINT: what the writes left in PostgreSQL's buffers is written out
    now, not while the first pages are measured."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in sorted(set(tables)):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(table)}")
        cursor.execute("CHECKPOINT")


def drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass(frozen=True)
class SeedOutcome:
    reused: bool
    seconds: float | None
    rows: int


def ensure_seeded(env: dict[str, str], *, members: int, providers: int) -> SeedOutcome:
    """Migrate, then seed unless the database already holds exactly this many members and providers.

    Runs in this process after django_setup(env).
    """
    from members.models import Member
    from providers.models import Provider

    manage(env, "migrate", "--no-input", "--verbosity", "0")
    have_members, have_providers = Member.objects.count(), Provider.objects.count()
    if (have_members, have_providers) == (members, providers):
        return SeedOutcome(reused=True, seconds=None, rows=0)
    print(f"Seeding {members:,} members and {providers:,} providers (about 2.5 min for a million)…")
    flag = ["--reset"] if have_members or have_providers else []
    seconds = manage(
        env, "seed_demo", *flag, "--members", str(members), "--providers", str(providers), "--verbosity", "1"
    )
    return SeedOutcome(reused=False, seconds=seconds, rows=0)


def bench_members() -> list[str]:
    """Give BENCH_USERS seeded members an account; their usernames.

    They are members with two pages of medical claims (HEAVY_CLAIMS), so the claims pages are
    measured full, spread over the member table (different households); any members when the
    database has too few. The accounts share one password hash, so making them costs one hash.
    """
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from members.models import Member, User

    usernames = [BENCH_USERNAME.format(n + 1) for n in range(BENCH_USERS)]
    existing = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    missing = [name for name in usernames if name not in existing]
    if not missing:
        return usernames
    encoded = make_password(BENCH_PASSWORD)
    candidates = _heavy_claimants() or list(
        Member.objects.filter(user__isnull=True)
        .exclude(member_id__startswith="DEMO")
        .values_list("pk", flat=True)
    )
    step = max(1, len(candidates) // (len(missing) + 1))
    with transaction.atomic():
        for index, username in enumerate(missing):
            member = Member.objects.get(pk=candidates[step * (index + 1)])
            user = User.objects.create(
                username=username,
                password=encoded,
                email=f"{username}@example.com",
                preferred_language="en",
            )
            member.user = user
            member.save(update_fields=["user"])
    return usernames


# Two pages of the Claims list (20 a page).
HEAVY_CLAIMS = 40


def _heavy_claimants() -> list[int]:
    """Members without an account who have at least HEAVY_CLAIMS medical claims, by id; [] if
    there are fewer than twice BENCH_USERS of them."""
    from django.db.models import Count

    from claims.models import Claim

    found: list[int] = list(
        Claim.objects.filter(claim_type="medical", member__user__isnull=True)
        .exclude(member__member_id__startswith="DEMO")
        .values("member")
        .annotate(claims=Count("id"))
        .filter(claims__gte=HEAVY_CLAIMS)
        .order_by("member")
        .values_list("member", flat=True)  # type: ignore[arg-type]
    )
    return found if len(found) >= 2 * BENCH_USERS else []


def member_record_ids(username: str) -> dict[str, object]:
    """Ids of the records of the member whose account is `username` that pages name in their
    paths: the latest medical claim, the newest appeal or grievance, the newest care plan and
    assessment, the longest conversation and a notice. A record the member lacks is left out."""
    from django.db.models import Count

    from appeals.models import Case
    from care.models import Assessment, CarePlan
    from claims.models import Claim
    from documents.models import Notice
    from inbox.models import Thread

    mine = {"member__user__username": username}
    found = {
        "claim": Claim.objects.filter(**mine, claim_type="medical")
        .order_by("-service_from", "-id")
        .values_list("id", flat=True)
        .first(),
        "case": Case.objects.filter(**mine)
        .order_by("-received_at", "-id")
        .values_list("reference", flat=True)
        .first(),
        "care_plan": CarePlan.objects.filter(**mine).order_by("-id").values_list("id", flat=True).first(),
        "assessment": Assessment.objects.filter(**mine).order_by("-id").values_list("id", flat=True).first(),
        "thread": Thread.objects.filter(**mine)
        .annotate(size=Count("messages"))
        .order_by("-size", "-id")
        .values_list("id", flat=True)
        .first(),
        "notice": Notice.objects.filter(**mine).order_by("-id").values_list("id", flat=True).first(),
    }
    return {name: value for name, value in found.items() if value is not None}
