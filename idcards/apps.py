from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdCardsConfig(AppConfig):
    name = "idcards"
    verbose_name = _("ID cards")
