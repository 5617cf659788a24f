"""The authentication backend: allauth's, reading the signed-in member's record with the user.

Every member page needs both the user (the session names it) and their member record
(`member_required`, the header's "Welcome …"): reading them in one query instead of two saves a
query on every page. A staff user has no member record; `user.member` then raises as before,
without a query.

That one query is also the only one on every page, signed-in staff's included, so it is written
once per process from the models' own field lists (`_user_statement`, as portal/statements.py
writes the other reads every page makes), not built by the ORM on each request: building and
compiling it was 0.4 ms, a fifth of the floor (docs/performance.md). The instances are made
with Model.from_db and each field's database converters, as the ORM makes them.
"""

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model

from members.models import Member, User
from portal.statements import Converters, column, converted, converters_for


@dataclass(frozen=True)
class _Statement:
    sql: str
    user_fields: Sequence[str]
    member_fields: Sequence[str]
    member_pk: int  # where the member's primary key is in the row: NULL when the join found none
    converters: Converters


def _columns(model: type[Model], table: str, quote: Callable[[str], str]) -> list[str]:
    return [f"{table}.{quote(column(field))}" for field in model._meta.concrete_fields]


@functools.cache
def _user_statement(alias: str) -> _Statement:
    """SELECT the user's columns and their member record's (LEFT JOIN: staff have none) by id."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    user_meta, member_meta = User._meta, Member._meta
    columns = _columns(User, "u", quote) + _columns(Member, "m", quote)
    user_pk, member_user = quote(column(user_meta.pk)), quote(column(member_meta.get_field("user")))
    tables = f"{quote(user_meta.db_table)} u LEFT OUTER JOIN {quote(member_meta.db_table)} m"
    # Names from the models' metadata, quoted; the id is the one parameter.
    sql = f"SELECT {', '.join(columns)} FROM {tables} ON m.{member_user} = u.{user_pk} WHERE u.{user_pk} = %s"  # noqa: S608
    user_fields = [field.attname for field in user_meta.concrete_fields]
    member_fields = [field.attname for field in member_meta.concrete_fields]
    return _Statement(
        sql=sql,
        user_fields=user_fields,
        member_fields=member_fields,
        member_pk=len(user_fields) + member_fields.index(member_meta.pk.attname),
        converters=converters_for([*user_meta.concrete_fields, *member_meta.concrete_fields], connection),
    )


def user_with_member(user_id: Any, alias: str = DEFAULT_DB_ALIAS) -> User | None:
    """The user with this id and their member record (None for staff), in one query; None if
    there is no such user."""
    statement = _user_statement(alias)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, [User._meta.pk.get_db_prep_value(user_id, connection)])
        row = cursor.fetchone()
    if row is None:
        return None
    values = converted(row, statement.converters, connection)
    split = len(statement.user_fields)
    user = User.from_db(alias, statement.user_fields, values[:split])
    member = None
    if values[statement.member_pk] is not None:
        member = Member.from_db(alias, statement.member_fields, values[split:])
        Member.user.field.set_cached_value(member, user)
    User.member.related.set_cached_value(user, member)
    return user


class MemberAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = user_with_member(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: Any) -> User | None:
        try:
            user = await User._default_manager.select_related("member").aget(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
