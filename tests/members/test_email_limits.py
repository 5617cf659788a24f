"""Emailed codes are limited: per member and flow (a cool-down and a daily cap), per recipient
address and per client address, and each member has a daily budget of wrong codes.

The recovery pages answer exactly the same when a limit bites; the sign-up and email-change
pages, which only a member who proved who they are reaches, say why.
"""

import datetime
import re
from collections.abc import Callable

import time_machine
from allauth.account.models import EmailAddress
from django.test import Client

from members import email_limits, rules
from members.codes import WRONG_CODES_PER_DAY, CodeCheck, code_check, code_issue
from members.models import CodePurpose, Member, VerificationCode
from outbox.models import Email
from tests.members.conftest import code_in, handle_recoveries, last_email_to
from tests.members.flows import (
    RECOVER,
    SENT,
    SIGNUP,
    VERIFY,
    details,
    signup_data,
)

MakeMember = Callable[..., Member]
START = datetime.datetime(2026, 9, 15, 16, 0, tzinfo=datetime.UTC)
COOLED = rules.CODE_RESEND_COOL_DOWN + datetime.timedelta(seconds=1)
NEW_PASSWORD = "meadow copper violin"


def page(client: Client, url: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", client.get(url).content.decode())


def test_forty_recovery_requests_send_a_handful_of_codes(account: Member) -> None:
    # The review's finding: 40 correct requests sent 40 emails, each a fresh code worth 5 guesses.
    answers = set()
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(40):
            client = Client()
            response = client.post(RECOVER, details(account, False, True))
            handle_recoveries()
            answers.add((response.status_code, response["Location"], page(client, SENT)))
            traveller.shift(datetime.timedelta(seconds=20))
    sent = Email.objects.filter(to="jose@example.com").count()
    assert sent == email_limits.MEMBER_FLOW_PER_DAY, "one per cool-down, up to the daily cap"
    assert len(answers) == 1, "every answer the same, limited or not"


def test_recovery_requests_within_the_cool_down_send_one_email(account: Member) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(3):
            Client().post(RECOVER, details(account, True, True))
            handle_recoveries()
        assert Email.objects.count() == 1
        traveller.shift(COOLED)
        Client().post(RECOVER, details(account, True, True))
        handle_recoveries()
    assert Email.objects.count() == 2


def test_a_limited_recovery_answers_like_one_that_matched_nobody(account: Member) -> None:
    with time_machine.travel(START, tick=False):
        Client().post(RECOVER, details(account, False, True))
        handle_recoveries()
        limited, stranger = Client(), Client()
        r1 = limited.post(RECOVER, details(account, False, True))
        handle_recoveries()
        r2 = stranger.post(RECOVER, details(account, False, True, member_id="Z99999999"))
        handle_recoveries()
        assert (r1.status_code, r1["Location"]) == (r2.status_code, r2["Location"])
        assert page(limited, SENT) == page(stranger, SENT)
        wrong = {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": "000000"}
        a, b = limited.post(SENT, wrong).content.decode(), stranger.post(SENT, wrong).content.decode()
    assert re.sub(r'value="[^"]+"', "", a) == re.sub(r'value="[^"]+"', "", b)
    assert Email.objects.count() == 1


def test_the_daily_cap_ends_with_the_day(account: Member) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(email_limits.MEMBER_FLOW_PER_DAY + 2):
            Client().post(RECOVER, details(account, True, False))
            handle_recoveries()
            traveller.shift(COOLED)
        assert Email.objects.count() == email_limits.MEMBER_FLOW_PER_DAY
        traveller.shift(datetime.timedelta(days=1))
        Client().post(RECOVER, details(account, True, False))
        handle_recoveries()
    assert Email.objects.count() == email_limits.MEMBER_FLOW_PER_DAY + 1


def test_sign_up_codes_are_limited_and_the_page_says_so(make_member: MakeMember) -> None:
    enrollee = make_member(member_id="A12345678")
    client = Client()
    with time_machine.travel(START, tick=False) as traveller:
        assert client.post(SIGNUP, signup_data(enrollee)).status_code == 302
        html = client.post(SIGNUP, signup_data(enrollee)).content.decode()
        assert "Please wait 60 seconds before asking for another code" in html
        for _ in range(email_limits.MEMBER_FLOW_PER_DAY - 1):
            traveller.shift(COOLED)
            response = client.post(VERIFY, {"resend": "1"}, follow=True)
            assert "We sent a new code" in response.content.decode()
        traveller.shift(COOLED)
        response = client.post(VERIFY, {"resend": "1"}, follow=True)
        assert "as many codes as we can for today" in response.content.decode()
        traveller.shift(COOLED)
        html = client.post(SIGNUP, signup_data(enrollee)).content.decode()
    assert "as many codes as we can for today" in html
    assert Email.objects.filter(to="jose@example.com").count() == email_limits.MEMBER_FLOW_PER_DAY


def test_one_address_gets_a_limited_number_of_codes_whoever_asks(make_member: MakeMember) -> None:
    # Each member asks once, so only the recipient's limit can bite.
    members = [make_member() for _ in range(email_limits.ADDRESS_PER_DAY + 1)]
    with time_machine.travel(START, tick=False):
        answers = [
            Client().post(
                SIGNUP, signup_data(m, username=f"user{m.pk}"), REMOTE_ADDR=f"203.0.113.{m.pk % 250}"
            )
            for m in members
        ]
    assert [r.status_code for r in answers[:-1]] == [302] * email_limits.ADDRESS_PER_DAY
    assert "as many codes as we can for today" in answers[-1].content.decode()
    assert Email.objects.filter(to="jose@example.com").count() == email_limits.ADDRESS_PER_DAY


def test_one_client_address_gets_a_limited_number_of_codes(make_member: MakeMember) -> None:
    members = [make_member() for _ in range(email_limits.CLIENT_PER_DAY + 1)]
    with time_machine.travel(START, tick=False):
        answers = [
            Client().post(
                SIGNUP,
                signup_data(
                    m,
                    username=f"user{m.pk}",
                    email=f"m{m.pk}@example.com",
                    email_again=f"m{m.pk}@example.com",
                ),
                REMOTE_ADDR="198.51.100.7",
            )
            for m in members
        ]
    assert [r.status_code for r in answers[:-1]] == [302] * email_limits.CLIENT_PER_DAY
    assert "as many codes as we can for today" in answers[-1].content.decode()


def test_email_change_codes_are_limited(member_client: Client, member: Member) -> None:
    assert member.user is not None
    member.user.email = "jose@example.com"
    member.user.save()
    EmailAddress.objects.create(user=member.user, email="jose@example.com", verified=True, primary=True)
    html = ""
    with time_machine.travel(START, tick=False) as traveller:
        for n in range(email_limits.MEMBER_FLOW_PER_DAY + 1):
            new = f"new{n}@example.org"
            response = member_client.post("/profile/account-email/", {"email": new, "email_again": new})
            html = response.content.decode()
            traveller.shift(COOLED)
    assert "as many codes as we can for today" in html
    assert (
        Email.objects.filter(template="members/email_change_code").count() == email_limits.MEMBER_FLOW_PER_DAY
    )


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_member_has_a_daily_budget_of_wrong_codes(account: Member) -> None:
    # Fresh codes one after another: each dies after CODE_TRIES wrong tries, but the tries add up.
    rounds = WRONG_CODES_PER_DAY // rules.CODE_TRIES
    assert rounds < email_limits.MEMBER_FLOW_PER_DAY, "the budget, not the cap, must be what bites"
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(rounds):
            client = Client()
            client.post(RECOVER, details(account, False, True))
            handle_recoveries()
            code = code_in(last_email_to("jose@example.com"))
            for _ in range(rules.CODE_TRIES):
                client.post(
                    SENT,
                    {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD, "code": _wrong(code)},
                )
            traveller.shift(COOLED)
        sent_before = Email.objects.count()
        Client().post(RECOVER, details(account, False, True))
        handle_recoveries()
        assert Email.objects.count() == sent_before, "no new code once the budget is spent"
        # Even a code issued some other way is not accepted, the right one included.
        issued = code_issue(member=account, purpose=CodePurpose.PASSWORD_RESET, email="jose@example.com")
        assert code_check(record_id=issued.record.pk, purpose=CodePurpose.PASSWORD_RESET, code=issued.code)[
            0
        ] is (CodeCheck.DEAD)
        traveller.shift(datetime.timedelta(days=1))
        issued = code_issue(member=account, purpose=CodePurpose.PASSWORD_RESET, email="jose@example.com")
        result, _record = code_check(
            record_id=issued.record.pk, purpose=CodePurpose.PASSWORD_RESET, code=issued.code
        )
    assert result is CodeCheck.OK, "a day later the member may try again"
    assert VerificationCode.objects.filter(member=account).count() == rounds + 2
