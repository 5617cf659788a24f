"""The Resources page's content, kept by staff in the admin: entries and their translations.

A `Resource` is one entry of the page (a contact, a form, a handbook, a question): its section,
its place in the section and a key naming it. Each `ResourceTranslation` is the entry in one
language: its title (the question, in the FAQ), its text (the answer), a link to the plan's
website and a PDF to download. The page shows each entry in the page's language, else in
English, marked as such (resources/selectors.py). No row holds member data.
"""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.languages import PORTAL_LANGUAGES
from resources import files

ENGLISH = "en"


class Section(models.TextChoices):
    """The page's sections, in the order the page shows them (the seed's Resources page)."""

    SELF_SERVICE = "self_service", _("Self-service information and contacts")
    FORMS = "forms", _("Forms")
    MEMBER_MATERIALS = "member_materials", _("Member materials")
    PHARMACY = "pharmacy", _("Pharmacy resources")
    FAQ = "faq", _("Frequently Asked Questions")


SECTION_ORDER = {value: index for index, value in enumerate(Section.values)}


class Resource(models.Model):
    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("A short name for the entry, the same in every language (e.g. appeal-form)."),
    )
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Entries are listed from the lowest number up, within a section.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["section", "order", "key"]

    def __str__(self) -> str:
        return self.key


class ResourceTranslation(models.Model):
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=10, choices=PORTAL_LANGUAGES)
    title = models.CharField(
        _("title"), max_length=300, help_text=_("In Frequently Asked Questions, the question.")
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Plain text: line breaks are kept, HTML is shown as typed. In FAQ, the answer."),
    )
    url = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_("A page of the plan's website. It opens in a new tab; the member stays signed in."),
    )
    link_text = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("What the link says; the title if empty.")
    )
    file = models.FileField(
        _("PDF file"),
        storage=files.storage,
        upload_to="%Y/%m/",
        max_length=200,
        blank=True,
        validators=[files.validate_pdf],
        help_text=_("A PDF members can download (a form, a handbook)."),
    )

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "language"], name="resource_translation_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.title}"

    @property
    def download_name(self) -> str:
        """The file's name on the member's device: the entry's key and the language."""
        return f"{self.resource.key}-{self.language}.pdf"
