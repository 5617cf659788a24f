"""demo/resources.py: each plan profile's Resources content, written by seed_demo."""

from io import StringIO

from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.test import Client

from demo.resources import DEMO_KEYS, write_resources
from resources.models import Resource, ResourceTranslation, Section
from tests.resources.conftest import UsePlan

MASSHEALTH_QUESTIONS = [
    "Who can use MyServices?",
    "I am over 65. Can I use MyServices?",
    "I am a Certified Assister, Navigator or Authorized Representative, or I was named on someone else's "
    "Permission to Share Information (PSI) form. Can I use MyServices?",
    "I get my health insurance through the Health Connector. Can I review my information in MyServices?",
    "I have an MA Login account. Why should I use MyServices?",
    "I do not have an MA Login account or login.mass.gov sign-in details. Will I be able to review my "
    "information from these accounts after I enroll in benefits?",
    "What information can I review in MyServices?",
    "Can I update my information in MyServices?",
    "How can I add or remove a person on my MyServices account?",
    "What is the best way to access the website?",
    "Which languages is the MyServices portal available in?",
]


def faq(language: str) -> dict[str, ResourceTranslation]:
    rows = ResourceTranslation.objects.filter(resource__section=Section.FAQ, language=language)
    return {row.resource.key: row for row in rows.select_related("resource").order_by("resource__order")}


def test_seed_demo_gives_masshealth_its_myservices_faq_in_english_and_spanish(
    use_plan: UsePlan, db: None
) -> None:
    use_plan("masshealth")
    call_command("seed_demo", "--members", "5", "--providers", "5", stdout=StringIO())

    english, spanish = faq("en"), faq("es")
    assert [row.title for row in english.values()] == MASSHEALTH_QUESTIONS
    assert english.keys() == spanish.keys()
    assert spanish["who-can-use-myservices"].title == "¿Quién puede usar MyServices?"
    assert "el jefe del hogar: es la persona que firma la solicitud" in spanish["who-can-use-myservices"].body
    assert "head of household" in english["what-can-i-review"].body
    browsers = english["supported-browsers"].body
    for name in [
        "Microsoft Edge",
        "Google Chrome",
        "Firefox",
        "Safari",
        "Android: version 6.0",
        "iOS: version 11.0",
    ]:
        assert name in browsers
    assert "requisito mínimo de versión 11.0" in spanish["supported-browsers"].body
    assert "Social Security number or your MassHealth ID" in english["link-accounts-later"].body
    assert "six languages" in english["languages"].body
    for key in ["update-my-information", "add-or-remove-a-person"]:
        assert (
            english[key].url == spanish[key].url == "https://www.mass.gov/how-to/report-changes-to-masshealth"
        )
    assert "You cannot make changes directly in MyServices" in english["update-my-information"].body
    # MyServices has no forms, materials or pharmacy resources: those sections stay empty.
    assert set(Resource.objects.values_list("section", flat=True)) == {Section.SELF_SERVICE, Section.FAQ}


def test_a_masshealth_member_reads_the_faq_in_spanish(use_plan: UsePlan, member_client: Client) -> None:
    use_plan("masshealth")
    write_resources(plan_key="masshealth")
    html = member_client.get("/resources/", headers={"accept-language": "es"}).content.decode()
    assert '<h2 id="resources-faq">Preguntas más frecuentes</h2>' in html
    assert "<summary>¿En qué idiomas está disponible el Portal de MyServices?</summary>" in html
    assert "(en inglés)" not in html


def test_totalcare_gets_every_section_in_english_and_portuguese_with_its_forms(
    db: None, resource_files: FileSystemStorage
) -> None:
    write_resources(plan_key="totalcare")
    assert set(Resource.objects.values_list("section", flat=True)) == set(Section.values)
    for resource in Resource.objects.prefetch_related("translations"):
        assert {t.language for t in resource.translations.all()} == {"en", "pt-br"}, resource.key
    forms = ResourceTranslation.objects.filter(resource__section=Section.FORMS)
    assert forms.count() == 4
    for form in forms:
        assert form.file.name
        assert resource_files.open(form.file.name).read().startswith(b"%PDF-")
    appeal = forms.get(resource__key="grievance-appeal-form", language="pt-br")
    assert "65 dias" in appeal.body


def test_the_demo_profile_gets_a_mix_of_languages(db: None) -> None:
    write_resources(plan_key="demo")
    languages = {
        r.key: {t.language for t in r.translations.all()}
        for r in Resource.objects.prefetch_related("translations")
    }
    assert languages["member-services"] >= {"en", "es", "pt-br", "vi", "zh-hant"}
    assert languages["member-handbook"] == {"en"}  # shown in English, marked, on every other page
    assert len({frozenset(langs) for langs in languages.values()}) >= 3


def test_running_again_or_for_another_profile_replaces_only_demo_entries(db: None) -> None:
    staff_entry = Resource.objects.create(key="staff-added", section=Section.FAQ)
    write_resources(plan_key="masshealth")
    first = ResourceTranslation.objects.count()
    write_resources(plan_key="masshealth")
    assert ResourceTranslation.objects.count() == first

    write_resources(plan_key="totalcare")
    assert not Resource.objects.filter(key="who-can-use-myservices").exists()
    assert Resource.objects.filter(pk=staff_entry.pk).exists()
    write_resources(plan_key="alliance")  # Resources is off there: no content
    assert list(Resource.objects.values_list("key", flat=True)) == ["staff-added"]
    assert "staff-added" not in DEMO_KEYS
