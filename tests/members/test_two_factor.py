"""Members' two-factor (allauth.mfa): an authenticator app with recovery codes; once set up,
LOG IN asks for a code, and a password reset does not skip it."""

import datetime

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client

from audit.models import AuditEvent
from members.models import Member
from portal.registry import MEMBER_SERVICES
from tests.members.conftest import code_in, handle_recoveries, last_email_to
from tests.members.flows import RECOVER, SENT, details, log_in
from tests.members.two_factor import reauthenticate, set_up_authenticator, totp_now
from tests.staff import make_staff, sign_in_with_static_token

NEW_PASSWORD = "meadow copper violin"

pytestmark = pytest.mark.django_db


def test_with_an_authenticator_log_in_asks_for_its_code(client: Client, member: Member) -> None:
    log_in(client)
    secret = set_up_authenticator(client)
    assert Authenticator.objects.filter(user=member.user, type=Authenticator.Type.TOTP).exists()
    client.post("/accounts/logout/")

    response = log_in(client)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    with time_machine.travel(datetime.timedelta(seconds=31)):
        response = client.post("/accounts/2fa/authenticate/", {"code": totp_now(secret)})
    assert response["Location"] == "/"
    assert "Welcome José" in client.get("/").content.decode()


def test_a_recovery_code_signs_in_once(client: Client, member: Member) -> None:
    log_in(client)
    set_up_authenticator(client)
    codes = Authenticator.objects.get(user=member.user, type=Authenticator.Type.RECOVERY_CODES)
    code = codes.wrap().get_unused_codes()[0]
    client.post("/accounts/logout/")
    log_in(client)
    assert client.post("/accounts/2fa/authenticate/", {"code": code})["Location"] == "/"
    client.post("/accounts/logout/")
    log_in(client)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in client.session


def test_a_password_reset_does_not_skip_the_second_factor(client: Client, account: Member) -> None:
    log_in(client)
    set_up_authenticator(client)
    client.post("/accounts/logout/")

    client.post(RECOVER, details(account, False, True))
    handle_recoveries()
    code = code_in(last_email_to("jose@example.com"))
    client.post(SENT, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": code})
    response = log_in(client, password=NEW_PASSWORD)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


def test_changing_two_factor_asks_for_the_password_again_after_15_minutes(
    client: Client, member: Member
) -> None:
    log_in(client)
    reauthenticate(client)
    with time_machine.travel(datetime.timedelta(minutes=14)):
        assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    with time_machine.travel(datetime.timedelta(minutes=16)):
        response = client.get("/accounts/2fa/totp/activate/")
        assert response["Location"].startswith("/accounts/reauthenticate/")


def test_member_services_reset_a_lost_second_factor_in_the_admin_audited(
    client: Client, member: Member
) -> None:
    log_in(client)
    set_up_authenticator(client)
    client.post("/accounts/logout/")
    staff = make_staff()
    staff.groups.add(Group.objects.get(name=MEMBER_SERVICES))
    admin = Client()
    sign_in_with_static_token(admin, staff)

    response = admin.post(
        "/admin/members/member/", {"action": "reset_two_factor", "_selected_action": [member.pk]}, follow=True
    )
    assert "Two-factor removed: 2." in response.content.decode()
    assert not Authenticator.objects.filter(user=member.user).exists()
    event = AuditEvent.objects.get(action="members.two_factor_reset")
    assert (event.member_id, event.actor_id) == (member.pk, staff.pk)
    assert log_in(client)["Location"] == "/"
