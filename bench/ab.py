"""Pages under gunicorn and wrk, from the checkout this runs in, on the bench database: for
comparing two commits in the same minutes (docs/performance.md, "Same conditions"), which a
machine whose speed drifts needs.

    .venv/bin/python bench/ab.py 8762 /floor/ / /claims/medical/      # signed in as bench member 1
    (cd ../other-checkout && .venv/bin/python bench/ab.py 8761 /floor/ /)
    .venv/bin/python bench/ab.py 8771 --bare                            # the bare view

Each path: wrk 2 s unmeasured, then 8 s on 4 connections, 3 sync workers, as `make bench`.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.database import BENCH_DB, BENCH_PASSWORD, bench_env, bench_members, django_setup
from bench.load import Browser, Server, wrk


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("port", type=int)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--bare", action="store_true", help="Measure bench/bare.py instead.")
    args = parser.parse_args()
    env = bench_env(port=args.port, database=BENCH_DB)
    app = "bench.bare:application" if args.bare else "portal.wsgi"
    paths = ["/"] if args.bare else args.paths
    cookie: dict[str, str] = {}
    if not args.bare:
        django_setup(env)
    server = Server(env, port=args.port, workers=3, app=app)
    try:
        if not args.bare:
            browser = Browser(args.port)
            browser.log_in(bench_members()[0], BENCH_PASSWORD)
            cookie = {"BENCH_COOKIES": browser.session_cookie()}
        for path in paths:
            url = f"http://127.0.0.1:{args.port}{path}"
            wrk(url, seconds=2, connections=4, env=cookie)
            result = wrk(url, seconds=8, connections=4, env=cookie)
            name = "bare" if args.bare else path
            print(f"{os.getcwd()} {name}: {result.rps:.0f} req/s, p50 {result.p50_ms:.1f} ms")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
