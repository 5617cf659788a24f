"""Profile → Personal Information: a member sees, adds, edits and deletes their addresses, phone
numbers and email addresses; bad input is refused next to the field and saves nothing."""

import pytest
from django.test import Client

from members.models import (
    Address,
    AddressKind,
    ContactChange,
    ContactEmail,
    Member,
    Phone,
    PhoneKind,
    User,
)
from outbox.models import Email

PROFILE = "/profile/"
ACCOUNT_EMAIL = "jose@example.com"


@pytest.fixture
def mailing(member: Member) -> Address:
    """The member's account has an email; their record has a mailing address, a cell phone and an email."""
    assert member.user is not None
    member.user.email = ACCOUNT_EMAIL
    member.user.save()
    Phone.objects.create(member=member, kind=PhoneKind.CELL, number="+18315550142", is_primary=True)
    ContactEmail.objects.create(member=member, address="jose.home@example.com", is_primary=True)
    return Address.objects.create(
        member=member,
        kind=AddressKind.MAILING,
        line1="1600 Main St",
        city="Salinas",
        state="CA",
        zip_code="93901",
        is_primary=True,
    )


def changed_emails() -> list[Email]:
    return list(Email.objects.filter(template="members/contact_changed"))


def assert_one_change_notice(*details: str) -> None:
    """Exactly one "contact information changed" email went to the account, saying none of `details`."""
    emails = changed_emails()
    assert len(emails) == 1
    email = emails[0]
    assert email.to == ACCOUNT_EMAIL
    assert email.subject == "Your contact information changed"
    for detail in details:
        assert detail not in email.body_text and detail not in email.body_html


def assert_nothing_changed() -> None:
    assert not ContactChange.objects.exists()
    assert not changed_emails()


def test_anonymous_visitors_are_sent_to_log_in(client: Client, db: None) -> None:
    for url in [PROFILE, "/profile/address/add/", "/profile/phone/1/edit/", "/profile/email/1/delete/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_staff_user_without_a_member_record_gets_404(client: Client, db: None) -> None:
    client.force_login(User.objects.create_user(username="clerk", is_staff=True))
    assert client.get(PROFILE).status_code == 404


def test_page_shows_each_category_with_edit_delete_and_add_new(
    member_client: Client, mailing: Address
) -> None:
    phone = Phone.objects.get()
    email = ContactEmail.objects.get()
    html = member_client.get(PROFILE).content.decode()
    assert html.count("<h1") == 1 and "<h1>Profile</h1>" in html
    assert '<a href="/profile/" aria-current="page">Personal Information</a>' in html
    for heading in ["Addresses", "Phone Numbers", "Email Addresses"]:
        assert f">{heading}</h2>" in html
    for kind in ["address", "phone", "email"]:
        assert f'href="/profile/{kind}/add/"' in html
    assert html.count(">Add New</a>") == 3
    for kind, pk in [("address", mailing.pk), ("phone", phone.pk), ("email", email.pk)]:
        assert f'href="/profile/{kind}/{pk}/edit/"' in html
        assert f'href="/profile/{kind}/{pk}/delete/"' in html
    assert "1600 Main St" in html and "Salinas, CA 93901" in html
    assert "(831) 555-0142" in html, "phone numbers are shown in national format"
    assert "jose.home@example.com" in html
    assert ACCOUNT_EMAIL in html and 'href="/profile/account-email/"' in html
    assert "(Primary)" in html


def test_unknown_kind_of_contact_is_404(member_client: Client, mailing: Address) -> None:
    assert member_client.get("/profile/fax/add/").status_code == 404


# --- Add ----------------------------------------------------------------------------------------


def test_add_an_address(member_client: Client, mailing: Address, member: Member) -> None:
    response = member_client.post(
        "/profile/address/add/",
        {
            "kind": "home",
            "line1": "22 Elm Ave",
            "line2": "Apt 4",
            "city": "Watsonville",
            "state": "CA",
            "zip_code": "95076-1234",
        },
    )
    assert response.status_code == 302 and response["Location"] == PROFILE
    home = Address.objects.get(member=member, kind=AddressKind.HOME)
    assert (home.line1, home.line2, home.city, home.state, home.zip_code) == (
        "22 Elm Ave",
        "Apt 4",
        "Watsonville",
        "CA",
        "95076-1234",
    )
    change = ContactChange.objects.get()
    assert (change.action, change.category, change.object_id) == ("add", "address", home.pk)
    assert change.actor == member.user and change.after["line1"] == "22 Elm Ave"
    assert_one_change_notice("22 Elm Ave", "Watsonville", "95076")
    assert "Your contact information was saved." in member_client.get(PROFILE).content.decode()


def test_add_a_phone_number_stores_e164(member_client: Client, mailing: Address, member: Member) -> None:
    response = member_client.post("/profile/phone/add/", {"kind": "work", "number": "831.555.0199"})
    assert response.status_code == 302
    assert Phone.objects.get(member=member, kind=PhoneKind.WORK).number == "+18315550199"
    assert ContactChange.objects.get().category == "phone"
    assert_one_change_notice("0199", "555-0199")
    assert "(831) 555-0199" in member_client.get(PROFILE).content.decode()


def test_add_an_email_address(member_client: Client, mailing: Address, member: Member) -> None:
    response = member_client.post("/profile/email/add/", {"address": "jose.work@example.org"})
    assert response.status_code == 302
    assert ContactEmail.objects.filter(member=member, address="jose.work@example.org").exists()
    assert ContactChange.objects.get().category == "email"
    assert_one_change_notice("jose.work")


# --- Edit ---------------------------------------------------------------------------------------


def test_edit_form_shows_the_current_values(member_client: Client, mailing: Address) -> None:
    phone = Phone.objects.get()
    html = member_client.get(f"/profile/phone/{phone.pk}/edit/").content.decode()
    assert html.count("<h1") == 1 and "Edit Phone Number" in html
    assert 'value="(831) 555-0142"' in html
    html = member_client.get(f"/profile/address/{mailing.pk}/edit/").content.decode()
    assert 'value="1600 Main St"' in html and '<option value="CA" selected>' in html


def test_edit_an_address_records_before_and_after(
    member_client: Client, mailing: Address, member: Member
) -> None:
    data = {"kind": "mailing", "line1": "9 Oak Rd", "city": "Marina", "state": "CA", "zip_code": "93933"}
    response = member_client.post(f"/profile/address/{mailing.pk}/edit/", {**data, "is_primary": "on"})
    assert response.status_code == 302
    mailing.refresh_from_db()
    assert (mailing.line1, mailing.city, mailing.zip_code, mailing.is_primary) == (
        "9 Oak Rd",
        "Marina",
        "93933",
        True,
    )
    change = ContactChange.objects.get()
    assert change.action == "update" and change.object_id == mailing.pk
    assert change.before["line1"] == "1600 Main St" and change.after["line1"] == "9 Oak Rd"
    assert_one_change_notice("Oak", "Marina", "93933", "1600")


def test_edit_a_phone_and_an_email(member_client: Client, mailing: Address) -> None:
    phone, email = Phone.objects.get(), ContactEmail.objects.get()
    member_client.post(f"/profile/phone/{phone.pk}/edit/", {"kind": "home", "number": "(408) 555-0110"})
    member_client.post(f"/profile/email/{email.pk}/edit/", {"address": "new@example.net", "is_primary": "on"})
    phone.refresh_from_db()
    email.refresh_from_db()
    assert (phone.kind, phone.number, phone.is_primary) == ("home", "+14085550110", False)
    assert email.address == "new@example.net"
    assert ContactChange.objects.count() == 2
    assert len(changed_emails()) == 2


def test_saving_without_a_change_records_and_sends_nothing(member_client: Client, mailing: Address) -> None:
    email = ContactEmail.objects.get()
    response = member_client.post(
        f"/profile/email/{email.pk}/edit/", {"address": "jose.home@example.com", "is_primary": "on"}
    )
    assert response.status_code == 302
    assert_nothing_changed()


# --- Delete -------------------------------------------------------------------------------------


def test_delete_asks_first_then_deletes(member_client: Client, mailing: Address, member: Member) -> None:
    phone = Phone.objects.get()
    url = f"/profile/phone/{phone.pk}/delete/"
    html = member_client.get(url).content.decode()
    assert html.count("<h1") == 1 and "Delete Phone Number" in html and "(831) 555-0142" in html
    assert Phone.objects.filter(pk=phone.pk).exists(), "GET deletes nothing"
    response = member_client.post(url)
    assert response.status_code == 302 and response["Location"] == PROFILE
    assert not Phone.objects.filter(pk=phone.pk).exists()
    change = ContactChange.objects.get()
    assert change.action == "delete" and change.before["number"] == "+18315550142" and change.after == {}
    assert_one_change_notice("0142", "555-0142")


def test_delete_an_email_and_a_second_mailing_address(
    member_client: Client, mailing: Address, member: Member
) -> None:
    email = ContactEmail.objects.get()
    other = Address.objects.create(
        member=member,
        kind=AddressKind.MAILING,
        line1="PO Box 5",
        city="Salinas",
        state="CA",
        zip_code="93902",
    )
    assert member_client.post(f"/profile/email/{email.pk}/delete/").status_code == 302
    assert member_client.post(f"/profile/address/{mailing.pk}/delete/").status_code == 302
    assert list(Address.objects.filter(member=member)) == [other]
    assert not ContactEmail.objects.exists()


def test_the_last_mailing_address_cannot_be_deleted(
    member_client: Client, mailing: Address, member: Member
) -> None:
    Address.objects.create(
        member=member, kind=AddressKind.HOME, line1="22 Elm Ave", city="Salinas", state="CA", zip_code="93901"
    )
    response = member_client.post(f"/profile/address/{mailing.pk}/delete/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "You must keep at least one mailing address" in html
    assert 'role="alert"' in html and "<button" not in html.split("</main>")[0].split('id="main"')[1]
    assert Address.objects.filter(pk=mailing.pk).exists()
    assert_nothing_changed()


def test_the_last_mailing_address_cannot_become_a_home_address(
    member_client: Client, mailing: Address
) -> None:
    data = {"kind": "home", "line1": "1600 Main St", "city": "Salinas", "state": "CA", "zip_code": "93901"}
    response = member_client.post(f"/profile/address/{mailing.pk}/edit/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_kind_error"' in html and "You must keep at least one mailing address" in html
    mailing.refresh_from_db()
    assert mailing.kind == AddressKind.MAILING
    assert_nothing_changed()


# --- Validation ---------------------------------------------------------------------------------

ADDRESS = {"kind": "home", "line1": "22 Elm Ave", "city": "Salinas", "state": "CA", "zip_code": "93901"}
HIDDEN = "This contains a hidden or unreadable character, perhaps from copying and pasting."


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        ("phone", {"kind": "cell", "number": "555-0123"}, "number", "Enter a valid phone number"),
        ("phone", {"kind": "cell", "number": "(999) 555-0123"}, "number", "Enter a valid phone number"),
        ("phone", {"kind": "cell", "number": "call me"}, "number", "Enter a valid phone number"),
        ("phone", {"kind": "pager", "number": "(831) 555-0123"}, "kind", "Choose the phone type"),
        ("address", {**ADDRESS, "zip_code": "9390"}, "zip_code", "Enter a 5-digit ZIP code"),
        ("address", {**ADDRESS, "zip_code": "939011234"}, "zip_code", "Enter a 5-digit ZIP code"),
        ("address", {**ADDRESS, "zip_code": "93901-12"}, "zip_code", "Enter a 5-digit ZIP code"),
        ("address", {**ADDRESS, "state": "ZZ"}, "state", "Choose your state from the list"),
        ("address", {**ADDRESS, "state": "California"}, "state", "Choose your state from the list"),
        ("address", {**ADDRESS, "line1": ""}, "line1", "Enter your street address"),
        ("email", {"address": "jose@"}, "address", "Enter an email address in the form name@example.com"),
        ("email", {"address": "jose example.com"}, "address", "Enter an email address in the form"),
        # Shown as "22 Elm Ave" but stored reversed: a right-to-left override.
        ("address", {**ADDRESS, "line1": "22 \u202eevA mlE"}, "line1", HIDDEN),
        ("address", {**ADDRESS, "line2": "Apt \u20664\u2069"}, "line2", HIDDEN),
        ("address", {**ADDRESS, "city": "Sali\x1b[2Jnas"}, "city", HIDDEN),
        ("address", {**ADDRESS, "city": "Sali\x00nas"}, "city", HIDDEN),
        ("address", {**ADDRESS, "line1": "22 Elm\nAve"}, "line1", HIDDEN),
        ("address", {**ADDRESS, "line1": "22 Elm \ufffd"}, "line1", HIDDEN),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field_and_saves_nothing(
    member_client: Client, mailing: Address, kind: str, data: dict[str, str], field: str, message: str
) -> None:
    before = (Address.objects.count(), Phone.objects.count(), ContactEmail.objects.count())
    response = member_client.post(f"/profile/{kind}/add/", data)
    html = response.content.decode()
    assert response.status_code == 200
    errors = html.split(f'id="id_{field}_error"')
    assert len(errors) == 2, "one error list, under the field"
    assert message in errors[1].split("</ul>")[0]
    describedby = _input_tag(html, field).split('aria-describedby="')[1].split('"')[0]
    assert f"id_{field}_error" in describedby.split(), "the error is announced with the field"
    assert (Address.objects.count(), Phone.objects.count(), ContactEmail.objects.count()) == before
    assert_nothing_changed()


def _input_tag(html: str, field: str) -> str:
    for tag in html.split("<"):
        if f'id="id_{field}"' in tag and tag.startswith(("input", "select")):
            return tag
    raise AssertionError(f"no input for {field}")


def test_an_address_that_is_not_valid_utf8_is_refused_not_stored_as_replacement_characters(
    member_client: Client, mailing: Address
) -> None:
    # What a browser or script sends in the wrong encoding: Latin-1 "Peñasco" (ñ = 0xF1).
    body = b"kind=home&line1=1+Pe%F1asco+Rd&city=Salinas&state=CA&zip_code=93901"
    response = member_client.post(
        "/profile/address/add/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert HIDDEN in response.content.decode()
    assert not Address.objects.filter(kind=AddressKind.HOME).exists()
    assert_nothing_changed()


def test_names_and_addresses_in_every_script_are_kept(member_client: Client, mailing: Address) -> None:
    # Vietnamese, Arabic with the right-to-left mark its keyboards type, Chinese, Portuguese.
    data = {**ADDRESS, "line1": "12 Đường Nguyễn Huệ", "line2": "شقة \u200f4", "city": "台北 São Paulo"}
    response = member_client.post("/profile/address/add/", data)
    assert response.status_code == 302
    saved = Address.objects.get(kind=AddressKind.HOME)
    assert (saved.line1, saved.line2, saved.city) == (data["line1"], data["line2"], data["city"])


def test_bad_edit_changes_nothing(member_client: Client, mailing: Address) -> None:
    response = member_client.post(
        f"/profile/address/{mailing.pk}/edit/", {**ADDRESS, "kind": "mailing", "zip_code": "ABCDE"}
    )
    assert response.status_code == 200
    mailing.refresh_from_db()
    assert mailing.zip_code == "93901" and mailing.line1 == "1600 Main St"
    assert_nothing_changed()


# --- Primary ------------------------------------------------------------------------------------


def test_a_new_primary_unmarks_the_old_one_of_the_same_type(
    member_client: Client, mailing: Address, member: Member
) -> None:
    old_cell = Phone.objects.get()
    work = Phone.objects.create(member=member, kind=PhoneKind.WORK, number="+18315550100", is_primary=True)
    response = member_client.post(
        "/profile/phone/add/", {"kind": "cell", "number": "8315550177", "is_primary": "on"}
    )
    assert response.status_code == 302
    new_cell = Phone.objects.get(number="+18315550177")
    old_cell.refresh_from_db()
    work.refresh_from_db()
    assert new_cell.is_primary and not old_cell.is_primary
    assert work.is_primary, "another type keeps its own primary"
    unmarked = ContactChange.objects.get(object_id=old_cell.pk)
    assert unmarked.before["is_primary"] is True and unmarked.after["is_primary"] is False
    assert len(changed_emails()) == 1, "one change, one email"


def test_marking_an_existing_email_primary_unmarks_the_old(
    member_client: Client, mailing: Address, member: Member
) -> None:
    old = ContactEmail.objects.get()
    other = ContactEmail.objects.create(member=member, address="second@example.com")
    member_client.post(
        f"/profile/email/{other.pk}/edit/", {"address": "second@example.com", "is_primary": "on"}
    )
    old.refresh_from_db()
    other.refresh_from_db()
    assert other.is_primary and not old.is_primary
    assert ContactEmail.objects.filter(member=member, is_primary=True).count() == 1


def test_a_new_primary_mailing_address_unmarks_the_old_one(
    member_client: Client, mailing: Address, member: Member
) -> None:
    member_client.post("/profile/address/add/", {**ADDRESS, "kind": "mailing", "is_primary": "on"})
    mailing.refresh_from_db()
    assert not mailing.is_primary
    assert Address.objects.get(member=member, kind=AddressKind.MAILING, is_primary=True).line1 == "22 Elm Ave"
