"""Resources: the plan's content in sections, each entry in the page's language or, marked, in English."""

import re

from django.test import Client
from pytest_django import DjangoAssertNumQueries

from portal.plans import PlanProfile
from resources.models import Section
from tests.queries import queries_for
from tests.resources.conftest import MakeResource, UsePlan

SPANISH = {"accept-language": "es"}


def sections(html: str) -> list[str]:
    return re.findall(r'<h2 id="resources-[a-z_]+">([^<]+)</h2>', html)


def nav_hrefs(html: str) -> list[str]:
    nav = html.split('<nav class="side-nav"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)"', nav)


def test_needs_log_in(client: Client, db: None) -> None:
    response = client.get("/resources/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/resources/"


def test_lists_the_sections_in_order_with_their_entries(
    member_client: Client, make_resource: MakeResource
) -> None:
    make_resource("who-can-use", Section.FAQ, en={"title": "Who can use the portal?", "body": "Members."})
    make_resource("appeal-form", Section.FORMS, en={"title": "Appeal form"})
    make_resource("member-services", Section.SELF_SERVICE, order=2, en={"title": "Member Services"})
    make_resource("nurse-line", Section.SELF_SERVICE, order=1, en={"title": "Nurse advice line"})
    make_resource("handbook", Section.MEMBER_MATERIALS, en={"title": "Member handbook"})

    response = member_client.get("/resources/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "<h1>Resources</h1>" in html
    # In the seed's order; Pharmacy resources has no entry, so it is not shown.
    assert sections(html) == [
        "Self-service information and contacts",
        "Forms",
        "Member materials",
        "Frequently Asked Questions",
    ]
    assert html.index("Nurse advice line") < html.index("Member Services</h3>")
    assert "<summary>Who can use the portal?</summary>" in html
    assert "(in English)" not in html
    assert 'href="/resources/" aria-current="page"' in html


def test_shows_each_entry_in_the_pages_language(member_client: Client, make_resource: MakeResource) -> None:
    make_resource(
        "who-can-use",
        Section.FAQ,
        en={"title": "Who can use MyServices?", "body": "Anyone with an account."},
        es={"title": "¿Quién puede usar MyServices?", "body": "Todas las personas que tengan una cuenta."},
    )
    make_resource(
        "appeal-form", Section.FORMS, en={"title": "Appeal form"}, es={"title": "Formulario de apelación"}
    )

    html = member_client.get("/resources/", headers=SPANISH).content.decode()
    assert sections(html) == ["Formularios", "Preguntas más frecuentes"]
    assert "<summary>¿Quién puede usar MyServices?</summary>" in html
    assert "Todas las personas que tengan una cuenta." in html
    assert "<h3>Formulario de apelación</h3>" in html
    assert "Who can use" not in html and "Appeal form" not in html
    assert 'lang="en"' not in html.split("<main")[1]


def test_an_entry_missing_in_the_pages_language_is_shown_in_english_and_says_so(
    member_client: Client, make_resource: MakeResource
) -> None:
    make_resource(
        "browsers", Section.FAQ, en={"title": "Which browsers work?", "body": "Firefox and Safari."}
    )
    make_resource("handbook", Section.MEMBER_MATERIALS, en={"title": "Member handbook"})

    html = member_client.get("/resources/", headers=SPANISH).content.decode()
    note = '<span class="resource-note" lang="es" dir="ltr">(en inglés)</span>'
    faq = html.split('<details class="faq" lang="en" dir="ltr">')[1].split("</details>")[0]
    assert f"<summary>Which browsers work? {note}" in faq and "Firefox and Safari." in faq
    material = html.split('<li lang="en" dir="ltr">')[1].split("</li>")[0]
    assert "<h3>Member handbook</h3>" in material and note in material
    # The page around them is still Spanish.
    assert sections(html) == ["Materiales para miembros", "Preguntas más frecuentes"]


def test_arabic_page_keeps_an_english_entry_left_to_right(
    member_client: Client, make_resource: MakeResource
) -> None:
    make_resource("browsers", Section.FAQ, en={"title": "Which browsers work?"})
    html = member_client.get("/resources/", headers={"accept-language": "ar"}).content.decode()
    assert '<details class="faq" lang="en" dir="ltr">' in html
    assert 'class="resource-note" lang="ar" dir="rtl"' in html


def test_an_entry_with_neither_language_is_not_shown(
    member_client: Client, make_resource: MakeResource
) -> None:
    make_resource("spanish-only", Section.FAQ, es={"title": "Solo en español"})
    html = member_client.get("/resources/").content.decode()
    assert "Solo en español" not in html
    assert sections(html) == []
    assert "There is nothing here yet." in html


def test_text_is_plain_with_its_line_breaks_kept(member_client: Client, make_resource: MakeResource) -> None:
    make_resource(
        "member-services",
        Section.SELF_SERVICE,
        en={
            "title": "Member <b>Services</b>",
            "body": "Call 833-530-9015.\nTTY: Dial 711.\n\n<script>x()</script>",
        },
    )
    html = member_client.get("/resources/").content.decode()
    assert "<h3>Member &lt;b&gt;Services&lt;/b&gt;</h3>" in html
    assert "<p>Call 833-530-9015.<br>TTY: Dial 711.</p>" in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html


def test_links_to_the_plans_website_open_in_a_new_tab_and_say_so(
    member_client: Client, make_resource: MakeResource
) -> None:
    make_resource(
        "report-changes",
        Section.FAQ,
        en={
            "title": "Can I update my information?",
            "url": "https://www.mass.gov/how-to/report-changes-to-masshealth",
            "link_text": "Report changes to MassHealth",
        },
        es={
            "title": "¿Puedo actualizar mi información?",
            "url": "https://www.mass.gov/how-to/report-changes-to-masshealth",
            "link_text": "Cómo notificar cambios a MassHealth",
        },
    )
    make_resource(
        "formulary", Section.PHARMACY, en={"title": "Formulary", "url": "https://www.example.org/drugs"}
    )

    html = member_client.get("/resources/").content.decode()
    assert (
        '<a href="https://www.mass.gov/how-to/report-changes-to-masshealth" target="_blank" '
        'rel="noopener noreferrer">Report changes to MassHealth '
        '<span class="new-tab">(opens in a new tab)</span></a>'
    ) in html
    # Without link text, the link says the title.
    assert (
        '<a href="https://www.example.org/drugs" target="_blank" rel="noopener noreferrer">Formulary '
        '<span class="new-tab">(opens in a new tab)</span></a>'
    ) in html
    assert html.count('target="_blank"') == html.count('rel="noopener noreferrer"') == 2
    assert "You stay signed in to the Member Portal" in html

    spanish = member_client.get("/resources/", headers=SPANISH).content.decode()
    assert (
        'Cómo notificar cambios a MassHealth <span class="new-tab">(se abre en una pestaña nueva)</span>'
        in spanish
    )
    # The English pharmacy entry's link says so in Spanish, marked as Spanish.
    assert 'Formulary <span class="new-tab" lang="es">(se abre en una pestaña nueva)</span>' in spanish


def test_off_in_a_plan_without_the_feature(
    use_plan: UsePlan, member_client: Client, make_resource: MakeResource
) -> None:
    make_resource("who-can-use", Section.FAQ, en={"title": "Who can use the portal?"})
    plan: PlanProfile = use_plan("alliance")
    assert not plan.has_feature("resources")
    assert member_client.get("/resources/").status_code == 404
    assert "/resources/" not in nav_hrefs(member_client.get("/profile/").content.decode())


def test_on_for_the_plans_whose_profile_names_it(use_plan: UsePlan, member_client: Client) -> None:
    for name in ["totalcare", "masshealth", "demo"]:
        use_plan(name)
        assert member_client.get("/resources/").status_code == 200, name
        assert "/resources/" in nav_hrefs(member_client.get("/profile/").content.decode()), name


def test_query_count_does_not_grow_with_the_entries(
    member_client: Client, make_resource: MakeResource, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    make_resource("only", Section.FAQ, en={"title": "Only question"}, es={"title": "Única pregunta"})
    member_client.get("/resources/", headers=SPANISH)  # warm the session
    one = queries_for(member_client, "/resources/")

    sections_cycle = list(Section)
    for n in range(29):
        texts = {"en": {"title": f"Entry {n}", "url": "https://www.example.org/"}}
        if n % 2:
            texts["es"] = {"title": f"Entrada {n}"}
        make_resource(f"entry-{n}", sections_cycle[n % len(sections_cycle)], order=n, **texts)
    with django_assert_num_queries(one):
        response = member_client.get("/resources/", headers=SPANISH)
    html = response.content.decode()
    assert "Entrada 27" in html and "Entry 28" in html
    assert html.count("(en inglés)") == 15
