"""Production configuration: environment only, `check --deploy` clean, and loud failures on bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list
from tests.production import production_env, run


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output


@pytest.mark.parametrize("missing", ["SECRET_KEY", "EMAIL_HOST", "SITE_URL"])
def test_production_without_a_required_setting_refuses_to_start(missing: str) -> None:
    env = production_env()
    del env[missing]
    result = run(["-c", "import portal.settings"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


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
