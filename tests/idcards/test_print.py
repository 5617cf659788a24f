"""Print: the member's card as a tagged PDF, rendered only when the card changes, never cached by browsers."""

import datetime
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polib
import pytest
import weasyprint
from django.test import Client
from django.utils import translation
from pytest_django import DjangoAssertNumQueries

from coverage.models import Coverage
from idcards.cards import id_card_for
from idcards.models import IdCardPdf
from idcards.printing import card_pdf_html
from members.models import Member
from portal.clock import plan_today
from portal.pdf import FetchRefused, PdfRenderTimeout, StaticFilesOnlyFetcher, html_to_pdf, static_roots
from portal.plans import PlanProfile
from providers.models import PcpAssignment, Provider
from tests.idcards.conftest import add_past_coverage, pdf_streams
from tests.pdfs import pdf_text
from tests.queries import queries_for

PRINT_URL = "/profile/id-cards/print/"


def test_print_is_a_tagged_pdf_of_the_card(
    member_client: Client, carded_member: Member, tmp_path: Path
) -> None:
    response = member_client.get(PRINT_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    inflated = pdf_streams(pdf)
    # Tagged for accessibility (PDF/UA-1): a structure tree, marked content, a language.
    assert b"/StructTreeRoot" in inflated
    assert b"/Marked true" in inflated
    assert b"/Lang (en)" in inflated
    assert b"pdfuaid" in inflated
    text = pdf_text(pdf, tmp_path)
    for printed in ["José Núñez-Ortiz", carded_member.member_id, "Ana García", "(831) 555-0100", "CTRXMEDI"]:
        assert printed in text, printed


def test_pdf_is_a_letter_page(
    alliance: PlanProfile, member_client: Client, carded_member: Member, tmp_path: Path
) -> None:
    tool = shutil.which("pdfinfo")
    if tool is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "card.pdf"
    path.write_bytes(member_client.get(PRINT_URL).content)
    info = subprocess.run([tool, str(path)], check=True, capture_output=True, text=True).stdout  # noqa: S603
    assert "Pages:           1" in info
    assert "612 x 792 pts (letter)" in info
    assert "Tagged:          yes" in info
    assert "Title:           Alliance Health Plan member ID card" in info


def card_sides(member: Member, language: str) -> list[Any]:
    """The boxes of the printed card's two sides (front, back), as WeasyPrint lays them out."""
    with translation.override(language):
        html = card_pdf_html(id_card_for(member, plan_today()))
    document = weasyprint.HTML(string=html).render()
    assert len(document.pages) == 1

    def boxes(box: Any) -> Iterator[Any]:
        yield box
        for child in getattr(box, "children", []):
            yield from boxes(child)

    return [
        box
        for box in boxes(document.pages[0]._page_box)
        if getattr(box, "element_tag", None) == "section" and hasattr(box, "border_width")
    ]


def box_text(box: Any) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        if hasattr(node, "text"):
            parts.append(node.text)
        for child in getattr(node, "children", []):
            walk(child)

    walk(box)
    return " ".join(" ".join(parts).split())


def test_card_front_and_back_are_real_card_size_side_by_side(carded_member: Member) -> None:
    front, back = card_sides(carded_member, "en")
    for side in (front, back):
        # CR80, the size of a credit card: 3.375in x 2.125in (96 CSS px to the inch).
        assert side.border_width() / 96 == pytest.approx(3.375)
        assert side.border_height() / 96 == pytest.approx(2.125)
    # Side by side, touching along the fold: the front on the left, then the back.
    assert front.position_y == pytest.approx(back.position_y)
    assert back.position_x == pytest.approx(front.position_x + front.border_width())
    # Which side is which is a caption above the card, not printed on it; neither side is empty.
    assert "Front of card" not in box_text(front) and "Back of card" not in box_text(back)
    assert carded_member.member_id in box_text(front) and "CTRXMEDI" in box_text(back)


def test_the_arabic_card_lays_out_right_to_left(carded_member: Member) -> None:
    with translation.override("ar"):
        html = card_pdf_html(id_card_for(carded_member, plan_today()))
    assert '<html lang="ar" dir="rtl">' in html
    front, back = card_sides(carded_member, "ar")
    # Mirrored: the front is on the right, the back on its left.
    assert front.position_x == pytest.approx(back.position_x + back.border_width())
    assert "وجه البطاقة" not in box_text(front)


def test_the_card_has_the_plans_logo_and_colour(
    alliance: PlanProfile, member_client: Client, carded_member: Member
) -> None:
    with translation.override("en"):
        html = card_pdf_html(id_card_for(carded_member, plan_today()))
    assert f"background: {alliance.brand.primary}; color: {alliance.brand.on_primary}" in html
    inflated = pdf_streams(member_client.get(PRINT_URL).content)
    # The logo is a tagged figure whose alternative text is the plan's name (PDF/UA-1).
    assert b"/S /Figure" in inflated
    assert b"/Alt (Alliance Health Plan)" in inflated


@pytest.mark.parametrize(
    ("language", "label"), [("en", "Effective date"), ("es", "Fecha de efecto"), ("ar", "تاريخ السريان")]
)
def test_the_printed_date_is_mm_dd_yyyy_in_every_language(
    language: str, label: str, member_client: Client, carded_member: Member, settings: Any, tmp_path: Path
) -> None:
    # June 1st: the day and the month differ, so 06/01/2024 cannot be a day-first date.
    Coverage.objects.filter(member=carded_member).update(effective_date=datetime.date(2024, 6, 1))
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pdf = member_client.get(PRINT_URL).content
    assert f"/Lang ({language})".encode() in pdf_streams(pdf)
    text = pdf_text(pdf, tmp_path)
    assert label in text
    assert "06/01/2024" in text
    # Right-to-left text once reordered the date's digits ("012024/06/").
    assert "2024/" not in text and "01/06/2024" not in text


def test_headers_forbid_storing_and_name_the_file_sensibly(
    member_client: Client, carded_member: Member
) -> None:
    response = member_client.get(PRINT_URL)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'inline; filename="member-id-card.pdf"'
    assert carded_member.member_id not in response["Content-Disposition"]


def test_printing_an_unchanged_card_again_serves_the_stored_pdf(
    member_client: Client, carded_member: Member
) -> None:
    first = member_client.get(PRINT_URL).content
    stored = IdCardPdf.objects.get(member=carded_member)
    second = member_client.get(PRINT_URL).content
    assert second == first
    assert IdCardPdf.objects.get(member=carded_member).created_at == stored.created_at


def test_a_pcp_change_renders_a_new_pdf(
    member_client: Client, carded_member: Member, other_provider: Provider, tmp_path: Path
) -> None:
    member_client.get(PRINT_URL)
    before = IdCardPdf.objects.get(member=carded_member)
    yesterday = datetime.date.today() - datetime.timedelta(days=400)
    PcpAssignment.objects.filter(member=carded_member).update(effective_to=yesterday)
    PcpAssignment.objects.create(
        member=carded_member, provider=other_provider, effective_from=yesterday + datetime.timedelta(days=1)
    )
    pdf = member_client.get(PRINT_URL).content
    after = IdCardPdf.objects.get(member=carded_member)
    assert after.fingerprint != before.fingerprint
    assert after.created_at > before.created_at
    assert bytes(after.pdf) == pdf
    text = pdf_text(pdf, tmp_path)
    assert "Luis Pham" in text and "Ana García" not in text


def test_a_release_that_changes_the_card_template_prints_a_new_pdf(
    member_client: Client, carded_member: Member, settings: Any, tmp_path: Path
) -> None:
    member_client.get(PRINT_URL)
    original = settings.BASE_DIR / "templates" / "idcards" / "card_pdf.html"
    edited = tmp_path / "templates" / "idcards" / "card_pdf.html"
    edited.parent.mkdir(parents=True)
    edited.write_text(original.read_text().replace("<h1>", "<h1>Reissued "))
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]

    assert "Reissued" in pdf_text(member_client.get(PRINT_URL).content, tmp_path)


def test_a_release_that_changes_the_cards_translations_prints_a_new_pdf(
    member_client: Client, carded_member: Member, settings: Any, tmp_path: Path
) -> None:
    member_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    member_client.get(PRINT_URL)
    # A newer Spanish catalogue with another wording for one label, ahead of ours.
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="Member name", msgstr="Afiliado nuevo"))
    mo = tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.mo"
    mo.parent.mkdir(parents=True)
    catalogue.save_as_mofile(str(mo))
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]

    assert "Afiliado nuevo" in pdf_text(member_client.get(PRINT_URL).content, tmp_path)


def test_a_new_logo_or_brand_colour_in_the_profile_prints_a_new_pdf(
    use_plan: Callable[[str], PlanProfile], member_client: Client, carded_member: Member, tmp_path: Path
) -> None:
    alliance = use_plan("alliance")
    member_client.get(PRINT_URL)
    before = IdCardPdf.objects.get(member=carded_member).fingerprint
    # The same plan, rebranded: another primary colour and logo, nothing else.
    folder = tmp_path / "rebranded"
    shutil.copytree(alliance.source.parent, folder)
    profile = folder / "plan.toml"
    profile.write_text(profile.read_text().replace('primary = "#00558c"', 'primary = "#004477"'))
    (folder / "logo.svg").write_text((folder / "logo.svg").read_text().replace("#00558c", "#004477"))
    use_plan(str(folder))

    pdf = member_client.get(PRINT_URL).content
    after = IdCardPdf.objects.get(member=carded_member)
    assert after.fingerprint != before
    assert bytes(after.pdf) == pdf


def test_stored_pdf_is_served_with_a_fixed_number_of_queries(
    member_client: Client, carded_member: Member, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    member_client.get(PRINT_URL)  # renders and stores the card
    few = queries_for(member_client, PRINT_URL)
    add_past_coverage(carded_member, 200)
    with django_assert_num_queries(few):
        response = member_client.get(PRINT_URL)
    assert response.status_code == 200


def test_another_members_stored_pdf_is_never_served(
    member_client: Client, carded_member: Member, make_member: Callable[..., Member]
) -> None:
    stranger = make_member(first_name="Maria", last_name="Stranger")
    pdf = member_client.get(PRINT_URL).content
    # Even with the same fingerprint, a stored PDF belongs to one member only.
    fingerprint = IdCardPdf.objects.get(member=carded_member).fingerprint
    IdCardPdf.objects.create(member=stranger, fingerprint=fingerprint, pdf=b"%PDF-stranger")
    assert member_client.get(PRINT_URL).content == pdf
    assert member_client.get(f"{PRINT_URL}?member={stranger.pk}").content == pdf


def test_fetcher_refuses_the_network_and_files_outside_static() -> None:
    fetcher = StaticFilesOnlyFetcher()
    for url in [
        "http://example.com/x.png",
        "https://example.com/x.png",
        "ftp://example.com/x.png",
        "file:///etc/passwd",
        "file://example.com/etc/passwd",
        static_roots()[0].as_uri() + "/../pyproject.toml",
        "data:text/plain,hello",
    ]:
        with pytest.raises(FetchRefused):
            fetcher(url)


def test_fetcher_serves_the_portals_own_static_files() -> None:
    css = next(static_roots()[0].rglob("*.css"))
    response = StaticFilesOnlyFetcher()(css.as_uri())
    assert response.read() == css.read_bytes()
    assert response.content_type == "text/css"


def test_a_document_asking_for_outside_resources_renders_without_them(tmp_path: Path) -> None:
    pdf = html_to_pdf(
        '<html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="file:///etc/passwd"></head>'
        '<body><p>Safe</p><img src="http://example.com/x.png" alt="x">'
        '<img src="file:///etc/passwd" alt="y"></body></html>'
    )
    assert pdf.startswith(b"%PDF-")
    assert "root:" not in pdf_text(pdf, tmp_path)


def test_the_renderer_gives_up_instead_of_keeping_the_member_waiting() -> None:
    long_document = "<html lang='en'><title>t</title><body>" + "<p>line</p>" * 1500 + "</body></html>"
    with pytest.raises(PdfRenderTimeout):
        html_to_pdf(long_document, timeout=0.01)
