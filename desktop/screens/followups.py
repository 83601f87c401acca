"""回访与评价: the follow-up visits due, recording a visit with the five-level 好差评 rating, and
the bad-rating ledger (差评台账) with its answer deadlines.

Mediators record and answer; the director sees the same lists read-only. Enter on a row
records the visit (or answers the ledger entry); Ctrl+O opens the case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import can
from core.followups import answer_ledger_entry, due_followups, ledger
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.models.mediation_tables import FollowupTableModel, LedgerTableModel
from desktop.screens.case_detail import open_case, visit_dialog, visit_message
from desktop.widgets.mediation_forms import FormDialog, date_edit, date_of, text_box

HORIZON_DAYS = 14


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _current(view: QTableView):
    index = view.currentIndex()
    if not index.isValid():
        return None
    return view.model().row_at(index.row())


class FollowupsScreen(QWidget):
    title = "回访与评价"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followups")
        self.ctx = ctx
        self.today = date.today()
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        self.may_write = can(ctx.user, "followups")
        self._generation = 0
        self._loading = False

        self.due_title = QLabel()
        self.due_title.setStyleSheet("font-weight: bold; color: #1f3a5f;")
        self.due_model = FollowupTableModel(self)
        self.due_view = _table(self.due_model)
        self.due_view.activated.connect(lambda _i: self.record_visit())
        for col in (5, 6):  # visit date and rating: empty while a visit is due
            self.due_view.hideColumn(col)
        self.visit_button = QPushButton(self.tr("登记回访…（Enter）"))
        self.visit_button.clicked.connect(self.record_visit)
        self.visit_button.setVisible(self.may_write)

        self.ledger_title = QLabel()
        self.ledger_title.setStyleSheet("font-weight: bold; color: #1f3a5f;")
        self.ledger_title.setWordWrap(True)  # the English heading is longer than the screen is wide
        self.open_only = QCheckBox(self.tr("只看未答复"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(self.refresh)
        self.ledger_model = LedgerTableModel(self)
        self.ledger_view = _table(self.ledger_model)
        self.ledger_view.activated.connect(lambda _i: self.answer())
        self.answer_button = QPushButton(self.tr("登记答复…"))
        self.answer_button.clicked.connect(self.answer)
        self.answer_button.setVisible(self.may_write)
        self.notice = QLabel(objectName="notice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.due_title, 1)
        row.addWidget(self.visit_button)
        box.addLayout(row)
        box.addWidget(self.due_view)
        bottom = QWidget()
        box = QVBoxLayout(bottom)
        box.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.ledger_title, 1)
        row.addWidget(self.open_only)
        row.addWidget(self.answer_button)
        box.addLayout(row)
        box.addWidget(self.ledger_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([400, 300])

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+O"), self, activated=self.open_selected_case)
        self.setTabOrder(self.due_view, self.visit_button)
        self.setTabOrder(self.visit_button, self.open_only)
        self.setTabOrder(self.open_only, self.ledger_view)
        self.setTabOrder(self.ledger_view, self.answer_button)
        self.refresh()

    @property
    def loading(self) -> bool:
        """The lists are being read (on a worker: the whole centre's can be long)."""
        return self._loading

    def refresh(self) -> None:
        self._generation += 1
        generation, self._loading = self._generation, True
        engine, user, today, open_only = self.ctx.engine, self.ctx.user, self.today, self.open_only.isChecked()
        if not self.due_model.rowCount():
            self.due_title.setText(self.tr("正在读取…"))

        def load():
            return (due_followups(engine, user, today, horizon_days=HORIZON_DAYS),
                    ledger(engine, user, today, open_only=open_only))

        def failed(exc: BaseException) -> None:  # shown where the list's title is, F5 tries again
            if generation == self._generation:
                self._loading = False
                self.due_title.setText(self.tr("读取失败：%1（按 F5 重试）").replace("%1", error_text(exc)))

        self.ctx.tasks.run(load, on_done=lambda lists: self._show(generation, *lists), on_error=failed, owner=self)

    def _show(self, generation: int, due, entries) -> None:
        if generation != self._generation:  # a later refresh is on its way
            return
        self._loading = False
        self.due_model.set_rows(due)
        late = sum(1 for r in due if r.overdue)
        self.due_title.setText(self.tr("待回访（%1 日内计划 %n 次，其中逾期 %2 次）", "", len(due))
                               .replace("%1", str(HORIZON_DAYS)).replace("%2", str(late)))
        self.ledger_model.set_rows(entries)
        open_late = sum(1 for e in entries if e.answered_on is None and e.overdue)
        self.ledger_title.setText(self.tr("差评台账（%n 条，逾期未答复 %1 条；差评须在规定工作日内回访整改并答复）", "",
                                          len(entries)).replace("%1", str(open_late)))
        for view in (self.due_view, self.ledger_view):
            if view.model().rowCount() and not view.currentIndex().isValid():
                view.selectRow(0)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("background: #ecfdf3; color: #067647; padding: 4px; border: 1px solid #abefc6;")
        self.notice.show()

    def record_visit(self) -> None:
        row = _current(self.due_view)
        if row is None or not self.may_write:
            return
        result = visit_dialog(self, self.ctx, row, self.run_dialog)
        if result is not None:
            self.refresh()
            self._say(visit_message(result))

    def answer(self) -> None:
        entry = _current(self.ledger_view)
        if entry is None or not self.may_write or entry.answered_on is not None:
            return
        dialog = FormDialog(self.tr("答复差评"), self, intro=self.tr("%1（%2）评价“%3”，须于%4前回访整改并答复。")
                            .replace("%1", entry.party).replace("%2", entry.number)
                            .replace("%3", entry.rating_name).replace("%4", entry.due_on.isoformat()))
        answered = dialog.add_row("answered_on", self.tr("答复日期"), date_edit(maximum=date.today()))
        text = dialog.add_row("answer", self.tr("整改及答复情况"), text_box(self.tr("回访核实的问题、整改措施、答复当事人的结果")))
        dialog.keep_draft(f"answer_{entry.id}", self.ctx.user.username)
        dialog.submit = lambda: answer_ledger_entry(self.ctx.engine, self.ctx.user, entry.id, text.toPlainText(),
                                                    answered_on=date_of(answered))
        if self.run_dialog(dialog):
            self.refresh()
            self._say(self.tr("已登记答复。"))

    def open_selected_case(self) -> None:
        view = self.ledger_view if self.ledger_view.hasFocus() else self.due_view
        row = _current(view)
        if row is not None:
            open_case(self, self.ctx, row.case_id)
