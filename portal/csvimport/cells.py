"""Cell parsers: each takes a non-blank, stripped cell and returns its value or raises CellError.

Messages say what is wrong without repeating the value, so error output holds no member data,
in the active language (a command's is the portal's LANGUAGE_CODE, English).
"""

import datetime
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.phones import phone_e164
from portal.us_states import US_STATES as STATE_CHOICES


class CellError(ValueError):
    """A cell's value breaks its column's rule; the message says how, without echoing the value."""


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
_ZIP = re.compile(r"(\d{5})-?(\d{4})?")
# The same USPS codes the member's address form offers.
US_STATES = frozenset(code for code, _name in STATE_CHOICES)
# Code points that draw nothing but are not format characters (str.isprintable catches those):
# Unicode's other default-ignorable ones, such as the Hangul fillers and variation selectors.
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)


def parse_date(value: str) -> datetime.date:
    try:
        if _DATE.fullmatch(value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise CellError(_("not a date in YYYY-MM-DD form"))


def parse_boolean(value: str) -> bool:
    folded = value.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise CellError(_("not one of true/false, yes/no, Y/N, 1/0"))


def parse_items(value: str) -> list[str]:
    """`;`-separated items, trimmed, blanks and repeats dropped, order kept."""
    return list(dict.fromkeys(item.strip() for item in value.split(";") if item.strip()))


def parse_language(value: str) -> str:
    code = value.lower().replace("_", "-")
    if not _LANGUAGE.fullmatch(code):
        raise CellError(_("not a language code such as en, es or pt-br"))
    return code


def parse_languages(value: str) -> list[str]:
    return list(dict.fromkeys(parse_language(item) for item in parse_items(value)))


def choice(*allowed: str) -> Callable[[str], str]:
    """A parser accepting one of `allowed` codes, in any case."""

    def parse(value: str) -> str:
        code = value.upper()
        if code not in allowed:
            raise CellError(_("not one of %(codes)s") % {"codes": ", ".join(allowed)})
        return code

    return parse


_AMOUNT = re.compile(r"-?\d{1,10}(\.\d{1,2})?")
_QUANTITY = re.compile(r"\d{1,7}(\.\d{1,2})?")


def parse_amount(value: str) -> Decimal:
    """Dollars, with cents or without (1234.50, -20, 0.5): no currency sign, no thousands comma."""
    if not _AMOUNT.fullmatch(value):
        raise CellError(_("not an amount in dollars and cents such as 1234.50"))
    return Decimal(value)


def parse_quantity(value: str) -> Decimal:
    """A count that may have a fraction, such as units of service (1, 2.5)."""
    if not _QUANTITY.fullmatch(value):
        raise CellError(_("not a number such as 1 or 2.5"))
    return Decimal(value)


def parse_positive_integer(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or int(value) == 0 or len(value) > 9:
        raise CellError(_("not a whole number from 1"))
    return int(value)


def parse_us_state(value: str) -> str:
    code = value.upper()
    if code not in US_STATES:
        raise CellError(_("not a two-letter US state or territory code"))
    return code


def parse_zip(value: str) -> str:
    """A 5-digit ZIP, or ZIP+4 stored as 12345-6789."""
    found = _ZIP.fullmatch(value)
    if not found:
        raise CellError(_("not a ZIP code (12345 or 12345-6789)"))
    return "-".join(part for part in found.groups() if part)


def parse_phone(value: str) -> str:
    """A phone number as dialled in the US (or with a +country code), stored in E.164."""
    number = phone_e164(value)
    if number is None:
        raise CellError(_("not a valid phone number"))
    return number


def parse_email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise CellError(_("not a valid email address")) from None
    if len(value) > 254:  # the longest address SMTP can carry, and the column's limit
        raise CellError(longer_than(254))
    return value


def parse_identifier(value: str) -> str:
    """A code that names a record (a member ID, an NPI), refused unless every character is what
    it looks like, so a copy that only looks like an ID on record is never taken for a new one:
    no invisible or formatting character (a zero-width space or joiner, a direction mark, a
    no-break space, a control character), and nothing that Unicode compatibility normalisation
    (NFKC) would change, such as full-width letters (U+FF21 for A) or a ligature."""
    if value.isascii() and value.isprintable():  # the usual case, at a million rows a file
        return value
    if not value.isprintable() or _IGNORABLE.search(value):
        raise CellError(_("contains an invisible or formatting character (such as a zero-width space)"))
    if unicodedata.normalize("NFKC", value) != value:
        raise CellError(
            _("contains full-width or other look-alike characters; send plain letters and digits")
        )
    return value


def parse_npi(value: str) -> str:
    """A National Provider Identifier: 10 digits whose last is a Luhn check digit computed, as CMS
    specifies, over the prefix 80840 followed by the first nine."""
    parse_identifier(value)
    if not (len(value) == 10 and value.isascii() and value.isdigit()):
        raise CellError(_("not 10 digits"))
    total = 0
    for position, digit in enumerate(reversed("80840" + value)):
        doubled = int(digit) * (2 if position % 2 else 1)
        total += doubled - 9 if doubled > 9 else doubled
    if total % 10:
        raise CellError(_("check digit does not match (mistyped NPI?)"))
    return value


def longer_than(limit: int) -> str:
    return ngettext("longer than %(limit)d character", "longer than %(limit)d characters", limit) % {
        "limit": limit
    }


@cache  # asked for each cell of each row; the answer never changes
def max_length(model: type[models.Model], name: str) -> int:
    """The column limit of a model's text field, so a long cell is a row error, not a crash."""
    limit = getattr(model._meta.get_field(name), "max_length", None)
    if not isinstance(limit, int):
        raise TypeError(f"{model.__name__}.{name} has no max_length")
    return limit


def keyword(*allowed: str, separator: str = "_") -> Callable[[str], str]:
    """A parser accepting one of `allowed` lower-case codes, in any case, with spaces or
    underscores between words (`not enrolled`, `NOT_ENROLLED`); it returns the code, its words
    joined by `separator` (as the model's values are written)."""

    def parse(value: str) -> str:
        code = separator.join(value.lower().replace("_", " ").split())
        if code not in allowed:
            words = ", ".join(code.replace(separator, " ") for code in allowed)
            raise CellError(_("not one of %(codes)s") % {"codes": words})
        return code

    return parse
