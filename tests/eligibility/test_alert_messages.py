"""The alerts' words: every message the plan's file may name reads in every language the portal speaks."""

import pytest
from django.utils import translation

from eligibility.alert_messages import MESSAGES
from portal.languages import PORTAL_LANGUAGES


@pytest.mark.parametrize("language", [code for code, _name in PORTAL_LANGUAGES if code != "en"])
def test_every_alert_message_is_translated(language: str) -> None:
    for key, message in MESSAGES.items():
        for part in ("title", "what_to_do"):
            text = getattr(message, part)
            with translation.override("en"):
                english = str(text)
            with translation.override(language):
                translated = str(text)
            assert translated != english, f"{key}.{part} is not translated into {language}"
