"""Reading a form's errors off a page as a member meets them: the message under a field, and the
error summary's link to it (templates/includes/field.html, form_errors.html)."""

import html as html_module
import re


def field_error(page: str, field_id: str) -> str:
    """The text of the error list under the field whose control has the id `field_id`."""
    found = re.search(rf'<ul class="errorlist" id="{field_id}_error">(.*?)</ul>', page, re.S)
    assert found, f"no error under #{field_id}"
    return html_module.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def summary_links(page: str) -> dict[str, str]:
    """The error summary's links: the id each one points at → the link's text."""
    assert "error-summary" in page, "the page has no error summary"
    summary = page.split('class="usa-alert usa-alert--error error-summary')[1].split("</ul>")[0]
    return {
        target: html_module.unescape(text).strip()
        for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', summary, re.S)
    }


def assert_says(page: str, expected: dict[str, str]) -> None:
    """Each field (by its control's id) has its message under it, and the summary links to it."""
    links = summary_links(page)
    for field_id, message in expected.items():
        assert field_error(page, field_id) == message, field_id
        assert field_id in links, f"the summary does not link to #{field_id}"
        assert links[field_id].endswith(f": {message}"), links[field_id]
