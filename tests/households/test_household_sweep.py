"""The household sweep: every URL of the MyServices apps, requested by each role with every other
household member's ids wherever an id can go (the path, the query string, the form), answers 404
for a record that is not the viewed member's, and shows nothing of anyone the role may not see.

Roles (households/rules.py): the head of household, viewing themself or a household member; an
adult household member; an account holder who is not the head. New URLs under /my/ are picked up
by walking the URL resolver.
"""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from documents.models import Document, Notice
from eligibility.models import Alert, EligibilitySpan
from members.models import Member
from tests.households.clients import signed_in, view
from tests.households.households import Household, MakeMember, give_records, marker

pytestmark = pytest.mark.usefixtures("myservices")

MARKED = ("Program", "Request", "Sent", "Notice", "Street")


def routes(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, route)
        elif route.startswith("my/"):
            yield route


ROUTES = sorted(set(routes(get_resolver().url_patterns)))


def ids_of(member: Member) -> dict[str, list[int]]:
    return {
        "member": [member.pk],
        "notice": list(Notice.objects.filter(member=member).values_list("pk", flat=True)),
        "document": list(Document.objects.filter(member=member).values_list("pk", flat=True)),
        "span": list(EligibilitySpan.objects.filter(member=member).values_list("pk", flat=True)),
        "alert": list(Alert.objects.filter(member=member).values_list("pk", flat=True)),
    }


def urls(route: str, other: Member) -> Iterator[str]:
    """The route with `other`'s ids in it: the notice route takes their notices' ids (an id of
    another table may well be one of the viewer's own notices), every route the rest in its query."""
    ids = ids_of(other)
    every = [pk for pks in ids.values() for pk in pks]
    if "<int:pk>" in route:
        for pk in ids["notice"]:
            yield "/" + route.replace("<int:pk>", str(pk))
            yield "/" + route.replace("<int:pk>", str(pk)) + "?download=1"
    else:
        assert "<" not in route, f"{route}: the sweep does not know this parameter"
        yield "/" + route
        for name in ("member", "member_id", "pk", "id", "viewing"):
            for pk in every:
                yield f"/{route}?{name}={pk}"


def test_the_sweep_covers_every_myservices_url() -> None:
    assert set(ROUTES) == {
        "my/",
        "my/viewing/",
        "my/benefits/",
        "my/documents/",
        "my/notices/",
        "my/notices/<int:pk>/",
    }


def sweep(client: Client, viewed: Member, hidden: list[Member]) -> None:
    """`client` sees `viewed`'s records; every URL with a hidden member's ids shows nothing of theirs."""
    for other in hidden:
        for route in ROUTES:
            for url in urls(route, other):
                for method in ("get", "post"):
                    response = getattr(client, method)(
                        url, {"member": other.pk, "member_id": other.member_id}
                    )
                    where = f"{method.upper()} {url} (viewing {viewed.first_name}, {other.first_name}'s ids)"
                    if "<int:pk>" in route:
                        assert response.status_code in {404, 405}, f"{where} answered {response.status_code}"
                        continue
                    assert response.status_code in {200, 302, 404, 405}, (
                        f"{where} answered {response.status_code}"
                    )
                    html = response.content.decode()
                    leaked = [what for what in MARKED if marker(other, what) in html]
                    assert not leaked, f"{where} showed {leaked}"
                    if route == "my/viewing/" and response.status_code == 302:
                        # The head chose a member of their own household: back to `viewed`.
                        view(client, viewed)


@pytest.mark.parametrize("who", ["spouse", "holder"])
def test_a_household_member_or_account_holder_reaches_only_their_own(household: Household, who: str) -> None:
    member = getattr(household, who)
    others = [person for person in household.everyone if person.pk != member.pk]
    client = signed_in(member)
    # The control: their own records are on their pages.
    assert marker(member, "Program") in client.get("/my/benefits/").content.decode()
    own = Notice.objects.get(member=member)
    assert client.get(f"/my/notices/{own.pk}/").status_code == 200

    sweep(client, member, others)
    for other in others:
        assert client.post("/my/viewing/", {"member": other.pk}).status_code == 404


@pytest.mark.parametrize("viewed", ["head", "child", "spouse"])
def test_the_head_reaches_only_the_viewed_members_records(household: Household, viewed: str) -> None:
    member = getattr(household, viewed)
    client = signed_in(household.head)
    view(client, member)
    assert marker(member, "Program") in client.get("/my/benefits/").content.decode()

    others = [person for person in household.everyone if person.pk != member.pk]
    for other in others:
        for url in urls("my/notices/<int:pk>/", other):
            assert client.get(url).status_code == 404, url
    # On the pages of the one viewed, nothing of the rest.
    for other in others:
        for url in ["/my/", "/my/benefits/", "/my/documents/", "/my/notices/"]:
            html = client.get(f"{url}?member={other.pk}").content.decode()
            leaked = [what for what in MARKED if marker(other, what) in html]
            assert not leaked, f"{url} viewing {member.first_name} showed {other.first_name}'s {leaked}"


def test_no_one_outside_the_household_is_reached_by_its_head(
    household: Household, make_member: MakeMember
) -> None:
    stranger = make_member(first_name="Stranger")
    give_records(stranger)
    client = signed_in(household.head)
    assert client.post("/my/viewing/", {"member": stranger.pk}).status_code == 404
    sweep(client, household.head, [stranger])
