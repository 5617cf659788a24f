"""Measurements other than throughput: queries per page, search SQL, the password hasher, PDFs,
sign-up end to end, log-in timing, and page weight.

Everything here runs in the bench process after django_setup(), against the same database and
Redis db as the gunicorn under test.
"""

# The bench runs fixed local programs (wrk, gunicorn, psql, manage.py) with arguments it builds.
# ruff: noqa: S603

import gzip
import re
import statistics
import subprocess
import time
from dataclasses import dataclass
from typing import Any, cast

from bench.database import BENCH_PASSWORD, PYTHON, ROOT
from bench.load import Browser


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def query_counts(paths: dict[str, str], *, username: str) -> dict[str, int]:
    """Queries each page makes for a logged-in member, in steady state (the second request)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from members.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=username))
    counts = {}
    for name, path in paths.items():
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        counts[name] = len(captured.captured_queries)
    return counts


SEARCHES: dict[str, dict[str, str]] = {
    "last name, 1 letter (m)": {"last_name": "m"},
    "last name, 2 letters, common (ma)": {"last_name": "ma"},
    "last name, 3 letters, common (mar)": {"last_name": "mar"},
    "last name, 2 letters, rare (ya)": {"last_name": "ya"},
    "last name, 3 letters, rare (xio)": {"last_name": "xio"},
    "first name, 2 letters (ma)": {"first_name": "ma"},
    "ZIP code (93901)": {"zip_code": "93901"},
    "county, large (Monterey)": {"county": "Monterey"},
    "county, small (Mariposa)": {"county": "Mariposa"},
    "last name + county (ga, Merced)": {"last_name": "ga", "county": "Merced"},
}


@dataclass(frozen=True)
class SqlTiming:
    p50_ms: float
    p95_ms: float
    plan: str


def pcp_search_sql(runs: int = 60) -> dict[str, SqlTiming]:
    """The results page's one statement (first page: 21 rows, the count, the member's current PCP)
    as the page runs it, for a bench member, timed on the server side of psycopg."""
    from django.db import connection

    from members.models import Member
    from portal.clock import plan_today
    from providers.selectors import pcp_search, search_page_query
    from providers.views import PAGE_SIZE

    # A member of the bench's, as the page has one (the current PCP rides in the statement).
    member = Member.objects.filter(user__isnull=False).order_by("pk")[0]

    timings = {}
    with connection.cursor() as cursor:
        for name, fields in SEARCHES.items():
            page = search_page_query(
                pcp_search(**cast("dict[str, Any]", fields)),
                member=member,
                today=plan_today(),
                offset=0,
                size=PAGE_SIZE,
            )
            sql, params = page.query.sql_with_params()
            seconds = []
            for _ in range(runs):
                started = time.perf_counter()
                cursor.execute(sql, params)
                cursor.fetchall()
                seconds.append(time.perf_counter() - started)
            cursor.execute("EXPLAIN " + sql, params)
            plan = " / ".join(row[0].strip() for row in cursor.fetchall()[:3])
            ms = [s * 1000 for s in seconds[5:]]
            timings[name] = SqlTiming(p50_ms=statistics.median(ms), p95_ms=percentile(ms, 0.95), plan=plan)
    return timings


def hash_seconds(runs: int = 5) -> float:
    """Median time of one make_password with the configured hasher."""
    from django.contrib.auth.hashers import make_password

    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        make_password(BENCH_PASSWORD)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def hasher_name() -> str:
    from django.contrib.auth.hashers import get_hasher

    hasher: Any = get_hasher()
    iterations = getattr(hasher, "iterations", None)
    return f"{hasher.algorithm}" + (f" ({iterations:,} iterations)" if iterations else "")


PDF_PROBE = """
import json, os, statistics, sys, time
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.template.loader import render_to_string
from members.models import User
from portal.clock import plan_today
started = time.perf_counter()
import portal.pdf as pdf
import_s = time.perf_counter() - started
import weasyprint
from idcards.cards import id_card_for
member = User.objects.get(username=sys.argv[1]).member
html = render_to_string("idcards/card_pdf.html", {"card": id_card_for(member, plan_today())})
def timed(fn):
    started = time.perf_counter(); fn(); return time.perf_counter() - started
base = pdf.static_base_url()
first = timed(lambda: pdf.html_to_pdf(html))
warm = [timed(lambda: pdf.html_to_pdf(html)) for _ in range(6)]
bare = [timed(lambda: weasyprint.HTML(string=html, base_url=base).write_pdf(pdf_variant="pdf/ua-1"))
        for _ in range(6)]
print(json.dumps({"import": import_s, "first": first, "warm": statistics.median(warm),
                  "bare": statistics.median(bare)}))
"""


def pdf_in_process(env: dict[str, str], *, username: str) -> dict[str, float]:
    """In a fresh process: importing portal.pdf, the first render, warm renders, bare WeasyPrint."""
    import json

    out = subprocess.run(
        [PYTHON, "-c", PDF_PROBE, username], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def forget_stored_pdf(username: str) -> None:
    from idcards.models import IdCardPdf

    IdCardPdf.objects.filter(member__user__username=username).delete()


def pdf_over_http(port: int, *, username: str, renders: int = 5) -> dict[str, float]:
    """Seconds for the PDF over HTTP: the first request a fresh worker serves (a fresh render),
    further fresh renders, and repeated prints of the unchanged card."""
    browser = Browser(port)
    forget_stored_pdf(username)
    # Log in on the same single worker: the log-in is not the first request, so it is timed below.
    first_request = browser.get("/accounts/login/")
    browser.post("/accounts/login/", {"login": username, "password": BENCH_PASSWORD})
    forget_stored_pdf(username)
    first = browser.get("/profile/id-cards/print/")
    fresh = []
    for _ in range(renders):
        forget_stored_pdf(username)
        fresh.append(browser.get("/profile/id-cards/print/").seconds)
    stored = [browser.get("/profile/id-cards/print/").seconds for _ in range(renders * 4)]
    return {
        "first_request_any_page": first_request.seconds,
        "first_pdf": first.seconds,
        "fresh_pdf": statistics.median(fresh),
        "stored_pdf": statistics.median(stored),
        "pdf_bytes": float(len(first.body)),
    }


def signup_end_to_end(port: int) -> dict[str, float]:
    """Create Account → code from the outbox → VERIFY → first log-in, through HTTP, in seconds."""
    from django.db.models import Exists, OuterRef

    from members.models import Member, User
    from outbox.models import Email
    from providers.models import PcpAssignment

    member = (
        Member.objects.filter(user__isnull=True, date_of_birth__year__lte=2000)
        .filter(Exists(PcpAssignment.objects.filter(member=OuterRef("pk"))))
        .exclude(member_id__startswith="DEMO")
        .order_by("-pk")
        .first()
    )
    if member is None:
        raise RuntimeError("no member left without an account")
    username = f"bench-signup-{member.pk}"
    browser = Browser(port)
    started = time.perf_counter()
    browser.get("/accounts/create/")
    form = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "date_of_birth": member.date_of_birth.isoformat(),
        "member_id": member.member_id,
        "email": f"{username}@example.com",
        "email_again": f"{username}@example.com",
        "cell_phone": "",
        "username": username,
        "password": BENCH_PASSWORD,
        "password_again": BENCH_PASSWORD,
        "agree_terms": "on",
    }
    created = browser.post("/accounts/create/", form)
    if created.status != 302:
        raise RuntimeError(f"Create Account answered {created.status}")
    signup_s = time.perf_counter() - started
    email = Email.objects.filter(member=member).order_by("-id").first()
    code = re.search(r"\b(\d{6})\b", email.body_text if email else "")
    if code is None:
        raise RuntimeError("no verification code in the outbox")
    started = time.perf_counter()
    browser.get("/accounts/create/verify/")
    verified = browser.post("/accounts/create/verify/", {"code": code.group(1)})
    if not User.objects.filter(username=username).exists():
        raise RuntimeError(f"VERIFY answered {verified.status} and made no account")
    verify_s = time.perf_counter() - started
    started = time.perf_counter()
    browser.log_in(username, BENCH_PASSWORD)
    home = browser.get("/")
    if home.status != 200:
        raise RuntimeError(f"home after first log-in answered {home.status}")
    login_s = time.perf_counter() - started
    return {"signup": signup_s, "verify": verify_s, "first_login": login_s}


def login_timings(port: int, *, username: str, tries: int = 3) -> dict[str, float]:
    """Median seconds of a successful log-in, a wrong password and an unknown username.

    Few tries: failed log-ins are rate limited (5 per username, 30 per address in 15 minutes).
    """

    def attempt(login: str, password: str) -> float:
        browser = Browser(port)
        browser.get("/accounts/login/")
        return browser.post("/accounts/login/", {"login": login, "password": password}).seconds

    ok = [attempt(username, BENCH_PASSWORD) for _ in range(tries)]
    wrong = [attempt(username, BENCH_PASSWORD + "x") for _ in range(tries)]
    unknown = [attempt(f"nobody-{n}-{time.time_ns()}", BENCH_PASSWORD) for n in range(tries)]
    return {
        "ok": statistics.median(ok),
        "wrong": statistics.median(wrong),
        "unknown": statistics.median(unknown),
    }


@dataclass(frozen=True)
class Weight:
    html_gzip: int
    assets_gzip: int
    assets: list[tuple[str, int, str]]  # (url, bytes on the wire, Cache-Control)

    @property
    def total(self) -> int:
        return self.html_gzip + self.assets_gzip


ASSET = re.compile(r"""(?:href|src)="(/static/[^"]+)\"""")


def page_weight(port: int, path: str, cookie: str | None) -> Weight:
    """First view of `path`: its HTML gzipped (as a compressing proxy would send it) plus every
    linked static asset as WhiteNoise sends it to a browser that accepts gzip."""
    browser = Browser(port)
    headers = {"Cookie": cookie} if cookie else {}
    page = browser.get(path, headers=headers)
    html_gzip = len(gzip.compress(page.body, compresslevel=6))
    assets = []
    for url in sorted(set(ASSET.findall(page.body.decode()))):
        asset = Browser(port).get(url, headers={"Accept-Encoding": "gzip"})
        assets.append((url, len(asset.body), asset.headers.get("cache-control", "")))
        # Fonts or images a stylesheet pulls in count too.
        if url.endswith(".css"):
            css = asset.body
            if asset.headers.get("content-encoding") == "gzip":
                css = gzip.decompress(css)
            for ref in re.findall(rb"url\(['\"]?([^'\")]+)", css):
                if ref.startswith(b"data:"):
                    continue
                target = "/static/" + ref.decode().lstrip("./") if not ref.startswith(b"/") else ref.decode()
                sub = Browser(port).get(target, headers={"Accept-Encoding": "gzip"})
                assets.append((target, len(sub.body), sub.headers.get("cache-control", "")))
    return Weight(html_gzip=html_gzip, assets_gzip=sum(size for _, size, _ in assets), assets=assets)


def lighthouse(url: str, cookie: str | None) -> float | None:
    """Lighthouse's mobile performance score (0 to 100), or None if it could not run."""
    import json

    command = [
        "npx",
        "--yes",
        "lighthouse@12",
        url,
        "--chrome-path=/usr/bin/chromium",
        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
        "--only-categories=performance",
        "--form-factor=mobile",
        "--output=json",
        "--quiet",
    ]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout
        score = json.loads(out)["categories"]["performance"]["score"]
    except (subprocess.SubprocessError, OSError, ValueError, KeyError):
        return None
    return float(score) * 100 if score is not None else None
