"""Demo Resources page content: each plan profile's own, written by seed_demo.

TotalCare gets its seed's sections (demo/resources_totalcare.py, English and Portuguese),
MassHealth its MyServices FAQ (demo/resources_masshealth.py, English and Spanish), and the demo
profile the mix below: some entries in several languages, some only in English, so the page's
English fallback shows. A profile with no content here (alliance: Resources is off) gets none.

Idempotent: it first deletes every entry any profile's content has (by key), then writes the
active profile's; entries staff added under other keys are left alone. Forms get a one-page
made-up PDF per language, saved under a fixed name, so running it again replaces the file.
"""

import textwrap

from django.core.files.base import ContentFile
from django.core.files.storage import Storage

from demo import resources_masshealth, resources_totalcare
from demo.resource_entries import Entry, Text
from resources.models import Resource, ResourceTranslation

WEBSITE = "https://www.example.org"

DEMO_ENTRIES = [
    Entry(
        "member-services",
        "self_service",
        {
            "en": Text(
                "Member Services",
                "Call Demo Health Plan Member Services at 800-555-0100 (TTY: Dial 711), Monday to Friday, "
                "8 a.m. to 5 p.m.",
            ),
            "es": Text(
                "Servicios para Miembros",
                "Llame a Servicios para Miembros de Demo Health Plan al 800-555-0100 (TTY: Marque 711), de "
                "lunes a viernes, de 8 a. m. a 5 p. m.",
            ),
            "pt-br": Text(
                "Atendimento ao Associado",
                "Ligue para o Atendimento ao Associado do Demo Health Plan pelo telefone 800-555-0100 (TTY: "
                "disque 711), de segunda a sexta-feira, das 8h às 17h.",
            ),
            "vi": Text(
                "Dịch vụ Hội viên",
                "Gọi cho Dịch vụ Hội viên của Demo Health Plan theo số 800-555-0100 (TTY: Quay số 711), từ "
                "Thứ Hai đến Thứ Sáu, 8 giờ sáng đến 5 giờ chiều.",
            ),
            "zh-hant": Text(
                "會員服務",
                # Chinese punctuation is full width.
                "請致電 Demo Health Plan 會員服務部：800-555-0100（TTY：撥打 711），"  # noqa: RUF001
                "週一至週五上午 8 時至下午 5 時。",
            ),
        },
    ),
    Entry(
        "nurse-advice",
        "self_service",
        {
            "en": Text("Nurse advice line", "800-555-0103 (TTY: Dial 711)."),
            "es": Text("Línea de consejos de enfermería", "800-555-0103 (TTY: Marque 711)."),
        },
    ),
    Entry(
        "grievance-appeal-form",
        "forms",
        {
            "en": Text(
                "Grievance and Appeal Form",
                "You can file an appeal within 60 days of the notice of our decision. You have the right to "
                "file a grievance at any time.",
            ),
            "es": Text(
                "Formulario de quejas y apelaciones",
                "Puede presentar una apelación en un plazo de 60 días a partir del aviso de nuestra "
                "decisión. "
                "Tiene derecho a presentar una queja en cualquier momento.",
            ),
        },
        pdf=True,
    ),
    Entry(
        "member-handbook",
        "member_materials",
        {
            "en": Text(
                "Member Handbook",
                "What your plan covers, how to get care, and your rights and responsibilities as a member.",
                WEBSITE,
            ),
        },
    ),
    Entry(
        "formulary",
        "pharmacy",
        {
            "en": Text("Formulary (list of covered drugs)", "The medicines the plan covers.", WEBSITE),
            "es": Text(
                "Formulario (lista de medicamentos cubiertos)", "Los medicamentos que cubre el plan.", WEBSITE
            ),
        },
    ),
    Entry(
        "who-can-create-an-account",
        "faq",
        {
            "en": Text(
                "Who can create an online account?",
                "Members can create an online account starting at age 18. Use your member ID card to fill in "
                "your first name, last name, date of birth and member ID.",
            ),
            "es": Text(
                "¿Quién puede crear una cuenta en línea?",
                "Los miembros pueden crear una cuenta en línea a partir de los 18 años. Use su tarjeta de "
                "identificación de miembro para llenar su nombre, apellido, fecha de nacimiento y número de "
                "identificación de miembro.",
            ),
            "pt-br": Text(
                "Quem pode criar uma conta online?",
                "Membros podem criar contas online a partir dos 18 anos. Utilize seu cartão de identificação "
                "de membro para preencher seu primeiro nome, sobrenome, data de nascimento e número de "
                "identificação do membro.",
            ),
        },
    ),
    Entry(
        "new-pcp-takes-effect",
        "faq",
        {
            "en": Text(
                "When does a new primary care doctor (PCP) take effect?",
                "Changes take effect on the first day of the following month. For example, if you choose a "
                "new doctor on September 15, you can start seeing them on October 1.",
            ),
            "es": Text(
                "¿Cuándo toma efecto un nuevo médico de atención primaria (PCP)?",
                "Estos cambios toman efecto el primer día del mes siguiente. Por ejemplo, si elige un nuevo "
                "doctor el 15 de septiembre, podrá comenzar a acudir a ese nuevo doctor el 1.º de octubre.",
            ),
        },
    ),
    Entry(
        "links-to-the-website",
        "faq",
        {
            "en": Text(
                "Do I stay signed in when I open a link to the plan's website?",
                "Yes. Links to the plan's website open in a new tab. You stay signed in to the Member Portal "
                "and can switch between the portal and the website.",
            ),
        },
    ),
]

PROFILES: dict[str, list[Entry]] = {
    "totalcare": resources_totalcare.ENTRIES,
    "masshealth": resources_masshealth.ENTRIES,
    "demo": DEMO_ENTRIES,
}
DEMO_KEYS = frozenset(entry.key for entries in PROFILES.values() for entry in entries)


def write_resources(*, plan_key: str) -> dict[str, int]:
    """Replace the demo entries with those of the profile `plan_key`; rows written, by table."""
    entries = PROFILES.get(plan_key, [])
    Resource.objects.filter(key__in=DEMO_KEYS).delete()
    resources = Resource.objects.bulk_create(
        Resource(key=entry.key, section=entry.section, order=10 * index)
        for index, entry in enumerate(entries)
    )
    storage = ResourceTranslation._meta.get_field("file").storage
    texts = []
    for resource, entry in zip(resources, entries, strict=True):
        for language, text in entry.texts.items():
            row = ResourceTranslation(
                resource=resource,
                language=language,
                title=text.title,
                body=text.body,
                url=text.url,
                link_text=text.link_text,
            )
            if entry.pdf:
                row.file.name = _save(storage, f"demo/{entry.key}-{language}.pdf", demo_pdf(text))
            texts.append(row)
    ResourceTranslation.objects.bulk_create(texts)
    return {Resource._meta.db_table: len(resources), ResourceTranslation._meta.db_table: len(texts)}


def _save(storage: Storage, name: str, content: bytes) -> str:
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(content))


def demo_pdf(text: Text) -> bytes:
    """A one-page PDF with the form's title and text, marked as made up (no PDF library needed)."""
    lines = [text.title, "", *textwrap.wrap(text.body, 80), "", "Demo data: a made-up form, not a real one."]
    operations = ["BT", "/F1 12 Tf", "16 TL", "72 720 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        operations.append(f"({escaped}) Tj T*")
    operations.append("ET")
    stream = "\n".join(operations).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)
