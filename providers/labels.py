"""The directory's stored values in the member's language: specialty and language names.

The plan's directory feed stores each provider's specialty in English ("Family Medicine") and
languages as codes ("es"). The specialty names it uses are a short, known list, so each has a
translatable label here, keyed by the stored name; a name or code not known yet is shown as
stored rather than hidden.
"""

from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

SPECIALTY_LABELS: dict[str, Promise] = {
    "Family Medicine": _("Family Medicine"),
    "Internal Medicine": _("Internal Medicine"),
    "Pediatrics": _("Pediatrics"),
    "OB/GYN": _("OB/GYN"),
    "General Practice": _("General Practice"),
    "Cardiology": _("Cardiology"),
    "Dermatology": _("Dermatology"),
    "Endocrinology": _("Endocrinology"),
    "Gastroenterology": _("Gastroenterology"),
    "Neurology": _("Neurology"),
    "Ophthalmology": _("Ophthalmology"),
    "Orthopedic Surgery": _("Orthopedic Surgery"),
    "Psychiatry": _("Psychiatry"),
    "Pulmonology": _("Pulmonology"),
    "Nephrology": _("Nephrology"),
    "Oncology": _("Oncology"),
    "Otolaryngology": _("Otolaryngology"),
    "Urology": _("Urology"),
    "Rheumatology": _("Rheumatology"),
    "Podiatry": _("Podiatry"),
}


def specialty_label(stored: str) -> str:
    """The directory's specialty `stored` in the active language: "Pediatrics" → "Pediatría"."""
    label = SPECIALTY_LABELS.get(stored.strip())
    return stored if label is None else str(label)


def language_name(code: str) -> str:
    """A directory language code as its name in the active language: "es" → "Spanish"."""
    try:
        return str(get_language_info(code.strip().lower())["name_translated"])
    except KeyError:
        return code
