"""Every word a member reads in a template goes through gettext.

The Django template lexer splits a template into text and tags; visible text (outside HTML tags,
<script> and <style>, and outside {% translate %} / {% blocktranslate %}) must hold no letters, and
the attributes people read (alt, title, aria-label, placeholder) must not hold literal words.
A Jinja2 template (portal/jinja.py) holds its words in `_("…")` only, and makemessages must find
each of them: it reads a .jinja file with Django's templatize, which knows a `_("…")` only where
it starts a `{{ }}` or stands in a `{% %}`.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize
from jinja2.ext import extract_from_ast

from portal.jinja import environment

TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates"
TEMPLATES = sorted(p for p in TEMPLATE_DIR.rglob("*") if p.suffix in {".html", ".txt"})
JINJA_TEMPLATES = sorted(TEMPLATE_DIR.rglob("*.jinja"))
READABLE_ATTRIBUTE = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*[A-Za-z][^"]*)"')
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&[#\w]+;")


def untranslated_text(source: str) -> list[str]:
    """The literal words of `source` that a reader would see untranslated."""
    # Rebuild the template with every tag and variable replaced by a blank, and translated
    # blocks and comments dropped; what is left is literal markup and text.
    literal: list[str] = []
    skipping: list[str] = []  # the end tags of {% blocktranslate %} / {% comment %} we are inside
    for token in Lexer(source).tokenize():
        if token.token_type is TokenType.BLOCK:
            word = token.contents.split()[0] if token.contents else ""
            if skipping and word == skipping[-1]:
                skipping.pop()
            elif word in {"blocktranslate", "blocktrans", "comment"}:
                skipping.append("endcomment" if word == "comment" else f"end{word}")
            literal.append(" ")
        elif token.token_type is TokenType.TEXT and not skipping:
            literal.append(token.contents)
        else:
            literal.append(" ")
    return literal_words("".join(literal))


def untranslated_jinja_text(source: str) -> list[str]:
    """The literal words of a Jinja2 template, outside its tags and `{{ }}`."""
    literal = [value if kind == "data" else " " for _line, kind, value in environment().lex(source)]
    return literal_words("".join(literal))


def jinja_messages(source: str) -> list[str]:
    """What the template hands `_()` when it renders."""
    found = extract_from_ast(environment().parse(source), gettext_functions=("_",))
    return sorted(str(message) for _line, _function, message in found)


TEMPLATIZED_MESSAGE = re.compile(r""" _\(((?:"(?:[^"\\]|\\.)*")|(?:'(?:[^'\\]|\\.)*'))\) """)


def makemessages_messages(source: str) -> list[str]:
    """What makemessages takes from the same file: Django's templatize writes each message it
    recognises as ` _("…") ` for xgettext."""
    return sorted(ast.literal_eval(literal) for literal in TEMPLATIZED_MESSAGE.findall(templatize(source)))


def literal_words(text: str) -> list[str]:
    """The words a reader would see in `text`, the template's markup with its tags blanked."""
    found = READABLE_ATTRIBUTE.findall(text)
    visible = ENTITY.sub(" ", TAG.sub(" ", SCRIPT_OR_STYLE.sub(" ", text)))
    return found + [word for word in visible.split() if re.search(r"[A-Za-z]", word)]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATE_DIR)))
def test_template_has_no_untranslated_text(path: Path) -> None:
    assert untranslated_text(path.read_text()) == []


@pytest.mark.parametrize("path", JINJA_TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATE_DIR)))
def test_jinja_template_has_no_words_of_its_own(path: Path) -> None:
    assert untranslated_jinja_text(path.read_text()) == []


@pytest.mark.parametrize("path", JINJA_TEMPLATES, ids=lambda p: str(p.relative_to(TEMPLATE_DIR)))
def test_makemessages_finds_every_word_of_a_jinja_template(path: Path) -> None:
    source = path.read_text()
    assert makemessages_messages(source) == jinja_messages(source)


def test_the_jinja_message_check_catches_a_word_makemessages_would_miss() -> None:
    found = '<p>{{ _("Sent %(date)s")|format(date=d) }}</p>{% set x = _("Edit") %}'
    assert makemessages_messages(found) == jinja_messages(found) == ["Edit", "Sent %(date)s"]
    missed = '<p>{{ label ~ _("Primary") }}</p>'
    assert jinja_messages(missed) == ["Primary"] and makemessages_messages(missed) == []


def test_the_jinja_check_catches_plain_words() -> None:
    assert untranslated_jinja_text("{#- a comment -#}<p>{{ label }} Hello</p>") == ["Hello"]
    assert untranslated_jinja_text('{% if x %}<a aria-label="Menu">{% endif %}') == ["Menu"]


def test_the_check_catches_plain_words() -> None:
    assert untranslated_text("<p>Hello</p>") == ["Hello"]
    assert untranslated_text('<img alt="Logo">') == ["Logo"]
    assert (
        untranslated_text("{% translate 'Hi' %}<p>{% blocktranslate %}Hi {{ x }}{% endblocktranslate %}</p>")
        == []
    )
