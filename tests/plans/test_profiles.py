"""Plan profiles: the four shipped ones load, and a bad one is refused naming the file and the field."""

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings

from portal.languages import PORTAL_LANGUAGES
from portal.plans import (
    MINIMUM_CONTRAST,
    PLANS_DIR,
    PlanProfileError,
    check_features,
    contrast_ratio,
    load_plan,
)
from portal.registry import known_features

ProfileCopy = tuple[Path, Callable[[str, str], str]]
PROFILES = ["alliance", "totalcare", "masshealth", "demo"]
CODES = [code for code, _ in PORTAL_LANGUAGES]


def load(name: str):  # type: ignore[no-untyped-def]
    return load_plan(name, known_languages=CODES)


@pytest.fixture
def profile_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A copy of the Alliance profile to break one field at a time; returns (folder, edit)."""
    folder = tmp_path / "broken"
    shutil.copytree(PLANS_DIR / "alliance", folder)
    plan_toml = folder / "plan.toml"

    def edit(old: str, new: str) -> str:
        text = plan_toml.read_text()
        assert old in text
        plan_toml.write_text(text.replace(old, new))
        return str(folder)

    return folder, edit


@pytest.mark.parametrize("name", PROFILES)
def test_each_shipped_profile_loads_with_its_features_known(name: str) -> None:
    plan = load(name)
    check_features(plan, known_features())
    assert plan.key == name


@pytest.mark.parametrize("name", PROFILES)
def test_each_profiles_colours_have_readable_text(name: str) -> None:
    brand = load(name).brand
    assert contrast_ratio(brand.on_primary, brand.primary) >= MINIMUM_CONTRAST
    assert contrast_ratio(brand.accent, "#ffffff") >= MINIMUM_CONTRAST


def test_the_profiles_carry_the_seeds_facts() -> None:
    totalcare, masshealth, alliance = load("totalcare"), load("masshealth"), load("alliance")
    assert (totalcare.portal_name, totalcare.member_services.number) == (
        "TotalCare My Health Member Portal",
        "833-530-9015",
    )
    assert totalcare.rules.appeal_window_days == 65
    assert {line.kind: line.number for line in totalcare.other_lines}["hearing_speech"] == "800-735-2929"
    assert (totalcare.hours.opens.hour, totalcare.hours.closes.hour) == (8, 20)
    assert (masshealth.portal_name, masshealth.member_services.number) == ("MyServices", "(800) 841-2900")
    assert masshealth.time_zone == "America/New_York"
    assert set(masshealth.languages) == {"en", "es", "pt-br", "zh-hant", "vi", "ht"}
    assert masshealth.hours.closes.hour == 17
    assert alliance.rules.appeal_window_days == 60  # 42 CFR 438.402's default
    assert (alliance.hours.closes.hour, alliance.hours.closes.minute) == (17, 30)
    assert not any(plan.rules.require_two_factor for plan in (totalcare, masshealth, alliance))


def test_a_profile_can_require_two_factor(profile_copy: ProfileCopy) -> None:
    _folder, edit = profile_copy
    plan = load(edit("minimum_account_age = 18", "minimum_account_age = 18\nrequire_two_factor = true"))
    assert plan.rules.require_two_factor is True


def test_contrast_ratio_is_wcags() -> None:
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('member_services = "800-700-3874"\n', "", "phones.member_services: missing"),
        ('member_services = "800-700-3874"', 'member_services = "call us"', "phones.member_services:"),
        ('on_primary = "#ffffff"', 'on_primary = "#5a8fb4"', "brand.on_primary: contrast"),
        ('primary = "#00558c"', 'primary = "blue"', "brand.primary:"),
        ('languages = ["en", ', 'languages = ["en", "fr", ', "languages: 'fr' has no catalogue"),
        ('time_zone = "America/Los_Angeles"', 'time_zone = "Mars/Olympus"', "time_zone:"),
        ('days = "weekdays"', 'days = "weekends"', "hours.days:"),
        ('closes = "17:30"', 'closes = "half past five"', "hours.closes:"),
        ('sign_in = ["password"]', 'sign_in = ["fingerprint"]', "sign_in:"),
        (
            "minimum_account_age = 18",
            "minimum_account_age = 18\nappeal_windw_days = 60",
            "rules.appeal_windw_days",
        ),
        (
            "minimum_account_age = 18",
            'minimum_account_age = 18\nrequire_two_factor = "yes"',
            "rules.require_two_factor: must be a bool",
        ),
        ("minimum_account_age = 18", "minimum_account_age = true", "rules.minimum_account_age: must be"),
        ('logo = "logo.svg"', 'logo = "missing.svg"', "brand.logo:"),
    ],
)
def test_a_bad_field_is_refused_with_the_file_and_the_field(
    profile_copy: ProfileCopy, old: str, new: str, field: str
) -> None:
    folder, edit = profile_copy
    path = edit(old, new)
    with pytest.raises(PlanProfileError) as refused:
        load(path)
    assert str(refused.value).startswith(f"{folder / 'plan.toml'}: ")
    assert field in str(refused.value)


def test_an_unknown_feature_is_refused_once_the_apps_are_known(profile_copy: ProfileCopy) -> None:
    _folder, edit = profile_copy
    plan = load(edit('"idcards",', '"idcards", "teleportation",'))
    with pytest.raises(PlanProfileError, match=r"plan\.toml: features: 'teleportation' is not a feature"):
        check_features(plan, known_features())


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('member_services = "800-700-3874"\n', "", "phones.member_services: missing"),
        ('"idcards",', '"idcards", "teleportation",', "features: 'teleportation' is not a feature"),
    ],
)
def test_start_up_stops_with_one_line_naming_the_file_and_field(
    profile_copy: ProfileCopy, old: str, new: str, says: str
) -> None:
    folder, edit = profile_copy
    env = {**os.environ, "PORTAL_PLAN": edit(old, new), "DATABASE_URL": "sqlite:///:memory:"}
    started = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert started.returncode == 1
    lines = started.stderr.strip().splitlines()
    assert lines == [f"Plan profile: {folder / 'plan.toml'}: {lines[0].split(': ', 2)[2]}"]
    assert says in lines[0]
