"""Every gunicorn the project starts or documents keeps off gunicorn's shared control socket.

Since gunicorn 25.1 each master opens a control socket for `gunicornc`, by default one path per
user ($XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl); a second master unlinks the
first one's socket and takes the path over. The bench, the browser tests' server and the
deployment's web processes must each have their own path or none. gunicorn's own option parser
(`--print-config`) says what each command line means in the installed version.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.load import gunicorn_command
from tests.browser.conftest import server_command

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
DEFAULT_SOCKETS = {"~/.gunicorn/gunicorn.ctl", "$XDG_RUNTIME_DIR/gunicorn.ctl"}


def control_socket(argv: list[str], tmp_path: Path) -> str | None:
    """The control socket path the command line gives gunicorn, or None when it has none."""
    home, runtime = tmp_path / "home", tmp_path / "run"
    runtime.mkdir()
    result = subprocess.run(  # noqa: S603 - the installed gunicorn, arguments we built
        [str(GUNICORN), *argv[1:], "--print-config"],
        cwd=ROOT,
        env={"HOME": str(home), "XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    config = dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.MULTILINE))
    if config["control_socket_disable"] == "True":
        return None
    path = config["control_socket"]
    return path.replace(str(runtime), "$XDG_RUNTIME_DIR").replace(str(home), "~")


def deploy_web_command() -> list[str]:
    """The web process's command in docs/deploy.md's table of processes."""
    found = re.search(r"^\| web \| `(gunicorn [^`]+)` \|", (ROOT / "docs" / "deploy.md").read_text(), re.M)
    assert found, "docs/deploy.md has no web process"
    return found.group(1).split()


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(gunicorn_command("portal.wsgi", port=8123, workers=3), id="bench"),
        pytest.param(server_command(8124), id="browser-tests"),
    ],
)
def test_the_servers_we_start_have_no_control_socket(argv: list[str], tmp_path: Path) -> None:
    assert control_socket(argv, tmp_path) is None


def test_the_deployed_web_process_has_its_own_control_socket(tmp_path: Path) -> None:
    assert control_socket(deploy_web_command(), tmp_path) not in DEFAULT_SOCKETS
