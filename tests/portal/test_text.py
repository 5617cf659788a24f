"""The one check for hidden characters (portal.text) and the form bases that apply it (portal.forms)."""

from collections.abc import Iterator

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import get_resolver

from portal.forms import PlainTextFieldsMixin, PlainTextForm
from portal.text import PlainTextValidator, hidden_characters

PROJECT_APPS = {"members", "providers", "coverage", "idcards", "outbox", "audit", "portal"}


@pytest.mark.parametrize(
    "value",
    [
        "José Núñez-Ortiz",
        "Nguyễn Thị Minh Khai",
        "陳大文",
        "محمد \u200fعلي",  # the right-to-left mark Arabic keyboards type
        "Txiv Neej Vaj",
        "O'Brien",
        "👩\u200d👩\u200d👧",  # an emoji sequence joined by zero-width joiners
    ],
)
def test_names_in_every_language_the_plan_serves_pass(value: str) -> None:
    assert hidden_characters(value) == []
    PlainTextValidator()(value)


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("Ana\u202etxt.exe", ["\u202e"]),  # shows as "Anaexe.txt"
        ("\u202aA\u202bB\u202cC\u202dD", ["\u202a", "\u202b", "\u202c", "\u202d"]),
        ("\u2066x\u2067y\u2068z\u2069", ["\u2066", "\u2067", "\u2068", "\u2069"]),
        ("Pe\ufffdasco", ["\ufffd"]),  # bytes that were not UTF-8
        ("a\x00b\x1bc\x7fd\x85e", ["\x00", "\x1b", "\x7f", "\x85"]),
        ("one\ntwo\rthree\tfour", ["\n", "\r", "\t"]),
        ("line\u2028break", ["\u2028"]),
        ("lone \ud800 surrogate", ["\ud800"]),
    ],
)
def test_hidden_characters_are_found(value: str, found: list[str]) -> None:
    assert hidden_characters(value) == found
    with pytest.raises(ValidationError) as refused:
        PlainTextValidator()(value)
    assert refused.value.code == "hidden_character"


def test_multi_line_text_may_hold_newlines_and_tabs_but_nothing_else() -> None:
    note = "First line\r\nSecond line\n\tindented"
    assert hidden_characters(note, multiline=True) == []
    assert hidden_characters(note + "\u202e\x07", multiline=True) == ["\u202e", "\x07"]


class _Example(PlainTextForm):
    name = forms.CharField()
    note = forms.CharField(widget=forms.Textarea, required=False)
    password = forms.CharField(widget=forms.PasswordInput, required=False)
    email = forms.EmailField(required=False)


def test_a_form_built_on_the_base_checks_every_text_field_but_passwords() -> None:
    form = _Example(
        {
            "name": "Ana\u202etxt",
            "note": "a\nb\u2066",
            "password": "pass\u202eword",
            "email": "ana\x00@example.com",
        }
    )
    assert not form.is_valid()
    assert set(form.errors) == {"name", "note", "email"}
    assert form.errors["name"] == [str(PlainTextValidator.message)]
    # One message for NUL, not Django's as well.
    assert form.errors["email"].as_data()[-1].code == "hidden_character"
    assert "Null characters are not allowed." not in form.errors["email"]
    assert _Example({"name": "Ana", "note": "line one\r\nline two", "password": "p\u202e"}).is_valid()


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_the_portal_defines_refuses_hidden_characters() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports every view, and so every form
    ours = {
        cls
        for cls in _subclasses(forms.BaseForm)
        if cls.__module__.split(".")[0] in PROJECT_APPS and not cls.__module__.startswith("portal.forms")
    }
    assert ours, "the project's forms were found"
    assert sorted(cls.__qualname__ for cls in ours if not issubclass(cls, PlainTextFieldsMixin)) == []
