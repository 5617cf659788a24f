"""Changing the email the account signs in with: a code goes to the new address, and only the
right code (VERIFY) changes it; the old address is told, without being told the new one."""

import datetime
import re
from collections.abc import Callable

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.codes import code_issue
from members.models import CodePurpose, ContactChange, Member, User, VerificationCode
from outbox.models import Email
from tests.members.conftest import code_in, last_email_to
from tests.sign_in import authenticated_just_now, force_sign_in

CHANGE = "/profile/account-email/"
VERIFY = "/profile/account-email/verify/"
OLD = "jose@example.com"
NEW = "jose.new@example.org"

MakeMember = Callable[..., Member]


@pytest.fixture
def account(member: Member) -> User:
    """The member's account, signing in with OLD."""
    user = member.user
    assert user is not None
    user.email = OLD
    user.save()
    EmailAddress.objects.create(user=user, email=OLD, verified=True, primary=True)
    return user


def start(client: Client, email: str = NEW) -> None:
    response = client.post(CHANGE, {"email": email, "email_again": email})
    assert response.status_code == 302 and response["Location"] == VERIFY


def test_the_form_has_the_two_fields(member_client: Client, account: User) -> None:
    html = member_client.get(CHANGE).content.decode()
    assert html.count("<h1") == 1
    assert "New email address" in html and "Verify email address" in html and OLD in html


def test_the_code_goes_to_the_new_address_and_verify_changes_the_email(
    member_client: Client, account: User, member: Member
) -> None:
    start(member_client)
    account.refresh_from_db()
    assert account.email == OLD, "nothing changes before VERIFY"
    code_email = last_email_to(NEW)
    assert code_email.template == "members/email_change_code"
    assert not Email.objects.filter(to=OLD).exists()
    page = member_client.get(VERIFY).content.decode()
    assert "Verification Code" in page and "VERIFY" in page

    response = member_client.post(VERIFY, {"code": code_in(code_email)})
    assert response.status_code == 302 and response["Location"] == "/profile/"
    account.refresh_from_db()
    assert account.email == NEW
    assert list(EmailAddress.objects.filter(user=account).values_list("email", "verified", "primary")) == [
        (NEW, True, True)
    ]
    notice = last_email_to(OLD)
    assert notice.template == "members/email_changed_notice"
    assert NEW not in notice.body_text and NEW not in notice.body_html and NEW not in notice.subject
    assert "call Member Services" in notice.body_text
    assert last_email_to(NEW).template == "members/contact_changed"
    change = ContactChange.objects.get()
    assert (change.category, change.before, change.after) == ("account_email", {"email": OLD}, {"email": NEW})
    assert NEW in member_client.get("/profile/").content.decode()


def test_a_wrong_code_changes_nothing(member_client: Client, account: User) -> None:
    start(member_client)
    right = code_in(last_email_to(NEW))
    wrong = "000000" if right != "000000" else "111111"
    response = member_client.post(VERIFY, {"code": wrong})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_code_error"' in html and "That code is not correct" in html
    account.refresh_from_db()
    assert account.email == OLD
    assert EmailAddress.objects.get(user=account).email == OLD
    assert not Email.objects.filter(to=OLD).exists() and not ContactChange.objects.exists()


def test_an_expired_code_changes_nothing(member_client: Client, account: User) -> None:
    start(member_client)
    code = code_in(last_email_to(NEW))
    # The session's own 15-minute idle limit would log the member out first; age the code instead.
    VerificationCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = member_client.post(VERIFY, {"code": code})
    assert "This code has expired" in response.content.decode()
    account.refresh_from_db()
    assert account.email == OLD


def test_send_a_new_code_after_a_minute(member_client: Client, account: User) -> None:
    start(member_client)
    first = code_in(last_email_to(NEW))
    member_client.post(VERIFY, {"resend": "1"})
    assert Email.objects.filter(to=NEW).count() == 1, "not within the cool-down"
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=61)):
        member_client.post(VERIFY, {"resend": "1"})
        second = code_in(last_email_to(NEW))
        assert Email.objects.filter(to=NEW).count() == 2
        if second != first:
            member_client.post(VERIFY, {"code": first})
            account.refresh_from_db()
            assert account.email == OLD, "the earlier code no longer works"
        member_client.post(VERIFY, {"code": second})
    account.refresh_from_db()
    assert account.email == NEW


def _page(client: Client, url: str) -> str:
    return re.sub(r'value="[^"]+"', "", client.get(url).content.decode())


@pytest.mark.parametrize("taken", ["ana@example.com", "ANA@Example.com"])
def test_an_address_of_another_account_gets_the_same_answer_and_its_owner_a_notice(
    member_client: Client, account: User, member: Member, make_member: MakeMember, taken: str
) -> None:
    ana = make_member(first_name="Ana", last_name="Quintero")
    ana.user = User.objects.create_user(username="ana", email="ana@example.com", preferred_language="es")
    ana.save()
    free = Client()
    force_sign_in(free, account)

    start(member_client, taken)
    taken_page = _page(member_client, VERIFY)
    # No code works, and nothing changes.
    response = member_client.post(VERIFY, {"code": "000000"})
    assert "That code is not correct" in response.content.decode()
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(minutes=2)):
        start(free, NEW)
        assert _page(free, VERIFY) == taken_page, "the member cannot tell whose address it is"

    assert not Email.objects.filter(template="members/email_change_code", to=taken).exists(), "no code for it"
    notice = Email.objects.get(template="members/email_in_use_notice")
    assert notice.to == taken and notice.language == "es", "the owner is told, in their language"
    assert notice.member_id == ana.pk
    for detail in [member.first_name, member.last_name, member.member_id, "jose", OLD, NEW, "1980"]:
        assert detail.lower() not in (notice.subject + notice.body_text + notice.body_html).lower()
    assert "Ana" not in notice.body_text, "nothing of the owner's record either"
    account.refresh_from_db()
    assert account.email == OLD


def test_a_free_and_a_taken_address_cost_the_same_queries(
    member_client: Client, account: User, make_member: MakeMember
) -> None:
    other = make_member()
    other.user = User.objects.create_user(username="ana", email="ana@example.com")
    other.save()
    member_client.get(CHANGE)  # warm the session

    def statements(email: str) -> list[str]:
        VerificationCode.objects.all().delete()
        with CaptureQueriesContext(connection) as captured:
            member_client.post(CHANGE, {"email": email, "email_again": email})
        return [" ".join(re.findall(r'^\w+|(?:FROM|INTO|UPDATE) "\w+"', q["sql"])) for q in captured]

    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC), tick=False) as traveller:
        taken = statements("ana@example.com")
        traveller.shift(datetime.timedelta(minutes=2))
        free = statements(NEW)
    assert taken == free


def test_checking_addresses_is_limited_whoever_owns_them(member_client: Client, account: User) -> None:
    # The review checked 120 addresses; now every answer is the same, and only a few are sent.
    User.objects.create_user(username="ana", email="ana@example.com")
    answers = []
    # The limits count per UTC day: the 24 minutes below must not cross a midnight.
    noon = datetime.datetime.now(tz=datetime.UTC).replace(hour=12, minute=0)
    with time_machine.travel(noon, tick=False) as traveller:
        force_sign_in(member_client, account)
        for n in range(12):
            address = "ana@example.com" if n % 2 else f"free{n}@example.org"
            response = member_client.post(CHANGE, {"email": address, "email_again": address})
            answers.append((response.status_code, "as many codes as we can" in response.content.decode()))
            traveller.shift(datetime.timedelta(minutes=2))
            authenticated_just_now(member_client)  # past 15 minutes it would ask again
    assert answers[:5] == [(302, False)] * 5
    assert answers[5:] == [(200, True)] * 7
    assert Email.objects.count() == 5


def test_the_two_addresses_must_match_and_differ_from_the_current(
    member_client: Client, account: User
) -> None:
    html = member_client.post(CHANGE, {"email": NEW, "email_again": "other@example.org"}).content.decode()
    assert 'id="id_email_again_error"' in html and "do not match" in html
    html = member_client.post(CHANGE, {"email": OLD.upper(), "email_again": OLD.upper()}).content.decode()
    assert 'id="id_email_error"' in html and "already the email address" in html
    html = member_client.post(CHANGE, {"email": "nope@", "email_again": "nope@"}).content.decode()
    assert 'id="id_email_error"' in html
    assert not Email.objects.exists()


def test_address_taken_while_the_code_was_on_its_way(member_client: Client, account: User) -> None:
    start(member_client)
    User.objects.create_user(username="quick", email=NEW.upper())
    response = member_client.post(VERIFY, {"code": code_in(last_email_to(NEW))})
    assert response.status_code == 302 and response["Location"] == CHANGE
    account.refresh_from_db()
    assert account.email == OLD and not ContactChange.objects.exists()


def test_verify_without_a_pending_change_goes_back_to_the_form(member_client: Client, account: User) -> None:
    response = member_client.get(VERIFY)
    assert response.status_code == 302 and response["Location"] == CHANGE


def test_another_members_code_cannot_be_used(
    member_client: Client,
    account: User,
    make_member: MakeMember,
) -> None:
    other: Member = make_member()
    issued = code_issue(
        member=other,
        purpose=CodePurpose.EMAIL_CHANGE,
        email="x@example.com",
        payload={"email": "x@example.com"},
    )
    session = member_client.session
    session["email_change_code_id"] = issued.record.pk
    session.save()
    response = member_client.post(VERIFY, {"code": issued.code})
    assert "can no longer be used" in response.content.decode()
    account.refresh_from_db()
    assert account.email == OLD
    issued.record.refresh_from_db()
    assert issued.record.used_at is None
