"""Every model that holds a member's data is declared for the admin audit, and the check says so."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from audit.checks import check_member_records, unregistered_member_models
from portal.registry import member_records


def test_every_model_with_a_path_to_a_member_is_declared() -> None:
    assert unregistered_member_models() == []
    assert {"members.address", "coverage.coverage", "idcards.idcardorder"} <= member_records().keys()


def test_a_model_left_out_of_member_records_fails_the_system_check(monkeypatch: pytest.MonkeyPatch) -> None:
    # The registration of one app's model is dropped, as if its apps.py forgot it.
    monkeypatch.delitem(member_records(), "coverage.coverage")

    assert unregistered_member_models() == ["coverage.coverage"]
    [error] = check_member_records()
    assert error.id == "audit.E001" and "coverage.coverage" in error.msg
    with pytest.raises(SystemCheckError, match=r"coverage\.coverage"):
        call_command("check")


@pytest.mark.django_db
def test_each_declared_lookup_reaches_a_member_id() -> None:
    # A lookup with a typo would make the admin audit crash or name nobody.
    from django.apps import apps

    for label, lookup in member_records().items():
        model = apps.get_model(label)
        list(model._default_manager.values_list(lookup or "pk", flat=True)[:1])
