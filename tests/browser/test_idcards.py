"""Profile → ID Cards: view the card, Print (the PDF the browser downloads holds the card's text),
and Order ID Card with its confirmation."""

import subprocess
from pathlib import Path
from typing import Any

from tests.browser.conftest import LogIn
from tests.browser.pages import Checker, open_profile


def test_view_print_and_order_an_id_card(page: Any, check: Checker, log_in: LogIn, tmp_path: Path) -> None:
    log_in()
    open_profile(page, check)
    page.get_by_role("link", name="ID Cards").click()
    page.get_by_role("heading", name="Front of card").wait_for()
    check("id-cards", title="ID Cards")
    assert page.get_by_text("A10000001").is_visible()

    # Chromium shows a PDF in its own viewer, so the test fetches what the Print link opens with
    # the browser's cookies, as the viewer does.
    response = page.request.get(page.get_by_role("link", name="Print").get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "card.pdf"
    pdf.write_bytes(response.body())
    text = subprocess.run(  # noqa: S603
        ["/usr/bin/pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("member ID card", "José Núñez-Ortiz", "A10000001", "Medi-Cal", "Ana García"):
        assert expected in text, f"the printed card does not show {expected!r}"

    page.get_by_role("link", name="Order ID Card").click()
    page.get_by_text("We will mail your new ID card to this address:").wait_for()
    check("order-confirm", title="Order ID Card")
    page.get_by_role("button", name="Order ID Card").click()
    page.get_by_text("We received your ID card order").wait_for()
    check("order-done", title="Order ID Card")
