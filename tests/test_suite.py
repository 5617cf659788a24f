"""How the test suite is put together: fixtures shared between modules live in conftest.py files
(pytest finds them there; an imported fixture is a second copy that shadows the real one), other
modules import only plain helpers from helper modules, never from a test module, and every browser
test carries the `browser` marker so `make test-fast` (`-m "not browser"`) can leave them out."""

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def _imports(path: Path) -> Iterator[tuple[str, str]]:
    """(module, name) of each `from tests... import name` in the file."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "tests":
            for alias in node.names:
                yield node.module, alias.name


def _source(module: str) -> Path:
    path = ROOT.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return ast.unparse(target) in {"pytest.fixture", "fixture"}


def _fixtures(path: Path) -> set[str]:
    return {
        node.name
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.FunctionDef) and any(_is_fixture(d) for d in node.decorator_list)
    }


MODULES = sorted(TESTS.rglob("*.py"))


def test_no_module_imports_a_fixture() -> None:
    imported = [
        f"{path.relative_to(ROOT)}: {name} from {module}"
        for path in MODULES
        for module, name in _imports(path)
        if name in _fixtures(_source(module))
    ]
    assert imported == []


def test_no_module_imports_from_a_test_module() -> None:
    imported = [
        f"{path.relative_to(ROOT)}: {name} from {module}"
        for path in MODULES
        for module, name in _imports(path)
        if module.rsplit(".", 1)[-1].startswith("test_")
    ]
    assert imported == []


def test_the_browser_marker_is_registered_for_every_run(pytestconfig: pytest.Config) -> None:
    # In pyproject.toml, not only in tests/browser/conftest.py, which a run of other folders never loads.
    assert any(line.startswith("browser:") for line in pytestconfig.getini("markers"))


def test_not_browser_leaves_out_every_browser_test() -> None:
    def collected(marker: str) -> list[str]:
        result = subprocess.run(  # noqa: S603 - this interpreter's pytest on our own tests
            [
                sys.executable,
                "-m",
                "pytest",
                "--collect-only",
                "-q",
                "-m",
                marker,
                "tests/browser",
                "tests/ci",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return [line for line in result.stdout.splitlines() if "::" in line]

    browser = collected("browser")
    assert browser and all(item.startswith("tests/browser/") for item in browser)
    others = collected("not browser")
    assert others and not any(item.startswith("tests/browser/") for item in others)
