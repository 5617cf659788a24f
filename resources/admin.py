"""Staff keep the Resources page here: an entry with its text in each language.

The rows are the plan's public content (no member data), so they are not in the audit trail;
Django's admin history records who changed what.
"""

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from resources.models import ENGLISH, Resource, ResourceTranslation


class TranslationInline(admin.StackedInline):
    model = ResourceTranslation
    extra = 0
    min_num = 1
    fields = ["language", "title", "body", "url", "link_text", "file"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # type: ignore[no-untyped-def]
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "file" and field is not None:
            field.widget.attrs["accept"] = "application/pdf"
        if db_field.name == "body" and field is not None:
            field.widget = forms.Textarea(attrs={"rows": 6})
        return field


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["key", "section", "order", "english_title", "languages"]
    list_filter = ["section", "translations__language"]
    search_fields = ["key", "translations__title", "translations__body"]
    search_help_text = _("Key, or words of a title or text in any language.")
    ordering = ["section", "order", "key"]
    inlines = [TranslationInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Resource]:
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("English title"))
    def english_title(self, resource: Resource) -> str:
        english = (t.title for t in resource.translations.all() if t.language == ENGLISH)
        return next(english, self.get_empty_value_display())

    @admin.display(description=_("languages"))
    def languages(self, resource: Resource) -> str:
        return ", ".join(sorted(t.language for t in resource.translations.all()))
