"""今日预约: reception's list of the day's sessions — time, case number, room, mediators,
experts, the parties invited and the status — refreshed as soon as any PC books, reschedules
or marks attendance (desktop.live_updates; polled every two seconds when that feed is down), with attendance marked per party (F2 到场, F3 未到), the notices
reprinted (Ctrl+P) and a session opened for rescheduling or cancelling (Enter)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
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
from core.booking import AppointmentRow, InvitedParty, mark_attendance, today_list
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.models.appointment_table import (
    AppointmentTableModel,
    Col,
    InvitationTableModel,
    PartyCol,
)
from desktop.screens.booking import print_pdf, write_notices

POLL_MS = 2000


class TodayScreen(QWidget):
    title = "今日预约"
    live_topics = ("appointments", "cases")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("today")
        self.ctx = ctx
        self._loading = False
        self._again = False  # a change arrived while loading: load once more
        self._stale = False  # a change arrived while hidden: load when shown
        self._live = False  # the live feed works: no polling needed
        self._generation = 0
        self.may_mark = can(ctx.user, "booking")

        self.heading = QLabel()
        self.heading.setObjectName("todayHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd dddd")
        self.today_button = QPushButton(self.tr("今天"))
        self.counts = QLabel()
        self.counts.setObjectName("todayCounts")
        self.refreshed = QLabel()
        self.refreshed.setStyleSheet("color: #777777;")

        self.model = AppointmentTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("todayTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        for col, width in {Col.TIME: 100, Col.CASE: 230, Col.ROOM: 120, Col.MEDIATORS: 110, Col.EXPERTS: 100,
                           Col.STATUS: 70}.items():
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(Col.PARTIES, QHeaderView.ResizeMode.Stretch)

        self.party_model = InvitationTableModel(self)
        self.parties = QTableView()
        self.parties.setObjectName("invitedParties")
        self.parties.setModel(self.party_model)
        self.parties.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parties.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parties.verticalHeader().setVisible(False)
        self.parties.horizontalHeader().setSectionResizeMode(PartyCol.NAME, QHeaderView.ResizeMode.Stretch)
        self.present_button = QPushButton(self.tr("到场 (F2)"))
        self.no_show_button = QPushButton(self.tr("未到 (F3)"))
        self.undo_button = QPushButton(self.tr("撤销标记"))
        self.print_button = QPushButton(self.tr("补打调解通知书 (Ctrl+P)"))
        self.details_button = QPushButton(self.tr("详情/改期/取消… (Enter)"))
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(True)
        for b in (self.present_button, self.no_show_button, self.undo_button):
            b.setVisible(self.may_mark)
        for b in (self.present_button, self.no_show_button, self.undo_button, self.print_button,
                  self.details_button):
            b.setEnabled(False)  # until a session (and a party) is selected

        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        bar.addWidget(self.counts)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.today_button)

        box = QGroupBox(self.tr("到场登记"))
        box_layout = QHBoxLayout(box)
        box_layout.addWidget(self.parties, 2)
        actions = QVBoxLayout()
        for b in (self.present_button, self.no_show_button, self.undo_button, self.print_button,
                  self.details_button):
            actions.addWidget(b)
        actions.addWidget(self.message)
        actions.addStretch(1)
        box_layout.addLayout(actions, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.refreshed)

        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.parties.selectionModel().currentRowChanged.connect(self._party_changed)
        self.table.doubleClicked.connect(self.open_details)
        self.date_edit.dateChanged.connect(self._day_changed)
        self.today_button.clicked.connect(lambda: self.set_day(date.today()))
        self.present_button.clicked.connect(lambda: self.mark("present"))
        self.no_show_button.clicked.connect(lambda: self.mark("no_show"))
        self.undo_button.clicked.connect(lambda: self.mark("invited"))
        self.print_button.clicked.connect(self.reprint)
        self.details_button.clicked.connect(self.open_details)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=lambda: self.mark("present"))
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, activated=lambda: self.mark("no_show"))
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.reprint)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.open_details)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        for a, b in ((self.table, self.parties), (self.parties, self.present_button),
                     (self.present_button, self.no_show_button), (self.no_show_button, self.undo_button),
                     (self.undo_button, self.print_button), (self.print_button, self.details_button),
                     (self.details_button, self.date_edit)):
            self.setTabOrder(a, b)

        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self._update_heading()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def day(self) -> date:
        return self.date_edit.date().toPython()

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day))

    def _day_changed(self) -> None:
        self._update_heading()
        self.model.set_rows([])
        self.party_model.set_rows([])
        self.refresh()

    def _update_heading(self) -> None:
        d = self.day()
        prefix = self.tr("今日预约") if d == date.today() else self.tr("预约")
        # "2026年11月16日 星期一"; the locale's names in English ("Monday 16 November 2026")
        when = QLocale().toString(QDate(d.year, d.month, d.day), self.tr("yyyy年M月d日 dddd"))
        self.heading.setText(self.tr("%1　%2").replace("%1", prefix).replace("%2", when))

    def _poll(self) -> None:
        if self.isVisible() and not self._loading:
            self.refresh()

    # -- live updates (desktop.live_updates) ----------------------------------------------
    def live_connected(self, connected: bool) -> None:
        self._live = connected
        if connected:
            self.timer.stop()
        else:
            self.timer.start()

    def live_changed(self, _topic: str) -> None:
        if not self.isVisible():
            self._stale = True
        elif self._loading:
            self._again = True  # the query under way may have started before the commit
        else:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().showEvent(event)
        if self._stale and not self._loading:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Read the day's list off the GUI thread (also every two seconds while shown)."""
        self._loading = True
        self._generation += 1
        generation, day, engine, user = self._generation, self.day(), self.ctx.engine, self.ctx.user

        def done(rows: list[AppointmentRow]) -> None:
            self._loading = False
            if generation == self._generation:
                self._show(rows)
            self._load_again()

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.refreshed.setText(self.tr("刷新失败：") + error_text(exc))
            self._load_again()

        self.ctx.tasks.run(today_list, engine, day, user=user, on_done=done, on_error=failed)

    def _load_again(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, rows: list[AppointmentRow]) -> None:
        selected = self.current()
        party = self.current_party()
        scroll = self.table.verticalScrollBar().value()
        if self.model.set_rows(rows):
            self.table.verticalScrollBar().setValue(scroll)
            if selected is not None and (i := self.model.index_of(selected.id)) >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(i, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._selection_changed()
            if party is not None and (j := self.party_model.index_of(party.invitation_id)) >= 0:
                self.parties.selectionModel().setCurrentIndex(
                    self.party_model.index(j, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        live = [r for r in rows if r.status != "cancelled"]
        invited = sum(len(r.parties) for r in live)
        present = sum(1 for r in live for p in r.parties if p.attendance == "present")
        absent = sum(1 for r in live for p in r.parties if p.attendance == "no_show")
        self.counts.setText(self.tr("%n 场调解　邀请 %1 人　到场 %2　未到 %3　", "", len(live))
                            .replace("%1", str(invited)).replace("%2", str(present)).replace("%3", str(absent)))
        how = self.tr("实时更新") if self._live else self.tr("每2秒自动刷新")
        self.refreshed.setText(how + self.tr("　最近刷新：") + datetime.now().strftime("%H:%M:%S"))

    # -- selection -------------------------------------------------------------------------
    def current(self) -> AppointmentRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def current_party(self) -> InvitedParty | None:
        index = self.parties.selectionModel().currentIndex()
        return self.party_model.row_at(index.row()) if index.isValid() else None

    def select(self, appointment_id: int) -> bool:
        i = self.model.index_of(appointment_id)
        if i < 0:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(i, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _selection_changed(self, *_args) -> None:
        row = self.current()
        self.party_model.set_rows(row.parties if row else [])
        if row and self.party_model.rowCount() and not self.parties.selectionModel().currentIndex().isValid():
            self.parties.selectionModel().setCurrentIndex(
                self.party_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.print_button.setEnabled(row is not None and row.status != "cancelled")
        self.details_button.setEnabled(row is not None)
        self._party_changed()

    def _party_changed(self, *_args) -> None:
        row, party = self.current(), self.current_party()
        live = (self.may_mark and row is not None and row.status != "cancelled" and party is not None
                and row.starts_at.date() <= date.today())  # attendance is marked on the day
        self.present_button.setEnabled(live)
        self.no_show_button.setEnabled(live)
        self.undo_button.setEnabled(live and party.attendance != "invited")

    # -- actions ---------------------------------------------------------------------------
    def mark(self, attendance: str) -> None:
        party = self.current_party()
        if party is None or not self.present_button.isEnabled():
            return
        engine, user = self.ctx.engine, self.ctx.user
        self.message.clear()

        def done(_party) -> None:
            self.refresh()
            # Next party, so a row of arrivals can be marked with F2 F2 F2.
            j = self.party_model.index_of(party.invitation_id)
            if 0 <= j < self.party_model.rowCount() - 1:
                self.parties.selectionModel().setCurrentIndex(
                    self.party_model.index(j + 1, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

        self.ctx.tasks.run(mark_attendance, engine, user, party.invitation_id, attendance, on_done=done,
                           on_error=lambda exc: self.message.setText(error_text(exc)))

    def reprint(self) -> None:
        row = self.current()
        if row is None or row.status == "cancelled":
            return
        engine, user = self.ctx.engine, self.ctx.user
        self.message.setText(self.tr("正在生成调解通知书…"))

        def ready(path) -> None:
            self.message.setText(self.tr("已保存：") + f'<a href="{path.as_uri()}">{path.name}</a>')
            print_pdf(path, self)

        self.ctx.tasks.run(write_notices, engine, user, row.id, row.case_number, on_done=ready,
                           on_error=lambda exc: self.message.setText(self.tr("生成失败：") + error_text(exc)))

    def open_details(self, *_args) -> None:
        row = self.current()
        if row is None:
            return
        from desktop.screens.calendar import AppointmentDialog

        dialog = AppointmentDialog(self.ctx, row, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()
