"""Table models of the mediators' screens: one QAbstractTableModel per table, each a list of
plain rows from the core with named columns. ``data()`` never touches the database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from core.case_deadlines import DeadlineRow, due_text, left_text, limit_text
from desktop.messages import tr_message
from desktop.texts import day_note, holiday_name
from desktop.vocab import CASE_STATUSES, deadline_words, tr_code

RED = QColor("#b42318")
ORANGE = QColor("#b54708")
GREY = QColor("#667085")
GREEN = QColor("#067647")


def day(d: date | None) -> str:
    return d.isoformat() if d else ""


def when(t: datetime | None) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else ""


def money(v: Decimal | None) -> str:
    return "" if v is None else f"{v:,.2f}"


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    right: bool = False
    color: Callable[[Any], QColor | None] | None = None
    tip: Callable[[Any], str] | None = None


class RowsModel(QAbstractTableModel):
    """Rows of one kind, shown through ``COLUMNS``."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, r: int):
        return self._rows[r]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TableHeaders", self.COLUMNS[section].header)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            return col.color(row)
        if role == Qt.ItemDataRole.ToolTipRole and col.tip is not None:
            return col.tip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


def _deadline_color(row: DeadlineRow) -> QColor | None:
    return {"overdue": RED, "due_soon": ORANGE}.get(row.flag) or (GREY if row.deadline and row.deadline.paused
                                                                  else None)


def _cell(text: str) -> str:
    """A word of a table cell (context ``TableCells``) in the UI's language."""
    return QCoreApplication.translate("TableCells", text)


#: The labels of the core's own small vocabularies that these screens show (consents, payment
#: methods, attachment kinds — db.codes has the rest): translated like db.codes' labels, with
#: tr_code (context ``Codes``). A test keeps the list in step with the core.
CORE_LABELS = (
    # core.lifecycle.MEDICAL_CONSENTS (= core.intake.MEDICAL_CONSENTS)
    QT_TRANSLATE_NOOP("Codes", "双方共同申请"), QT_TRANSLATE_NOOP("Codes", "一方申请，另一方同意"),
    # core.lifecycle.CONSENT_LABELS and CONSENT_FORMS
    QT_TRANSLATE_NOOP("Codes", "公开调解"), QT_TRANSLATE_NOOP("Codes", "延长调解期限"),
    QT_TRANSLATE_NOOP("Codes", "同意医疗纠纷人民调解"), QT_TRANSLATE_NOOP("Codes", "专家参与调解"),
    QT_TRANSLATE_NOOP("Codes", "选定调解员"), QT_TRANSLATE_NOOP("Codes", "书面"), QT_TRANSLATE_NOOP("Codes", "口头"),
    # core.fulfilment.PAYMENT_METHODS
    QT_TRANSLATE_NOOP("Codes", "银行转账"), QT_TRANSLATE_NOOP("Codes", "现金"), QT_TRANSLATE_NOOP("Codes", "微信支付"),
    QT_TRANSLATE_NOOP("Codes", "支付宝"), QT_TRANSLATE_NOOP("Codes", "支票"),
    QT_TRANSLATE_NOOP("Codes", "保险公司直接赔付"), QT_TRANSLATE_NOOP("Codes", "法院执行"),
    QT_TRANSLATE_NOOP("Codes", "其他"),
    # core.sessions.ATTACHMENT_KINDS
    QT_TRANSLATE_NOOP("Codes", "证据材料"), QT_TRANSLATE_NOOP("Codes", "身份证明"),
    QT_TRANSLATE_NOOP("Codes", "调解记录（签字件）"), QT_TRANSLATE_NOOP("Codes", "文书"),
    QT_TRANSLATE_NOOP("Codes", "履行凭证"),
)


def _deadline_tip(row: DeadlineRow) -> str:
    if row.deadline is None:
        return _cell(QT_TRANSLATE_NOOP("TableCells", "尚未受理，调解期限未开始计算"))
    tip = row.deadline.basis  # the core's citation of the law: Chinese, as on the documents
    if row.deadline.provisional:
        tip += _cell(QT_TRANSLATE_NOOP("TableCells", "\n（暂定：期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算，"
                                                     "请以国务院公布的安排为准）"))
    return tip


def _party_note(r) -> str:
    """代理张三、明确拒绝调解 — the agent's principal and a refusal, in the UI's language."""
    notes = [_cell(QT_TRANSLATE_NOOP("TableCells", "代理%1")).replace("%1", r.represents) if r.represents else "",
             _cell(QT_TRANSLATE_NOOP("TableCells", "明确拒绝调解")) if r.refuses_mediation else ""]
    return _cell(QT_TRANSLATE_NOOP("TableCells", "、")).join(filter(None, notes))


def _instalment_state(r) -> str:
    """core.fulfilment.InstalmentRow.state, worded in the UI's language (same Chinese)."""
    if r.paid_in_full_on is not None:
        return _cell(QT_TRANSLATE_NOOP("TableCells", "已付清（%1）")).replace("%1", r.paid_in_full_on.isoformat())
    if r.overdue_days > 0:
        return _overdue(r)
    return (_cell(QT_TRANSLATE_NOOP("TableCells", "部分已付")) if r.paid > 0
            else _cell(QT_TRANSLATE_NOOP("TableCells", "待付")))


def _overdue(r) -> str:
    return QCoreApplication.translate("TableCells", "逾期%n日", "", r.overdue_days)


def _overdue_days(r) -> str:
    return QCoreApplication.translate("TableCells", "%n日", "", r.overdue_days)


class DeadlineTableModel(RowsModel):
    """The open cases with their deadlines (my_cases, deadlines)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "案号"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "委员会"), lambda r: tr_code(r.committee_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "当事人"), lambda r: r.parties, tip=lambda r: r.parties),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "状态"), lambda r: tr_code(r.status_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "受理日期"), lambda r: day(r.accepted_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "期限"),
               lambda r: limit_text(r.deadline, deadline_words()) if r.deadline else "",
               tip=lambda r: tr_code(r.deadline.label) if r.deadline else ""),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "期限届满日"),
               lambda r: due_text(r.deadline, deadline_words()) if r.deadline else "",
               color=_deadline_color, tip=_deadline_tip),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "剩余"),
               lambda r: left_text(r.deadline, r.days_left, deadline_words(r.days_left)),
               color=_deadline_color, tip=_deadline_tip),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "下次预约"), lambda r: when(r.next_appointment)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "调解员"), lambda r: r.mediator),
    )


class PartyTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "身份"), lambda r: tr_code(r.role_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "名称"), lambda r: r.name),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "证件号码"), lambda r: r.id_masked),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "联系电话"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "住址"), lambda r: r.address),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "备注"), _party_note),
    )


class ConsentTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "日期"), lambda r: day(r.given_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "当事人"), lambda r: r.party),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "事项"), lambda r: tr_code(r.kind_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "意见"), lambda r: _cell(QT_TRANSLATE_NOOP("TableCells", "同意")) if r.given
               else _cell(QT_TRANSLATE_NOOP("TableCells", "不同意")),
               color=lambda r: None if r.given else RED),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "形式"), lambda r: tr_code("书面" if r.form == "written" else "口头")),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "说明"), lambda r: r.note),
    )


class SessionTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "调解时间"), lambda r: when(r.started_at)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "地点"), lambda r: r.place),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "到场当事人"), lambda r: r.present_names),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "公开"), lambda r: _cell(QT_TRANSLATE_NOOP("TableCells", "公开")) if r.public
               else _cell(QT_TRANSLATE_NOOP("TableCells", "不公开"))),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "调解结果"), lambda r: r.outcome, tip=lambda r: r.outcome),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "下一步"), lambda r: r.next_steps),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "记录人"), lambda r: r.recorder),
    )


class InstalmentTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "应付日期"), lambda r: day(r.due_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "金额（元）"), lambda r: money(r.amount), right=True),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "已付（元）"), lambda r: money(r.paid), right=True),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "未付（元）"), lambda r: money(r.outstanding), right=True),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "付款人"), lambda r: r.payer),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "联系电话"), lambda r: r.payer_phone),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "收款人"), lambda r: r.payee),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "状态"), _instalment_state, color=lambda r: RED if r.overdue_days else (
            GREEN if r.paid_in_full_on else None)),
    )


class OverdueInstalmentTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "案号"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "应付日期"), lambda r: day(r.due_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "逾期"), _overdue_days, color=lambda r: RED),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "未付（元）"), lambda r: money(r.outstanding), right=True),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "付款人"), lambda r: r.payer),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "联系电话"), lambda r: r.payer_phone),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "收款人"), lambda r: r.payee),
    )


class PaymentTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "付款日期"), lambda r: day(r.paid_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "金额（元）"), lambda r: money(r.amount), right=True),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "方式"), lambda r: tr_code(r.method_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "收据号"), lambda r: r.receipt_no),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "登记人"), lambda r: r.recorded_by),
    )


# core.followups.LedgerRow.state, for Linguist.
_LEDGER_STATES = (QT_TRANSLATE_NOOP("TableCells", "待答复"), QT_TRANSLATE_NOOP("TableCells", "逾期未答复"),
                  QT_TRANSLATE_NOOP("TableCells", "已答复"), QT_TRANSLATE_NOOP("TableCells", "逾期答复"))


class FollowupTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "计划日期"), lambda r: day(r.scheduled_on), color=lambda r: RED if r.overdue else None),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "案号"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "委员会"), lambda r: tr_code(r.committee_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "被回访人"), lambda r: r.party),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "联系电话"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "回访日期"), lambda r: day(r.visited_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "满意度"), lambda r: tr_code(r.rating_name),
               color=lambda r: RED if r.rating is not None and r.rating <= 2 else None),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "状态"),
               lambda r: _cell(QT_TRANSLATE_NOOP("TableCells", "已回访")) if r.visited_on
               else _cell(QT_TRANSLATE_NOOP("TableCells", "逾期未回访")) if r.overdue
               else _cell(QT_TRANSLATE_NOOP("TableCells", "待回访")),
               color=lambda r: RED if r.overdue else None),
    )


class LedgerTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "案号"), lambda r: r.number),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "当事人"), lambda r: r.party),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "联系电话"), lambda r: r.phone),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "评价"), lambda r: tr_code(r.rating_name), color=lambda r: RED),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "登记日"), lambda r: day(r.opened_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "答复期限"), lambda r: day(r.due_on) + (_cell(QT_TRANSLATE_NOOP("TableCells", "（暂定）")) if r.provisional else ""),
               tip=lambda r: _cell(QT_TRANSLATE_NOOP("TableCells", "期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算"))
               if r.provisional else ""),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "状态"), lambda r: _cell(r.state),
               color=lambda r: RED if r.overdue else (GREEN if r.answered_on else None)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "答复日"), lambda r: day(r.answered_on)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "答复情况"), lambda r: r.answer, tip=lambda r: r.answer),
    )


class AttachmentTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "文件名"), lambda r: r.filename),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "类别"), lambda r: tr_code(r.kind_name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "大小"), lambda r: tr_message(r.size_text), right=True),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "添加时间"), lambda r: when(r.added_at)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "添加人"), lambda r: r.added_by),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "SHA-256"), lambda r: r.sha256[:16] + "…", tip=lambda r: r.sha256),
    )


def _status_change(r) -> str:
    """core.lifecycle.HistoryRow.change ("已受理 → 调解中", "已受理（改派）") in the UI's language."""
    to = CASE_STATUSES.get(r.to_status, r.to_status)
    if r.from_status is None:
        return to
    if r.from_status == r.to_status:
        return _cell(QT_TRANSLATE_NOOP("TableCells", "%1（改派）")).replace("%1", to)
    return f"{CASE_STATUSES.get(r.from_status, r.from_status)} → {to}"


class HistoryTableModel(RowsModel):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "时间"), lambda r: when(r.at)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "变更"), _status_change),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "操作人"), lambda r: r.user),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "原因"), lambda r: r.reason, tip=lambda r: r.reason),
    )



# core.calendar_overrides.HolidayRow.source_name, by source.
HOLIDAY_SOURCES = {
    "schedule": QT_TRANSLATE_NOOP("Holidays", "国务院放假安排（chinese-calendar）"),
    "override": QT_TRANSLATE_NOOP("Holidays", "本中心录入"),
    "corrected": QT_TRANSLATE_NOOP("Holidays", "本中心更正"),
}


class HolidayTableModel(RowsModel):
    """A year's holidays and make-up working days (节假日与调休)."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("TableHeaders", "日期"), lambda d: d.day.isoformat()),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "星期"),  # 星期四 (as core.calendar_overrides), Thursday
               lambda d: QLocale().dayName(d.day.isoweekday(), QLocale.FormatType.LongFormat)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "安排"), lambda d: day_note(d.kind_name),
               color=lambda d: QColor("#1b5e20") if d.workday else QColor("#b71c1c")),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "名称"), lambda d: holiday_name(d.name)),
        Column(QT_TRANSLATE_NOOP("TableHeaders", "来源"),
               lambda d: QCoreApplication.translate("Holidays", HOLIDAY_SOURCES[d.source])),
    )

    def row_of(self, day) -> int:
        return next((i for i, r in enumerate(self._rows) if r.day == day), -1)
