"""Staff roles as data: each group's exact permissions, and the function that makes the database match.

The groups are defined in code, rather than clicked together in the admin, so every environment
has the same roles and a review shows who may do what: each app declares what each role may do
with its own models (`staff_permissions` in its apps.py; portal.registry.roles() gathers them).
`sync_roles()` runs after every `migrate` (see PortalConfig.ready) and from `manage.py sync_roles`;
it creates missing groups and adds and removes permissions until each group holds exactly what
the apps declare. Groups that no app names are left alone.
"""

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, transaction

from portal.registry import CARE_MANAGER, CARE_SUPERVISOR, GRIEVANCES_AND_APPEALS, MEMBER_SERVICES
from portal.registry import roles as declared_roles

__all__ = [
    "CARE_MANAGER",
    "CARE_SUPERVISOR",
    "GRIEVANCES_AND_APPEALS",
    "MEMBER_SERVICES",
    "RoleChange",
    "UnknownPermissions",
    "sync_roles",
    "sync_roles_after_migrate",
]

logger = logging.getLogger(__name__)


class UnknownPermissions(Exception):
    """A role names permissions the database does not have (a typo, or an app not migrated)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = sorted(names)
        super().__init__("Unknown permissions: " + ", ".join(self.names))


@dataclass(frozen=True)
class RoleChange:
    """What syncing one group did (or, in a dry run, would do)."""

    group: str
    created: bool
    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.created or bool(self.added) or bool(self.removed)


def _permission_name(permission: Permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def sync_roles(
    *,
    roles: Mapping[str, frozenset[str]] | None = None,
    using: str = DEFAULT_DB_ALIAS,
    dry_run: bool = False,
) -> list[RoleChange]:
    """Make each group in `roles` exist with exactly its listed permissions.

    Raises UnknownPermissions, before writing anything, if a role names a permission that is
    not in the database. Running it again changes nothing.
    """
    if roles is None:
        roles = declared_roles()
    wanted_names = set().union(*roles.values()) if roles else set()
    labels = {name.partition(".")[0] for name in wanted_names}
    by_name = {
        _permission_name(p): p
        for p in Permission.objects.using(using)
        .filter(content_type__app_label__in=labels)
        .select_related("content_type")
    }
    missing = wanted_names - by_name.keys()
    if missing:
        raise UnknownPermissions(missing)

    changes = []
    with transaction.atomic(using=using):
        for group_name, wanted in roles.items():
            group = Group.objects.using(using).filter(name=group_name).first()
            current = (
                {_permission_name(p) for p in group.permissions.select_related("content_type")}
                if group
                else set()
            )
            added, removed = wanted - current, current - wanted
            changes.append(
                RoleChange(
                    group=group_name,
                    created=group is None,
                    added=tuple(sorted(added)),
                    removed=tuple(sorted(removed)),
                )
            )
            if dry_run:
                continue
            if group is None:
                group = Group.objects.using(using).create(name=group_name)
            group.permissions.add(*(by_name[name] for name in added))
            group.permissions.remove(*(by_name[name] for name in removed))
    return changes


def sync_roles_after_migrate(
    sender: AppConfig,
    using: str = DEFAULT_DB_ALIAS,
    apps: Apps = global_apps,
    **kwargs: object,
) -> None:
    """post_migrate receiver: sync the roles once, after the last app has migrated."""
    apps_with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is not apps_with_models[-1]:
        return
    try:
        apps.get_model("auth", "Group")
    except LookupError:
        return  # auth was migrated away (e.g. `migrate auth zero`): nothing to sync into.
    # Django creates each app's permissions in its own post_migrate receiver, which may run
    # after this one; creating them here first is idempotent and makes the order not matter.
    labels = {name.partition(".")[0] for names in declared_roles().values() for name in names}
    for label in sorted(labels):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    try:
        changes = sync_roles(using=using)
    except UnknownPermissions as error:
        # Only part of the project is migrated; `manage.py sync_roles` reports this loudly.
        logger.warning("Staff roles not synced: %s", error)
        return
    for change in changes:
        if change.changed:
            logger.info(
                "Role %s synced: %d permissions added, %d removed",
                change.group,
                len(change.added),
                len(change.removed),
            )
