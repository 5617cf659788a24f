"""A form posted with errors starts with an error summary: announced (role=alert), focusable, and
a link to each field in error, whose message is tied to the field (aria-describedby)."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_empty_signup_lists_and_links_each_field_in_error(client: Client) -> None:
    # Every field sent empty (an empty POST body would be an unbound form: request.POST or None).
    html = client.post("/accounts/create/", {"first_name": "", "last_name": ""}).content.decode()
    summary = html.split('class="usa-alert usa-alert--error error-summary')[1].split("</ul>")[0]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    links = re.findall(r'<a href="#([^"]+)">', summary)
    in_error = re.findall(r'<input[^>]*aria-invalid="true"[^>]*>', html)
    ids = [re.search(r'\sid="([^"]+)"', field).group(1) for field in in_error]  # type: ignore[union-attr]
    assert len(links) >= 5
    assert links == ids, "the summary must link to each field in error, in the form's order"
    for field in in_error:
        assert "usa-input--error" in field or "usa-checkbox__input" in field
        described = re.search(r'aria-describedby="([^"]+)"', field)
        assert described is not None
        assert any(
            f'id="{ident}"' in html for ident in described.group(1).split() if ident.endswith("_error")
        )


def test_a_form_without_errors_has_no_summary(client: Client) -> None:
    assert "error-summary" not in client.get("/accounts/create/").content.decode()
