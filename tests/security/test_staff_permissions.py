"""Minimum necessary for staff: every admin screen answers a Member services agent exactly as the
role in portal/roles.py says, a staff user without the role sees no member data, and nobody sees
password hashes, verification codes or the audit trail unless their job needs it.

tests/portal/test_roles.py covers the role's set-up and a few jobs end to end; this sweep checks
every registered model and every permission, so a new admin screen cannot slip through.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client, RequestFactory

from audit.models import AuditEvent
from members.models import Member, User, VerificationCode
from portal.registry import roles
from portal.roles import MEMBER_SERVICES
from tests.security.conftest import B_FIRST, B_ID, B_LAST, staff_client

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "add", "change", "delete")


def agent_user() -> User:
    user = User.objects.create_user(username="perm.agent", password="unused password 9", is_staff=True)
    user.groups.add(Group.objects.get(name=MEMBER_SERVICES))
    return User.objects.get(pk=user.pk)  # a fresh permission cache


def registered() -> list[tuple[str, admin.ModelAdmin]]:
    return sorted(
        (
            (f"{model._meta.app_label}.{model._meta.model_name}", model_admin)
            for model, model_admin in admin.site._registry.items()
        ),
        key=lambda item: item[0],
    )


@pytest.mark.parametrize("action", ACTIONS)
def test_every_admin_permission_matches_the_role(action: str) -> None:
    user = agent_user()
    request = RequestFactory().get("/admin/")
    request.user = user
    role = roles()[MEMBER_SERVICES]
    for label, model_admin in registered():
        app_label, model_name = label.split(".")
        granted = f"{app_label}.{action}_{model_name}" in role
        allowed = getattr(model_admin, f"has_{action}_permission")(request)
        if action == "view":
            # The admin lets "change" imply "view".
            granted = granted or f"{app_label}.change_{model_name}" in role
        # A ModelAdmin may refuse more than the role grants (read-only records), never allow more.
        assert not (allowed and not granted), (
            f"Member services may {action} {label} without the role granting it"
        )
        if granted and action == "view":
            assert allowed, f"Member services cannot view {label} though the role grants it"


def test_the_role_grants_nothing_on_accounts_codes_or_the_audit_trail() -> None:
    role = roles()[MEMBER_SERVICES]
    assert not [p for p in role if p.endswith(("_user", "_group", "_permission"))]
    assert not [p for p in role if p.startswith(("audit.", "auth.", "otp_"))]
    assert not [p for p in role if p.endswith("_verificationcode")]
    assert VerificationCode not in admin.site._registry, "codes (even hashed) have no admin screen"


def test_member_services_can_open_every_screen_its_role_lists_and_no_other(make_member) -> None:  # type: ignore[no-untyped-def]
    make_member()
    client = staff_client("rosa.agent")
    role = roles()[MEMBER_SERVICES]
    for label, _model_admin in registered():
        app_label, model_name = label.split(".")
        response = client.get(f"/admin/{app_label}/{model_name}/")
        may_view = bool({f"{app_label}.view_{model_name}", f"{app_label}.change_{model_name}"} & role)
        assert (response.status_code == 200) == may_view, f"{label} answered {response.status_code}"


def test_member_services_sees_no_password_hash_and_cannot_open_users(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    member.user = User.objects.create_user(username="someone", password="unused password 5")
    member.save()
    client = staff_client("rosa.agent")
    assert client.get(f"/admin/members/user/{member.user.pk}/change/").status_code == 403
    html = client.get(f"/admin/members/member/{member.pk}/change/").content.decode()
    assert "md5$" not in html and "pbkdf2" not in html


def test_member_services_cannot_read_the_audit_trail_and_superusers_cannot_change_it(member: Member) -> None:
    AuditEvent.objects.create(member=member, action="sign_in", actor_role="member")
    event = AuditEvent.objects.get()
    assert staff_client("rosa.agent").get("/admin/audit/auditevent/").status_code == 403
    root = staff_client("root.admin", group=None, superuser=True)
    assert root.get("/admin/audit/auditevent/").status_code == 200
    page = root.get(f"/admin/audit/auditevent/{event.pk}/change/").content.decode()
    assert 'name="_save"' not in page, "the audit event page offers no Save"
    assert root.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_staff_without_the_role_see_no_member_data(make_member) -> None:  # type: ignore[no-untyped-def]
    target = make_member(member_id=B_ID, first_name=B_FIRST, last_name=B_LAST)
    client: Client = staff_client("new.hire", group=None)
    for url in [
        "/admin/",
        "/admin/members/member/",
        f"/admin/members/member/{target.pk}/change/",
        "/admin/members/member/?q=Quin",
    ]:
        response = client.get(url)
        html = response.content.decode()
        assert B_LAST not in html and B_ID not in html and B_FIRST not in html, url
        if url != "/admin/":
            assert response.status_code == 403, url
