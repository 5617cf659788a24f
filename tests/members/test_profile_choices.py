"""The Type lists on the address and phone forms start with words in the page's language, not
Django's "---------"."""

import pytest
from django.test import Client


@pytest.mark.parametrize(
    ("kind", "language", "words"), [("address", "en", "Choose a type"), ("phone", "es", "Elija un tipo")]
)
def test_the_type_list_starts_with_words(member_client: Client, kind: str, language: str, words: str) -> None:
    html = member_client.get(f"/profile/{kind}/add/", headers={"accept-language": language}).content.decode()
    assert f'<option value="" selected>{words}</option>' in html
    assert "---------" not in html
