"""Full Social Security numbers, kept only as a keyed hash.

The portal never stores, logs or shows an SSN: the enrollment file's (members.importers) and
the one a member types to link an identity (identity.forms) are both reduced here to an
HMAC-SHA256 under SSN_HMAC_KEY, a secret from the environment. Without the key nobody can test
guesses against a copy of the database; 10⁹ possible numbers make an unkeyed hash worthless.
"""

import hashlib
import hmac
import re

from django.conf import settings

_NINE_DIGITS = re.compile(r"\d{9}")


def ssn_normalised(text: str) -> str | None:
    """The nine digits of an SSN typed as 123-45-6789, 123 45 6789 or 123456789; else None."""
    digits = re.sub(r"[\s-]", "", text)
    if not _NINE_DIGITS.fullmatch(digits) or digits.startswith(("000", "666", "9")):
        return None
    if digits[3:5] == "00" or digits[5:] == "0000":
        return None
    return digits


def ssn_enabled() -> bool:
    """Whether the plan's data can carry SSNs: only with a key to hash them under."""
    return bool(settings.SSN_HMAC_KEY)


def ssn_digest(digits: str) -> str:
    """The stored form of an SSN (nine digits, from ssn_normalised)."""
    if not ssn_enabled():
        raise RuntimeError("SSN_HMAC_KEY is not set")
    return hmac.new(settings.SSN_HMAC_KEY.encode(), digits.encode(), hashlib.sha256).hexdigest()
