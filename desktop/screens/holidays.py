"""节假日与调休 (admin): the year's holidays and make-up working days, from the State Council's
schedule as chinese-calendar knows it, and the centre's own table that wins over it — entered
each December when the next year's schedule is published (or to correct a day)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied
from core.calendar_overrides import (
    NAME_MAX,
    YearCalendar,
    remove_override,
    set_override,
    validate_override,
    year_calendar,
)
from desktop.context import AppContext
from desktop.drafts import FormDraft
from desktop.messages import error_text, tr_message
from desktop.models.mediation_tables import HolidayTableModel
from desktop.widgets.field_errors import field_error


class HolidaysScreen(QWidget):
    title = "节假日与调休"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holidays")
        self.ctx = ctx
        self.current: YearCalendar | None = None

        self.year = QSpinBox(minimum=2000, maximum=2100, value=date.today().year)
        self.year.setSuffix(self.tr(" 年"))
        self.year.valueChanged.connect(self.refresh)
        self.next_year_button = QPushButton(self.tr("下一年"))
        self.next_year_button.clicked.connect(lambda: self.year.setValue(self.year.value() + 1))
        self.known_label = QLabel()
        self.known_label.setWordWrap(True)
        self.known_label.setObjectName("yearStatus")

        self.model = HolidayTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._pick_selected())

        # -- the form: one day of the centre's own table
        self.day = QDateEdit(calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.kind = QComboBox()
        self.kind.addItem(self.tr("放假"), False)
        self.kind.addItem(self.tr("调休上班"), True)
        self.name = QLineEdit(placeholderText=self.tr("如 春节、国庆节"))
        self.name.setMaxLength(NAME_MAX + 10)  # longer text is explained, not cut silently
        self.errors = {"day": field_error(), "name": field_error()}
        self.save_button = QPushButton(self.tr("保存此日(&S)"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("删除本中心录入(&D)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("日期")), 0, 0)
        form.addWidget(self.day, 0, 1)
        form.addWidget(self.errors["day"], 1, 1)
        form.addWidget(QLabel(self.tr("安排")), 0, 2)
        form.addWidget(self.kind, 0, 3)
        form.addWidget(QLabel(self.tr("名称")), 0, 4)
        form.addWidget(self.name, 0, 5)
        form.addWidget(self.errors["name"], 1, 5)
        form.setColumnStretch(5, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QGroupBox(self.tr("本中心录入（优先于国务院安排的程序内置数据）"))
        inner = QVBoxLayout(box)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年份")))
        top.addWidget(self.year)
        top.addWidget(self.next_year_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.known_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        # A day typed and not yet saved is kept as a draft (a crash, a lost connection).
        self.draft = FormDraft(self, {"day": self.day, "kind": self.kind, "name": self.name}, None,
                               ctx.user.username, hint=self.message)
        self.refresh()
        if self.draft.open("holidays_form"):
            self.year.setValue(self.day.date().year())

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        year = self.year.value()
        self.current = year_calendar(self.ctx.engine, year)
        self.model.set_rows(list(self.current.days))
        c = self.current
        if c.known:
            scheduled = sum(1 for d in c.days if d.source != "override")
            text = self.tr("程序内置了 %1 年的国务院放假安排（%2 个放假或调休上班的日子）。本中心录入 %n 天。", "",
                           c.entered).replace("%1", str(year)).replace("%2", str(scheduled))
            style = "color: #1b5e20;"
        elif c.entered:
            text = self.tr("程序未内置 %1 年的放假安排，本中心已录入 %n 天。请与国务院办公厅的通知逐日核对。", "",
                           c.entered).replace("%1", str(year))
            style = "color: #8a6d00;"
        else:
            text = self.tr("程序未内置 %1 年的放假安排，本中心也尚未录入：该年的期限只按周末和法定节日"
                           "暂定计算，并标为“暂定”。国务院办公厅公布安排后，请在下方逐日录入放假日和调休上班日。") \
                .replace("%1", str(year))
            style = "color: #b71c1c; font-weight: bold;"
        self.known_label.setText(text)
        self.known_label.setStyleSheet(style)
        if QDate(self.day.date()).year() != year:
            self._quietly(lambda: self.day.setDate(QDate(year, 1, 1)))
        self._pick_selected()

    def _quietly(self, fill) -> None:
        """Fill the form from the table, not from the keyboard: no draft for that."""
        self.draft.keeper.paused = True
        try:
            fill()
        finally:
            self.draft.keeper.paused = False

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _pick_selected(self) -> None:
        d = self.selected()
        self.remove_button.setEnabled(d is not None and d.editable)
        if d is not None:
            def fill() -> None:
                self.day.setDate(QDate(d.day.year, d.day.month, d.day.day))
                self.kind.setCurrentIndex(1 if d.workday else 0)
                self.name.setText(d.name)

            self._quietly(fill)

    # -- editing ---------------------------------------------------------------------------------
    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(tr_message(errors.get(key, "")))
            label.setVisible(key in errors)

    def save(self) -> None:
        q = self.day.date()
        day = date(q.year(), q.month(), q.day())
        workday = bool(self.kind.currentData())
        name = self.name.text()
        errors = validate_override(day, name)
        if not errors and workday == (day.weekday() < 5) and not name.strip():
            # a weekday "at work" or a weekend "off" changes nothing unless it corrects the schedule
            errors["name"] = self.tr("这一天本来就是%1，请写明更正的理由或节日名称") \
                .replace("%1", self.tr("工作日") if workday else self.tr("休息日"))
        self._show_errors(errors)
        if errors:
            return
        try:
            row = set_override(self.ctx.engine, self.ctx.user, day, workday, name)
        except (ValueError, PermissionDenied) as exc:
            self._show_errors({"day": error_text(exc)})
            return
        self.draft.keeper.saved()
        self.year.blockSignals(True)
        self.year.setValue(day.year)
        self.year.blockSignals(False)
        self.refresh()
        r = self.model.row_of(day)
        if r >= 0:
            self.table.selectRow(r)
        kind = self.tr("调休上班") if row.workday else self.tr("放假")  # OverrideRow.kind_name
        self.message.setText(self.tr("已保存：%1 %2").replace("%1", day.isoformat()).replace("%2", kind))

    def remove_selected(self) -> None:
        d = self.selected()
        if d is None or not d.editable:
            return
        answer = QMessageBox.question(
            self, self.tr("删除"),
            self.tr("删除本中心对 %1 的录入？此后按程序内置的安排计算。").replace("%1", d.day.isoformat()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            remove_override(self.ctx.engine, self.ctx.user, d.day)
        except (ValueError, PermissionDenied) as exc:
            self._show_errors({"day": error_text(exc)})
            return
        self.refresh()
        self.message.setText(self.tr("已删除 %1 的录入").replace("%1", d.day.isoformat()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 — Qt API
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)
