"""系统设置 (admin): the centre-wide settings, grouped, each checked beside its field and saved
together (core.settings_form)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied
from core.settings_form import (
    FIELDS,
    SettingsError,
    load_settings_form,
    save_settings,
    validate_settings,
)
from desktop.context import AppContext
from desktop.drafts import DraftKeeper, drafts_dir
from desktop.messages import error_text, tr_message
from desktop.vocab import tr_code


class SettingsScreen(QWidget):
    title = "系统设置"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings")
        self.ctx = ctx
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._loaded: dict[str, str] = {}

        body = QWidget()
        column = QVBoxLayout(body)
        groups: dict[str, QFormLayout] = {}
        for f in FIELDS:
            # The form's texts are the core's (core.settings_form), translated like a vocabulary.
            if f.group not in groups:
                box = QGroupBox(tr_code(f.group))
                groups[f.group] = QFormLayout(box)
                column.addWidget(box)
            edit = QLineEdit()
            help_text = tr_code(f.help)
            edit.setToolTip(help_text)
            edit.setPlaceholderText(help_text if len(f.help) < 40 else "")
            edit.editingFinished.connect(lambda key=f.key: self._check(key))
            hint = QLabel(help_text)
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(edit)
            cell.addWidget(hint)
            cell.addWidget(error)
            caption = QLabel(tr_code(f.label))
            caption.setMinimumWidth(190)  # the same column in every group
            caption.setBuddy(edit)
            groups[f.group].addRow(caption, cell)
            self.edits[f.key], self.errors[f.key] = edit, error
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        # What was changed and not saved is kept as a local draft and offered back.
        self.draft = DraftKeeper(self._draft_content, ctx.user.username, self)
        self._filling = False
        for edit in self.edits.values():
            edit.textChanged.connect(lambda _t: None if self._filling else self.draft.touched())
        self.refresh()
        self.draft.set_path(drafts_dir() / "settings.json")
        self._restore_draft()

    def refresh(self) -> None:
        """Reload the stored values (F5, another PC's change); a field with unsaved typing keeps it."""
        previous = dict(self._loaded)
        try:
            self._loaded = load_settings_form(self.ctx.engine, self.ctx.user)
        except PermissionDenied as exc:
            self.message.setText(error_text(exc))
            self.save_button.setEnabled(False)
            return
        self._filling = True
        try:
            for key, edit in self.edits.items():
                if not previous or edit.text().strip() == previous.get(key, ""):
                    edit.setText(self._loaded.get(key, ""))
        finally:
            self._filling = False
        if not previous:
            self._show_errors({})
            self.message.setText("")

    def revert(self) -> None:
        """撤销修改: the unsaved changes (and their draft) are dropped on purpose."""
        self.draft.discard()
        self._loaded = {}
        self.refresh()

    def _draft_content(self) -> dict | None:
        changed = {k: v for k, v in self.values().items() if v != self._loaded.get(k, "")}
        return {"changed": changed} if changed else None

    def _restore_draft(self) -> None:
        draft = self.draft.pending()
        changed = (draft.content.get("changed") or {}) if draft is not None else {}
        changed = {k: v for k, v in changed.items() if k in self.edits}
        if not changed:
            return
        for key, value in changed.items():
            self.edits[key].setText(str(value))
        self.message.setText(self.tr("已恢复 %1 未保存的 %n 项修改，核对后按“保存设置”。", "", len(changed))
                             .replace("%1", draft.saved_at_text))

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(tr_message(errors.get(key, "")))
            label.setVisible(key in errors)

    def _check(self, key: str) -> None:
        problem = validate_settings({key: self.edits[key].text()}).get(key)
        self.errors[key].setText(tr_message(problem))
        self.errors[key].setVisible(bool(problem))

    def save(self) -> None:
        values = self.values()
        changed_values = {k: v for k, v in values.items() if v != self._loaded.get(k, "")}
        if not changed_values:
            self.message.setText(self.tr("没有改动"))
            return
        try:
            changed = save_settings(self.ctx.engine, self.ctx.user, changed_values)
        except SettingsError as exc:
            self._show_errors(exc.errors)
            first = next(iter(exc.errors))
            if first in self.edits:
                self.edits[first].setFocus()
            self.message.setText(self.tr("有 %n 处需要更正，未保存", "", len(exc.errors)))
            return
        except Exception as exc:  # noqa: BLE001 — the typed values stay on screen
            self.message.setText(self.tr("保存失败：%1").replace("%1", error_text(exc)))
            return
        self._loaded.update({k: values[k] for k in changed})
        self.draft.saved()
        self._show_errors({})
        self.message.setText(self.tr("已保存 %n 项设置。部分设置（如锁屏时间）在下次登录时生效。", "", len(changed)))
