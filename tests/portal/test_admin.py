"""The staff admin: members never get in, staff need a password and a one-time password,
and the member and provider lists find the right records."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from members.models import Member, Phone
from providers.models import Provider
from tests.conftest import MEMBER_PASSWORD
from tests.staff import admin_log_in, current_token, make_staff, sign_in_with_static_token


def test_a_member_is_refused_from_the_admin(member_client: Client, member: Member) -> None:
    # Logged in to the portal: the admin still sends them to its own log-in page.
    response = member_client.get("/admin/members/member/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    response = admin_log_in(Client(), "jose.nunez", password=MEMBER_PASSWORD)
    assert response.status_code == 200
    assert "staff account" in response.content.decode()


def test_staff_with_a_password_but_no_otp_device_cannot_sign_in(db: None) -> None:
    make_staff()
    client = Client()
    response = admin_log_in(client, "ana.staff")
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_password_only_session_is_not_enough(db: None) -> None:
    client = Client()
    client.force_login(make_staff())
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_staff_signs_in_with_a_totp_code_and_sees_the_members(make_member) -> None:  # type: ignore[no-untyped-def]
    make_member(member_id="A11112222", last_name="Ramírez")
    staff = make_staff(superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="phone")
    client = Client()
    response = admin_log_in(client, "ana.staff", device=device.persistent_id, token=current_token(device))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    page = client.get("/admin/members/member/")
    assert page.status_code == 200
    assert "A11112222" in page.content.decode()
    assert "Member services" in page.content.decode()


def test_a_wrong_totp_code_is_refused(db: None) -> None:
    device = TOTPDevice.objects.create(user=make_staff(), name="phone")
    wrong = f"{(int(current_token(device)) + 500_000) % 10**6:06d}"
    client = Client()
    response = admin_log_in(client, "ana.staff", device=device.persistent_id, token=wrong)
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_static_token_from_addstatictoken_works_once(db: None) -> None:
    staff = make_staff()
    out = io.StringIO()
    call_command("addstatictoken", "ana.staff", stdout=out)
    token = out.getvalue().strip()
    device = StaticDevice.objects.get(user=staff).persistent_id

    first = Client()
    assert admin_log_in(first, "ana.staff", device=device, token=token)["Location"] == "/admin/"
    assert first.get("/admin/").status_code == 200

    second = Client()
    assert admin_log_in(second, "ana.staff", device=device, token=token).status_code == 200
    assert second.get("/admin/").status_code == 302


def test_member_search_by_member_id_and_name_prefix(make_member) -> None:  # type: ignore[no-untyped-def]
    make_member(member_id="A10000001", first_name="Ana", last_name="Quintero")
    make_member(member_id="A10000002", first_name="Luis", last_name="Quiroga")
    make_member(member_id="B20000003", first_name="Mei", last_name="Tanaka")
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))

    def found(term: str) -> set[str]:
        html = client.get("/admin/members/member/", {"q": term}).content.decode()
        return {mid for mid in ("A10000001", "A10000002", "B20000003") if mid in html}

    assert found("A10000002") == {"A10000002"}
    assert found("a10000002") == {"A10000002"}
    assert found("Quint") == {"A10000001"}
    assert found("qui") == {"A10000001", "A10000002"}
    assert found("Mei") == {"B20000003"}
    assert found("A1000000") == set()  # a member ID matches only in full


@pytest.mark.parametrize("term", ["A10000001", "quin", "m"])
def test_member_search_is_served_by_indexes_not_a_scan_of_every_member(db: None, term: str) -> None:
    Member.objects.bulk_create(
        Member(
            member_id=f"X{n:07d}",
            first_name=f"Ana{n}",
            last_name=f"Ruiz{n}",
            date_of_birth=datetime.date(1980, 1, 1),
        )
        for n in range(2_000)
    )
    sql, params = Member.objects.search(term).query.sql_with_params()
    with connection.cursor() as cursor:
        # Statistics of these rows, not of whatever an earlier test left in the table.
        cursor.execute("ANALYZE members_member")
        # At test size a sequential scan is cheaper; forbidding it shows whether an index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        explained = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan" not in explained, explained
    for index in ("member_id_upper_idx", "member_last_upper_idx", "member_first_upper_idx"):
        assert index in explained, explained


def test_member_list_queries_do_not_grow_with_members(  # type: ignore[no-untyped-def]
    make_member, django_assert_max_num_queries
) -> None:
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))
    make_member()
    with django_assert_max_num_queries(12) as few:
        client.get("/admin/members/member/")
    for _ in range(20):
        make_member()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/admin/members/member/")


def test_staff_fix_a_phone_number_on_the_member_page(make_member) -> None:  # type: ignore[no-untyped-def]
    member = make_member()
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))
    data = {
        "preferred_language": "es",
        "addresses-TOTAL_FORMS": "0",
        "addresses-INITIAL_FORMS": "0",
        "phones-TOTAL_FORMS": "1",
        "phones-INITIAL_FORMS": "0",
        "phones-0-kind": "cell",
        "phones-0-number": "(831) 555-0123",
        "phones-0-is_primary": "on",
        "phones-0-member": str(member.pk),
        "emails-TOTAL_FORMS": "0",
        "emails-INITIAL_FORMS": "0",
        # Enrollment owns the name: a posted change is ignored.
        "last_name": "Changed",
    }
    response = client.post(f"/admin/members/member/{member.pk}/change/", data)
    assert response.status_code == 302
    assert Phone.objects.get(member=member).number == "+18315550123"
    member.refresh_from_db()
    assert member.preferred_language == "es" and member.last_name == "Núñez-Ortiz"


@pytest.mark.parametrize(
    ("prefix", "fields"),
    [
        (
            "addresses",
            {
                "kind": "mailing",
                "line1": "Ana\u202etxt.exe",
                "city": "Salinas",
                "state": "CA",
                "zip_code": "93901",
            },
        ),
        (
            "addresses",
            {
                "kind": "mailing",
                "line1": "1 Main St",
                "city": "Sali\ufffdnas",
                "state": "CA",
                "zip_code": "93901",
            },
        ),
        ("emails", {"address": "ana\u2066@example.com"}),
    ],
)
def test_staff_cannot_save_hidden_characters_in_a_contact(  # type: ignore[no-untyped-def]
    make_member, prefix: str, fields: dict[str, str]
) -> None:
    member = make_member()
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))
    data = {"preferred_language": "en"}
    for inline in ("addresses", "phones", "emails"):
        data |= {f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"}
    data |= {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-member": str(member.pk)}
    data |= {f"{prefix}-0-{name}": value for name, value in fields.items()}

    response = client.post(f"/admin/members/member/{member.pk}/change/", data)

    assert response.status_code == 200
    assert "This contains a hidden or unreadable character" in response.content.decode()
    assert not member.addresses.exists() and not member.emails.exists()


def test_staff_cannot_add_members_by_hand(db: None) -> None:
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))
    assert client.get("/admin/members/member/add/").status_code == 403


def test_a_provider_saved_in_the_admin_is_found_by_folded_name(db: None) -> None:
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))
    response = client.post(
        "/admin/providers/provider/add/",
        {
            "npi": "1234567893",
            "first_name": "Inés",
            "last_name": "García López",
            "gender": "F",
            "specialty": "Family Medicine",
            "is_primary_care": "on",
            "accepting_new_patients": "on",
            "languages": '["es"]',
        },
    )
    assert response.status_code == 302
    provider = Provider.objects.get(npi="1234567893")
    assert provider.last_name_folded == "garcialopez"
    for term in ("garcia", "García", "1234567893", "ines"):
        html = client.get("/admin/providers/provider/", {"q": term}).content.decode()
        assert "1234567893" in html, term


def test_pcp_assignment_form_never_lists_every_member_or_provider(make_member) -> None:  # type: ignore[no-untyped-def]
    make_member()
    client = Client()
    sign_in_with_static_token(client, make_staff(superuser=True))
    html = client.get("/admin/providers/pcpassignment/add/").content.decode()
    assert 'name="member"' in html and 'name="provider"' in html
    assert '<select name="member"' not in html and '<select name="provider"' not in html
    html = client.get("/admin/coverage/coverage/add/").content.decode()
    assert 'name="member"' in html and '<select name="member"' not in html
