"""预约调解: book a mediation session for a case in one form — date, time, duration, room,
mediators, experts, parties invited — with a live conflict panel that runs the one check
(core.booking.assess) off the GUI thread as the fields change and offers the next free slots;
clicking a slot fills the form. Ctrl+S books (the check is repeated inside the write
transaction); Ctrl+P prints the 调解通知书 of the session just booked.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.auth import can
from core.booking import (
    Assessment,
    BookingConflict,
    BookingError,
    BookingRequest,
    CaseOptions,
    Slot,
    assess,
    book,
    booking_rules,
    case_options,
    list_rooms,
    search_experts,
)
from core.calendar_overrides import load_calendar
from core.cases import CaseFilter, fetch_cases, scoped
from core.uow import read_only
from db.codes import CASE_PARTY_ROLES, OPEN_STATUSES
from desktop.context import AppContext
from desktop.drafts import DraftKeeper, drafts_dir
from desktop.messages import error_text, tr_message
from desktop.texts import day_label, join_list, list_separator
from desktop.vocab import CASE_STATUSES, COMMITTEE_SHORT, ROOM_KINDS, tr_code
from desktop.widgets.field_errors import field_error, show_error

_UNSAFE_IN_FILENAMES = '<>:"/\\|?*'


# ------------------------------------------------------------------- printing notices


def notices_path(case_number: str, appointment_id: int) -> Path:
    """``data_dir()/documents/<case number>/调解通知书-<appointment>.pdf`` — a document's file, named
    in Chinese like the document itself whatever the UI's language (every workstation finds it)."""
    from db.engine import data_dir

    safe = "".join("_" if ch in _UNSAFE_IN_FILENAMES else ch for ch in case_number).strip() or "case"
    return data_dir() / "documents" / safe / f"调解通知书-{appointment_id}.pdf"


def write_notices(engine, user, appointment_id: int, case_number: str,
                  invitation_ids: list[int] | None = None) -> Path:
    """Build the notices (worker thread) and save them next to the case's other documents."""
    from core.documents.notice import build_notices

    path = notices_path(case_number, appointment_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_notices(engine, user, appointment_id, invitation_ids=invitation_ids, out=path)
    return path


def print_pdf(path: Path, parent: QWidget | None = None) -> bool:
    """Open the application's print preview (preview, print, save as)."""
    from desktop.screens.print_preview import show_pdf

    show_pdf(path, parent=parent)
    return True


class QuarterTimeEdit(QTimeEdit):
    """Arrow keys and the wheel move the minutes by a quarter of an hour."""

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt API)
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            self.setTime(self.time().addSecs(steps * 15 * 60))
        else:
            super().stepBy(steps)


def _checked_ids(widget: QListWidget) -> tuple[int, ...]:
    return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


def _checkable(text: str, value: int, checked: bool, tooltip: str = "") -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def slot_label(slot: Slot) -> str:
    """An offered time as core.booking.Slot.label words it, in the UI's language."""
    text = QCoreApplication.translate("BookingScreen", "%1 %2–%3 %4").replace("%1", day_label(slot.starts_at.date()))
    text = (text.replace("%2", f"{slot.starts_at:%H:%M}").replace("%3", f"{slot.ends_at:%H:%M}")
            .replace("%4", slot.room_name))
    return text if slot.same_room else QCoreApplication.translate("BookingScreen", "%1（换调解室）").replace("%1", text)


def next_bookable_day(engine, today: date | None = None) -> date:
    """Tomorrow or the next working day after it (the usual first choice at reception)."""
    today = today or date.today()
    with read_only(engine) as session:
        calendar = load_calendar(session)
    return calendar.next_workday(today).day


class BookingScreen(QWidget):
    title = "预约调解"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("booking")
        self.ctx = ctx
        self.options: CaseOptions | None = None
        self.last_booked = None
        self.assessment: Assessment | None = None
        self._check_generation = 0
        self._search_generation = 0
        self._expert_generation = 0
        self._experts_checked: dict[int, str] = {}
        self._filling = False
        self.rules = booking_rules(ctx.engine)
        self.can_book = can(ctx.user, "booking")

        # -- the case --------------------------------------------------------------
        self.case_search = QLineEdit(placeholderText=self.tr("输入案号或当事人姓名查找案件"))
        self.case_search.setClearButtonEnabled(True)
        self.case_results = QListWidget()
        self.case_results.setObjectName("caseResults")
        self.case_results.setMaximumHeight(92)
        self.case_label = QLabel(self.tr("未选择案件"))
        self.case_label.setObjectName("caseLabel")
        self.case_label.setWordWrap(True)
        self.case_error = field_error()

        # -- when -------------------------------------------------------------------
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd dddd")
        self.date_edit.setDate(QDate(next_bookable_day(ctx.engine)))
        self.time_edit = QuarterTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setTime(QTime(9, 0))
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setValue(self.rules.default_minutes)
        self.when_error = field_error()

        # -- where and who ----------------------------------------------------------------
        self.room = QComboBox()
        self.room.addItem(self.tr("（请选择调解室）"), None)
        for r in list_rooms(ctx.engine):
            label = (self.tr("%1（%2）").replace("%1", r.name).replace("%2", COMMITTEE_SHORT.get(r.committee, ""))
                     if r.committee else r.name)
            self.room.addItem(label, r.id)
            self.room.setItemData(self.room.count() - 1, ROOM_KINDS.get(r.kind, r.kind), Qt.ItemDataRole.ToolTipRole)
        self.room_error = field_error()
        self.mediators = QListWidget()
        self.mediators.setObjectName("mediators")
        self.mediators_error = field_error()
        self.expert_search = QLineEdit(placeholderText=self.tr("专家姓名、拼音首字母或专长"))
        self.expert_search.setClearButtonEnabled(True)
        self.experts = QListWidget()
        self.experts.setObjectName("experts")
        self.experts_error = field_error()
        self.parties = QListWidget()
        self.parties.setObjectName("parties")
        self.parties.setMaximumHeight(96)
        self.invited_error = field_error()
        self.purpose = QLineEdit(placeholderText=self.tr("如：第1次调解、现场调解、司法确认前调解"))
        self.purpose.setMaxLength(200)
        self.purpose_error = field_error()
        for w in (self.mediators, self.experts):
            w.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            w.setMinimumHeight(110)
        for w in (self.case_results, self.mediators, self.experts, self.parties):
            w.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            w.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.book_button = QPushButton(self.tr("预约 (Ctrl+S)"))
        self.book_button.setObjectName("bookButton")
        self.book_button.setEnabled(self.can_book)
        self.clear_button = QPushButton(self.tr("清空"))
        self.banner = QLabel()
        self.banner.setObjectName("bookingBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.print_button = QPushButton(self.tr("打印调解通知书 (Ctrl+P)"))
        self.print_button.hide()
        self.documents_label = QLabel()
        self.documents_label.setOpenExternalLinks(True)
        self.documents_label.setWordWrap(True)

        # -- the live conflict panel --------------------------------------------------------
        self.check_status = QLabel(self.tr("请选择案件"))
        self.check_status.setObjectName("checkStatus")
        self.check_status.setWordWrap(True)
        self.clash_list = QListWidget()
        self.clash_list.setObjectName("clashes")
        self.clash_list.setWordWrap(True)
        self.clash_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slot_list = QListWidget()
        self.slot_list.setObjectName("alternatives")
        self.slot_list.setToolTip(self.tr("单击（或回车）把该时间填入表单"))
        self.warning_label = QLabel()
        self.warning_label.setObjectName("bookingWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a5a00;")
        self.warning_label.hide()

        self._build_layout()
        self._connect()
        # Nothing typed is lost: the form is a local draft until booked or cleared.
        self.draft = DraftKeeper(self._draft_content, ctx.user.username, self)
        self.draft.set_path(drafts_dir() / "booking.json")
        self._restoring: dict | None = None
        for signal in (self.date_edit.dateChanged, self.time_edit.timeChanged, self.minutes.valueChanged,
                       self.room.currentIndexChanged, self.mediators.itemChanged, self.experts.itemChanged,
                       self.parties.itemChanged, self.purpose.textChanged):
            signal.connect(self._draft_touched)
        self.refresh()
        self._offer_draft()

    # -- layout --------------------------------------------------------------------------
    def _build_layout(self) -> None:
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        row = 0

        def add(label: str, widget, error: QLabel | None = None) -> None:
            nonlocal row
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.addWidget(caption, row, 0)
            if isinstance(widget, QWidget):
                form.addWidget(widget, row, 1)
            else:
                form.addLayout(widget, row, 1)
            row += 1
            if error is not None:
                form.addWidget(error, row, 1)
                row += 1

        add(self.tr("案件"), self.case_search)
        form.addWidget(self.case_results, row, 1)
        row += 1
        add("", self.case_label, self.case_error)
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 2)
        when.addWidget(self.time_edit, 1)
        when.addWidget(self.minutes, 1)
        add(self.tr("时间"), when, self.when_error)
        add(self.tr("调解室"), self.room, self.room_error)
        people = QGridLayout()
        people.addWidget(QLabel(self.tr("调解员（本委员会在前）")), 0, 0)
        people.addWidget(QLabel(self.tr("专家（须经当事人同意）")), 0, 1)
        people.addWidget(self.mediators, 1, 0, 2, 1)
        people.addWidget(self.expert_search, 1, 1)
        people.addWidget(self.experts, 2, 1)
        people.addWidget(self.mediators_error, 3, 0)
        people.addWidget(self.experts_error, 3, 1)
        add(self.tr("人员"), people)
        add(self.tr("邀请当事人"), self.parties, self.invited_error)
        add(self.tr("事由"), self.purpose, self.purpose_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.book_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        add("", buttons)
        form.addWidget(self.banner, row, 1)
        form.addWidget(self.documents_label, row + 1, 1)
        form.setRowStretch(row + 2, 1)

        panel = QGroupBox(self.tr("冲突检查"))
        panel.setObjectName("conflictPanel")
        side = QVBoxLayout(panel)
        side.addWidget(self.check_status)
        side.addWidget(self.clash_list, 1)
        side.addWidget(QLabel(self.tr("可选时间（单击填入表单）")))
        side.addWidget(self.slot_list, 1)
        side.addWidget(self.warning_label)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        layout = QHBoxLayout(self)
        layout.addLayout(form, 3)
        layout.addWidget(line)
        layout.addWidget(panel, 2)

    def _connect(self) -> None:
        self._check_timer = QTimer(self, singleShot=True, interval=300)
        self._check_timer.timeout.connect(self.run_check)
        self._case_timer = QTimer(self, singleShot=True, interval=250)
        self._case_timer.timeout.connect(self.search_cases)
        self._expert_timer = QTimer(self, singleShot=True, interval=250)
        self._expert_timer.timeout.connect(self.search_experts)

        self.case_search.textChanged.connect(self._case_timer.start)
        self.case_search.returnPressed.connect(self._pick_first_case)
        self.case_results.itemActivated.connect(self._case_chosen)
        self.case_results.itemClicked.connect(self._case_chosen)
        self.expert_search.textChanged.connect(self._expert_timer.start)
        self.date_edit.dateChanged.connect(self._changed)
        self.time_edit.timeChanged.connect(self._changed)
        self.minutes.valueChanged.connect(self._changed)
        self.room.currentIndexChanged.connect(self._changed)
        self.mediators.itemChanged.connect(self._changed)
        self.experts.itemChanged.connect(self._expert_toggled)
        self.parties.itemChanged.connect(self._changed)
        self.slot_list.itemClicked.connect(self._slot_chosen)
        self.slot_list.itemActivated.connect(self._slot_chosen)
        self.book_button.clicked.connect(self.submit)
        self.clear_button.clicked.connect(self.clear)
        self.print_button.clicked.connect(self.print_notices)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_notices)

        order = [self.case_search, self.case_results, self.date_edit, self.time_edit, self.minutes, self.room,
                 self.mediators, self.expert_search, self.experts, self.parties, self.purpose, self.book_button,
                 self.clear_button, self.slot_list]
        for a, b in zip(order, order[1:], strict=False):
            self.setTabOrder(a, b)

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-run the searches and the check (F5)."""
        self.search_experts()
        if self.case_search.text().strip():
            self.search_cases()
        self._changed()

    def search_cases(self) -> None:
        self._case_timer.stop()
        text = self.case_search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self.case_results.clear()
            return
        engine, user = self.ctx.engine, self.ctx.user

        def work():
            with read_only(engine) as session:
                rows = fetch_cases(session, scoped(user, CaseFilter(text=text)), limit=60)
            # Open cases first: those are the ones that get booked.
            return sorted(rows, key=lambda r: r.status not in OPEN_STATUSES)[:30]

        def show(rows) -> None:
            if generation != self._search_generation:
                return
            self.case_results.clear()
            for r in rows:
                if r.status in OPEN_STATUSES:
                    text = self.tr("%1　%2")
                else:  # a concluded case says so
                    text = self.tr("%1　%2［%3］").replace("%3", CASE_STATUSES.get(r.status, r.status))
                # core.cases joins the names with "、"
                names = r.party_names.replace("、", list_separator())
                item = QListWidgetItem(text.replace("%1", r.number).replace("%2", names))
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                item.setToolTip(f"{r.number}\n{r.party_names}\n{r.summary[:200]}")
                self.case_results.addItem(item)
            if not rows:
                item = QListWidgetItem(self.tr("没有找到匹配的案件"))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.case_results.addItem(item)

        self.ctx.tasks.run(work, on_done=show)

    def _pick_first_case(self) -> None:
        self.search_cases()
        if self.case_results.count() and self.case_results.item(0).data(Qt.ItemDataRole.UserRole):
            self._case_chosen(self.case_results.item(0))

    def _case_chosen(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id:
            self.set_case(case_id)

    def set_case(self, case_id: int) -> None:
        """Choose the case to book (also called by other screens, e.g. the case list)."""
        engine = self.ctx.engine
        self.ctx.tasks.run(case_options, engine, case_id, user=self.ctx.user, on_done=self._show_case,
                           on_error=self._case_failed)

    def _case_failed(self, exc: BaseException) -> None:
        self._restoring = None  # e.g. the drafted case has been concluded meanwhile
        show_error(self.case_error, error_text(exc))

    # -- the local draft -----------------------------------------------------------------------
    def _draft_touched(self, *_args) -> None:
        if not self._filling and self._restoring is None:
            self.draft.touched()

    def _draft_content(self) -> dict | None:
        if self.options is None:
            return None
        return {
            "case_id": self.options.case_id, "date": self.date_edit.date().toString(Qt.DateFormat.ISODate),
            "time": self.time_edit.time().toString("HH:mm"), "minutes": self.minutes.value(),
            "room_id": self.room.currentData(), "mediators": list(_checked_ids(self.mediators)),
            "experts": dict(self._experts_checked), "parties": list(_checked_ids(self.parties)),
            "purpose": self.purpose.text(),
        }

    def _offer_draft(self) -> None:
        """A booking left half-done (a crash, a power cut) comes back when the screen opens."""
        draft = self.draft.pending()
        if draft is None or not self.can_book or not draft.content.get("case_id"):
            return
        self._restoring = {**draft.content, "saved_at": draft.saved_at_text}
        self.set_case(int(draft.content["case_id"]))

    def _apply_draft(self) -> None:
        d, self._restoring = self._restoring, None
        self._filling = True
        try:
            day = QDate.fromString(str(d.get("date", "")), Qt.DateFormat.ISODate)
            if day.isValid():
                self.date_edit.setDate(day)
            t = QTime.fromString(str(d.get("time", "")), "HH:mm")
            if t.isValid():
                self.time_edit.setTime(t)
            if isinstance(d.get("minutes"), int):
                self.minutes.setValue(d["minutes"])
            index = self.room.findData(d.get("room_id"))
            if index >= 0:
                self.room.setCurrentIndex(index)
            for widget, ids in ((self.mediators, d.get("mediators", [])), (self.parties, d.get("parties", []))):
                for i in range(widget.count()):
                    item = widget.item(i)
                    item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                                       else Qt.CheckState.Unchecked)
            self._experts_checked = {int(k): v for k, v in (d.get("experts") or {}).items()}
            self.purpose.setText(str(d.get("purpose", "")))
        finally:
            self._filling = False
        self.banner.setText(self.tr("已恢复 %1 未完成的预约，核对后按 Ctrl+S 预约。").replace("%1", d["saved_at"]))
        self.banner.setStyleSheet("background: #fff4d6; border: 1px solid #f0b429; padding: 4px;")
        self.banner.show()
        self.search_experts()
        self._changed()

    def _show_case(self, options: CaseOptions) -> None:
        if self._restoring is not None and self._restoring.get("case_id") != options.case_id:
            self._restoring = None  # another case was chosen meanwhile: the draft stays on disk
        self.options = options
        self._filling = True
        try:
            status = CASE_STATUSES.get(options.status, options.status)
            head = (self.tr("%1　%2　%3").replace("%1", f"<b>{options.number}</b>")
                    .replace("%2", COMMITTEE_SHORT.get(options.committee, "")).replace("%3", status))
            self.case_label.setText(f"{head}<br>{options.summary[:80]}")
            show_error(self.case_error, None)
            self.mediators.clear()
            for m in options.mediators:
                # core.booking.case_options: the only detail of a mediator is "本委员会" (of the case's committee).
                if m.id in options.assigned:
                    tip, label = self.tr("本案调解员"), self.tr("%1（本案）").replace("%1", m.name)
                elif m.detail:
                    tip, label = self.tr("本委员会"), self.tr("%1（本委员会）").replace("%1", m.name)
                else:
                    tip, label = "", m.name
                self.mediators.addItem(_checkable(label, m.id, m.id in options.assigned, tip))
            self.parties.clear()
            for p in options.parties:
                label = (self.tr("%1（%2）").replace("%1", p.name)
                         .replace("%2", tr_code(CASE_PARTY_ROLES.get(p.role, p.role))))
                self.parties.addItem(_checkable(label, p.case_party_id, True))
            if options.room_id is not None:
                index = self.room.findData(options.room_id)
                if index >= 0:
                    self.room.setCurrentIndex(index)
            # "第N次调解" (the core's, stored and printed on the Chinese notice) replaces an earlier one.
            if not self.purpose.text().strip() or self.purpose.text().startswith("第"):
                self.purpose.setText(options.purpose)
        finally:
            self._filling = False
        if self._restoring is not None and self._restoring.get("case_id") == options.case_id:
            self._apply_draft()
            return
        self.search_experts()
        self._changed()
        self.draft.touched()

    def search_experts(self) -> None:
        self._expert_timer.stop()
        self._expert_generation += 1
        generation = self._expert_generation
        text = self.expert_search.text()
        committee = self.options.committee if self.options else None
        engine = self.ctx.engine

        def show(options) -> None:
            if generation != self._expert_generation:
                return
            self._filling = True
            try:
                self.experts.clear()
                shown = set()
                for eid, name in self._experts_checked.items():  # chosen ones stay on top
                    self.experts.addItem(_checkable(name, eid, True))
                    shown.add(eid)
                for o in options:
                    if o.id not in shown:
                        # title and employer, joined with "，" by core.booking.search_experts
                        detail = o.detail.replace("，", self.tr("，"))
                        label = self.tr("%1（%2）").replace("%1", o.name).replace("%2", detail) if detail else o.name
                        self.experts.addItem(_checkable(label, o.id, False, o.detail))
            finally:
                self._filling = False

        self.ctx.tasks.run(search_experts, engine, text, committee=committee, limit=40, user=self.ctx.user,
                           on_done=show)

    def _expert_toggled(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        eid = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._experts_checked[eid] = item.text()
        else:
            self._experts_checked.pop(eid, None)
        self._changed()

    # -- the form ------------------------------------------------------------------------
    def request(self) -> BookingRequest:
        start = datetime.combine(self.date_edit.date().toPython(), self.time_edit.time().toPython())
        return BookingRequest(
            case_id=self.options.case_id if self.options else None,
            starts_at=start.replace(second=0, microsecond=0),
            minutes=self.minutes.value(),
            room_id=self.room.currentData(),
            mediator_ids=_checked_ids(self.mediators),
            expert_ids=tuple(self._experts_checked),
            invited_party_ids=_checked_ids(self.parties),
            purpose=self.purpose.text(),
        )

    def _changed(self, *_args) -> None:
        if self._filling:
            return
        self._check_timer.start()

    def run_check(self) -> None:
        """The one conflict check, off the GUI thread; only the latest answer is shown."""
        self._check_timer.stop()
        self._check_generation += 1
        generation = self._check_generation
        if self.options is None:
            self._show_assessment(None)
            return
        request, engine, user = self.request(), self.ctx.engine, self.ctx.user
        self.check_status.setText(self.tr("正在检查…"))

        def done(result: Assessment) -> None:
            if generation == self._check_generation:
                self._show_assessment(result)

        def failed(exc: BaseException) -> None:
            if generation == self._check_generation:
                self.check_status.setText(self.tr("检查失败：") + error_text(exc))

        self.ctx.tasks.run(assess, engine, user, request, on_done=done, on_error=failed)

    def _show_assessment(self, result: Assessment | None) -> None:
        self.assessment = result
        self.clash_list.clear()
        self.slot_list.clear()
        errors = result.errors if result else {}
        self._show_field_errors(errors)
        if result is None:
            self.check_status.setText(self.tr("请选择案件"))
            self.check_status.setStyleSheet("")
            self.warning_label.hide()
            return
        if result.clashes:
            self.check_status.setText(self.tr("✖ 有 %n 项冲突，不能预约", "", len(result.clashes)))
            self.check_status.setStyleSheet("color: #b00020; font-weight: bold;")
        elif errors:
            self.check_status.setText(self.tr("请补全表单（见左侧提示）"))
            self.check_status.setStyleSheet("color: #8a5a00; font-weight: bold;")
        else:
            r = self.request()
            self.check_status.setText(self.tr("✔ 调解室和人员均空闲，可以预约：%1")
                                      .replace("%1", f"{r.starts_at:%m-%d %H:%M}–{r.ends_at:%H:%M}"))
            self.check_status.setStyleSheet("color: #1b5e20; font-weight: bold;")
        for clash in result.clashes:
            item = QListWidgetItem(tr_message(clash.message))
            item.setData(Qt.ItemDataRole.UserRole, clash.kind)
            self.clash_list.addItem(item)
        self._show_slots(result.alternatives)
        self.warning_label.setText("\n".join(tr_message(w) for w in result.warnings))
        self.warning_label.setVisible(bool(result.warnings))

    def _show_slots(self, slots) -> None:
        self.slot_list.clear()
        for slot in slots:
            item = QListWidgetItem(slot_label(slot))
            item.setData(Qt.ItemDataRole.UserRole, slot)
            self.slot_list.addItem(item)
        if not slots and self.assessment and self.assessment.clashes:
            item = QListWidgetItem(self.tr("10个工作日内没有同一批人员都空闲的时间"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.slot_list.addItem(item)

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        show_error(self.case_error, errors.get("case"))
        show_error(self.when_error, errors.get("minutes") or errors.get("starts_at"))
        show_error(self.room_error, errors.get("room"))
        show_error(self.mediators_error, errors.get("mediators"))
        show_error(self.experts_error, errors.get("experts"))
        show_error(self.invited_error, errors.get("invited"))
        show_error(self.purpose_error, errors.get("purpose"))

    def _slot_chosen(self, item: QListWidgetItem) -> None:
        slot = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(slot, Slot):
            self.apply_slot(slot)

    def apply_slot(self, slot: Slot) -> None:
        """Fill date, time and (if it changes) room from an offered slot, then re-check."""
        self._filling = True
        try:
            self.date_edit.setDate(QDate(slot.starts_at.date()))
            self.time_edit.setTime(QTime(slot.starts_at.hour, slot.starts_at.minute))
            index = self.room.findData(slot.room_id)
            if index >= 0:
                self.room.setCurrentIndex(index)
        finally:
            self._filling = False
        self.run_check()

    # -- booking -------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.can_book or not self.book_button.isEnabled():
            return
        request = self.request()
        if self.options is None:
            show_error(self.case_error, self.tr("请选择案件"))
            self.case_search.setFocus()
            return
        self.book_button.setEnabled(False)
        self.banner.hide()
        engine, user = self.ctx.engine, self.ctx.user
        self.ctx.tasks.run(book, engine, user, request, on_done=self._booked, on_error=self._refused)

    def _booked(self, row) -> None:
        self.book_button.setEnabled(True)
        self.last_booked = row
        self.draft.saved()
        self._check_generation += 1  # an answer still on its way is about the old state
        self._show_field_errors({})
        self.clash_list.clear()
        self.slot_list.clear()
        self.check_status.setText(self.tr("✔ 已预约"))
        self.check_status.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.banner.setText(self.tr("已预约：%1　%2–%3　%4　调解员：%5　邀请：%6")
                            .replace("%1", row.case_number).replace("%2", f"{row.starts_at:%Y-%m-%d %H:%M}")
                            .replace("%3", f"{row.ends_at:%H:%M}").replace("%4", row.room_name)
                            .replace("%5", join_list(p.name for p in row.mediators))
                            .replace("%6", join_list(p.name for p in row.parties)))
        self.banner.setStyleSheet("background: #e8f5e9; border: 1px solid #66bb6a; padding: 4px;")
        self.banner.show()
        self.print_button.show()
        self.documents_label.setText(self.tr("可打印调解通知书（每位当事人一页）。"))

    def _refused(self, exc: BaseException) -> None:
        self.book_button.setEnabled(True)
        self.banner.setStyleSheet("background: #fdecea; border: 1px solid #e57373; padding: 4px;")
        if isinstance(exc, BookingConflict):
            self._check_generation += 1
            self._show_assessment(Assessment({}, exc.clashes, exc.alternatives, ()))
            self.banner.setText(self.tr("预约未成功：所选时间有冲突，请从右侧“可选时间”中另选。"))
        elif isinstance(exc, BookingError):
            self._show_field_errors(exc.errors)
            self.banner.setText(self.tr("预约未成功：请按提示补全表单。"))
        else:
            self.banner.setText(self.tr("预约未成功：") + (error_text(exc) or type(exc).__name__))
        self.banner.show()

    def print_notices(self) -> None:
        row = self.last_booked
        if row is None:
            return
        engine, user = self.ctx.engine, self.ctx.user
        self.documents_label.setText(self.tr("正在生成调解通知书…"))

        def ready(path: Path) -> None:
            self.documents_label.setText(self.tr("调解通知书已保存：") + f'<a href="{path.as_uri()}">{path.name}</a>')
            print_pdf(path, self)

        self.ctx.tasks.run(write_notices, engine, user, row.id, row.case_number, on_done=ready,
                           on_error=lambda exc: self.documents_label.setText(self.tr("生成失败：") + error_text(exc)))

    def clear(self) -> None:
        self.draft.discard()
        self._restoring = None
        self._filling = True
        try:
            self.options = None
            self.last_booked = None
            self._experts_checked.clear()
            self.case_search.clear()
            self.case_results.clear()
            self.case_label.setText(self.tr("未选择案件"))
            self.mediators.clear()
            self.parties.clear()
            self.purpose.clear()
            self.room.setCurrentIndex(0)
            self.minutes.setValue(self.rules.default_minutes)
            self.banner.hide()
            self.print_button.hide()
            self.documents_label.clear()
        finally:
            self._filling = False
        self.search_experts()
        self.run_check()
        self.case_search.setFocus()
