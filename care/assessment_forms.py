"""One section of an assessment as a form: a field per enabled question, in the member's language,
with what the member answered so far; cleaned values become stored answers (care/questionnaires.py)."""

import datetime
import decimal
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from care.questionnaires import QUESTION_TYPES, Item
from care.texts import localized
from portal.forms import PlainTextForm

_YES_NO = [("true", _("Yes")), ("false", _("No"))]
TEXT_LIMIT = 2000  # a text answer with no maxLength of its own
STRING_LIMIT = 255


@dataclass(frozen=True)
class Block:
    """A piece of a section page, in order: a group's heading, a display text, or a question."""

    kind: str  # "heading" | "display" | "question"
    text: str = ""
    level: int = 2
    field: BoundField | None = None
    choices: bool = False  # a radio or checkbox list, shown as a fieldset
    required: bool = False


def _radios() -> forms.RadioSelect:
    # Each option is rendered on its own (templates/care/question.html), so the USWDS class that
    # makes it a 24 px target rides on the widget.
    return forms.RadioSelect(attrs={"class": "usa-radio__input"})


def _field(item: Item, language: str) -> forms.Field:
    label = localized(item["text"], language)
    if item["prefix"]:
        label = f"{item['prefix']} {label}"
    common: dict[str, Any] = {"label": label, "required": False}
    kind = item["type"]
    if kind == "boolean":
        return forms.ChoiceField(choices=_YES_NO, widget=_radios(), **common)
    if kind == "choice":
        options = [(o["code"], localized(o["text"], language)) for o in item["options"]]
        if item["repeats"]:
            return forms.MultipleChoiceField(
                choices=options,
                widget=forms.CheckboxSelectMultiple(attrs={"class": "usa-checkbox__input"}),
                **common,
            )
        return forms.ChoiceField(choices=options, widget=_radios(), **common)
    if kind == "integer":
        return forms.IntegerField(**common)
    if kind == "decimal":
        return forms.DecimalField(max_digits=12, decimal_places=4, **common)
    if kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common)
    limit = item["max_length"] or (TEXT_LIMIT if kind == "text" else STRING_LIMIT)
    widget = forms.Textarea(attrs={"rows": 4}) if kind == "text" else forms.TextInput
    return forms.CharField(max_length=limit, widget=widget, **common)


def _initial(item: Item, values: list[Any]) -> Any:
    if not values:
        return None
    if item["type"] == "boolean":
        return "true" if values[0] else "false"
    if item["type"] == "choice" and item["repeats"]:
        return values
    return values[0]


def _stored(item: Item, value: Any) -> list[Any]:
    """A cleaned value as a stored answer: a list of JSON values, empty for no answer."""
    if value in (None, "", []):
        return []
    if item["type"] == "boolean":
        return [value == "true"]
    if isinstance(value, list):
        return list(value)
    if isinstance(value, decimal.Decimal):
        return [str(value.normalize())]
    if isinstance(value, datetime.date):
        return [value.isoformat()]
    return [value]


class SectionForm(PlainTextForm):
    """The enabled questions of one section; none required until `require` lists them."""

    def __init__(
        self,
        *args: Any,
        section: Sequence[Item],
        enabled: set[str],
        answers: Mapping[str, list[Any]],
        language: str,
        **kwargs: Any,
    ) -> None:
        self.questions: dict[str, Item] = {}
        self._layout: list[tuple[str, Item, int]] = []
        self._lay_out(section, enabled, 2)
        initial = {
            name: _initial(item, answers.get(item["link_id"], [])) for name, item in self.questions.items()
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.language = language
        # Fields never say required to Django: a draft may leave anything blank. Finish and
        # Next ask for the required answers with require(); `required` is what the page shows.
        self.required = {name for name, item in self.questions.items() if item["required"]}
        for name, item in self.questions.items():
            self.fields[name] = _field(item, language)

    def _lay_out(self, items: Sequence[Item], enabled: set[str], level: int) -> None:
        for item in items:
            if item["link_id"] not in enabled:
                continue
            if item["type"] == "group":
                self._layout.append(("heading", item, level))
                self._lay_out(item["items"], enabled, min(level + 1, 4))
            elif item["type"] == "display":
                self._layout.append(("display", item, level))
            elif item["type"] in QUESTION_TYPES:
                name = f"q{len(self.questions)}"
                self.questions[name] = item
                self._layout.append((name, item, level))

    def blocks(self) -> Iterator[Block]:
        for kind, item, level in self._layout:
            if kind in {"heading", "display"}:
                yield Block(kind, text=localized(item["text"], self.language), level=level)
            else:
                choices = item["type"] in {"boolean", "choice"}
                yield Block("question", field=self[kind], choices=choices, required=kind in self.required)

    def require(self, link_ids: set[str]) -> None:
        """Mark the listed questions' missing answers as errors (call after is_valid())."""
        answers = self.answers()
        for name, item in self.questions.items():
            if item["link_id"] in link_ids and not answers.get(item["link_id"]) and name not in self.errors:
                self.add_error(name, _("Answer this question."))

    def answers(self) -> dict[str, list[Any]]:
        """This section's answers from the cleaned data (valid fields only)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {
            item["link_id"]: _stored(item, cleaned.get(name))
            for name, item in self.questions.items()
            if name in cleaned
        }
