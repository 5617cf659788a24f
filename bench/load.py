"""The server under test and the load on it: gunicorn, a tiny HTTP client, and wrk.

gunicorn runs the portal's WSGI app with sync workers (one request at a time each); wrk runs in
its own process on the same machine and reports throughput and latency percentiles through
bench/wrk/*.lua.
"""

# The bench runs fixed local programs (wrk, gunicorn, psql, manage.py) with arguments it builds.
# ruff: noqa: S603, S607

import http.client
import json
import re
import signal
import socket
import subprocess
import time
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

from bench.database import ROOT

WRK_DIR = Path(__file__).resolve().parent / "wrk"
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def gunicorn_command(app: str, *, port: int, workers: int) -> list[str]:
    """The command line of a server under test: `workers` sync workers of one thread each."""
    return [
        GUNICORN,
        app,
        "--workers",
        str(workers),
        "--threads",
        "1",
        "--bind",
        f"127.0.0.1:{port}",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
        # gunicorn's control socket defaults to one path per user ($XDG_RUNTIME_DIR or
        # ~/.gunicorn/gunicorn.ctl), which each new master unlinks and takes over: the bench's
        # servers, the browser tests' and a developer's own would remove each other's.
        "--no-control-socket",
    ]


class Server:
    """A gunicorn master with `workers` sync workers on 127.0.0.1:`port`."""

    def __init__(self, env: dict[str, str], *, port: int, workers: int, app: str = "portal.wsgi") -> None:
        self.port = port
        self.process = subprocess.Popen(gunicorn_command(app, port=port, workers=workers), cwd=ROOT, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            self.stop()
            raise RuntimeError(f"gunicorn did not start on port {port}")
        time.sleep(0.5)  # the workers boot after the master binds

    def worker_pids(self) -> list[int]:
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        ).stdout
        return [int(pid) for pid in out.split()]

    def worker_memory_kib(self) -> list[tuple[int, int]]:
        """(VmRSS, VmHWM) of each worker in KiB."""
        result = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            result.append((rss, hwm))
        return result

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


class Browser:
    """Just enough of a browser for the bench: cookies (Secure ones too, on plain HTTP), forms."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        conn.request(method, path, body=body, headers=sent)
        raw = conn.getresponse()
        data = raw.read()
        seconds = time.perf_counter() - started
        conn.close()
        for header in raw.msg.get_all("Set-Cookie") or []:
            cookie: SimpleCookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data, seconds)

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, form: dict[str, str]) -> Response:
        form = {"csrfmiddlewaretoken": self.csrf_token(), **form}
        return self.request("POST", path, form=form)

    def csrf_cookie_name(self) -> str:
        return next(name for name in self.cookies if name.endswith("csrftoken"))

    def csrf_token(self) -> str:
        return self.cookies[self.csrf_cookie_name()]

    def session_cookie(self) -> str:
        name = next(name for name in self.cookies if name.endswith("sessionid"))
        return f"{name}={self.cookies[name]}"

    def log_in(self, username: str, password: str) -> Response:
        self.get("/accounts/login/")
        response = self.post("/accounts/login/", {"login": username, "password": password})
        if response.status != 302:
            raise RuntimeError(f"log-in as {username} answered {response.status}")
        return response


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p90_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk(
    url: str,
    *,
    script: str = "page.lua",
    seconds: int,
    connections: int,
    env: dict[str, str] | None = None,
) -> LoadResult:
    """Run wrk against `url` for `seconds` with one thread and `connections` connections."""
    completed = subprocess.run(
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "30s",
            "--script",
            str(WRK_DIR / script),
            url,
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        check=True,
    )
    line = next(line for line in completed.stdout.splitlines() if line.startswith("{"))
    data = json.loads(line)
    errors = sum(data[key] for key in data if key.startswith("errors_"))
    return LoadResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        errors=errors,
        p50_ms=data["p50"] / 1000,
        p90_ms=data["p90"] / 1000,
        p95_ms=data["p95"] / 1000,
        p99_ms=data["p99"] / 1000,
    )
