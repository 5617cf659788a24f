"""Every list's empty choice ("Choose a state", "Any county" …) reads in the page's language, in
every language the portal speaks: none keeps the English, none is Django's "---------"."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.providers.pcp_factories import make_provider

EMPTY_CHOICES = {
    "/profile/address/add/": ["Choose a type", "Choose a state"],
    "/profile/phone/add/": ["Choose a type"],
    "/providers/change/": ["Any", "Any county", "Any language", "Any specialty"],
}


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
@pytest.mark.parametrize("url", list(EMPTY_CHOICES))
def test_the_empty_choices_are_translated(member_client: Client, url: str, language: str) -> None:
    html = member_client.get(url, headers={"accept-language": language}).content.decode()
    assert "---------" not in html
    for english in EMPTY_CHOICES[url]:
        with translation.override(language):
            words = translation.gettext(english)
        assert words != english, f"{english!r} is not translated into {language}"
        assert re.search(rf'<option value=""( selected)?>{re.escape(words)}</option>', html), english


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_the_reason_list_starts_with_words_in_each_language(member_client: Client, language: str) -> None:
    doctor = make_provider(first_name="André", last_name="Dubois")
    html = member_client.post(
        "/providers/change/reason/", {"provider": doctor.pk}, headers={"accept-language": language}
    ).content.decode()
    with translation.override(language):
        words = translation.gettext("Choose a reason")
    assert words != "Choose a reason"
    assert f'<option value="" selected>{words}</option>' in html
