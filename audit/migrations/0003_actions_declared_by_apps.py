"""Audit actions are declared by the apps that record them and named with the app's label.

The action column loses its frozen choices (a new app's actions need no migration here), and the
events already written get their namespaced names. The append-only trigger is set aside on
PostgreSQL for that one rename, inside this migration's transaction, and restored at once.
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

RENAMED = {
    "page_view": "members.page_view",
    "sign_in": "members.sign_in",
    "sign_in_failed": "members.sign_in_failed",
    "sign_out": "members.sign_out",
    "recovery_requested": "members.recovery_requested",
    "password_reset": "members.password_reset",
    "contact_changed": "members.contact_changed",
    "admin_view": "audit.admin_view",
    "admin_list": "audit.admin_list",
    "admin_search": "audit.admin_search",
    "admin_change": "audit.admin_change",
    "pcp_changed": "providers.pcp_changed",
    "idcard_ordered": "idcards.ordered",
}


def _rename(mapping: dict[str, str]):  # type: ignore[no-untyped-def]
    def run(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        event = apps.get_model("audit", "AuditEvent")
        postgresql = schema_editor.connection.vendor == "postgresql"
        if postgresql:
            schema_editor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
        for old, new in mapping.items():
            event.objects.filter(action=old).update(action=new)
        if postgresql:
            schema_editor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(max_length=50, verbose_name="action"),
        ),
        migrations.RunPython(
            _rename(RENAMED), _rename({new: old for old, new in RENAMED.items()}), elidable=False
        ),
    ]
