"""Staff roles: `migrate` sets up Member services, the role can do its job and no more, and
`sync_roles` puts the group back the way the code defines it."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import Client

from coverage.models import Coverage
from members.models import Member, Phone
from portal.registry import roles
from portal.roles import MEMBER_SERVICES, UnknownPermissions, sync_roles
from tests.staff import make_staff, sign_in_with_static_token


def group_permissions(name: str) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


def sync(*args: str) -> str:
    out = io.StringIO()
    call_command("sync_roles", *args, stdout=out)
    return out.getvalue()


def member_services_client(username: str = "rosa.agent") -> Client:
    agent = make_staff(username)
    agent.groups.add(Group.objects.get(name=MEMBER_SERVICES))
    client = Client()
    sign_in_with_static_token(client, agent)
    return client


def test_migrate_sets_up_member_services_with_exactly_its_permissions(db: None) -> None:
    # The test database was built by `migrate`; nothing here created the group.
    granted = group_permissions(MEMBER_SERVICES)
    assert granted == roles()[MEMBER_SERVICES]
    assert {"members.view_member", "members.change_phone", "members.add_address"} <= granted
    assert {"coverage.view_coverage", "providers.view_provider", "providers.view_pcpassignment"} <= granted
    assert not granted & {"members.delete_member", "members.add_member", "coverage.change_coverage"}
    assert not granted & {"providers.change_pcpassignment", "providers.change_provider"}
    assert not {name for name in granted if name.endswith("_user")}
    assert not {name for name in granted if name.startswith(("auth.", "otp_totp.", "otp_static."))}


def test_member_services_views_a_member_but_cannot_delete_them(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member(member_id="C30000001")
    client = member_services_client()

    page = client.get(f"/admin/members/member/{member.pk}/change/")
    assert page.status_code == 200 and "C30000001" in page.content.decode()
    assert client.get(f"/admin/members/member/{member.pk}/delete/").status_code == 403
    assert client.post(f"/admin/members/member/{member.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Member.objects.filter(pk=member.pk).exists()


def test_member_services_updates_a_members_phone(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    phone = Phone.objects.create(member=member, kind="cell", number="+18315550100", is_primary=True)
    client = member_services_client()
    response = client.post(
        f"/admin/members/member/{member.pk}/change/",
        {
            "preferred_language": "en",
            "addresses-TOTAL_FORMS": "0",
            "addresses-INITIAL_FORMS": "0",
            "phones-TOTAL_FORMS": "1",
            "phones-INITIAL_FORMS": "1",
            "phones-0-id": str(phone.pk),
            "phones-0-member": str(member.pk),
            "phones-0-kind": "cell",
            "phones-0-number": "831-555-0199",
            "phones-0-is_primary": "on",
            "emails-TOTAL_FORMS": "0",
            "emails-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    phone.refresh_from_db()
    assert phone.number == "+18315550199"


def test_member_services_sees_coverage_read_only(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    span = Coverage.objects.create(
        member=member, program="Medi-Cal", plan="Alliance Medi-Cal", effective_date=datetime.date(2024, 1, 1)
    )
    client = member_services_client()
    url = f"/admin/coverage/coverage/{span.pk}/change/"
    html = client.get(url).content.decode()
    assert "Alliance Medi-Cal" in html
    assert 'name="plan"' not in html and 'name="_save"' not in html
    response = client.post(
        url,
        {"member": member.pk, "program": "Medi-Cal", "plan": "Other", "effective_date": "2024-01-01"},
    )
    assert response.status_code == 403
    span.refresh_from_db()
    assert span.plan == "Alliance Medi-Cal"


def test_member_services_cannot_manage_staff_or_otp_devices(db: None) -> None:
    client = member_services_client()
    for url in (
        "/admin/members/user/",
        "/admin/auth/group/",
        "/admin/otp_totp/totpdevice/",
        "/admin/otp_static/staticdevice/",
    ):
        assert client.get(url).status_code == 403, url


def test_a_member_services_user_without_the_group_sees_nothing(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    client = Client()
    sign_in_with_static_token(client, make_staff("no.role"))
    assert client.get(f"/admin/members/member/{member.pk}/change/").status_code == 403


def test_sync_roles_is_idempotent_and_repairs_drift(db: None) -> None:
    group = Group.objects.get(name=MEMBER_SERVICES)
    assert "0 groups were created, 0 permissions were added and 0 were removed" in sync()

    group.permissions.add(Permission.objects.get(codename="delete_member"))
    group.permissions.remove(Permission.objects.get(codename="view_coverage"))
    dry = sync("--dry-run")
    assert "1 permissions would be added and 1 would be removed" in dry
    assert "members.delete_member" in group_permissions(MEMBER_SERVICES)

    assert "1 permissions were added and 1 were removed" in sync()
    assert group_permissions(MEMBER_SERVICES) == roles()[MEMBER_SERVICES]
    assert "0 permissions were added and 0 were removed" in sync()
    assert Group.objects.filter(name=MEMBER_SERVICES).count() == 1


def test_sync_roles_creates_a_missing_group(db: None) -> None:
    Group.objects.filter(name=MEMBER_SERVICES).delete()
    assert "1 groups were created" in sync()
    assert group_permissions(MEMBER_SERVICES) == roles()[MEMBER_SERVICES]


def test_an_unknown_permission_fails_before_writing(db: None) -> None:
    roles = {"New role": frozenset({"members.view_member", "members.fly_member"})}
    with pytest.raises(UnknownPermissions, match=r"members\.fly_member"):
        sync_roles(roles=roles)
    assert not Group.objects.filter(name="New role").exists()


def test_the_command_reports_an_unknown_permission(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(roles(), "Broken", frozenset({"members.fly_member"}))
    with pytest.raises(CommandError, match="fly_member"):
        sync()


def test_staff_users_keep_groups_not_defined_in_code(db: None) -> None:
    Group.objects.create(name="Auditors").permissions.add(Permission.objects.get(codename="view_member"))
    sync()
    assert group_permissions("Auditors") == {"members.view_member"}
