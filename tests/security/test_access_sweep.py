"""The access-control sweep: every member URL the portal defines, requested by member A with
member B's ids put wherever an id can go (the path, the query string, form fields).

A path naming B's record answers 404; whatever the query or form says, no response carries B's
name, member ID, address, phone or email, and none of B's rows changes. New URLs are picked up
by walking the URL resolver, so a page added later is swept without touching this test.
"""

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from appeals.models import Case
from authorizations.models import Authorization
from claims.models import Claim, ClaimType
from coverage.models import Coverage
from idcards.models import IdCardOrder
from members.models import Address, ContactChange, ContactEmail, Member, Phone, VerificationCode
from providers.models import PcpAssignment, PcpChangeRequest
from tests.security.conftest import B_EMAIL, B_FIRST, B_ID, B_LAST, B_LINE1, B_PHONE
from tests.sign_in import force_sign_in

pytestmark = pytest.mark.django_db

# Not member pages: the staff admin (its own sweep is test_staff_permissions), the development
# mailbox (never routed in production) and the language switcher.
SKIPPED_PREFIXES = ("admin/", "dev/", "i18n/")
ID_FIELDS = [
    "id",
    "pk",
    "member",
    "member_id",
    "user",
    "user_id",
    "contact",
    "order",
    "record_id",
    "object_id",
]
B_MARKERS = [B_FIRST, B_LAST, B_ID, B_LINE1, B_PHONE, B_EMAIL, "(831) 555-7712", "831-555-7712"]


@dataclass(frozen=True)
class Route:
    template: str  # e.g. "profile/<contact_kind:kind>/<int:pk>/edit/"
    params: tuple[tuple[str, str], ...]  # (converter, name)


def walk(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[Route]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, route)
        else:
            params = tuple(re.findall(r"<(?:(\w+):)?(\w+)>", route))
            yield Route(route, tuple((conv or "str", name) for conv, name in params))


ROUTES = sorted(set(walk(get_resolver().url_patterns)), key=lambda r: r.template)


def test_the_sweep_covers_the_member_pages() -> None:
    templates = {r.template for r in ROUTES}
    assert {
        "profile/",
        "profile/<contact_kind:kind>/<int:pk>/edit/",
        "coverage/",
        "providers/change/",
    } <= templates


def test_the_markers_would_catch_a_leak(member_b: Member) -> None:
    """The control: B's own pages do show B's markers, so their absence for A means something."""
    client = Client()
    assert member_b.user is not None
    force_sign_in(client, member_b.user)
    assert_shown = client.get("/profile/").content.decode() + client.get("/").content.decode()
    assert B_FIRST in assert_shown and B_LINE1 in assert_shown and B_EMAIL in assert_shown


def b_ids(member_b: Member) -> dict[str, list[int]]:
    """Every id of B's that a URL or form could name, by what it is."""
    return {
        "address": [a.pk for a in Address.objects.filter(member=member_b)],
        "phone": [p.pk for p in Phone.objects.filter(member=member_b)],
        "email": [e.pk for e in ContactEmail.objects.filter(member=member_b)],
        "order": list(IdCardOrder.objects.filter(member=member_b).values_list("pk", flat=True)),
        "member": [member_b.pk],
        "user": [member_b.user_id or 0],
        "coverage": list(Coverage.objects.filter(member=member_b).values_list("pk", flat=True)),
        "claim": list(Claim.objects.filter(member=member_b).values_list("pk", flat=True)),
    }


def snapshot(member_b: Member) -> object:
    """Everything of B's that a request could change."""
    member_b.refresh_from_db()
    user = member_b.user
    assert user is not None
    return (
        [(f.name, getattr(member_b, f.attname)) for f in Member._meta.concrete_fields],
        (user.username, user.email, user.password, user.is_active),
        list(Address.objects.filter(member=member_b).values()),
        list(Phone.objects.filter(member=member_b).values()),
        list(ContactEmail.objects.filter(member=member_b).values()),
        list(Coverage.objects.filter(member=member_b).values()),
        list(PcpAssignment.objects.filter(member=member_b).values()),
        list(PcpChangeRequest.objects.filter(member=member_b).values()),
        list(IdCardOrder.objects.filter(member=member_b).values()),
        list(Authorization.objects.filter(member=member_b).values()),
        ContactChange.objects.filter(member=member_b).count(),
        VerificationCode.objects.filter(member=member_b).count(),
    )


def path_variants(route: Route, ids: dict[str, list[int]]) -> Iterator[str]:
    """The route with B's ids substituted every way its parameters allow.

    Where the route names a contact kind, its ids are B's records of that kind: an id of B's
    phone may well equal one of A's own addresses, and A opening their own address is no leak.
    """
    kinds: list[str | None] = [None]
    if any(converter == "contact_kind" for converter, _ in route.params):
        kinds = ["address", "phone", "email"]
    for kind in kinds:
        choices: list[list[tuple[str, str]]] = []
        for converter, name in route.params:
            if converter == "contact_kind":
                assert kind is not None
                choices.append([(name, kind)])
            elif converter == "claim_kind":  # a closed list: each kind of claims list
                choices.append([(name, claim_kind) for claim_kind in ClaimType.values])
            elif converter == "sign_in_provider":
                # An identity provider's id names no member's record: the plan's own.
                choices.append([(name, "ma-login")])
            elif converter == "int":
                pks = ids[kind] if kind else set(itertools.chain(*ids.values()))
                choices.append([(name, str(pk)) for pk in pks])
            elif converter == "uuid":
                # Records named by an opaque public id: B's own.
                public_ids = Authorization.objects.filter(member__member_id=B_ID).values_list(
                    "public_id", flat=True
                )
                choices.append([(name, str(public_id)) for public_id in public_ids])
            elif converter == "case_reference":  # a grievance or appeal: B's own
                references = Case.objects.filter(member__member_id=B_ID).values_list("reference", flat=True)
                choices.append([(name, reference) for reference in references])
            else:
                choices.append([(name, str(pk)) for pk in ids["member"]] + [(name, B_ID)])
        for combo in itertools.product(*choices):
            url = route.template
            for name, value in combo:
                url = re.sub(rf"<(?:\w+:)?{name}>", value, url)
            yield "/" + url


def id_fields(ids: dict[str, list[int]]) -> dict[str, list[str]]:
    every = [str(pk) for pk in itertools.chain(*ids.values())]
    return {name: every for name in ID_FIELDS} | {"provider": every, "search": [f"member={ids['member'][0]}"]}


def assert_nothing_of_b(response: object, where: str) -> None:
    streaming = getattr(response, "streaming", False)  # a CSV download is streamed
    body = b"".join(response.streaming_content) if streaming else response.content  # type: ignore[attr-defined]
    html = body.decode(errors="replace")
    leaked = [marker for marker in B_MARKERS if marker in html]
    assert not leaked, f"{where} showed member B's {leaked}"


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.template or "home")
def test_member_a_reaches_nothing_of_member_bs(route: Route, member_a: Member, member_b: Member) -> None:
    ids = b_ids(member_b)
    before = snapshot(member_b)
    assert member_a.user is not None
    fields = id_fields(ids)

    for url in path_variants(route, ids):
        for method in ("get", "post"):
            client = Client()
            force_sign_in(client, member_a.user)
            response = getattr(client, method)(url, fields)
            where = f"{method.upper()} {url}"
            assert response.status_code < 500, where
            if route.params and any(conv in {"int", "uuid", "case_reference"} for conv, _ in route.params):
                assert response.status_code in {404, 405}, f"{where} answered {response.status_code}"
            assert_nothing_of_b(response, where)
            if response.status_code in {301, 302}:
                assert_nothing_of_b(client.get(response["Location"]), f"{where} → {response['Location']}")

    assert snapshot(member_b) == before, f"{route.template} changed member B's records"


def test_member_a_editing_their_own_contact_cannot_hand_it_to_b(
    member_a: Member, member_b: Member, member_client: Client
) -> None:
    """Mass assignment: fields the form does not declare are ignored."""
    own = Phone.objects.get(member=member_a)
    before = snapshot(member_b)
    response = member_client.post(
        f"/profile/phone/{own.pk}/edit/",
        {
            "kind": "cell",
            "number": "(831) 555-0177",
            "member": member_b.pk,
            "member_id": member_b.pk,
            "id": 1,
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.member_id == member_a.pk and own.number == "+18315550177"
    assert snapshot(member_b) == before
