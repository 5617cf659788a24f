"""Each plan's portal: its name, phones and hours on every page, its features' pages and only those,
and a home page whose query count does not grow with the member's data."""

import datetime
import re
from uuid import UUID

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.formats import date_format

from coverage.models import Coverage
from idcards.models import IdCardOrder
from members.models import Member
from portal.clock import plan_today
from portal.registry import portal_apps
from providers.models import PcpAssignment, Provider
from tests.conftest import UsePlan
from tests.queries import queries_for

PROFILES = ["alliance", "totalcare", "masshealth", "demo"]
MEMBER_PAGES = ["/", "/profile/", "/profile/activity/"]
# Dummy values for URL arguments: a page of a switched-off feature is 404 whatever they are.
DUMMY = {
    "int": 1,
    "str": "x",
    # An appeal's reference number, naming no case.
    "casereference": "A000000-22222222",
    "path": "x",
    "slug": "x",
    "contact_kind": "address",
    "uuid": UUID(int=1),
    "claimkind": "medical",
}


def hours_text(plan) -> str:  # type: ignore[no-untyped-def]
    opens = plan.hours.opens.strftime("%-I %p").lower().replace("am", "a.m.").replace("pm", "p.m.")
    return f"Monday through Friday, {opens} to"


@pytest.mark.parametrize("name", PROFILES)
def test_every_page_names_the_plan_with_its_phones_and_hours(
    use_plan: UsePlan, name: str, member_client: Client, client: Client
) -> None:
    plan = use_plan(name)
    pages = [member_client.get(url) for url in MEMBER_PAGES] + [client.get("/accounts/login/")]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert plan.portal_name in html
        assert f'href="tel:{plan.member_services.e164}"' in html and plan.member_services.number in html
        assert hours_text(plan) in " ".join(html.split())
        for line in plan.other_lines:
            assert line.number in html


@pytest.mark.parametrize("name", PROFILES)
def test_the_error_page_names_the_plan(use_plan: UsePlan, name: str, client: Client, db: None) -> None:
    plan = use_plan(name)
    page = client.get("/no-such-page/")
    assert page.status_code == 404 and plan.portal_name in page.content.decode()


def _app_urls(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Every URL of one app, with dummy arguments."""
    urls = []
    for _prefix, module in app.urls:
        resolver = next(
            p
            for p in get_resolver().url_patterns
            if isinstance(p, URLResolver) and getattr(p.urlconf_name, "__name__", None) == module
        )
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLPattern) and pattern.name:
                kwargs = {
                    k: DUMMY[type(c).__name__.removesuffix("Converter").lower()]
                    for k, c in pattern.pattern.converters.items()
                }
                urls.append(reverse(pattern.name, kwargs=kwargs))
    return urls


@pytest.mark.parametrize("name", PROFILES)
def test_a_feature_the_profile_leaves_off_has_no_entry_and_its_pages_answer_404(
    use_plan: UsePlan, name: str, member_client: Client
) -> None:
    plan = use_plan(name)
    nav = member_client.get("/").content.decode().split('class="side-nav"')[1].split("</nav>")[0]
    for app in portal_apps():
        if not app.feature:
            continue
        urls = _app_urls(app)
        assert urls, app.label
        on = plan.has_feature(app.feature)
        for url in urls:
            status = member_client.get(url).status_code
            # A dummy id names no record: its page answers 404 either way.
            dummy = "/1/" in url or f"/{DUMMY['uuid']}/" in url or f"/{DUMMY['casereference']}/" in url
            assert (status != 404) if on and not dummy else True, url
            if not on:
                assert status == 404, url
        for entry in app.nav_entries:
            assert (f'href="{reverse(entry.url_name)}"' in nav) == on, (app.label, name)


def test_profile_editing_off_leaves_contact_details_read_only(
    use_plan: UsePlan, member_client: Client
) -> None:
    use_plan("masshealth")
    html = member_client.get("/profile/").content.decode()
    assert "/profile/address/add/" not in html and "You cannot make changes to it here" in html
    assert member_client.get("/profile/address/add/").status_code == 404
    use_plan("alliance")
    assert member_client.get("/profile/address/add/").status_code == 200


def _history(member: Member, years: int) -> None:
    provider = Provider.objects.create(
        npi=f"{member.pk:010d}", first_name="Ana", last_name="Ruiz", is_primary_care=True
    )
    for year in range(years):
        start = datetime.date(2000 + year, 1, 1)
        Coverage.objects.create(
            member=member,
            program="Medi-Cal",
            plan="Plan",
            effective_date=start,
            end_date=start.replace(month=12, day=31),
        )
        PcpAssignment.objects.create(
            member=member,
            provider=provider,
            effective_from=start,
            effective_to=start.replace(month=12, day=31),
        )


# Care management's card (totalcare, demo) reads the care manager and the assessments to finish;
# secure messages' envelope and card (totalcare, demo) share one count of unread messages.
@pytest.mark.parametrize(
    # TotalCare and the demo: the Pending decisions, claims and messages cards.
    ("name", "queries"),
    [("alliance", 6), ("totalcare", 11), ("masshealth", 4), ("demo", 12)],
)
def test_the_dashboard_makes_a_fixed_number_of_queries_per_profile(
    use_plan: UsePlan, name: str, queries: int, member_client: Client, member: Member
) -> None:
    use_plan(name)
    member_client.get("/")  # the session's first request also writes it
    assert queries_for(member_client, "/") == queries
    _history(member, 25)
    assert queries_for(member_client, "/") == queries


def test_the_dashboard_cards_say_what_to_do_next(use_plan: UsePlan, member_client: Client) -> None:
    use_plan("alliance")
    html = member_client.get("/").content.decode()
    assert "You do not have a primary care provider yet" in html and 'href="/providers/change/"' in html
    assert "You have no active coverage today" in html
    assert 'href="/profile/id-cards/print/"' in html and 'href="/profile/id-cards/order/"' in html
    assert 'href="/profile/address/add/"' in html  # no mailing address on file yet
    assert re.search(r"<h1[^>]*>Welcome José</h1>", html)


def test_the_dashboard_cards_show_the_members_pcp_change_coverage_and_order(
    use_plan: UsePlan, member_client: Client, member: Member
) -> None:
    use_plan("alliance")
    today = plan_today()
    ana = Provider.objects.create(npi="1000000017", first_name="Ana", last_name="Ruiz", is_primary_care=True)
    luis = Provider.objects.create(
        npi="1000000025", first_name="Luis", last_name="Pham", is_primary_care=True
    )
    starts = (today.replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
    PcpAssignment.objects.create(
        member=member,
        provider=ana,
        effective_from=today.replace(year=today.year - 1),
        effective_to=starts - datetime.timedelta(days=1),
    )
    PcpAssignment.objects.create(member=member, provider=luis, effective_from=starts)
    Coverage.objects.create(
        member=member,
        program="Medi-Cal",
        plan="Alliance Medi-Cal",
        effective_date=today.replace(year=today.year - 1),
    )
    IdCardOrder.objects.create(
        member=member, line1="123 Main St", city="Salinas", state="CA", zip_code="93901"
    )

    html = " ".join(member_client.get("/").content.decode().split())
    assert "<p>Ana Ruiz</p>" in html
    assert f"Luis Pham will be your PCP starting {date_format(starts, 'DATE_FORMAT')}." in html
    assert "Active</span> Alliance Medi-Cal (Medi-Cal)" in html
    assert "You ordered a new ID card on" in html and 'href="/profile/id-cards/order/"' not in html
