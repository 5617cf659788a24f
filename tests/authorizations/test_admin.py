"""Staff admin: read-only, searched by authorization number or member ID, audited; a sensitive
record's clinical details stay the member's."""

from collections.abc import Callable

from django.contrib.auth.models import Group
from django.test import Client

from audit.actions import ADMIN_VIEW
from audit.models import AuditEvent
from authorizations.models import Authorization
from members.models import Member
from portal.registry import MEMBER_SERVICES
from tests.authorizations.factories import make_authorization
from tests.staff import make_staff, sign_in_with_static_token


def staff() -> Client:
    user = make_staff("rosa.agent")
    user.groups.add(Group.objects.get(name=MEMBER_SERVICES))
    client = Client()
    sign_in_with_static_token(client, user)
    return client


def test_search_by_authorization_number_or_member_id(make_member: Callable[..., Member]) -> None:
    first, second = make_member(member_id="M100"), make_member(member_id="M200")
    make_authorization(first, authorization_number="2026-00123")
    make_authorization(second, authorization_number="2026-00456")
    client = staff()
    by_number = client.get("/admin/authorizations/authorization/", {"q": "2026-00123"}).content.decode()
    assert "2026-00123" in by_number and "2026-00456" not in by_number
    by_member = client.get("/admin/authorizations/authorization/", {"q": "m200"}).content.decode()
    assert "2026-00456" in by_member and "2026-00123" not in by_member


def test_read_only_and_audited(make_member: Callable[..., Member]) -> None:
    target = make_member()
    record = make_authorization(target)
    client = staff()
    page = client.get(f"/admin/authorizations/authorization/{record.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="service_description"' not in html and "MRI of the lower back" in html  # shown, not editable
    assert client.post(f"/admin/authorizations/authorization/{record.pk}/change/", {}).status_code == 403
    assert client.get("/admin/authorizations/authorization/add/").status_code == 403
    assert AuditEvent.objects.filter(action=ADMIN_VIEW, member=target).exists()


def test_a_sensitive_records_details_are_not_shown_to_staff(make_member: Callable[..., Member]) -> None:
    record = make_authorization(
        make_member(), service_description="Counseling visits", denial_reason="Not covered.", sensitive=True
    )
    client = staff()
    listing = client.get("/admin/authorizations/authorization/").content.decode()
    assert "Counseling visits" not in listing and "Sensitive: shown only to the member" in listing
    detail = client.get(f"/admin/authorizations/authorization/{record.pk}/change/").content.decode()
    assert record.authorization_number in detail and "Counseling visits" not in detail
    assert Authorization.objects.get().service_description == "Counseling visits"
