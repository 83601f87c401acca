"""The layers' import direction (docs/architecture.md): db ← core ← desktop.
Only desktop/ (and tests) may import Qt; db/ imports neither core nor desktop."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found


def _python_files(*folders: str):
    for folder in folders:
        yield from (REPO / folder).rglob("*.py")


def _offenders(folders, forbidden_prefixes):
    bad = []
    for path in _python_files(*folders):
        for name in _imports(path):
            if any(name == p or name.startswith(p + ".") for p in forbidden_prefixes):
                bad.append(f"{path.relative_to(REPO)} imports {name}")
    return bad


def test_only_desktop_imports_qt():
    folders = [p.name for p in REPO.iterdir() if p.is_dir() and p.name not in ("desktop", "tests", ".git", ".venv", "build", "dist")]
    assert _offenders(folders, ("PySide6", "shiboken6")) == []


def test_db_layer_depends_on_nothing_of_ours():
    assert _offenders(["db"], ("core", "desktop")) == []


def test_core_does_not_import_desktop():
    assert _offenders(["core"], ("desktop",)) == []


def test_checker_sees_imports():
    """Guard the guard: the scanner must notice a plain and a from-import."""
    sample = REPO / "tests" / "unit" / "_import_sample.py"
    sample.write_text("import PySide6.QtCore\nfrom PySide6 import QtWidgets\n", "utf-8")
    try:
        assert _imports(sample) == {"PySide6.QtCore", "PySide6"}
    finally:
        sample.unlink()
