"""A system check: every model that holds a member's data is declared for the admin audit.

A model "holds a member's data" when a chain of foreign keys leads from it to the member model
(the one the audit trail's `member` points at). Each must appear in some app's `member_records`
(portal.registry), or staff could read its rows in the admin without a trace. `manage.py check`,
`runserver` and the test suite run it.
"""

from collections.abc import Sequence
from typing import Any

from django.apps import apps
from django.core.checks import Error
from django.db import models

from portal.registry import member_records

# How many foreign keys a path may cross (a claim line → its claim → the member is two).
MAX_HOPS = 3


def _reaches(model: type[models.Model], target: type[models.Model], hops: int) -> bool:
    if model is target:
        return True
    if hops == 0:
        return False
    return any(
        _reaches(field.related_model, target, hops - 1)
        for field in model._meta.get_fields()
        if field.many_to_one or field.one_to_one
        if field.concrete and isinstance(field.related_model, type)
    )


def unregistered_member_models() -> list[str]:
    """Labels of models with a foreign-key path to the member that no app declares."""
    from audit.models import AuditEvent

    member_model = AuditEvent._meta.get_field("member").related_model
    if not isinstance(member_model, type):
        return []
    declared = member_records()
    return sorted(
        model._meta.label_lower
        for model in apps.get_models()
        if _reaches(model, member_model, MAX_HOPS) and model._meta.label_lower not in declared
    )


def check_member_records(app_configs: Sequence[Any] | None = None, **kwargs: object) -> list[Error]:
    return [
        Error(
            f"{label} has a foreign-key path to the member but is not in any app's member_records.",
            hint="Declare it in its app's apps.py (member_records), with the lookup to the member's id.",
            id="audit.E001",
        )
        for label in unregistered_member_models()
    ]
