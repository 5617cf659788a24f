"""For the ID card tests: a second provider, a staff user, a long coverage history and a PDF reader.

The member with everything an ID card shows (`carded_member`) and their `provider` are in
tests/conftest.py."""

import datetime
import re
import zlib
from html.parser import HTMLParser

import pytest

from coverage.models import Coverage
from members.models import Member, User
from providers.models import Provider


def add_past_coverage(member: Member, count: int) -> None:
    """`count` ended Medi-Cal spans, one a month from 1990: a long enrollment history."""
    start = datetime.date(1990, 1, 1)
    Coverage.objects.bulk_create(
        Coverage(
            member=member,
            program="Medi-Cal",
            plan=f"Plan {n}",
            effective_date=start + datetime.timedelta(days=30 * n),
            end_date=start + datetime.timedelta(days=30 * n + 20),
        )
        for n in range(count)
    )


@pytest.fixture
def other_provider(db: None) -> Provider:
    return Provider.objects.create(
        npi="1987654321",
        first_name="Luis",
        last_name="Pham",
        specialty="Internal Medicine",
        is_primary_care=True,
        phone="831-555-0199",
    )


@pytest.fixture
def staff_user(db: None) -> User:
    return User.objects.create_user(username="agent", password="x", is_staff=True)


def pdf_streams(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, so its dictionaries can be searched."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


class _ClassText(HTMLParser):
    """Collects the text inside each element that has `css_class` among its classes."""

    VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self, css_class: str) -> None:
        super().__init__()
        self.css_class = css_class
        self.depth = 0  # open elements inside the current match; 0 = outside any
        self.found: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
            self.found[-1].append(" ")
        elif self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.found.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in self.VOID:
            self.depth -= 1
            self.found[-1].append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1].append(data)


def texts_of_class(html: str, css_class: str) -> list[str]:
    """The text of every element of `css_class` in `html` (not nested matches), with a space
    between elements and whitespace collapsed: "Member ID A10000001"."""
    parser = _ClassText(css_class)
    parser.feed(html)
    return [" ".join("".join(parts).split()) for parts in parser.found]
