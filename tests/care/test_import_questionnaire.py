"""manage.py import_questionnaire: real-shaped FHIR R4 Questionnaires (PHQ-9, a health-risk
assessment with enableWhen) load, versioned by url + version; unsupported features are refused
with the item's linkId and nothing is loaded."""

import copy
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from care.models import Questionnaire
from care.questionnaires import sections
from tests.care.factories import FIXTURES, fixture_resource

pytestmark = pytest.mark.django_db


def run(path: Path) -> tuple[str, str, bool]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_questionnaire", str(path), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error), True
    return out.getvalue(), err.getvalue(), False


def write(tmp_path: Path, resource: dict[str, Any]) -> Path:
    path = tmp_path / "questionnaire.json"
    path.write_text(json.dumps(resource), encoding="utf-8")
    return path


def test_the_phq9_and_the_health_risk_assessment_load(tmp_path: Path) -> None:
    for name in ("phq9", "health_risk_assessment"):
        out, err, failed = run(FIXTURES / f"{name}.json")
        assert not failed, err
        assert "imported" in out

    phq9 = Questionnaire.objects.get(url="https://totalcare.example/fhir/Questionnaire/phq-9")
    assert phq9.title_in("pt-br") == "Avaliação de depressão (PHQ-9)"
    assert len(sections(phq9.items)) == 1  # no groups: one page
    hra = Questionnaire.objects.get(version="2026.1")
    assert len(sections(hra.items)) == 5
    tobacco = hra.items[1]["items"]
    assert tobacco[1]["enable_when"] == [{"question": "tobacco.smokes", "operator": "=", "answer": True}]
    assert tobacco[0]["text"]["es"] == "¿Fuma o usa tabaco?"


def test_the_same_file_twice_changes_nothing_and_a_changed_version_is_refused(tmp_path: Path) -> None:
    run(FIXTURES / "phq9.json")
    out, _err, failed = run(FIXTURES / "phq9.json")
    assert not failed and "unchanged" in out

    changed = fixture_resource("phq9")
    changed["title"] = "PHQ-9, reworded"
    _out, err, failed = run(write(tmp_path, changed))
    assert failed and "give the changed questionnaire a new version" in err

    changed["version"] = "1.1.0"
    assert not run(write(tmp_path, changed))[2]
    assert Questionnaire.objects.filter(url=changed["url"]).count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda item: item.update(type="attachment"),
            "linkId about.health: item type attachment is not supported",
        ),
        (
            lambda item: item.update(answerValueSet="http://x/vs"),
            "linkId about.health: answerValueSet is not supported",
        ),
        (
            lambda item: item.update(initial=[{"valueString": "x"}]),
            "linkId about.health: initial is not supported",
        ),
        (
            lambda item: item.update(maxLength=3),
            "linkId about.health: maxLength is supported only on string and text",
        ),
        (
            lambda item: item.update(
                enableWhen=[{"question": "more.goals", "operator": "=", "answerString": "x"}]
            ),
            "linkId about.health: enableWhen must refer to an earlier question (more.goals)",
        ),
        (
            lambda item: item.update(
                enableWhen=[{"question": "nope", "operator": "exists", "answerBoolean": True}]
            ),
            "linkId about.health: enableWhen must refer to an earlier question (nope)",
        ),
        (
            lambda item: item.update(modifierExtension=[{"url": "http://x"}]),
            "linkId about.health: modifierExtension",
        ),
    ],
)
def test_unsupported_features_are_refused_with_the_link_id(tmp_path: Path, change: Any, message: str) -> None:
    resource = copy.deepcopy(fixture_resource("health_risk_assessment"))
    change(resource["item"][0]["item"][0])

    _out, err, failed = run(write(tmp_path, resource))

    assert failed
    assert message in err
    assert not Questionnaire.objects.exists()


def test_an_invalid_fhir_resource_is_refused(tmp_path: Path) -> None:
    resource = fixture_resource("phq9")
    resource["item"][1]["required"] = "sometimes"  # not a boolean

    _out, err, failed = run(write(tmp_path, resource))

    assert failed and "required" in err


def test_a_file_that_is_not_a_questionnaire_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"resourceType": "Patient"}', encoding="utf-8")
    assert "not a FHIR Questionnaire" in run(path)[1]
    path.write_text("not json", encoding="utf-8")
    assert "cannot be read as JSON" in run(path)[1]
