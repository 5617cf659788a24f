"""Reads written once per process (portal/statements.py) must give what the ORM gives: the same
rows, in the model's order, as instances that save and load like the ORM's."""

from collections.abc import Callable

from members.models import Member, Phone, PhoneKind
from portal.statements import ModelStatement

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
