"""The results file: a Markdown table per measurement, with the machine it ran on."""

# The bench runs fixed local programs (wrk, gunicorn, psql, manage.py) with arguments it builds.
# ruff: noqa: S607

import os
import platform
import re
import subprocess
from pathlib import Path


def machine() -> list[str]:
    """nproc, CPU model, memory, load, and the PostgreSQL and Python versions."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    meminfo = Path("/proc/meminfo").read_text()
    total = re.search(r"MemTotal:\s+(\d+)", meminfo)
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "SHOW server_version"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    load = os.getloadavg()
    return [
        f"- CPUs: {os.cpu_count()} x {model.group(1).strip() if model else 'unknown'}",
        f"- Memory: {int(total.group(1)) / 1024 / 1024:.1f} GiB" if total else "- Memory: unknown",
        f"- PostgreSQL {postgres}, Python {platform.python_version()}, {platform.platform()}",
        f"- Load average when the report was written: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    ]


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    aligns = ["---" if index == 0 else "---:" for index in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")
