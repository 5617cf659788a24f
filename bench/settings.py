"""The portal's settings, plus the benchmark's floor page at /floor/ (bench/urls.py)."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
