"""Production configuration: environment only, `check --deploy` clean, and loud failures on bad values."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list
from tests.production import production_env, run


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output


@pytest.mark.parametrize("missing", ["SECRET_KEY", "EMAIL_HOST", "SITE_URL", "DATABASE_URL", "REDIS_URL"])
@pytest.mark.parametrize("how", ["unset", "empty"])
def test_production_without_a_required_setting_refuses_to_start(missing: str, how: str) -> None:
    env = production_env()
    if how == "unset":
        del env[missing]
    else:
        env[missing] = ""
    result = run(["-c", "import portal.settings"], env)
    assert result.returncode != 0
    # The traceback ends with one line that names what is missing.
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: " + missing), last_line


def test_production_refuses_a_database_other_than_postgresql() -> None:
    result = run(
        ["-c", "import portal.settings"], production_env(DATABASE_URL="sqlite:///var/portal.sqlite3")
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: "
        "DATABASE_URL must name a PostgreSQL database when DEBUG is off."
    )


def test_development_needs_nothing_set() -> None:
    env = {
        key: value
        for key, value in production_env().items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}
    }
    code = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.CELERY_TASK_ALWAYS_EAGER]))"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        True,
    ]


def test_a_misspelt_boolean_stops_the_settings_loading() -> None:
    result = run(["-c", "import portal.settings"], production_env(DEBUG="flase"))
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("yes", True), ("0", False), ("off", False)]
)
def test_env_bool_reads_the_usual_spellings(
    monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool
) -> None:
    monkeypatch.setenv("PORTAL_TEST_FLAG", raw)
    assert env_bool("PORTAL_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("raw", ["maybe", "2", "y e s"])
def test_env_bool_rejects_anything_else(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("PORTAL_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_FLAG"):
        env_bool("PORTAL_TEST_FLAG", True)


def test_env_int_reads_numbers_and_rejects_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_TEST_INT", raising=False)
    assert env_int("PORTAL_TEST_INT", 6) == 6
    monkeypatch.setenv("PORTAL_TEST_INT", "12")
    assert env_int("PORTAL_TEST_INT", 6) == 12
    for bad in ("twelve", "1.5", "12s"):
        monkeypatch.setenv("PORTAL_TEST_INT", bad)
        with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_INT"):
            env_int("PORTAL_TEST_INT", 6)


def test_env_list_splits_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_TEST_HOSTS", " portal.example.org, ,www.example.org ")
    assert env_list("PORTAL_TEST_HOSTS", []) == ["portal.example.org", "www.example.org"]
