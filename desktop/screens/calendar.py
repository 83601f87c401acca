"""日程（日）and 日程（周）: who and which room is busy when.

A painted grid (:class:`ScheduleGrid`): one row per room (or per mediator/expert), and either
the day's working hours as columns (day view, 08:00–18:00, lunch and off-hours shaded, the
buffer after each session drawn as a hatched tail) or Monday–Sunday (week view, each session a
chip "09:00 医143号"; rest days and 调休 working days labelled). PgUp/PgDown move a day or a
week, Home goes back to today. Clicking a session opens its details, where it can be
rescheduled or cancelled with a reason, or its notices printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied, can
from core.booking import (
    AppointmentRow,
    BookingConflict,
    BookingError,
    BookingRules,
    Resource,
    Slot,
    booking_rules,
    calendar_resources,
    cancel,
    day_view,
    reschedule,
    week_start,
    week_view,
)
from core.calendar_overrides import DayInfo, load_calendar
from core.messages import joined
from core.uow import read_only
from desktop.context import AppContext
from desktop.drafts import FormDraft
from desktop.messages import error_text, tr_message
from desktop.screens.booking import QuarterTimeEdit, print_pdf, slot_label, write_notices
from desktop.texts import closed_note, day_note, join_list, rest_label
from desktop.vocab import COMMITTEE_SHORT, tr_code
from desktop.widgets.field_errors import field_error

GRID_START, GRID_END = time(8, 0), time(18, 0)
HEADER_W, HEADER_H = 150, 40
ROW_H, CHIP_H = 46, 20
STATUS_COLOURS = {  # fill, border
    "booked": (QColor("#d6e6ff"), QColor("#2f6fc6")),
    "held": (QColor("#d9f2dc"), QColor("#2e7d32")),
    "cancelled": (QColor("#eeeeee"), QColor("#9e9e9e")),
}
_NUMBER = re.compile(r"(\w)人调字〔\d+〕第0*(\d+)号")


def short_number(number: str) -> str:
    """"衢江医人调字〔2026〕第012号" → "医12号" (grid cells are small)."""
    m = _NUMBER.search(number)
    return f"{m.group(1)}{m.group(2)}号" if m else number


@dataclass
class GridData:
    mode: str  # day / week
    first_day: date
    resources: list[Resource] = field(default_factory=list)
    rows: list[AppointmentRow] = field(default_factory=list)
    days: list[DayInfo] = field(default_factory=list)
    rules: BookingRules | None = None


class ScheduleGrid(QWidget):
    """The painted grid. ``appointment_clicked`` carries the :class:`AppointmentRow`."""

    appointment_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleGrid")
        self.setMouseTracking(True)
        self.data = GridData("day", date.today())
        self._hits: list[tuple[QRectF, AppointmentRow]] = []
        self._row_heights: list[int] = []

    # -- data ---------------------------------------------------------------------------
    def set_data(self, data: GridData) -> None:
        self.data = data
        self._row_heights = [self._row_height(r) for r in data.resources]
        self.setMinimumHeight(HEADER_H + sum(self._row_heights) + 2)
        self.updateGeometry()
        self.update()

    def rows_of(self, resource: Resource) -> list[AppointmentRow]:
        return [r for r in self.data.rows if r.holds(resource.kind, resource.id)]

    def _row_height(self, resource: Resource) -> int:
        if self.data.mode == "day":
            return ROW_H
        per_day: dict[date, int] = {}
        for r in self.rows_of(resource):
            per_day[r.starts_at.date()] = per_day.get(r.starts_at.date(), 0) + 1
        return max(ROW_H, 8 + CHIP_H * max(per_day.values(), default=0) + 4)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(900, HEADER_H + sum(self._row_heights) + 2)

    def appointment_at(self, x: float, y: float) -> AppointmentRow | None:
        for rect, row in reversed(self._hits):
            if rect.contains(x, y):
                return row
        return None

    def rect_of(self, appointment_id: int) -> QRectF | None:
        """Where a session is drawn (first occurrence), for tests and keyboard focus."""
        return next((rect for rect, row in self._hits if row.id == appointment_id), None)

    # -- geometry -------------------------------------------------------------------------
    def _x_of(self, t: datetime | time) -> float:
        t = t.time() if isinstance(t, datetime) else t
        minutes = (t.hour - GRID_START.hour) * 60 + t.minute - GRID_START.minute
        span = (GRID_END.hour - GRID_START.hour) * 60
        width = self.width() - HEADER_W - 1
        return HEADER_W + max(0, min(span, minutes)) * width / span

    def _day_x(self, index: int) -> tuple[float, float]:
        width = (self.width() - HEADER_W - 1) / 7
        return HEADER_W + index * width, width

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        self._hits = []
        if self.data.mode == "day":
            self._paint_day(p)
        else:
            self._paint_week(p)
        if not self.data.resources:
            p.setPen(QColor("#777777"))
            p.drawText(self.rect().adjusted(0, HEADER_H, 0, 0), Qt.AlignmentFlag.AlignCenter, self.tr("没有可显示的行"))
        p.end()

    def _paint_row_headers(self, p: QPainter) -> None:
        y = HEADER_H
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)
        for resource, h in zip(self.data.resources, self._row_heights, strict=True):
            p.setPen(QColor("#dddddd"))
            p.drawLine(0, y + h, self.width(), y + h)
            p.setPen(QColor("#222222"))
            p.setFont(self.font())
            p.drawText(QRectF(8, y + 4, HEADER_W - 12, 20), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       resource.name)
            if resource.detail:
                p.setFont(small)
                p.setPen(QColor("#777777"))
                # A committee's short name, or 专家 (core.booking.calendar_resources).
                p.drawText(QRectF(8, y + 22, HEADER_W - 12, 18),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr_code(resource.detail))
            y += h
        p.setFont(self.font())
        p.setPen(QColor("#bbbbbb"))
        p.drawLine(HEADER_W, 0, HEADER_W, self.height())
        p.drawLine(0, HEADER_H, self.width(), HEADER_H)

    def _paint_day(self, p: QPainter) -> None:
        d = self.data.first_day
        info = self.data.days[0] if self.data.days else None
        rules = self.data.rules
        body = QRectF(HEADER_W, HEADER_H, self.width() - HEADER_W, self.height() - HEADER_H)
        # Off hours and lunch shaded: everything outside the working periods.
        off = QColor("#f3f3f3")
        if info is not None and not info.workday:
            p.fillRect(body, QColor("#fbeaea"))
            p.setPen(QColor("#c98a8a"))
            p.drawText(body, Qt.AlignmentFlag.AlignCenter, closed_note(info.label))
        elif rules is not None:
            edges = [GRID_START] + [t for period in rules.periods for t in period] + [GRID_END]
            for a, b in zip(edges[0::2], edges[1::2], strict=False):
                if a < b:
                    p.fillRect(QRectF(self._x_of(a), HEADER_H, self._x_of(b) - self._x_of(a), body.height()), off)
        # Hour lines and labels.
        for hour in range(GRID_START.hour, GRID_END.hour + 1):
            x = self._x_of(time(hour, 0)) if hour < 24 else body.right()
            p.setPen(QColor("#cccccc"))
            p.drawLine(int(x), HEADER_H - 6, int(x), self.height())
            if hour < GRID_END.hour:
                half = self._x_of(time(hour, 30))
                p.setPen(QPen(QColor("#e6e6e6"), 1, Qt.PenStyle.DotLine))
                p.drawLine(int(half), HEADER_H, int(half), self.height())
            p.setPen(QColor("#444444"))
            if hour < GRID_END.hour:  # the label sits just right of its line
                p.drawText(QRectF(x + 3, 4, 48, 18), Qt.AlignmentFlag.AlignLeft, f"{hour:02d}:00")
        p.setPen(QColor("#b00020") if info is not None and not info.workday else QColor("#222222"))
        p.drawText(QRectF(6, 2, HEADER_W - 8, 18), Qt.AlignmentFlag.AlignLeft, _day_title(d))
        if info is not None and info.label:
            small = QFont(self.font())
            small.setPointSizeF(self.font().pointSizeF() * 0.85)
            p.setFont(small)
            note = day_note(info.label) if info.workday else closed_note(info.label)
            p.drawText(QRectF(6, 20, HEADER_W - 8, 16), Qt.AlignmentFlag.AlignLeft, note)
            p.setFont(self.font())
        self._paint_row_headers(p)
        buffer = rules.buffer if rules else timedelta(0)
        y = HEADER_H
        for resource, h in zip(self.data.resources, self._row_heights, strict=True):
            for row in self.rows_of(resource):
                x1, x2 = self._x_of(row.starts_at), self._x_of(row.ends_at)
                rect = QRectF(x1 + 1, y + 4, max(6.0, x2 - x1 - 2), h - 8)
                if buffer and row.status != "cancelled":
                    tail = QRectF(x2, y + 10, self._x_of(row.ends_at + buffer) - x2, h - 20)
                    p.fillRect(tail, QBrush(QColor("#c9c9c9"), Qt.BrushStyle.BDiagPattern))
                self._paint_block(p, rect, row, resource, lines=2)
            y += h

    def _paint_week(self, p: QPainter) -> None:
        for i in range(7):
            x, w = self._day_x(i)
            d = self.data.first_day + timedelta(days=i)
            info = self.data.days[i] if i < len(self.data.days) else None
            rest = info is not None and not info.workday
            if rest:
                p.fillRect(QRectF(x, 0, w, self.height()), QColor("#fbeaea"))
            if d == date.today():
                p.fillRect(QRectF(x, 0, w, HEADER_H), QColor("#fff4d6"))
            p.setPen(QColor("#cccccc"))
            p.drawLine(int(x), 0, int(x), self.height())
            p.setPen(QColor("#b00020") if rest else QColor("#222222"))
            title = _day_title(d)
            sub = info.label if info is not None and info.label else ""
            p.drawText(QRectF(x + 2, 2, w - 4, 18), Qt.AlignmentFlag.AlignCenter, title)
            if sub:
                small = QFont(self.font())
                small.setPointSizeF(self.font().pointSizeF() * 0.85)
                p.setFont(small)
                p.drawText(QRectF(x + 2, 20, w - 4, 16), Qt.AlignmentFlag.AlignCenter,
                           rest_label(info.label) if rest else day_note(sub))
                p.setFont(self.font())
        self._paint_row_headers(p)
        y = HEADER_H
        for resource, h in zip(self.data.resources, self._row_heights, strict=True):
            slots: dict[int, int] = {}
            for row in sorted(self.rows_of(resource), key=lambda r: r.starts_at):
                i = (row.starts_at.date() - self.data.first_day).days
                if not 0 <= i < 7:
                    continue
                x, w = self._day_x(i)
                n = slots.get(i, 0)
                slots[i] = n + 1
                rect = QRectF(x + 3, y + 5 + n * CHIP_H, w - 6, CHIP_H - 2)
                self._paint_block(p, rect, row, resource, lines=1)
            y += h

    def _paint_block(self, p: QPainter, rect: QRectF, row: AppointmentRow, resource: Resource, *, lines: int) -> None:
        fill, border = STATUS_COLOURS.get(row.status, STATUS_COLOURS["booked"])
        p.setPen(QPen(border, 1.2))
        p.setBrush(fill)
        p.drawRoundedRect(rect, 3, 3)
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * (0.9 if lines == 1 else 0.92))
        font.setStrikeOut(row.status == "cancelled")
        p.setFont(font)
        p.setPen(QColor("#1a1a1a") if row.status != "cancelled" else QColor("#777777"))
        metrics = QFontMetrics(font)
        other = row.room_name if resource.kind != "room" else join_list(p.name for p in row.mediators)
        if lines == 1:
            text = f"{row.starts_at:%H:%M} {short_number(row.case_number)} {other}"
            p.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width() - 6)))
        else:
            first = f"{row.time_label} {short_number(row.case_number)}"
            if metrics.horizontalAdvance(first) > rect.width() - 6:
                first = f"{row.starts_at:%H:%M} {short_number(row.case_number)}"
            if row.experts and resource.kind == "room":
                second = self.tr("%1；专家%2").replace("%1", other).replace("%2", join_list(p.name for p in row.experts))
            else:
                second = other
            for k, text in enumerate((first, second)):
                p.drawText(QRectF(rect.x() + 4, rect.y() + 2 + k * (rect.height() - 4) / 2, rect.width() - 6,
                                  (rect.height() - 4) / 2),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width() - 6)))
        p.setFont(self.font())
        self._hits.append((rect, row))

    # -- mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        row = self.appointment_at(event.position().x(), event.position().y())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.appointment_clicked.emit(row)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        row = self.appointment_at(event.position().x(), event.position().y())
        if row is None:
            QToolTip.hideText()
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), describe(row), self)
        super().mouseMoveEvent(event)


def _day_title(d: date) -> str:
    """"11月16日 星期一" — in the UI's language and its locale's day names ("Mon 16 Nov")."""
    pattern = QCoreApplication.translate("CalendarDay", "M月d日 dddd")
    return QLocale().toString(QDate(d.year, d.month, d.day), pattern)


def when_where(row: AppointmentRow) -> str:
    """"2026-11-23 09:00–10:30　第一调解室"."""
    return (QCoreApplication.translate("Appointment", "%1 %2　%3").replace("%1", f"{row.starts_at:%Y-%m-%d}")
            .replace("%2", row.time_label).replace("%3", row.room_name))


def describe(row: AppointmentRow) -> str:
    """A session in a few lines (the grid's tooltip, the details dialog)."""
    translate = QCoreApplication.translate
    lines = [translate("Appointment", "%1（%2）").replace("%1", row.case_number)
             .replace("%2", COMMITTEE_SHORT.get(row.committee, "")),
             when_where(row),
             translate("Appointment", "调解员：%1").replace("%1", join_list(p.name for p in row.mediators) or "—")]
    if row.experts:
        lines.append(translate("Appointment", "专家：%1").replace("%1", join_list(p.name for p in row.experts)))
    lines.append(translate("Appointment", "邀请：%1").replace("%1", join_list(p.label for p in row.parties) or "—"))
    status = tr_code(row.status_name)
    if row.cancel_reason:
        lines.append(translate("Appointment", "状态：%1（%2）").replace("%1", status).replace("%2", row.cancel_reason))
    else:
        lines.append(translate("Appointment", "状态：%1").replace("%1", status))
    if row.purpose:
        lines.append(translate("Appointment", "事由：%1").replace("%1", row.purpose))
    return "\n".join(lines)


# ------------------------------------------------------------------------------ dialogs


class ReasonDialog(QDialog):
    """Cancel a session: the reason is required."""

    def __init__(self, ctx: AppContext, row: AppointmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("取消预约"))
        self.ctx, self.row, self.result_row = ctx, row, None
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("取消原因（必填），如：当事人申请撤回、双方已自行和解"))
        self.reason.setMaximumHeight(90)
        self.error = field_error()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认取消预约"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("返回"))
        buttons.accepted.connect(self.try_cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%1　%2").replace("%1", row.case_number).replace("%2", when_where(row))))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.draft = FormDraft(self, {"reason": self.reason}, f"cancel_appointment_{row.id}", ctx.user.username)

    def try_cancel(self) -> None:
        try:
            self.result_row = cancel(self.ctx.engine, self.ctx.user, self.row.id, self.reason.toPlainText())
        except BookingError as exc:
            self.error.setText(tr_message(exc.errors["reason"]) if "reason" in exc.errors else error_text(exc))
            self.error.show()
            return
        except (ValueError, PermissionDenied) as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()


class RescheduleDialog(QDialog):
    """Move a session to another time (same people, same parties); reason required. On a
    conflict the clashes are listed with the next free slots, which fill the form."""

    def __init__(self, ctx: AppContext, row: AppointmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("改期"))
        self.ctx, self.row, self.result_row = ctx, row, None
        self.date_edit = QDateEdit(QDate(row.starts_at.date()))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd dddd")
        self.time_edit = QuarterTimeEdit(QTime(row.starts_at.hour, row.starts_at.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setRange(15, 480)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.minutes.setValue(row.minutes)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("改期原因（必填）"))
        self.reason.setMaximumHeight(70)
        self.when_error = field_error()
        self.reason_error = field_error()
        self.clashes = QLabel()
        self.clashes.setWordWrap(True)
        self.clashes.setStyleSheet("color: #b00020;")
        self.clashes.hide()
        self.slots = QListWidget()
        self.slots.setObjectName("alternatives")
        self.slots.hide()
        self.slots.itemClicked.connect(self._slot_chosen)
        self.slots.itemActivated.connect(self._slot_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认改期"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("返回"))
        buttons.accepted.connect(self.try_reschedule)
        buttons.rejected.connect(self.reject)
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 2)
        when.addWidget(self.time_edit, 1)
        when.addWidget(self.minutes, 1)
        form = QFormLayout()
        form.addRow(self.tr("原定"), QLabel(self.tr("%1　%2").replace("%1", when_where(row))
                                             .replace("%2", row.case_number)))
        form.addRow(self.tr("新时间"), when)
        form.addRow("", self.when_error)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow("", self.reason_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.clashes)
        layout.addWidget(self.slots)
        layout.addWidget(buttons)
        self.resize(560, 320)
        self.draft = FormDraft(self, {"date": self.date_edit, "time": self.time_edit, "minutes": self.minutes,
                                      "reason": self.reason}, f"reschedule_{row.id}", ctx.user.username)

    def start(self) -> datetime:
        return datetime.combine(self.date_edit.date().toPython(), self.time_edit.time().toPython())

    def _slot_chosen(self, item: QListWidgetItem) -> None:
        slot = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(slot, Slot):
            self.date_edit.setDate(QDate(slot.starts_at.date()))
            self.time_edit.setTime(QTime(slot.starts_at.hour, slot.starts_at.minute))
            self._room_id = slot.room_id

    def try_reschedule(self) -> None:
        for label in (self.when_error, self.reason_error):
            label.hide()
        try:
            self.result_row = reschedule(self.ctx.engine, self.ctx.user, self.row.id, self.start(),
                                         self.minutes.value(), self.reason.toPlainText(),
                                         room_id=getattr(self, "_room_id", None))
        except BookingConflict as exc:
            self.clashes.setText(self.tr("不能改到该时间：") + "\n" + "\n".join(tr_message(c.message) for c in exc.clashes))
            self.clashes.show()
            self.slots.clear()
            for slot in exc.alternatives:
                item = QListWidgetItem(slot_label(slot))
                item.setData(Qt.ItemDataRole.UserRole, slot)
                self.slots.addItem(item)
            self.slots.setVisible(bool(exc.alternatives))
            return
        except BookingError as exc:
            if "reason" in exc.errors:
                self.reason_error.setText(tr_message(exc.errors["reason"]))
                self.reason_error.show()
            rest = [v for k, v in exc.errors.items() if k != "reason"]
            if rest:
                self.when_error.setText(tr_message(joined(rest)))
                self.when_error.show()
            return
        except (ValueError, PermissionDenied) as exc:
            self.when_error.setText(error_text(exc))
            self.when_error.show()
            return
        self.accept()


class AppointmentDialog(QDialog):
    """A session's details with 改期 / 取消预约 / 打印通知书."""

    def __init__(self, ctx: AppContext, row: AppointmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预约详情"))
        self.ctx, self.row, self.changed = ctx, row, False
        details = QLabel(describe(row))
        details.setObjectName("appointmentDetails")
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(True)
        allowed = can(ctx.user, "booking") and row.status == "booked"
        self.reschedule_button = QPushButton(self.tr("改期(&R)…"))
        self.cancel_button = QPushButton(self.tr("取消预约(&C)…"))
        self.print_button = QPushButton(self.tr("打印调解通知书(&P)"))
        close = QPushButton(self.tr("关闭"))
        self.reschedule_button.setEnabled(allowed)
        self.cancel_button.setEnabled(allowed)
        self.print_button.setEnabled(can(ctx.user, "documents.print") and row.status != "cancelled")
        self.reschedule_button.clicked.connect(self.open_reschedule)
        self.cancel_button.clicked.connect(self.open_cancel)
        self.print_button.clicked.connect(self.print_notices)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.reschedule_button, self.cancel_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(details)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(520, 260)

    def open_reschedule(self) -> None:
        dialog = RescheduleDialog(self.ctx, self.row, self)
        if dialog.exec():
            self.changed = True
            new = dialog.result_row
            self.status.setText(self.tr("已改期至 ") + f"{new.starts_at:%Y-%m-%d} {new.time_label} {new.room_name}")
            self._done()

    def open_cancel(self) -> None:
        dialog = ReasonDialog(self.ctx, self.row, self)
        if dialog.exec():
            self.changed = True
            self.status.setText(self.tr("已取消预约"))
            self._done()

    def _done(self) -> None:
        for b in (self.reschedule_button, self.cancel_button, self.print_button):
            b.setEnabled(False)

    def print_notices(self) -> None:
        row, engine, user = self.row, self.ctx.engine, self.ctx.user
        self.status.setText(self.tr("正在生成调解通知书…"))

        def ready(path) -> None:
            self.status.setText(self.tr("调解通知书已保存：") + f'<a href="{path.as_uri()}">{path.name}</a>')
            print_pdf(path, self)

        self.ctx.tasks.run(write_notices, engine, user, row.id, row.case_number, on_done=ready,
                           on_error=lambda exc: self.status.setText(self.tr("生成失败：") + error_text(exc)))


# ------------------------------------------------------------------------------ screens


def load_grid(engine, mode: str, day: date, by: str, *, include_cancelled: bool, busy_only: bool,
              user=None) -> GridData:
    """Everything one grid needs, read in one go (worker thread)."""
    first = day if mode == "day" else week_start(day)
    view = day_view if mode == "day" else week_view
    rows = view(engine, first, include_cancelled=include_cancelled, user=user)
    resources = calendar_resources(engine, by, rows)
    if busy_only:
        resources = [r for r in resources if any(row.holds(r.kind, r.id) for row in rows)]
    with read_only(engine) as session:
        calendar = load_calendar(session)
    days = [calendar.info(first + timedelta(days=i)) for i in range(1 if mode == "day" else 7)]
    return GridData(mode, first, resources, rows, days, booking_rules(engine))


class _CalendarScreen(QWidget):
    mode = "day"
    step = timedelta(days=1)
    live_topics = ("appointments", "settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._stale = False  # another PC changed the schedule while this screen was hidden
        self.prev_button = QPushButton(self.tr("◀ 前一天") if self.mode == "day" else self.tr("◀ 上一周"))
        self.today_button = QPushButton(self.tr("今天"))
        self.next_button = QPushButton(self.tr("后一天 ▶") if self.mode == "day" else self.tr("下一周 ▶"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd dddd")
        self.by = QComboBox()
        self.by.addItem(self.tr("按调解室"), "room")
        self.by.addItem(self.tr("按人员"), "person")
        self.show_cancelled = QCheckBox(self.tr("显示已取消"))
        self.busy_only = QCheckBox(self.tr("只看有安排的"))
        self.summary = QLabel()
        self.summary.setObjectName("calendarSummary")
        self.grid = ScheduleGrid()
        self.grid.appointment_clicked.connect(self.open_appointment)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.scroll = scroll

        bar = QHBoxLayout()
        for w in (self.prev_button, self.today_button, self.next_button, self.date_edit, self.by,
                  self.show_cancelled, self.busy_only):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        legend = QLabel(self.tr("蓝色：已预约　绿色：已举行　灰色删除线：已取消　斜线：场间间隔　粉色：休息日"
                                "　单击预约查看详情、改期或取消"))
        legend.setStyleSheet("color: #666666;")
        layout.addWidget(legend)

        self.prev_button.clicked.connect(lambda: self.move(-1))
        self.next_button.clicked.connect(lambda: self.move(1))
        self.today_button.clicked.connect(self.go_today)
        self.date_edit.dateChanged.connect(self.refresh)
        self.by.currentIndexChanged.connect(self.refresh)
        self.show_cancelled.toggled.connect(self.refresh)
        self.busy_only.toggled.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, activated=lambda: self.move(-1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, activated=lambda: self.move(1))
        QShortcut(QKeySequence(Qt.Key.Key_Home), self, activated=self.go_today)
        order = [self.prev_button, self.today_button, self.next_button, self.date_edit, self.by,
                 self.show_cancelled, self.busy_only]
        for a, b in zip(order, order[1:], strict=False):
            self.setTabOrder(a, b)
        self.refresh()

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def set_day(self, day: date) -> None:
        self.date_edit.setDate(QDate(day))

    def move(self, steps: int) -> None:
        self.set_day(self.day() + steps * self.step)

    def go_today(self) -> None:
        self.set_day(date.today())

    def set_mode(self, by: str) -> None:
        self.by.setCurrentIndex(self.by.findData(by))

    # -- live updates (desktop.live_updates) -----------------------------------------------
    def live_changed(self, _topic: str) -> None:
        if self.isVisible():
            self._load(quiet=True)
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 — Qt API
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._load(quiet=True)

    def refresh(self, *_args) -> None:
        self._load(quiet=False)

    def _load(self, quiet: bool) -> None:
        """Reload the grid; ``quiet`` (a change from another PC) keeps the summary until the
        new data is there, and the scroll position stays."""
        self._generation += 1
        generation = self._generation
        engine, user = self.ctx.engine, self.ctx.user
        args = (engine, self.mode, self.day(), self.by.currentData())
        kwargs = dict(include_cancelled=self.show_cancelled.isChecked(), busy_only=self.busy_only.isChecked(),
                      user=user)
        if not quiet:
            self.summary.setText(self.tr("正在读取…"))

        def show(data: GridData) -> None:
            if generation != self._generation:
                return
            h, v = self.scroll.horizontalScrollBar().value(), self.scroll.verticalScrollBar().value()
            self.grid.set_data(data)
            if quiet:
                self.scroll.horizontalScrollBar().setValue(h)
                self.scroll.verticalScrollBar().setValue(v)
            live = [r for r in data.rows if r.status != "cancelled"]
            # Not self.tr: PySide6 looks a plural up under the subclass's name only (CalendarDayScreen).
            self.summary.setText(QCoreApplication.translate("_CalendarScreen", "共 %n 场调解", None, len(live)))

        self.ctx.tasks.run(load_grid, *args, on_done=show,
                           on_error=lambda exc: self.summary.setText(self.tr("读取失败：") + error_text(exc)), **kwargs)

    def open_appointment(self, row: AppointmentRow) -> None:
        dialog = AppointmentDialog(self.ctx, row, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()


class CalendarDayScreen(_CalendarScreen):
    title = "日程（日）"
    mode = "day"
    step = timedelta(days=1)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calendar_day")


class CalendarWeekScreen(_CalendarScreen):
    title = "日程（周）"
    mode = "week"
    step = timedelta(days=7)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("calendar_week")
