"""One setting's two values compared in one process, in alternating blocks of requests, so the
machine's drift falls on both alike (docs/performance.md, the evening of 2026-12-02).

    .venv/bin/python bench/alternate.py /floor/ DATABASE_HEALTH_CHECK_IDLE 0 1

Values are read as Python literals (numbers, True/False), else kept as text. Each request goes
through Django's connection handling as in production (bench/inprocess.py), signed in as the
first bench member of the bench database.
"""

import argparse
import ast
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.database import BENCH_DB, bench_env, django_setup
from bench.inprocess import signed_in_client, timed_get


def literal(text: str) -> object:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path")
    parser.add_argument("setting")
    parser.add_argument("values", nargs=2, type=literal)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--block", type=int, default=50, help="Requests per value per round.")
    args = parser.parse_args()
    django_setup(bench_env(port=8731, database=BENCH_DB))
    from django.conf import settings

    client = signed_in_client()
    for _ in range(50):
        client.get(args.path)
    wall: dict[int, list[float]] = {0: [], 1: []}
    cpu: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(args.rounds):
        for which, value in enumerate(args.values):
            setattr(settings, args.setting, value)
            for _ in range(args.block):
                seconds, used = timed_get(client, args.path)
                wall[which].append(seconds)
                cpu[which].append(used)
    for which, value in enumerate(args.values):
        print(
            f"{args.setting}={value!r}: median {statistics.median(wall[which]) * 1000:.2f} ms, "
            f"CPU median {statistics.median(cpu[which]) * 1000:.2f} ms"
        )


if __name__ == "__main__":
    main()
