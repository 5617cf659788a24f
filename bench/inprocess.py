"""Where a page's milliseconds go, in-process (docs/performance.md, "What bounds the pages").

    .venv/bin/python bench/inprocess.py /floor/ / /claims/medical/        # ms per request, queries
    .venv/bin/python bench/inprocess.py / --cprofile 25                  # and the top 25 functions
    .venv/bin/python bench/inprocess.py /floor/ --without-middleware \
        portal.no_store.NoStoreForSignedInMiddleware        # the floor without one middleware

Runs each path through Django's test client with the bench's production settings (DEBUG=0,
sessions in Redis, the bench database as the last `make bench` left it), signed in as the first
bench member, a few hundred times after a warm-up; prints the median and p90 per request, the
median CPU time of this process per request (what the stack costs, whatever else the machine is
doing), and the queries with their time. DATABASE_HEALTH_CHECK_IDLE=0 in the environment gives
Django's health check before every request. Use BENCH_DB to point at
another database (a `--quick` one seeded with bench/run.py --quick).
"""

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.database import BENCH_DB, bench_env, bench_members, django_setup


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="Print the top N functions.")
    parser.add_argument("--member", type=int, default=1, help="Which bench member (1-8) to sign in as.")
    parser.add_argument("--queries", action="store_true", help="Print each query with its time.")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime).")
    parser.add_argument(
        "--without-middleware", action="append", default=[], help="Leave this middleware out (repeatable)."
    )
    return parser.parse_args()


def _timed(into: list[tuple[float, str]]) -> Callable[..., Any]:
    """A connection.execute_wrapper timing each query, from the ORM handing over the SQL to the
    rows coming back."""

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            into.append((time.perf_counter() - started, sql))

    return wrapper


def signed_in_client(member: int = 1) -> Any:
    """A test client signed in as bench member `member` (1-8); Django must be set up."""
    from django.test import Client

    from members.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(username=bench_members()[member - 1]))
    return client


def fetched(client: Any, path: str) -> Any:
    """The response to a GET of `path`, its body read whole as a browser would: a streamed one
    (the claims CSV) does its reads and writes only while it is read."""
    response = client.get(path)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def timed_get(client: Any, path: str) -> tuple[float, float]:
    """One request with what Django's handler does around it and its test client leaves out
    (the connection's age and health check, portal/postgresql/base.py): its wall-clock and this
    process's CPU seconds."""
    from django.db import close_old_connections

    started, started_cpu = time.perf_counter(), time.process_time()
    close_old_connections()
    fetched(client, path)
    close_old_connections()
    return time.perf_counter() - started, time.process_time() - started_cpu


def main() -> None:
    args = parse_args()
    env = bench_env(port=8731, database=BENCH_DB)
    django_setup(env)
    from django.conf import settings
    from django.db import connection

    if args.without_middleware:
        settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name not in args.without_middleware]
    client = signed_in_client(args.member)
    for path in args.paths:
        for _ in range(20):
            response = fetched(client, path)
        if response.status_code != 200:
            print(f"{path}: answered {response.status_code}, not measured")
            continue
        queries: list[tuple[float, str]] = []
        with connection.execute_wrapper(_timed(queries)):
            fetched(client, path)
        times, cpu = [], []
        profiler = cProfile.Profile() if args.cprofile else None
        for _ in range(args.requests):
            if profiler:
                profiler.enable()
            wall, used = timed_get(client, path)
            if profiler:
                profiler.disable()
            times.append(wall)
            cpu.append(used)
        times.sort()
        print(
            f"{path}: median {statistics.median(times) * 1000:.2f} ms, "
            f"p90 {times[int(len(times) * 0.9)] * 1000:.2f} ms, "
            f"CPU median {statistics.median(cpu) * 1000:.2f} ms, "
            f"{len(queries)} queries taking {sum(seconds for seconds, _ in queries) * 1000:.2f} ms"
        )
        if args.queries:
            for seconds, sql in queries:
                print(f"  {seconds * 1000:6.2f} ms  {sql[:160]}")
        if profiler:
            pstats.Stats(profiler).strip_dirs().sort_stats(args.sort).print_stats(args.cprofile)


if __name__ == "__main__":
    main()
