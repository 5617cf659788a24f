"""Resource files: PDFs only (by their content), downloaded by signed-in members, never public."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from resources.files import MAX_FILE_BYTES, validate_pdf
from resources.models import Resource, ResourceTranslation, Section
from tests.resources.conftest import PDF_BYTES, MakeResource, UsePlan
from tests.security.conftest import staff_client
from tests.staff import make_staff


@pytest.fixture
def appeal_form(make_resource: MakeResource) -> Resource:
    return make_resource(
        "appeal-form",
        Section.FORMS,
        en={"title": "Appeal form", "pdf": PDF_BYTES},
        es={"title": "Formulario de apelación", "pdf": PDF_BYTES + b"% es\n"},
    )


def file_url(resource: Resource, language: str) -> str:
    return f"/resources/files/{resource.translations.get(language=language).pk}/"


def test_a_member_downloads_the_file_named_for_the_entry_and_language(
    member_client: Client, appeal_form: Resource
) -> None:
    response = member_client.get(file_url(appeal_form, "es"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="appeal-form-es.pdf"'
    assert b"".join(response.streaming_content) == PDF_BYTES + b"% es\n"  # type: ignore[attr-defined]
    assert "no-store" in response["Cache-Control"]


def test_the_page_links_the_file_in_the_pages_language(member_client: Client, appeal_form: Resource) -> None:
    html = member_client.get("/resources/", headers={"accept-language": "es"}).content.decode()
    assert f'<a href="{file_url(appeal_form, "es")}">Descargar el PDF</a>' in html
    english = member_client.get("/resources/").content.decode()
    assert f'<a href="{file_url(appeal_form, "en")}">Download the PDF</a>' in english


def test_only_signed_in_members_download(client: Client, appeal_form: Resource) -> None:
    url = file_url(appeal_form, "en")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    # A staff user is no member: there is no member page to show them.
    staff = Client()
    staff.force_login(make_staff("file.staff"))
    assert staff.get(url).status_code == 404


def test_no_file_answers_404(
    member_client: Client, make_resource: MakeResource, appeal_form: Resource
) -> None:
    no_file = make_resource("handbook", Section.MEMBER_MATERIALS, en={"title": "Member handbook"})
    assert member_client.get(file_url(no_file, "en")).status_code == 404
    assert member_client.get("/resources/files/999999/").status_code == 404
    # The row outlived its file.
    text = appeal_form.translations.get(language="en")
    assert text.file.name
    text.file.storage.delete(text.file.name)
    assert member_client.get(file_url(appeal_form, "en")).status_code == 404


def test_off_in_a_plan_without_the_feature(
    use_plan: UsePlan, member_client: Client, appeal_form: Resource
) -> None:
    use_plan("alliance")
    assert member_client.get(file_url(appeal_form, "en")).status_code == 404


@pytest.mark.parametrize(
    "content",
    [b"hello, not a pdf", b"<html>%PDF-</html>", b"PK\x03\x04 a zip named .pdf", b""],
    ids=["text", "html", "zip", "empty"],
)
def test_a_file_that_is_not_a_pdf_is_refused(content: bytes) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile("form.pdf", content, content_type="application/pdf"))
    assert refused.value.code == "not_pdf"


def test_a_pdf_is_accepted_whatever_its_name(db: None) -> None:
    validate_pdf(SimpleUploadedFile("scan.bin", PDF_BYTES, content_type="application/octet-stream"))


def test_a_file_over_the_limit_is_refused() -> None:
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * MAX_FILE_BYTES)
    with pytest.raises(ValidationError) as refused:
        validate_pdf(big)
    assert refused.value.code == "too_big"


def admin_form(*, file: SimpleUploadedFile) -> dict[str, object]:
    return {
        "key": "appeal-form",
        "section": Section.FORMS,
        "order": "0",
        "translations-TOTAL_FORMS": "1",
        "translations-INITIAL_FORMS": "0",
        "translations-MIN_NUM_FORMS": "1",
        "translations-MAX_NUM_FORMS": "1000",
        "translations-0-language": "en",
        "translations-0-title": "Appeal form",
        "translations-0-body": "Send it within 65 days.",
        "translations-0-url": "",
        "translations-0-link_text": "",
        "translations-0-file": file,
    }


def test_member_services_add_a_form_with_its_pdf_in_the_admin(
    db: None, resource_files: FileSystemStorage
) -> None:
    agent = staff_client("rosa.resources")
    response = agent.post(
        "/admin/resources/resource/add/", admin_form(file=SimpleUploadedFile("appeal.pdf", PDF_BYTES))
    )
    assert response.status_code == 302, response.content.decode()
    text = ResourceTranslation.objects.get(resource__key="appeal-form")
    assert text.file.name
    assert resource_files.open(text.file.name).read() == PDF_BYTES
    for query in ["section=forms&translations__language=en", "q=65+days", "q=appeal-form"]:
        listed = agent.get(f"/admin/resources/resource/?{query}")
        assert listed.status_code == 200 and "appeal-form" in listed.content.decode(), query
    assert "appeal-form" not in agent.get("/admin/resources/resource/?section=faq").content.decode()


def test_the_admin_refuses_a_file_that_is_not_a_pdf(db: None, resource_files: FileSystemStorage) -> None:
    agent = staff_client("rosa.resources")
    response = agent.post(
        "/admin/resources/resource/add/",
        admin_form(file=SimpleUploadedFile("appeal.pdf", b"MZ\x90\x00 an executable")),
    )
    assert response.status_code == 200
    assert "Upload a PDF file: this file is not a PDF." in response.content.decode()
    assert not Resource.objects.exists()
