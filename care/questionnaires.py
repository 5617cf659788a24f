"""FHIR R4 Questionnaires: read one (checked with fhir.resources' R4B models, the kept library's
release closest to R4, identical for Questionnaire) into the item tree the portal keeps, refusing
every feature the portal cannot honour with the item's linkId; evaluate enableWhen; split it into
sections; and turn a member's answers into a FHIR QuestionnaireResponse.

Text in other languages comes with the questionnaire itself, in FHIR's translation extension
(http://hl7.org/fhir/StructureDefinition/translation) on `_title`, `_text`, an answer option's
`valueCoding._display` or `_valueString`: one file holds every language, the English (or the
file's `language`) text being the default.

The kept item tree is plain JSON: each item is
{"link_id", "type", "text": {lang: str}, "required", "repeats", "max_length",
 "options": [{"code", "system", "text": {lang: str}}], "enable_when": [{"question", "operator",
 "answer"}], "enable_behavior": "all" | "any", "items": [...]}.
Answers are stored by linkId as lists of JSON values: True/False, an option's code, a string, an
integer, a decimal as a string, a date as YYYY-MM-DD.
"""

import datetime
import decimal
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from care.texts import localized

TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
QUESTION_TYPES = {"boolean", "choice", "string", "text", "integer", "decimal", "date"}
SUPPORTED_TYPES = {"group", "display", *QUESTION_TYPES}
OPERATORS = {"exists", "=", "!=", ">", "<", ">=", "<="}
# Item elements the portal honours; any other one (answerValueSet, initial, readOnly,
# modifierExtension …) changes what the question means, so the import refuses it.
ITEM_ELEMENTS = {
    "linkId", "text", "_text", "type", "required", "repeats", "maxLength", "answerOption",
    "enableWhen", "enableBehavior", "item", "prefix", "id", "code", "definition", "extension",
}  # fmt: skip
ANSWER_TYPES = {
    "answerBoolean": "boolean",
    "answerCoding": "choice",
    "answerString": "string",
    "answerInteger": "integer",
    "answerDecimal": "decimal",
    "answerDate": "date",
}

type Item = dict[str, Any]
type Answers = Mapping[str, list[Any]]


class QuestionnaireRefused(ValueError):
    """The file is not a Questionnaire the portal can put to members; `problems` says why."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


def _language(code: str) -> str:
    return code.lower().replace("_", "-")


def _texts(default: str | None, element: Mapping[str, Any] | None, language: str) -> dict[str, str]:
    """A text in every language it is given in: the element's own, then its translations."""
    texts = {language: default} if default else {}
    for extension in (element or {}).get("extension", []):
        if extension.get("url") != TRANSLATION:
            continue
        parts = {part.get("url"): part for part in extension.get("extension", [])}
        lang, content = parts.get("lang", {}).get("valueCode"), parts.get("content", {}).get("valueString")
        if lang and content:
            texts[_language(lang)] = content
    return texts


def read_questionnaire(resource: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a Questionnaire resource the portal keeps: url, version, title (per language)
    and items. Raises QuestionnaireRefused with every problem found."""
    if resource.get("resourceType") != "Questionnaire":
        raise QuestionnaireRefused([_("The file is not a FHIR Questionnaire resource.")])
    try:
        FhirQuestionnaire.model_validate(resource)
    except ValidationError as error:
        raise QuestionnaireRefused(
            [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        ) from None
    problems = []
    for element in ("url", "version", "title"):
        if not resource.get(element):
            problems.append(_("The questionnaire has no %(element)s.") % {"element": element})
    if resource.get("modifierExtension"):
        problems.append(_("The questionnaire has a modifier extension, which is not supported."))
    language = _language(resource.get("language") or "en")
    seen: list[str] = []
    items = [_read_item(item, language, seen, problems) for item in resource.get("item", [])]
    if not seen:
        problems.append(_("The questionnaire has no questions."))
    if problems:
        raise QuestionnaireRefused(problems)
    return {
        "url": resource["url"],
        "version": resource["version"],
        "title": _texts(resource["title"], resource.get("_title"), language),
        "items": items,
    }


def _read_item(item: Mapping[str, Any], language: str, seen: list[str], problems: list[str]) -> Item:
    link_id = str(item.get("linkId", ""))

    def refuse(problem: str) -> None:
        problems.append(f"linkId {link_id}: {problem}")

    if link_id in seen:
        refuse(_("used by more than one item"))
    kind = item.get("type", "")
    if kind not in SUPPORTED_TYPES:
        refuse(_("item type %(type)s is not supported") % {"type": kind})
    for element in sorted(set(item) - ITEM_ELEMENTS):
        refuse(_("%(element)s is not supported") % {"element": element})
    if kind == "choice" and not item.get("answerOption"):
        refuse(_("a choice question needs its answerOption list"))
    if kind not in {"group", "choice"} and item.get("repeats"):
        refuse(_("repeats is supported only on choice questions"))
    if kind not in {"string", "text"} and "maxLength" in item:
        refuse(_("maxLength is supported only on string and text questions"))
    if kind not in {"group"} and item.get("item"):
        refuse(_("only groups may contain items"))
    if kind == "group" and not item.get("item"):
        refuse(_("a group needs items"))
    enable_when = [_read_condition(c, seen, refuse) for c in item.get("enableWhen", [])]
    options = [_read_option(option, language, refuse) for option in item.get("answerOption", [])]
    if kind in QUESTION_TYPES:
        seen.append(link_id)  # later items' enableWhen may refer to it
    return {
        "link_id": link_id,
        "type": kind,
        "text": _texts(item.get("text"), item.get("_text"), language),
        "prefix": item.get("prefix", ""),
        "required": bool(item.get("required")) and kind in QUESTION_TYPES,
        "repeats": bool(item.get("repeats")) and kind == "choice",
        "max_length": item.get("maxLength"),
        "options": options,
        "enable_when": enable_when,
        "enable_behavior": item.get("enableBehavior", "all"),
        "items": [_read_item(child, language, seen, problems) for child in item.get("item", [])],
    }


def _read_option(option: Mapping[str, Any], language: str, refuse: Any) -> dict[str, Any]:
    if "valueCoding" in option:
        coding = option["valueCoding"]
        code = coding.get("code", "")
        return {
            "code": code,
            "coding": True,
            "system": coding.get("system", ""),
            "text": _texts(coding.get("display") or code, coding.get("_display"), language),
        }
    if "valueString" in option:
        value = option["valueString"]
        text = _texts(value, option.get("_valueString"), language)
        return {"code": value, "coding": False, "system": "", "text": text}
    refuse(_("answer options must be codings or strings"))
    return {"code": "", "coding": False, "system": "", "text": {}}


def _read_condition(condition: Mapping[str, Any], seen: list[str], refuse: Any) -> dict[str, Any]:
    question, operator = condition.get("question", ""), condition.get("operator", "")
    if question not in seen:
        refuse(_("enableWhen must refer to an earlier question (%(question)s)") % {"question": question})
    if operator not in OPERATORS:
        refuse(_("enableWhen operator %(operator)s is not supported") % {"operator": operator})
    answer_key = next((key for key in condition if key.startswith("answer")), "")
    if answer_key not in ANSWER_TYPES:
        refuse(_("enableWhen %(answer)s is not supported") % {"answer": answer_key or "answer"})
        return {"question": question, "operator": operator, "answer": None}
    answer = condition[answer_key]
    if answer_key == "answerCoding":
        answer = answer.get("code")
    elif answer_key == "answerDecimal":
        answer = str(answer)
    return {"question": question, "operator": operator, "answer": answer}


# --- enableWhen, sections ------------------------------------------------------------------


def walk(items: Sequence[Item]) -> Iterator[Item]:
    """Every item, depth first, in the questionnaire's order."""
    for item in items:
        yield item
        yield from walk(item["items"])


def enabled_items(items: Sequence[Item], answers: Answers) -> set[str]:
    """The linkIds of the items enabled by `answers`. An item under a disabled group is disabled,
    and a disabled question's answer counts as no answer (FHIR's rule)."""
    enabled: set[str] = set()

    def visit(children: Sequence[Item]) -> None:
        for item in children:
            if _conditions_hold(item, answers, enabled):
                enabled.add(item["link_id"])
                visit(item["items"])

    visit(items)
    return enabled


def _conditions_hold(item: Item, answers: Answers, enabled: set[str]) -> bool:
    conditions = item["enable_when"]
    if not conditions:
        return True
    results = []
    for condition in conditions:
        given = answers.get(condition["question"], []) if condition["question"] in enabled else []
        results.append(_holds(condition["operator"], given, condition["answer"]))
    return all(results) if item["enable_behavior"] == "all" else any(results)


def _comparable(value: Any) -> Any:
    # Decimals are kept as strings; dates (YYYY-MM-DD) compare as strings.
    if isinstance(value, str):
        try:
            return decimal.Decimal(value)
        except decimal.InvalidOperation:
            return value
    return value


def _holds(operator: str, given: list[Any], wanted: Any) -> bool:
    if operator == "exists":
        return bool(given) == bool(wanted)
    if operator == "=":
        return any(value == wanted for value in given)
    if operator == "!=":
        return bool(given) and all(value != wanted for value in given)
    try:
        compare = {">": _gt, "<": _lt, ">=": _ge, "<=": _le}[operator]
        return any(compare(_comparable(value), _comparable(wanted)) for value in given)
    except TypeError:
        return False


def _gt(a: Any, b: Any) -> bool:
    return bool(a > b)


def _lt(a: Any, b: Any) -> bool:
    return bool(a < b)


def _ge(a: Any, b: Any) -> bool:
    return bool(a >= b)


def _le(a: Any, b: Any) -> bool:
    return bool(a <= b)


def sections(items: Sequence[Item]) -> list[list[Item]]:
    """The pages a member answers: each top-level group is one; top-level questions and displays
    between groups share one (a short questionnaire with no groups is one page)."""
    pages: list[list[Item]] = []
    loose: list[Item] = []
    for item in items:
        if item["type"] == "group":
            if loose:
                pages.append(loose)
                loose = []
            pages.append([item])
        else:
            loose.append(item)
    if loose:
        pages.append(loose)
    return pages


# --- QuestionnaireResponse -------------------------------------------------------------------


def response_resource(
    *,
    url: str,
    version: str,
    items: Sequence[Item],
    answers: Answers,
    finished: datetime.datetime | None,
    member_id: str,
    identifier_system: str,
) -> dict[str, Any]:
    """The member's answers as a FHIR QuestionnaireResponse (validated with fhir.resources): only
    the enabled, answered questions, in the questionnaire's structure."""
    enabled = enabled_items(items, answers)
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{url}|{version}",
        "status": "completed" if finished else "in-progress",
        "subject": {"identifier": {"system": identifier_system, "value": member_id}},
        "item": _response_items(items, answers, enabled),
    }
    if finished:
        resource["authored"] = finished.isoformat()
    QuestionnaireResponse.model_validate(resource)
    return resource


def _response_items(items: Sequence[Item], answers: Answers, enabled: set[str]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        if item["link_id"] not in enabled:
            continue
        text = localized(item["text"], "en")
        if item["type"] == "group":
            children = _response_items(item["items"], answers, enabled)
            if children:
                found.append({"linkId": item["link_id"], "text": text, "item": children})
        elif item["type"] in QUESTION_TYPES and answers.get(item["link_id"]):
            values = [_answer_value(item, value) for value in answers[item["link_id"]]]
            found.append({"linkId": item["link_id"], "text": text, "answer": values})
    return found


def _answer_value(item: Item, value: Any) -> dict[str, Any]:
    kind = item["type"]
    if kind == "choice":
        option = next(o for o in item["options"] if o["code"] == value)
        if not option["coding"]:
            return {"valueString": value}
        coding = {"code": value, "display": localized(option["text"], "en")}
        return {"valueCoding": {"system": option["system"], **coding} if option["system"] else coding}
    if kind == "decimal":
        return {"valueDecimal": float(value)}
    key = {"boolean": "valueBoolean", "integer": "valueInteger", "date": "valueDate"}
    return {key.get(kind, "valueString"): value}
