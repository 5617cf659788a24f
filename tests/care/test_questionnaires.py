"""enableWhen on the server, FHIR's rules: each operator, all/any, a question under a disabled
one counts as unanswered; and sections from groups."""

from typing import Any

import pytest

from care.questionnaires import enabled_items, read_questionnaire, sections


def questionnaire(*items: dict[str, Any]) -> list[dict[str, Any]]:
    resource = {
        "resourceType": "Questionnaire",
        "url": "https://plan.example/q",
        "version": "1",
        "title": "Test",
        "status": "active",
        "item": list(items),
    }
    parsed: list[dict[str, Any]] = read_questionnaire(resource)["items"]
    return parsed


def when(question: str, operator: str, **answer: Any) -> list[dict[str, Any]]:
    return [{"question": question, "operator": operator, **answer}]


AGE = {"linkId": "age", "type": "integer", "text": "Age"}


@pytest.mark.parametrize(
    ("operator", "wanted", "given", "enabled"),
    [
        ("=", 65, [65], True),
        ("=", 65, [64], False),
        ("!=", 65, [64], True),
        ("!=", 65, [], False),
        (">", 64, [65], True),
        ("<", 64, [65], False),
        (">=", 65, [65], True),
        ("<=", 64, [65], False),
    ],
)
def test_each_operator_compares_the_answer(
    operator: str, wanted: int, given: list[int], enabled: bool
) -> None:
    items = questionnaire(
        AGE,
        {
            "linkId": "x",
            "type": "string",
            "text": "X",
            "enableWhen": when("age", operator, answerInteger=wanted),
        },
    )

    assert ("x" in enabled_items(items, {"age": given})) is enabled


def test_exists_and_decimals_and_codings() -> None:
    items = questionnaire(
        {"linkId": "w", "type": "decimal", "text": "Weight"},
        {
            "linkId": "c",
            "type": "choice",
            "text": "C",
            "answerOption": [{"valueCoding": {"code": "a"}}, {"valueCoding": {"code": "b"}}],
        },
        {"linkId": "e", "type": "string", "text": "E", "enableWhen": when("w", "exists", answerBoolean=True)},
        {"linkId": "heavy", "type": "string", "text": "H", "enableWhen": when("w", ">", answerDecimal=200.5)},
        {
            "linkId": "b",
            "type": "string",
            "text": "B",
            "enableWhen": when("c", "=", answerCoding={"code": "b"}),
        },
    )

    assert enabled_items(items, {}) >= {"w", "c"} and not enabled_items(items, {}) & {"e", "heavy", "b"}
    assert {"e", "heavy", "b"} <= enabled_items(items, {"w": ["210"], "c": ["a", "b"]})
    assert "heavy" not in enabled_items(items, {"w": ["99.5"]})


def test_all_and_any_behaviour() -> None:
    both = [*when("a", "=", answerBoolean=True), *when("b", "=", answerBoolean=True)]
    items = questionnaire(
        {"linkId": "a", "type": "boolean", "text": "A"},
        {"linkId": "b", "type": "boolean", "text": "B"},
        {"linkId": "all", "type": "string", "text": "All", "enableWhen": both},
        {"linkId": "any", "type": "string", "text": "Any", "enableWhen": both, "enableBehavior": "any"},
    )

    one = enabled_items(items, {"a": [True], "b": [False]})
    assert "any" in one and "all" not in one
    assert "all" in enabled_items(items, {"a": [True], "b": [True]})


def test_a_question_under_a_disabled_one_counts_as_unanswered() -> None:
    items = questionnaire(
        {"linkId": "smokes", "type": "boolean", "text": "Smokes"},
        {
            "linkId": "daily",
            "type": "boolean",
            "text": "Daily",
            "enableWhen": when("smokes", "=", answerBoolean=True),
        },
        {
            "linkId": "how",
            "type": "integer",
            "text": "How many",
            "enableWhen": when("daily", "=", answerBoolean=True),
        },
    )

    assert "how" in enabled_items(items, {"smokes": [True], "daily": [True]})
    assert "how" not in enabled_items(items, {"smokes": [False], "daily": [True]})


def test_groups_are_sections_and_loose_questions_share_one() -> None:
    items = questionnaire(
        {"linkId": "intro", "type": "display", "text": "Hello"},
        AGE,
        {
            "linkId": "g1",
            "type": "group",
            "text": "One",
            "item": [{"linkId": "q1", "type": "boolean", "text": "Q1"}],
        },
        {
            "linkId": "g2",
            "type": "group",
            "text": "Two",
            "item": [{"linkId": "q2", "type": "boolean", "text": "Q2"}],
        },
    )

    assert [[item["link_id"] for item in page] for page in sections(items)] == [
        ["intro", "age"],
        ["g1"],
        ["g2"],
    ]
