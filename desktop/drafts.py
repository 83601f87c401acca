"""Local drafts of forms, so that a crash, a power cut or a lost database connection loses
nothing typed. A draft is a JSON file under ``data_dir()/drafts/``, written atomically while
the user types (debounced, and at least every few seconds) and deleted once the form is saved.

:class:`DraftKeeper` does the timing and the files for one form; the form supplies its content
as JSON-ready data and decides how to offer a draft back."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from db.engine import data_dir

log = logging.getLogger(__name__)

DEBOUNCE_MS = 800
PERIOD_MS = 5000


def drafts_dir() -> Path:
    return data_dir() / "drafts"


@dataclass(frozen=True)
class Draft:
    path: Path
    saved_at: str  # ISO, local time
    user: str
    content: dict[str, Any]

    @property
    def saved_at_text(self) -> str:
        return self.saved_at.replace("T", " ")[:16]


def write_draft(path: Path, user: str, content: dict[str, Any], version: int = 1) -> None:
    """Write atomically: a crash mid-write leaves the previous draft, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": version, "saved_at": datetime.now().isoformat(timespec="seconds"), "user": user,
            "content": content}
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)


def read_draft(path: Path) -> Draft | None:
    """The draft at ``path``, or None (missing or unreadable: a damaged draft is set aside)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        return Draft(path, str(data.get("saved_at", "")), str(data.get("user", "")), dict(data["content"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("unreadable draft %s: %s", path.name, exc)
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(".damaged"))
        return None


class DraftKeeper(QObject):
    """Keeps one form's draft. ``content()`` returns the form as JSON-ready data, or None when
    there is nothing worth keeping; call :meth:`touched` on every edit, :meth:`saved` after a
    successful save, and :meth:`set_path` when the form switches to another record."""

    def __init__(self, content: Callable[[], dict[str, Any] | None], user: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._user = user
        self.path: Path | None = None
        self.paused = False  # while the form is being filled from the database or a draft
        self._dirty = False
        self._last: str | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.write)
        self._period = QTimer(self, interval=PERIOD_MS)
        self._period.timeout.connect(self._periodic)
        self._period.start()
        self.error: str = ""

    def set_path(self, path: Path | None) -> None:
        self.write()  # what was typed for the previous record stays on disk
        self.path = path
        self._dirty = False
        self._last = None

    def touched(self) -> None:
        if self.paused or self.path is None:
            return
        self._dirty = True
        self._debounce.start()

    def _periodic(self) -> None:
        if self._dirty:
            self.write()

    def write(self) -> None:
        self._debounce.stop()
        if self.path is None or not self._dirty:
            return
        content = self._content()
        try:
            if content is None:
                self.path.unlink(missing_ok=True)
            else:
                text = json.dumps(content, ensure_ascii=False, sort_keys=True)
                if text != self._last:
                    write_draft(self.path, self._user, content)
                    self._last = text
            self._dirty = False
            self.error = ""
        except OSError as exc:
            self.error = str(exc)
            log.error("cannot write draft %s: %s", self.path, exc)

    def saved(self) -> None:
        """The form is in the database: its draft goes."""
        self._debounce.stop()
        self._dirty = False
        self._last = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def pending(self) -> Draft | None:
        return read_draft(self.path) if self.path is not None else None

    def discard(self) -> None:
        self.saved()


_INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QTimeEdit, QSpinBox, QCheckBox, QRadioButton)


class FormDraft(QObject):
    """The draft of a form's inputs: ``fields`` maps names to input widgets, or to containers
    whose inputs (in widget order) are kept. Restored when the same ``key`` opens again after a
    crash. In a dialog it is removed when the dialog is accepted (saved) or cancelled (the user
    chose to drop it); a screen that shows one record after another calls :meth:`flush` before
    filling in the next record, :meth:`open` with that record's key after, and ``keeper.saved()``
    once it is saved."""

    def __init__(self, owner: QWidget, fields: dict[str, QWidget], key: str | None, user: str, *,
                 hint: QLabel | None = None) -> None:
        super().__init__(owner)
        self._fields = fields
        self._hint = hint
        self.keeper = DraftKeeper(self.values, user, self)
        if key is not None:
            self.open(key)
        for _key, w in self.inputs():
            for name in ("textChanged", "currentIndexChanged", "dateChanged", "timeChanged", "valueChanged",
                         "toggled"):
                signal = getattr(w, name, None)
                if signal is not None:
                    signal.connect(self.keeper.touched)
                    break
        if isinstance(owner, QDialog):
            owner.accepted.connect(self.keeper.saved)
            owner.rejected.connect(self.keeper.discard)

    def flush(self) -> None:
        """Write what was typed now, while the inputs still show its record."""
        self.keeper.write()

    def open(self, key: str) -> bool:
        """Keep drafts under ``key`` from now on; a draft left there (a crash, a lost connection)
        is put back into the inputs and the hint says so. True when one was restored."""
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
        self.keeper.paused = True
        try:
            self.keeper.set_path(drafts_dir() / f"dialog_{safe}.json")
            draft = self.keeper.pending()
            if draft is None:
                return False
            self.restore(draft.content.get("values", {}))
            if self._hint is not None:
                self._hint.setText(self.tr("已恢复 %1 未保存的内容（%2）。").replace("%1", draft.saved_at_text)
                                   .replace("%2", draft.user))
                self._hint.show()
            return True
        finally:
            self.keeper.paused = False

    def write(self) -> None:
        self.keeper.touched()
        self.keeper.write()

    def inputs(self) -> list[tuple[str, QWidget]]:
        found: list[tuple[str, QWidget]] = []
        for key, widget in self._fields.items():
            if isinstance(widget, _INPUTS):
                found.append((key, widget))
            else:
                inner = [w for w in widget.findChildren(QWidget) if isinstance(w, _INPUTS)]
                found += [(f"{key}.{i}", w) for i, w in enumerate(inner)]
        return found

    def values(self) -> dict:
        values: dict[str, Any] = {}
        for key, w in self.inputs():
            if isinstance(w, QLineEdit):
                values[key] = w.text()
            elif isinstance(w, QPlainTextEdit):
                values[key] = w.toPlainText()
            elif isinstance(w, QComboBox):
                values[key] = w.currentIndex()
            elif isinstance(w, QDateEdit):
                values[key] = w.date().toString(Qt.DateFormat.ISODate)
            elif isinstance(w, QTimeEdit):
                values[key] = w.time().toString("HH:mm")
            elif isinstance(w, QSpinBox):
                values[key] = w.value()
            else:
                values[key] = w.isChecked()
        return {"values": values}

    def restore(self, values: dict) -> None:
        from PySide6.QtCore import QTime

        for key, w in self.inputs():
            if key not in values:
                continue
            value = values[key]
            if isinstance(w, QLineEdit):
                w.setText(str(value))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(str(value))
            elif isinstance(w, QComboBox) and isinstance(value, int) and 0 <= value < w.count():
                w.setCurrentIndex(value)
            elif isinstance(w, QDateEdit):
                day = QDate.fromString(str(value), Qt.DateFormat.ISODate)
                if day.isValid():
                    w.setDate(day)
            elif isinstance(w, QTimeEdit):
                t = QTime.fromString(str(value), "HH:mm")
                if t.isValid():
                    w.setTime(t)
            elif isinstance(w, QSpinBox) and isinstance(value, int):
                w.setValue(value)
            elif isinstance(w, QCheckBox | QRadioButton):
                w.setChecked(bool(value))
