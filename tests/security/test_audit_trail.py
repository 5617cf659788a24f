"""The audit trail: who saw or changed which member's data, written for members' pages, sign-ins,
changes and staff access in the admin, and never edited or deleted afterwards."""

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection, transaction
from django.test import Client, RequestFactory

from audit.actions import ADMIN_CHANGE, ADMIN_LIST, ADMIN_SEARCH, ADMIN_VIEW
from audit.models import ActorRole, AuditEvent
from audit.services import audit_record
from idcards.audit_actions import IDCARD_ORDERED
from idcards.models import IdCardOrder
from members.audit_actions import (
    CONTACT_CHANGED,
    PAGE_VIEW,
    PASSWORD_RESET,
    RECOVERY_REQUESTED,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
)
from members.models import Member, Phone, User
from outbox.models import Email
from portal.registry import AuditAction
from providers.audit_actions import PCP_CHANGED
from tests.conftest import MEMBER_PASSWORD
from tests.members.conftest import handle_recoveries
from tests.providers.pcp_factories import make_provider
from tests.security.conftest import B_FIRST, B_ID, B_LAST, staff_client

pytestmark = pytest.mark.django_db


def events(member: Member, action: AuditAction) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(member=member, action=action).order_by("id"))


def test_a_member_page_view_names_actor_role_member_ip_and_request(
    member_client: Client, member: Member
) -> None:
    response = member_client.get("/coverage/", REMOTE_ADDR="203.0.113.9")
    [event] = events(member, PAGE_VIEW)
    assert (event.actor, event.actor_role, event.ip) == (member.user, ActorRole.MEMBER, "203.0.113.9")
    assert event.detail == "coverage"
    assert event.request_id == response["X-Request-ID"] and len(event.request_id) == 32


def test_a_well_formed_request_id_from_the_load_balancer_is_kept_and_a_bad_one_replaced(
    member_client: Client, member: Member
) -> None:
    member_client.get("/coverage/", HTTP_X_REQUEST_ID="lb-5f2c9a1e-77")
    member_client.get("/coverage/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    first, second = events(member, PAGE_VIEW)
    assert first.request_id == "lb-5f2c9a1e-77"
    assert second.request_id != "<script>alert(1)</script>" and len(second.request_id) == 32


def test_sign_in_failed_sign_in_and_sign_out_are_recorded(client: Client, member: Member) -> None:
    client.post("/accounts/login/", {"login": "jose.nunez", "password": "wrong password entirely"})
    client.post("/accounts/login/", {"login": "jose.nunez", "password": MEMBER_PASSWORD})
    client.post("/accounts/logout/")
    trail = AuditEvent.objects.filter(member=member).exclude(action=PAGE_VIEW).order_by("id")
    actions = list(trail.values_list("action", "actor_role"))
    assert actions[-3:] == [
        (SIGN_IN_FAILED, ActorRole.ANONYMOUS),
        (SIGN_IN, ActorRole.MEMBER),
        (SIGN_OUT, ActorRole.MEMBER),
    ]
    # The username someone typed is not kept: it may be a person's name.
    assert not AuditEvent.objects.filter(detail__icontains="jose").exists()


def test_a_contact_change_is_recorded_without_the_new_value(member_client: Client, member: Member) -> None:
    response = member_client.post("/profile/phone/add/", {"kind": "cell", "number": "(831) 555-0143"})
    assert response.status_code == 302
    [event] = events(member, CONTACT_CHANGED)
    assert event.detail == "phone added"
    assert not AuditEvent.objects.filter(detail__contains="555").exists()


def test_staff_list_search_view_and_change_of_a_member_are_recorded(
    make_member: Callable[..., Member],
) -> None:
    target = make_member(member_id=B_ID, first_name=B_FIRST, last_name=B_LAST)
    phone = Phone.objects.create(member=target, kind="home", number="+18315550199")
    staff = staff_client("rosa.agent")

    assert staff.get("/admin/members/member/").status_code == 200
    assert staff.get("/admin/members/member/", {"q": B_LAST}).status_code == 200
    assert staff.get(f"/admin/members/member/{target.pk}/change/").status_code == 200
    assert staff.get(f"/admin/members/phone/{phone.pk}/change/").status_code in {200, 302, 403, 404}

    agent = User.objects.get(username="rosa.agent")
    trail = list(AuditEvent.objects.filter(actor=agent).exclude(action=SIGN_IN).order_by("id"))
    assert [(e.action, e.member_id) for e in trail[:3]] == [
        (ADMIN_LIST, None),
        (ADMIN_SEARCH, None),
        (ADMIN_VIEW, target.pk),
    ]
    assert all(e.actor_role == ActorRole.STAFF for e in trail)
    # The search term is not kept: it was a member's name.
    assert not AuditEvent.objects.filter(detail__icontains=B_LAST).exists()


def test_staff_marking_an_id_card_order_mailed_is_recorded_against_that_member(
    make_member: Callable[..., Member],
) -> None:
    target = make_member()
    order = IdCardOrder.objects.create(
        member=target, line1="1 Main St", city="Salinas", state="CA", zip_code="93901"
    )
    staff = staff_client("rosa.agent")
    response = staff.post(
        "/admin/idcards/idcardorder/", {"action": "mark_mailed", "_selected_action": [str(order.pk)]}
    )
    assert response.status_code == 302
    [event] = events(target, ADMIN_CHANGE)
    assert event.detail == "idcards.idcardorder mark_mailed"


def test_nobody_can_add_change_or_delete_audit_events_in_the_admin(member: Member) -> None:
    superuser = User.objects.create_superuser(username="root", password="unused password 1")
    request = RequestFactory().get("/admin/audit/auditevent/")
    request.user = superuser
    model_admin = site._registry[AuditEvent]
    event = audit_record(request=None, action=PAGE_VIEW, member=member)
    assert model_admin.has_view_permission(request, event)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, event)
    assert not model_admin.has_delete_permission(request, event)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_to_update_or_delete_an_audit_event(member: Member) -> None:
    event = audit_record(request=None, action=SIGN_IN, member=member)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action=PAGE_VIEW)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == SIGN_IN


def test_deleting_a_member_keeps_their_audit_history(make_member: Callable[..., Member]) -> None:
    gone = make_member()
    audit_record(request=None, action=CONTACT_CHANGED, member=gone)
    gone_id = gone.pk
    gone.delete()
    assert AuditEvent.objects.filter(member_id=gone_id).count() == 1


def test_recent_activity_shows_sign_ins_changes_and_staff_access_but_not_others(
    client: Client, member: Member, make_member: Callable[..., Member]
) -> None:
    other = make_member()
    audit_record(request=None, action=PCP_CHANGED, member=other)
    client.post("/accounts/login/", {"login": "jose.nunez", "password": MEMBER_PASSWORD})
    staff = staff_client("rosa.agent")
    staff.get(f"/admin/members/member/{member.pk}/change/")

    response = client.get("/profile/activity/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Recent activity on your account" in html
    assert "Signed in" in html and "Staff viewed the record" in html
    assert "Viewed a page" not in html
    assert "Primary care provider changed" not in html  # that was another member's
    assert response.context["events"][0].action == ADMIN_VIEW


@pytest.mark.parametrize("count", [1, 40])
def test_recent_activity_costs_the_same_queries_for_1_or_40_events(
    member_client: Client,
    member: Member,
    count: int,
    django_assert_num_queries: Callable[[int], AbstractContextManager[object]],
) -> None:
    AuditEvent.objects.bulk_create(
        AuditEvent(member=member, action=SIGN_IN, actor_role=ActorRole.MEMBER) for _ in range(count)
    )
    member_client.get("/profile/activity/")  # the session is now in the cache
    # The session's user with their member record (the account menu's greeting reuses it), the
    # events, the header's unread messages, the page_view INSERT.
    with django_assert_num_queries(4):
        response = member_client.get("/profile/activity/")
    assert len(response.context["events"]) == min(count + 1, 20)  # and force_login's sign-in


def test_recovery_reset_pcp_change_and_id_card_order_are_recorded(
    client: Client, member_a: Member, provider: Any
) -> None:
    member = member_a
    identity = {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "date_of_birth": member.date_of_birth.isoformat(),
        "member_id": member.member_id,
    }
    client.post("/accounts/recover/", {**identity, "reset_password": "on"})
    handle_recoveries()
    email = Email.objects.filter(to="jose@example.com").latest("id")
    code = re.search(r"\b(\d{6})\b", email.body_text)
    assert code is not None
    new_password = "quartz meadow lantern 88"
    client.post(
        "/accounts/recover/sent/",
        {"code": code.group(1), "new_password": new_password, "new_password_again": new_password},
    )
    client.post("/accounts/login/", {"login": "jose.nunez", "password": new_password})
    chosen = make_provider(last_name="Okafor")
    client.post("/providers/change/reason/", {"provider": chosen.pk, "reason": "member_request"})
    client.post("/profile/id-cards/order/")

    recorded = set(AuditEvent.objects.filter(member=member).values_list("action", flat=True))
    assert {
        RECOVERY_REQUESTED,
        PASSWORD_RESET,
        SIGN_IN,
        PCP_CHANGED,
        IDCARD_ORDERED,
    } <= recorded


def test_a_recovery_that_matches_nobody_is_recorded_without_a_member(client: Client, db: None) -> None:
    client.post(
        "/accounts/recover/",
        {
            "first_name": "No",
            "last_name": "Body",
            "date_of_birth": "1990-01-01",
            "member_id": "X0",
            "forgot_username": "on",
        },
    )
    [event] = AuditEvent.objects.filter(action=RECOVERY_REQUESTED)
    assert (event.member_id, event.actor_role) == (None, ActorRole.ANONYMOUS)
