"""Qt Linguist workflow. Chinese is the source language; ``tiaojie_en.ts`` carries the
English translation.

    python -m desktop.i18n update    # pyside6-lupdate: collect tr() strings into the .ts files
    python -m desktop.i18n release   # pyside6-lrelease: compile .ts → .qm (also run by the installer build)
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

from core.resources import resource_path

LANGUAGES = ("en",)
SOURCES = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def ts_files() -> list[Path]:
    return [resource_path("translations", f"tiaojie_{lang}.ts") for lang in LANGUAGES]


_CATALOGUE = SOURCES / "_vocab_catalogue.py"
CORE = SOURCES.parent / "core"
DB = SOURCES.parent / "db"


def message_templates(roots: tuple[Path, ...] = (CORE, DB)) -> list[str]:
    """The templates of the messages (db.messages): the literal first argument of every
    ``msg(…)`` call in core/ and db/ (not core/documents: the documents stay Chinese; not the
    migrations), then the separators of lists. Plain-ASCII templates (``"{parts}"``, ``"{day}
    {time} {room}"``) need no translation; any other (Chinese, or Chinese punctuation around
    params) is offered."""
    from core.messages import SEPARATORS

    seen: dict[str, None] = {}
    paths = [p for root in roots for p in sorted(root.rglob("*.py"))
             if not {"documents", "migrations"} & set(p.relative_to(root).parts)]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
            if (isinstance(node, ast.Call) and _called(node) == "msg" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                    and not node.args[0].value.isascii()):
                seen.setdefault(node.args[0].value, None)
    for separator in SEPARATORS:
        seen.setdefault(separator, None)
    return list(seen)


def _called(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def update(targets: list[Path] | None = None) -> None:
    """Collect the tr() strings of desktop/, the labels of db.codes (desktop.vocab, context
    ``Codes``) and the templates of the core's messages (context ``Messages``): the latter two
    written to a throw-away module lupdate can read, its locations then dropped."""
    from desktop.messages import CONTEXT as MESSAGES_CONTEXT
    from desktop.vocab import CONTEXT, OPERATIONS_CONTEXT, catalogue, operation_labels

    lines = [f"QT_TRANSLATE_NOOP({CONTEXT!r}, {text!r})" for text in catalogue()]
    lines += [f"QT_TRANSLATE_NOOP({OPERATIONS_CONTEXT!r}, {text!r})" for text in operation_labels()]
    lines += [f"QT_TRANSLATE_NOOP({MESSAGES_CONTEXT!r}, {text!r})" for text in message_templates()]
    _CATALOGUE.write_text("\n".join(lines) + "\n", "utf-8")
    try:
        sources = sorted(str(p) for p in SOURCES.rglob("*.py"))
        for ts in targets or ts_files():
            subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True,
                           capture_output=targets is not None)
            text = ts.read_text("utf-8")
            text = re.sub(rf'\n\s*<location filename="[^"]*{_CATALOGUE.name}"[^>]*/>', "", text)
            ts.write_text(text, "utf-8")
    finally:
        _CATALOGUE.unlink(missing_ok=True)


def release() -> list[Path]:
    built = []
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                       stdout=subprocess.DEVNULL)
        built.append(qm)
    return built


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "release"
    {"update": update, "release": release}[action]()
