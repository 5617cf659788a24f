"""Amounts of money as the page's language writes them, with Babel (CLDR's data), not by hand:
"$1,234.50" in English, "US$ 1.234,50" in Portuguese, "1234,50 US$" in Spanish, "US$1,234.50"
where a language's own currency is not the dollar. A language CLDR does not know (Hmong) is
written as in US English."""

import functools
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency
from django.utils.translation import get_language

CURRENCY = "USD"


@functools.cache
def babel_locale(language: str) -> Locale:
    """The CLDR locale of a Django language code ("pt-br" → pt_BR, "zh-hant" → zh_Hant)."""
    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_US")


def money(amount: Decimal | None, language: str | None = None) -> str:
    """`amount` in US dollars for `language` (by default the active one); "" for None."""
    if amount is None:
        return ""
    return _formatted(amount, language or get_language() or "en")


# A claims page shows about forty amounts, mostly the same few (copays, $0.00), and Babel takes
# about 16 µs to write each one.
@functools.lru_cache(maxsize=4096)
def _formatted(amount: Decimal, language: str) -> str:
    return format_currency(amount, CURRENCY, locale=babel_locale(language))
