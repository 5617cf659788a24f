"""What the Resources page shows: each entry in the page's language, else in English.

One query whatever the number of entries: the translations in the page's language and in
English, each with its entry. An entry with neither is not shown; a section with no entry
shown is left out.
"""

from dataclasses import dataclass

from resources.models import ENGLISH, SECTION_ORDER, ResourceTranslation, Section


@dataclass(frozen=True)
class ShownEntry:
    text: ResourceTranslation
    # True when the page's language has no translation and the English one stands in.
    in_english: bool


@dataclass(frozen=True)
class ShownSection:
    section: Section
    entries: list[ShownEntry]

    @property
    def is_faq(self) -> bool:
        return self.section == Section.FAQ


def resources_page(language: str) -> list[ShownSection]:
    """The page's sections, in order, each with its entries in order."""
    rows = ResourceTranslation.objects.filter(language__in={language, ENGLISH}).select_related("resource")
    chosen: dict[int, ResourceTranslation] = {}
    for row in rows:
        if row.resource_id not in chosen or row.language == language:
            chosen[row.resource_id] = row
    by_section: dict[str, list[ShownEntry]] = {}
    for text in sorted(chosen.values(), key=lambda t: (t.resource.order, t.resource.key)):
        entry = ShownEntry(text=text, in_english=text.language != language)
        by_section.setdefault(text.resource.section, []).append(entry)
    return [
        ShownSection(Section(section), entries)
        for section, entries in sorted(by_section.items(), key=lambda item: SECTION_ORDER[item[0]])
    ]
