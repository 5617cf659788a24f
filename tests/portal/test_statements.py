"""Reads written once per process (portal/statements.py) must give what the ORM gives: the same
rows, in the model's order, as instances that save and load like the ORM's; a compiled query the
ORM's rows for any arguments, and a query it cannot keep refused at first use."""

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import QuerySet

from members.models import Member, Phone, PhoneKind
from portal.statements import CompiledQuery, ModelStatement

PHONES = ModelStatement(Phone, where="member_id = %s")


def values(instances: list[object]) -> list[dict[str, object]]:
    return [
        {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}  # type: ignore[attr-defined]
        for instance in instances
    ]


def test_the_rows_and_their_order_are_the_orm_s(make_member: Callable[..., Member]) -> None:
    member, other = make_member(), make_member()
    for kind, number, primary in [("work", "+18315550101", False), ("cell", "+18315550102", False)]:
        Phone.objects.create(member=member, kind=kind, number=number, is_primary=primary)
    Phone.objects.create(member=member, kind=PhoneKind.CELL, number="+18315550103", is_primary=True)
    Phone.objects.create(member=other, kind=PhoneKind.CELL, number="+18315550104", is_primary=True)

    read = PHONES.rows([member.pk])
    assert values(read) == values(list(Phone.objects.filter(member=member)))  # kind, -is_primary, id
    assert [phone.number for phone in read][:2] == ["+18315550103", "+18315550102"]
    read[0].number = "+18315550199"
    read[0].save()
    assert Phone.objects.get(pk=read[0].pk).number == "+18315550199"


def test_a_narrow_read_loads_the_other_fields_when_asked_as_the_orm_s_only(
    make_member: Callable[..., Member],
) -> None:
    member = make_member(first_name="Ana")
    narrow = ModelStatement(Member, where="id = %s", fields=["id", "first_name"])
    [read] = narrow.rows([member.pk])
    assert read.first_name == "Ana" and read.get_deferred_fields() >= {"last_name", "member_id"}
    assert read.member_id == member.member_id  # loaded on demand, like a deferred field


def _other_cells(member: int, number: str) -> QuerySet[Any]:
    # "cell" is a constant of the query, the member and the number its arguments.
    return (
        Phone.objects.filter(member=member, kind=PhoneKind.CELL)
        .exclude(number=number)
        .order_by("id")
        .values_list("number", "is_primary")
    )


OTHER_CELLS = CompiledQuery(_other_cells, sample=(-7, "+10000000000"))


def test_a_compiled_query_gives_the_orm_s_rows_for_any_arguments(make_member: Callable[..., Member]) -> None:
    member, other = make_member(), make_member()
    for owner, kind, number in [
        (member, PhoneKind.CELL, "+18315550101"),
        (member, PhoneKind.CELL, "+18315550102"),
        (member, PhoneKind.WORK, "+18315550103"),
        (other, PhoneKind.CELL, "+18315550104"),
    ]:
        Phone.objects.create(member=owner, kind=kind, number=number, is_primary=False)

    for who, number in [(member, "+18315550101"), (member, "+18315550102"), (other, ""), (member, "")]:
        assert OTHER_CELLS.rows(who.pk, number) == list(_other_cells(who.pk, number))
    assert OTHER_CELLS.rows(member.pk, "+18315550101") == [("+18315550102", False)]


def test_a_compiled_values_query_gives_dicts_with_the_orm_s_dates(make_member: Callable[..., Member]) -> None:
    def born_by(member: int, day: datetime.date) -> QuerySet[Any]:
        return Member.objects.filter(pk=member, date_of_birth__lte=day).values("first_name", "date_of_birth")

    member = make_member(first_name="Ana", date_of_birth=datetime.date(1990, 5, 17))
    born = CompiledQuery(born_by, sample=(-7, datetime.date(1901, 2, 3)))

    assert born.rows(member.pk, datetime.date(1990, 5, 17)) == [
        {"first_name": "Ana", "date_of_birth": datetime.date(1990, 5, 17)}
    ]
    assert born.rows(member.pk, datetime.date(1990, 5, 16)) == []


def test_a_parameter_derived_from_an_argument_fails_at_first_use(db: None) -> None:
    def next_member(member: int) -> QuerySet[Any]:
        return Member.objects.filter(pk=member + 1).values_list("id")

    with pytest.raises(RuntimeError, match="not one of its arguments"):
        CompiledQuery(next_member, sample=(-7,)).rows(1)


def test_sql_that_changes_with_the_arguments_fails_at_first_use(db: None) -> None:
    def named(first_name: str) -> QuerySet[Any]:
        found = Member.objects.values_list("id")
        return found.filter(first_name=first_name) if first_name.endswith("~") else found

    with pytest.raises(RuntimeError, match="SQL changes"):
        CompiledQuery(named, sample=("Ana",)).rows("Ana")
