"""Running manage.py in a process of its own with production's environment, for the tests of
the settings and of what production answers (plain helpers)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def production_env(**overrides: str) -> dict[str, str]:
    """This process's environment (so DATABASE_URL and REDIS_URL are the tests'), made production."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "EMAIL_HOST", "SECURE_SSL_REDIRECT", "SITE_URL"}
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        EMAIL_HOST="smtp.example.org",
        SITE_URL="https://portal.example.org",
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    # Production needs both (the tests' own, when set); nothing here connects to them.
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
    env.update(overrides)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
