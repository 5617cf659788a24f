"""Plan profiles: one portal, deployed for each plan with the plan's own name, brand, phones,
hours, time zone, languages, features, sign-in methods and rules.

A profile is data: `plans/<name>/plan.toml` beside its logo (docs/plans.md). `PORTAL_PLAN` names
one of those folders, or the path of a folder elsewhere, so a plan adopting the portal adds its
profile without a code change. Settings load the profile once; a bad one stops start-up with one
line naming the file and the field. Whether a feature named in a profile exists is checked once
the apps are loaded (each app declares its own, portal.registry), in `check_features`.
"""

import datetime
import functools
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import to_locale

from portal.phones import phone_e164

PLANS_DIR = Path(__file__).resolve().parent.parent / "plans"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# Lines a plan may list beside Member Services, each with a label the portal translates.
OTHER_LINE_KINDS = ("language_assistance", "hearing_speech", "nurse_advice")
# When member services answer: the days, as the portal words them in every language.
HOURS_DAYS = ("weekdays", "every_day")
# Sign-in methods: the portal's own usernames and passwords, or an OpenID Connect provider by id.
SIGN_IN_PASSWORD = "password"  # noqa: S105 (a method's name, not a password)
_OIDC = re.compile(r"oidc:[a-z0-9][a-z0-9-]*")
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# A short dialing code such as 711 (TTY relay) is a phone line too.
_SHORT_CODE = re.compile(r"\d{3,4}")
# WCAG 2.2 SC 1.4.3: normal text needs 4.5:1 against its background.
MINIMUM_CONTRAST = 4.5


class PlanProfileError(ValueError):
    """A profile that cannot be served; the message names the file and the field."""


@dataclass(frozen=True)
class Line:
    """A phone line: its number as members dial it, and its TTY."""

    number: str
    tty: str = ""

    @property
    def e164(self) -> str:
        """The number for a tel: link (+18007003874); a short code such as 711 as it is."""
        return phone_e164(self.number) or re.sub(r"\D", "", self.number)


@dataclass(frozen=True)
class OtherLine(Line):
    kind: str = ""


@dataclass(frozen=True)
class Hours:
    days: str
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class Brand:
    primary: str  # the header band and buttons
    on_primary: str  # text on it
    accent: str  # links and focus
    logo: Path


@dataclass(frozen=True)
class Rules:
    """The plan's rules that the portal's named rule functions read (each cites its source)."""

    minimum_account_age: int = 18
    # 42 CFR 438.402(c)(2)(ii): 60 calendar days from the notice of adverse benefit determination.
    appeal_window_days: int = 60
    # 42 CFR 438.408: acknowledge, then resolve; expedited appeals in 72 hours.
    acknowledge_days: int = 5
    appeal_resolution_days: int = 30
    expedited_appeal_hours: int = 72
    grievance_resolution_days: int = 90
    extension_days: int = 14
    # 42 CFR 438.408(f)(2): a State Hearing may be asked for within 120 days of the notice.
    state_hearing_days: int = 120
    # CMS-0057-F prior authorization decision time frames.
    authorization_standard_days: int = 7
    authorization_expedited_hours: int = 72
    # How far back the Claims pages go (the plan's data may hold more; older claims by phone).
    claims_history_months: int = 24
    # Secure messages a member may send in a day (against abuse; the plan's call).
    messages_per_day: int = 20
    # Every member signs in with a second factor: one without any is sent to set one up first.
    require_two_factor: bool = False


@dataclass(frozen=True)
class PlanProfile:
    key: str
    source: Path
    plan_name: str
    portal_name: str
    website: str
    brand: Brand
    member_services: Line
    hours: Hours
    other_lines: tuple[OtherLine, ...]
    time_zone: str
    languages: tuple[str, ...]
    # "*" stands for every feature the installed apps declare (the demo profile).
    features: frozenset[str]
    sign_in: tuple[str, ...]
    rules: Rules

    @functools.cached_property
    def fingerprint(self) -> str:
        """Changes whenever the profile or its logo does: the version in the theme's and logo's URLs."""
        digest = hashlib.sha256(self.source.read_bytes() + self.brand.logo.read_bytes())
        return digest.hexdigest()[:12]

    def has_feature(self, feature: str) -> bool:
        return not feature or "*" in self.features or feature in self.features


def profile_path(name_or_path: str) -> Path:
    """The plan.toml of a profile named in plans/, or of a folder given by its path."""
    folder = Path(name_or_path) if "/" in name_or_path else PLANS_DIR / name_or_path
    return folder / "plan.toml"


class _Reader:
    """Reads one profile's tables, naming the file and the field in every refusal."""

    def __init__(self, path: Path, data: Mapping[str, Any]) -> None:
        self.path, self.data = path, data

    def fail(self, field: str, problem: str) -> PlanProfileError:
        return PlanProfileError(f"{self.path}: {field}: {problem}")

    def get(
        self, field: str, kind: type, *, default: Any = ..., table: Mapping[str, Any] | None = None
    ) -> Any:
        source = self.data if table is None else table
        key = field.rpartition(".")[2]
        if key not in source:
            if default is ...:
                raise self.fail(field, "missing")
            return default
        value = source[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(field, f"must be a {kind.__name__}")
        if isinstance(value, str) and not value.strip():
            raise self.fail(field, "is empty")
        return value

    def phone(self, field: str, table: Mapping[str, Any]) -> str:
        number: str = self.get(field, str, table=table)
        if phone_e164(number) is None and not _SHORT_CODE.fullmatch(number):
            raise self.fail(field, f"{number!r} is not a phone number (800-700-3874)")
        return number

    def colour(self, field: str, table: Mapping[str, Any]) -> str:
        colour: str = self.get(field, str, table=table)
        if not _HEX_COLOUR.fullmatch(colour):
            raise self.fail(field, f"{colour!r} is not a colour (#00558c)")
        return colour.lower()

    def time(self, field: str, table: Mapping[str, Any]) -> datetime.time:
        value = self.get(field, str, table=table)
        try:
            return datetime.time.fromisoformat(value)
        except ValueError:
            raise self.fail(field, f"{value!r} is not a time (08:00)") from None


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def darker(colour: str, factor: float = 0.7) -> str:
    """`colour` darkened toward black (white text on it only gains contrast)."""
    return "#" + "".join(f"{int(int(colour[i : i + 2], 16) * factor):02x}" for i in (1, 3, 5))


def contrast_ratio(first: str, second: str) -> float:
    """WCAG's contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _catalogued(code: str) -> bool:
    """English is the source language; every other needs our catalogue under locale/."""
    return code == "en" or (LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po").is_file()


def load_plan(name_or_path: str, *, known_languages: Iterable[str]) -> PlanProfile:
    """Read and check a profile. Raises PlanProfileError naming the file and the field."""
    path = profile_path(name_or_path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PlanProfileError(f"{path}: no such plan profile (PORTAL_PLAN={name_or_path!r})") from None
    except tomllib.TOMLDecodeError as error:
        raise PlanProfileError(f"{path}: not valid TOML ({error})") from None
    read = _Reader(path, data)

    brand_table = read.get("brand", dict)
    brand = Brand(
        primary=read.colour("brand.primary", brand_table),
        on_primary=read.colour("brand.on_primary", brand_table),
        accent=read.colour("brand.accent", brand_table),
        logo=path.parent / read.get("brand.logo", str, table=brand_table),
    )
    if not brand.logo.is_file():
        raise read.fail("brand.logo", f"no file {brand.logo.name} beside the profile")
    for field, colour, background in (
        ("brand.on_primary", brand.on_primary, brand.primary),
        ("brand.accent", brand.accent, "#ffffff"),
    ):
        ratio = contrast_ratio(colour, background)
        if ratio < MINIMUM_CONTRAST:
            raise read.fail(field, f"contrast {ratio:.2f}:1 against {background}, needs {MINIMUM_CONTRAST}:1")

    phones = read.get("phones", dict)
    member_services = Line(read.phone("phones.member_services", phones), read.phone("phones.tty", phones))
    other_lines = []
    for index, line in enumerate(read.get("phones.other", list, default=[], table=phones)):
        field = f"phones.other[{index}]"
        if not isinstance(line, dict):
            raise read.fail(field, "must be a table")
        kind = read.get(f"{field}.kind", str, table=line)
        if kind not in OTHER_LINE_KINDS:
            raise read.fail(f"{field}.kind", f"{kind!r} is not one of {', '.join(OTHER_LINE_KINDS)}")
        tty = read.phone(f"{field}.tty", line) if "tty" in line else ""
        other_lines.append(OtherLine(read.phone(f"{field}.number", line), tty, kind))

    hours_table = read.get("hours", dict)
    days = read.get("hours.days", str, table=hours_table)
    if days not in HOURS_DAYS:
        raise read.fail("hours.days", f"{days!r} is not one of {', '.join(HOURS_DAYS)}")
    hours = Hours(days, read.time("hours.opens", hours_table), read.time("hours.closes", hours_table))

    time_zone = read.get("time_zone", str)
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise read.fail("time_zone", f"{time_zone!r} is not a time zone (America/New_York)") from None

    known = set(known_languages)
    languages = tuple(read.get("languages", list))
    for code in languages:
        if code not in known or not _catalogued(code):
            raise read.fail("languages", f"{code!r} has no catalogue in locale/")
    if "en" not in languages:
        raise read.fail("languages", "must include 'en' (the portal's source language)")

    sign_in = tuple(read.get("sign_in", list))
    for method in sign_in:
        if method != SIGN_IN_PASSWORD and not _OIDC.fullmatch(str(method)):
            raise read.fail("sign_in", f"{method!r} is not 'password' or 'oidc:<provider id>'")
    if not sign_in:
        raise read.fail("sign_in", "is empty")

    rules_table = read.get("rules", dict, default={})
    known_rules = {field.name for field in fields(Rules)}
    for key in rules_table:
        if key not in known_rules:
            raise read.fail(f"rules.{key}", "is not a rule the portal knows")
    # A rule is a number (more than 0) or a switch (true or false), as its default is.
    kinds = {field.name: type(field.default) for field in fields(Rules)}
    rules = Rules(**{key: read.get(f"rules.{key}", kinds[key], table=rules_table) for key in rules_table})
    for key, value in vars(rules).items():
        if kinds[key] is int and value <= 0:
            raise read.fail(f"rules.{key}", "must be more than 0")

    return PlanProfile(
        key=path.parent.name,
        source=path,
        plan_name=read.get("plan_name", str),
        portal_name=read.get("portal_name", str),
        website=read.get("website", str),
        brand=brand,
        member_services=member_services,
        hours=hours,
        other_lines=tuple(other_lines),
        time_zone=time_zone,
        languages=languages,
        features=frozenset(read.get("features", list)),
        sign_in=sign_in,
        rules=rules,
    )


def check_features(profile: PlanProfile, known: Iterable[str]) -> None:
    """Refuse a profile that names a feature no installed app provides."""
    unknown = sorted(profile.features - set(known) - {"*"})
    if unknown:
        raise PlanProfileError(
            f"{profile.source}: features: {', '.join(map(repr, unknown))} is not a feature"
        )


def plan_context(plan: PlanProfile) -> dict[str, object]:
    """What pages, emails and error pages say about the plan: one place for all three."""
    return {
        "plan": plan,
        "plan_name": plan.plan_name,
        "portal_name": plan.portal_name,
        "member_services_phone": plan.member_services.number,
        "plan_tty": plan.member_services.tty,
    }
