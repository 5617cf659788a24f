"""Text normalisation shared by member matching and provider search."""

import re
import unicodedata

# Spaces, hyphens (ASCII, Unicode and non-breaking), apostrophes (straight and curly) and dots.
_SEPARATORS = re.compile("[\\s\\-\u2010\u2011\u2019'`.]+")


def fold_name(value: str) -> str:
    """Fold a person's name for comparison: case, accents, spaces, hyphens and apostrophes
    do not count, so "José Núñez-Ortiz", " jose nunez ortiz" and "JoseNunezOrtiz"
    fold alike ("josenunezortiz")."""
    decomposed = unicodedata.normalize("NFKD", value)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", without_marks).casefold()
