"""Claims in the staff admin: read-only, found by claim number or member ID, every view audited,
sensitive claims only for staff given claims.view_sensitive_claim."""

import datetime
from collections.abc import Callable

from django.contrib.auth.models import Permission

from audit.models import AuditEvent
from members.models import Member, User
from tests.claims.records import make_claim
from tests.security.conftest import staff_client

DAY = datetime.date(2026, 4, 2)


def test_staff_find_a_claim_by_number_or_member_id_and_cannot_change_it(
    make_member: Callable[..., Member],
) -> None:
    member = make_member(member_id="M777")
    claim = make_claim(member, service=DAY, claim_number="CL-ADMIN")
    make_claim(make_member(), service=DAY, claim_number="CL-OTHER")
    staff = staff_client("rosa.agent")

    by_number = staff.get("/admin/claims/claim/?q=cl-admin").content.decode()
    by_member = staff.get("/admin/claims/claim/?q=M777").content.decode()
    page = staff.get(f"/admin/claims/claim/{claim.pk}/change/")

    assert "CL-ADMIN" in by_number and "CL-OTHER" not in by_number
    assert "CL-ADMIN" in by_member and "CL-OTHER" not in by_member
    assert page.status_code == 200 and "Office visit, established patient" in page.content.decode()
    assert 'type="submit"' not in page.content.decode().split('id="claim_form"')[-1].split("</form>")[0]
    assert staff.post(f"/admin/claims/claim/{claim.pk}/change/", {}).status_code == 403
    assert staff.get("/admin/claims/claim/add/").status_code == 403
    assert AuditEvent.objects.filter(action="audit.admin_view", member=member).exists()


def test_sensitive_claims_need_their_own_permission(make_member: Callable[..., Member]) -> None:
    claim = make_claim(make_member(), service=DAY, claim_number="CL-SENSITIVE", sensitive=True)
    staff = staff_client("rosa.agent")

    assert "CL-SENSITIVE" not in staff.get("/admin/claims/claim/").content.decode()
    assert staff.get(f"/admin/claims/claim/{claim.pk}/change/").status_code == 302  # "does not exist"

    User.objects.get(username="rosa.agent").user_permissions.add(
        Permission.objects.get(codename="view_sensitive_claim")
    )
    assert "CL-SENSITIVE" in staff.get("/admin/claims/claim/").content.decode()
