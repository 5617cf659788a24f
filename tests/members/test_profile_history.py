"""Staff read the history of a member's contact changes in the admin, and nobody can alter it."""

from collections.abc import Callable

from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice

from members.models import ContactChange, Member, Phone, PhoneKind, User

STAFF_PASSWORD = "staff lantern orchard 42"

MakeMember = Callable[..., Member]


def staff_client() -> Client:
    """A superuser signed in to the admin with a one-time backup token."""
    user = User.objects.create_user(
        username="ana.staff", password=STAFF_PASSWORD, is_staff=True, is_superuser=True
    )
    device = StaticDevice.objects.create(user=user, name="backup")
    device.token_set.create(token="abcd1234")
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/",
        {
            "username": user.username,
            "password": STAFF_PASSWORD,
            "otp_device": device.persistent_id,
            "otp_token": "abcd1234",
        },
    )
    assert response.status_code == 302, "admin sign-in failed"
    return client


def test_staff_read_what_a_member_changed_and_cannot_alter_it(
    member_client: Client,
    member: Member,
    make_member: MakeMember,
) -> None:
    phone = Phone.objects.create(member=member, kind=PhoneKind.CELL, number="+18315550142")
    member_client.post(f"/profile/phone/{phone.pk}/edit/", {"kind": "cell", "number": "(831) 555-0177"})
    other = make_member(member_id="Z99999999")
    ContactChange.objects.create(
        member=other, action="add", category="email", after={"address": "z@example.com"}
    )
    change = ContactChange.objects.get(member=member)

    staff = staff_client()
    listing = staff.get("/admin/members/contactchange/", {"q": member.member_id}).content.decode()
    assert f"/admin/members/contactchange/{change.pk}/change/" in listing
    assert "Z99999999" not in listing
    page = staff.get(f"/admin/members/contactchange/{change.pk}/change/").content.decode()
    assert "+18315550142" in page and "+18315550177" in page and "jose.nunez" in page
    assert 'name="_save"' not in page and "/delete/" not in page

    assert (
        staff.post(f"/admin/members/contactchange/{change.pk}/change/", {"before": "{}"}).status_code == 403
    )
    assert staff.post(f"/admin/members/contactchange/{change.pk}/delete/", {"post": "yes"}).status_code == 403
    assert staff.get("/admin/members/contactchange/add/").status_code == 403
    change.refresh_from_db()
    assert change.before["number"] == "+18315550142"
