"""Questionnaire text in the member's language (kept per language by care/questionnaires.py)."""

from collections.abc import Mapping


def localized(texts: Mapping[str, str], language: str) -> str:
    """The text in `language`, else its base language ("pt" for "pt-br"), else English, else any."""
    for code in (language, language.split("-")[0], "en"):
        if texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")
