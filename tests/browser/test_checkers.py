"""The outside checkers over the main member pages: pa11y (HTML_CodeSniffer and axe, WCAG 2 AA) in
Debian's Chromium, and the Nu HTML checker (vnu.jar, with Java) on each page's HTML, find no
error. They are installed by `make checkers` (tests/browser/checkers/, docs/design.md)."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LivePortal, LogIn

CHECKERS = Path(__file__).parent / "checkers"
VNU_JAR = CHECKERS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = CHECKERS / "pa11y.js"

SIGNED_OUT = ["/accounts/login/", "/accounts/create/"]
SIGNED_IN = [
    "/",
    "/profile/",
    "/profile/id-cards/",
    "/coverage/",
    "/providers/",
    "/providers/change/?last_name=Pham",
    "/resources/",
]


@pytest.fixture(scope="module")
def installed() -> None:
    if not VNU_JAR.exists() or not (CHECKERS / "node_modules" / "pa11y").exists():
        pytest.fail("the checkers are not installed: run `make checkers`")
    if shutil.which("java") is None or shutil.which("node") is None:
        pytest.fail("the checkers need Java and Node: run `make checkers`")


def pa11y_errors(live_portal: LivePortal, paths: list[str], cookie: str = "") -> list[str]:
    run = subprocess.run(  # noqa: S603
        ["node", str(PA11Y), *(live_portal.url + path for path in paths)],  # noqa: S607
        cwd=CHECKERS,
        env={**os.environ, "PA11Y_COOKIE": cookie},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, f"pa11y did not run: {run.stderr[-2000:]}"
    return [
        f"{result['url']}: {issue['runner']} {issue['code']}: {issue['message']} ({issue['selector']})"
        for result in json.loads(run.stdout)
        for issue in result["issues"]
    ]


def vnu_errors(page: Any, paths: list[str]) -> list[str]:
    """The Nu checker's errors on each page's HTML as the server sends it."""
    found = []
    for path in paths:
        html = page.request.get(path).text()
        run = subprocess.run(  # noqa: S603
            ["java", "-jar", str(VNU_JAR), "--stdout", "--format", "json", "-"],  # noqa: S607
            input=html,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        messages = json.loads(run.stdout)["messages"]
        found += [
            f"{path}: line {m.get('lastLine')}: {m['message']} ({m.get('extract', '').strip()[:80]})"
            for m in messages
            if m["type"] == "error"
        ]
    return found


@pytest.mark.parametrize("size", ["desktop"])
def test_pa11y_and_the_nu_checker_find_no_error(
    installed: None, page: Any, live_portal: LivePortal, log_in: LogIn
) -> None:
    signed_out = pa11y_errors(live_portal, SIGNED_OUT)
    signed_out_html = vnu_errors(page, SIGNED_OUT)
    log_in()
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    signed_in = pa11y_errors(live_portal, SIGNED_IN, cookie)
    signed_in_html = vnu_errors(page, SIGNED_IN)
    found = [f"pa11y: {e}" for e in signed_out + signed_in]
    found += [f"Nu checker: {e}" for e in signed_out_html + signed_in_html]
    assert found == [], "\n".join(found)
