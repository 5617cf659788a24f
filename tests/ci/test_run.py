""".ci/run installs each thing the tests need that the machine lacks, checked on its own.

The machine is simulated: PATH holds only stand-ins for the tools that are "installed", fc-list
answers from a list of font families, and apt-get, make and the service probes only record that
they ran. Nothing is installed for real.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("pdftotext", "xgettext", "msgfmt")
FONTS = ("Noto Sans", "Noto Sans Arabic", "Noto Sans CJK TC", "DejaVu Sans")
ALL_FONTS = ["fonts-noto-core", "fonts-noto-cjk", "fonts-dejavu-core"]

FC_LIST = """#!/bin/sh
# fc-list -q FAMILY: succeeds when FAMILY is one of the lines of $FONTS.
[ "$1" = -q ] || exit 2
while IFS= read -r family; do [ "$family" = "$2" ] && exit 0; done < "$FONTS"
exit 1
"""
RECORDER = """#!/bin/sh
echo "$(basename "$0") $*" >> "$CALLS"
"""


class Machine:
    """A PATH of stand-ins: the tools, fonts and Chromium it has, and a log of what ran."""

    def __init__(self, root: Path, *, lacks: tuple[str, ...] = ()) -> None:
        self.bin = root / "bin"
        self.bin.mkdir()
        self.calls = root / "calls"
        self.calls.touch()
        self.fonts = root / "fonts"
        self.fonts.write_text("".join(f"{family}\n" for family in FONTS if family not in lacks))
        self.chromium = root / "chromium"
        if "chromium" not in lacks:
            self._script(self.chromium, "#!/bin/sh\n")
        for tool in TOOLS:
            if tool not in lacks:
                self._script(self.bin / tool, "#!/bin/sh\n")
        if "fc-list" not in lacks:
            self._script(self.bin / "fc-list", FC_LIST)
        for recorded in ("apt-get", "make", "pg_isready", "redis-cli"):
            self._script(self.bin / recorded, RECORDER)
        for real in ("bash", "dirname", "basename"):  # what the scripts and stand-ins use themselves
            (self.bin / real).symlink_to(shutil.which(real) or f"/usr/bin/{real}")

    @staticmethod
    def _script(path: Path, text: str) -> None:
        path.write_text(text)
        path.chmod(0o755)

    def run(self, script: str) -> subprocess.CompletedProcess[str]:
        env = {
            "PATH": str(self.bin),
            "CHROMIUM": str(self.chromium),
            "FONTS": str(self.fonts),
            "CALLS": str(self.calls),
            "HOME": os.environ.get("HOME", "/root"),
        }
        return subprocess.run(  # noqa: S603 - the repository's own scripts
            ["/bin/bash", str(ROOT / ".ci" / script)], env=env, capture_output=True, text=True, check=True
        )

    def ran(self) -> list[str]:
        return self.calls.read_text().splitlines()


@pytest.mark.parametrize(
    ("lacks", "installs"),
    [
        pytest.param((), [], id="nothing"),
        pytest.param(FONTS, ALL_FONTS, id="only-the-fonts"),
        pytest.param(("Noto Sans CJK TC",), ["fonts-noto-cjk"], id="cjk-font"),
        pytest.param(("Noto Sans Arabic",), ["fonts-noto-core"], id="arabic-font"),
        pytest.param(("DejaVu Sans",), ["fonts-dejavu-core"], id="dejavu"),
        pytest.param(("chromium",), ["chromium"], id="chromium"),
        pytest.param(("pdftotext",), ["poppler-utils"], id="pdftotext"),
        pytest.param(("msgfmt",), ["gettext"], id="msgfmt"),
        pytest.param(("xgettext",), ["gettext"], id="xgettext"),
        pytest.param(("fc-list",), ["fontconfig", *ALL_FONTS], id="fontconfig"),
    ],
)
def test_each_missing_need_is_named_on_its_own(
    tmp_path: Path, lacks: tuple[str, ...], installs: list[str]
) -> None:
    assert Machine(tmp_path, lacks=lacks).run("missing-packages").stdout.split() == installs


def test_ci_installs_the_fonts_on_a_machine_that_has_everything_else(tmp_path: Path) -> None:
    machine = Machine(tmp_path, lacks=FONTS)

    machine.run("run")

    installs = [call for call in machine.ran() if call.startswith("apt-get install")]
    assert installs == ["apt-get install -y -qq " + " ".join(ALL_FONTS)]
    assert machine.ran()[-1] == "make test"


def test_ci_installs_nothing_on_a_machine_that_has_everything(tmp_path: Path) -> None:
    machine = Machine(tmp_path)

    machine.run("run")

    assert not [call for call in machine.ran() if call.startswith("apt-get")]
    assert machine.ran()[-1] == "make test"
