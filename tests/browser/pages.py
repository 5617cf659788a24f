"""What every page a member reaches must pass, checked in the browser at each step of a flow.

- axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation (the page as shown, errors included);
- the <title> says where the member is, not just the portal's name;
- at phone width nothing scrolls sideways and every control is at least 24 x 24 px
  (WCAG 2.5.8; links inside a sentence are exempt, as the criterion exempts them);
- a full-page screenshot is saved under test-artifacts/screenshots/ for a person to look at.
"""

import re
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from tests.oidc_idp.users import PASSWORD as IDENTITY_PROVIDER_PASSWORD

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
MIN_TARGET = 24

_axe = Axe()
# Steps every flow passes through (the log-in and home pages) are audited once per size; axe
# takes about a second a page on a small machine.
_audited: set[tuple[str, str]] = set()

# Controls smaller than 24 x 24 px, skipping hidden ones and links that sit inside a sentence.
_SMALL_TARGETS = """
(min) => {
  const small = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(controls)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip-link, dialog:not([open])')) continue;
    if (el.tagName === 'A' && style.display === 'inline') {
      const block = el.closest('p, li, dd, td, address, label');
      const text = block ? block.textContent.replace(/\\s+/g, ' ').trim() : '';
      if (text.length > el.textContent.trim().length) continue;  // inline in a sentence
    }
    if (box.width < min - 0.5 || box.height < min - 0.5) {
      small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 40)}" `
        + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}
"""


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


class Checker:
    """Call with a step name after each page load or state change: checks it and screenshots it."""

    def __init__(self, page: Any, *, size: str, prefix: str, folder: Path) -> None:
        self.page = page
        self.size = size
        self.prefix = prefix
        self.folder = folder
        self.step = 0
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{prefix}-[0-9][0-9]-*.png"):
            old.unlink()

    def __call__(self, name: str, *, title: str | None = None) -> None:
        page = self.page
        page.wait_for_load_state("load")
        self.step += 1
        page.screenshot(path=self.folder / f"{self.prefix}-{self.step:02d}-{name}.png", full_page=True)

        page_title = page.title()
        assert page_title.strip(), f"{name}: the page has no title"
        assert not re.match(r"^\s*Member Portal\s*\N{EN DASH}", page_title), (
            f"{name}: the title {page_title!r} is generic"
        )
        if title is not None:
            assert title in page_title, f"{name}: the title {page_title!r} does not say {title!r}"

        if (name, self.size) not in _audited:
            options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
            violations = _axe.run(page, options=options).response["violations"]
            assert not violations, f"{name} ({page.url}): axe found\n{format_violations(violations)}"
            _audited.add((name, self.size))

        if self.size == "phone":
            width = page.evaluate("document.documentElement.scrollWidth")
            viewport = page.evaluate("window.innerWidth")
            assert width <= viewport, (
                f"{name}: the page scrolls sideways ({width}px in a {viewport}px screen)"
            )
            small = page.evaluate(_SMALL_TARGETS, MIN_TARGET)
            assert not small, f"{name}: tap targets smaller than 24x24 px: {small}"


def assert_error_tied(page: Any, label: str) -> None:
    """The field labelled `label` is marked invalid and its error message is in its description."""
    field = page.get_by_label(label, exact=True)
    assert field.get_attribute("aria-invalid") == "true", f"{label}: not marked aria-invalid"
    described = (field.get_attribute("aria-describedby") or "").split()
    texts = [page.locator(f"[id='{ident}']").inner_text() for ident in described]
    assert any(t.strip() for t in texts), f"{label}: aria-describedby points at no error text"
    assert page.get_by_role("alert").count() >= 1, "the error summary is not announced (role=alert)"


def open_profile(page: Any, check: Checker) -> None:
    # "Click on the dropdown and then click Profile."
    page.get_by_role("banner").get_by_text("Welcome José").click()
    page.get_by_role("banner").get_by_role("link", name="Profile").click()
    page.get_by_role("link", name="Personal Information").wait_for()
    check("personal-information", title="Personal Information")


# The focused element, its accessible text, and whether its focus indicator can be seen.
_FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const label = el.labels && el.labels.length ? el.labels[0].innerText : (el.innerText || el.value || '');
  return {
    tag: el.tagName.toLowerCase(),
    name: label.replace(/\\s+/g, ' ').trim(),
    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
      || style.boxShadow !== 'none',
  };
}"""


def tab_to(page: Any, name: str | re.Pattern[str], *, presses: int = 60) -> None:
    """Press Tab until the control named `name` has the focus, checking each stop's focus ring."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        if focus["tag"] == "body":  # past the last control, before the first one again
            continue
        if not focus["visible"]:
            # On a loaded machine the focus styles can land a frame after the focus itself.
            page.wait_for_timeout(100)
            focus = page.evaluate(_FOCUS)
        assert focus["visible"], f"the focus on {focus['tag']} {focus['name']!r} cannot be seen"
        if re.fullmatch(name, focus["name"]) if isinstance(name, re.Pattern) else focus["name"] == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def open_disclosure(summary: Any) -> None:
    """Open the <details> whose summary is `summary`, if it is shown closed (on a phone the member
    menu and the header's tools are disclosures; where there is room they are shown open)."""
    if summary.is_visible() and not summary.evaluate("s => s.parentElement.open"):
        summary.click()


def open_menu(page: Any, name: str = "Member menu") -> Any:
    """The member menu, opened if it is a closed "Menu" disclosure (phone); returns the navigation."""
    nav = page.get_by_role("navigation", name=name)
    open_disclosure(nav.locator("summary"))
    return nav


def open_header_tools(page: Any, index: int) -> None:
    """Open the header's Accessibility Tools (0) or Language (1) disclosure where it is closed."""
    open_disclosure(page.locator(".header-disclosure > summary").nth(index))


def tab_to_nav_entry(page: Any, label: str, *, menu: str = "Menu") -> None:
    """Tab to the member menu's entry `label`, opening the "Menu" disclosure with Enter on a phone."""
    nav_summary = page.locator(".side-nav__summary")
    if nav_summary.is_visible() and not nav_summary.evaluate("s => s.parentElement.open"):
        tab_to(page, menu)
        page.keyboard.press("Enter")
    tab_to(page, label)


def sign_in_at_state(page: Any, *, button: str = "Sign In With MA Login", username: str = "jose") -> None:
    """Press the plan's sign-in button and log in at the (local test) identity provider's own page."""
    page.get_by_role("button", name=button).click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(IDENTITY_PROVIDER_PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def words(language: str, *english: str) -> list[str]:
    """The portal's translations of `english` in `language`, as a member reads them on the page."""
    with translation.override(language):
        return [translation.gettext(text) for text in english]


def log_out(page: Any, first_name: str = "José") -> None:
    """The header's "Welcome …" menu, then Log out; back on the log-in page."""
    page.get_by_role("banner").get_by_text(f"Welcome {first_name}").click()
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("heading", name="Member Online Account").wait_for()


def virtual_authenticator(page: Any) -> str:
    """A platform authenticator in Chromium (DevTools' WebAuthn domain) that keeps passkeys and
    verifies the member (as a fingerprint would) every time; its id."""
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }
    answer = session.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    page._passkey_session = session  # kept alive with the page
    return str(answer["authenticatorId"])
