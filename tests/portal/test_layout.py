"""The house's import rule: each app imports only what docs/layout.md allows, and nothing cycles."""

import ast
from pathlib import Path

from django.conf import settings

LAYOUT = settings.BASE_DIR / "docs" / "layout.md"


def allowed_imports() -> dict[str, set[str]]:
    """The table between the `imports` markers of docs/layout.md: app → the apps it may import."""
    text = LAYOUT.read_text()
    table = text.split("<!-- imports: begin -->")[1].split("<!-- imports: end -->")[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")] for line in table.strip().splitlines()
    ]
    return {app: set(imports.split()) for app, imports in rows[2:]}


def imported_apps(app: str, apps: set[str]) -> dict[str, set[str]]:
    """Each other app that `app`'s code imports (migrations aside), with the files that do."""
    found: dict[str, set[str]] = {}
    for path in sorted((settings.BASE_DIR / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                if top in apps and top != app:
                    found.setdefault(top, set()).add(str(path.relative_to(settings.BASE_DIR)))
    return found


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle in `graph` as a path of apps, or [] if there is none."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str]:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return [*path, node, nxt]
            if nxt not in state and (found := visit(nxt, [*path, node])):
                return found
        state[node] = "done"
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node, [])):
            return found
    return []


def test_every_app_with_code_is_in_the_table() -> None:
    table = allowed_imports()
    apps = {path.parent.name for path in settings.BASE_DIR.glob("*/apps.py")} | {"bench"}
    assert apps <= table.keys()


def test_apps_import_only_what_the_layout_allows() -> None:
    table = allowed_imports()
    apps = set(table)
    breaches = {
        f"{app} → {other} ({', '.join(sorted(files))})"
        for app in apps
        for other, files in imported_apps(app, apps).items()
        if other not in table[app]
    }
    assert not breaches


def test_the_allowed_imports_have_no_cycle() -> None:
    assert cycle(allowed_imports()) == []


def test_the_cycle_finder_finds_one() -> None:
    # The rule above is only as good as this: a layout where two apps import each other fails.
    assert cycle({"members": {"audit"}, "audit": {"members"}}) == ["audit", "members", "audit"]
    assert cycle({"members": {"portal"}, "portal": set()}) == []


def test_a_breach_is_reported(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    # An app importing upward is caught (the kernel importing a domain app).
    (tmp_path / "portal").mkdir()
    (tmp_path / "portal" / "views.py").write_text("from members.models import Member\n")
    settings.BASE_DIR = tmp_path
    assert imported_apps("portal", {"portal", "members"}) == {"members": {"portal/views.py"}}
