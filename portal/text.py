"""Text shared by every app: name folding for member matching and provider search, and the one
check that refuses hidden characters in what members and staff type."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Spaces, hyphens (ASCII, Unicode and non-breaking), apostrophes (straight and curly) and dots.
_SEPARATORS = re.compile("[\\s\\-\u2010\u2011\u2019'`.]+")


def fold_name(value: str) -> str:
    """Fold a person's name for comparison: case, accents, spaces, hyphens and apostrophes
    do not count, so "José Núñez-Ortiz", " jose nunez ortiz" and "JoseNunezOrtiz"
    fold alike ("josenunezortiz")."""
    decomposed = unicodedata.normalize("NFKD", value)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", without_marks).casefold()


# Characters that change how the text around them is shown without being seen themselves:
# embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
# "Ana\u202etxt.exe" shows as "Anaexe.txt". The marks (LRM, RLM, ALM) are left alone: Arabic
# and Hebrew keyboards type them, and they cannot reorder what follows.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What Django puts where a form's bytes were not valid UTF-8 (the address a member "typed" is lost).
REPLACEMENT_CHARACTER = "\ufffd"
# Line and paragraph separators break a line in some programs and not in others.
LINE_SEPARATORS = frozenset("\u2028\u2029")
MULTILINE_WHITESPACE = frozenset("\n\r\t")


def hidden_characters(value: str, *, multiline: bool = False) -> list[str]:
    """The characters of `value` that no name, address or note should hold, in order of appearance.

    Control characters (NUL, escape, backspace …; newline, carriage return and tab only in
    multi-line text), bidirectional overrides and isolates, line separators, lone surrogates
    (which UTF-8 cannot store) and the replacement character U+FFFD.
    """
    found = []
    for ch in value:
        if multiline and ch in MULTILINE_WHITESPACE:
            continue
        if (
            ch in BIDI_CONTROLS
            or ch in LINE_SEPARATORS
            or ch == REPLACEMENT_CHARACTER
            or unicodedata.category(ch) in ("Cc", "Cs")
        ):
            found.append(ch)
    return found


@deconstructible
class PlainTextValidator:
    """Refuse text with hidden characters (see hidden_characters); the one check every form uses.

    portal.forms applies it to every text field of a form by default.
    """

    message = _(
        "This contains a hidden or unreadable character, perhaps from copying and pasting. "
        "Please type it in again."
    )
    code = "hidden_character"

    def __init__(self, *, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: object) -> None:
        if isinstance(value, str) and hidden_characters(value, multiline=self.multiline):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash((PlainTextValidator, self.multiline))
