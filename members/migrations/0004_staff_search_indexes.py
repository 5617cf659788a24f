"""Indexes for the admin's member search (MemberQuerySet.search) on PostgreSQL.

`member_id__iexact` and `last_name__istartswith` compile to UPPER(col::text) = / LIKE UPPER(%s):
an index on the bare column is never used, so each search read all the members. These index what
the query compares; text_pattern_ops lets a prefix LIKE use them whatever the database collation.
SQLite (the development default) has no expression opclasses and needs none at its size.
"""

from django.db import migrations

INDEXES = {
    "member_id_upper_idx": "UPPER(member_id::text)",
    "member_last_upper_idx": "UPPER(last_name::text) text_pattern_ops",
    "member_first_upper_idx": "UPPER(first_name::text) text_pattern_ops",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, expression in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON members_member ({expression})")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX {name}")


class Migration(migrations.Migration):
    dependencies = [("members", "0003_contact_history")]

    operations = [migrations.RunPython(create, drop)]
