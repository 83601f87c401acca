"""专家库: the expert pool with search as you type, the lawyers' weekly duty table, the
mediators of each committee, and choosing people for a case (suggestions, 回避, consent).

The pool is read once into an in-memory index (core.expert_search); each keystroke is answered
from it without touching the database. Importing and exporting Excel, and the suggestions for
a case, run off the GUI thread.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied, can
from core.conflicts import (
    FORMS,
    CaseBrief,
    SafeguardRow,
    case_safeguards,
    check_conflicts,
    decide_recusal,
    find_case,
    override_conflict,
    record_consent,
    record_mediator_choice,
    record_recusal,
    uncovered,
)
from core.expert_io import ImportRejected, export_experts, import_experts
from core.expert_search import ExpertIndex
from core.expert_suggestions import Suggestion, suggestions_for_case
from core.experts import (
    CommitteeMediators,
    ExpertRow,
    RosterEntry,
    build_index,
    duty_roster,
    list_experts,
    list_relations,
    mediators_by_committee,
    on_duty,
    save_user_relations,
)
from core.messages import joined
from core.uow import read_only
from desktop.context import AppContext
from desktop.messages import error_text, tr_message
from desktop.screens.expert_detail import (
    ExpertDetailDialog,
    RelationsEditor,
    agency_display,
    committee_names,
    duty_label,
    field_error,
)
from desktop.texts import clause_separator, list_separator, weekday_name
from desktop.vocab import CASE_STATUSES, COMMITTEE_SHORT, DISPUTE_TYPES, EXPERT_KINDS, tr_code

CONFLICT_BRUSH = QBrush(QColor("#b00020"))
INACTIVE_BRUSH = QBrush(QColor("#888888"))


# --- Table models ------------------------------------------------------------------------------


class ExpertCol(IntEnum):
    NAME = 0
    KIND = 1
    AGENCY = 2
    TITLE = 3
    SPECIALTIES = 4
    COMMITTEES = 5
    PHONE = 6
    STATE = 7


EXPERT_HEADERS = (
    QT_TRANSLATE_NOOP("ExpertTableModel", "姓名"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "类别"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "工作单位（原单位）"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "职称/职务"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "专长"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "服务委员会"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "电话"),
    QT_TRANSLATE_NOOP("ExpertTableModel", "状态"),
)


class ExpertTableModel(QAbstractTableModel):
    """The search results, best first. ``data()`` reads plain rows only."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ExpertRow] = []

    def set_rows(self, rows: list[ExpertRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, r: int) -> ExpertRow:
        return self._rows[r]

    def rows(self) -> list[ExpertRow]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ExpertCol)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(EXPERT_HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            match ExpertCol(index.column()):
                case ExpertCol.NAME:
                    return r.name
                case ExpertCol.KIND:
                    return tr_code(r.kind_name)
                case ExpertCol.AGENCY:
                    return agency_display(r)
                case ExpertCol.TITLE:
                    return r.title
                case ExpertCol.SPECIALTIES:
                    return list_separator().join(r.specialties)
                case ExpertCol.COMMITTEES:
                    return committee_names(r.committees)
                case ExpertCol.PHONE:
                    return r.phone
                case ExpertCol.STATE:
                    return (self.tr("退休") if r.retired else self.tr("在职")) + ("" if r.active else self.tr("·停用"))
        if role == Qt.ItemDataRole.ForegroundRole and not r.active:
            return INACTIVE_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            match ExpertCol(index.column()):
                case ExpertCol.NAME if r.duties:
                    return self.tr("值班：%1").replace("%1", clause_separator().join(duty_label(d) for d in r.duties))
                case ExpertCol.AGENCY:
                    return agency_display(r) or None
                case ExpertCol.SPECIALTIES:
                    return list_separator().join(r.specialties) or None
                case ExpertCol.COMMITTEES:
                    return committee_names(r.committees) or None
            return None
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class RosterModel(QAbstractTableModel):
    """The week's lawyer duty table: one row per time slot, one column per weekday."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._slots: list[tuple] = []
        self._cells: dict[tuple[int, int], list[RosterEntry]] = {}
        self._days = 5
        self.today = date.today()

    def set_roster(self, roster: list[RosterEntry], today: date) -> None:
        self.beginResetModel()
        self.today = today
        self._slots = sorted({(e.duty.starts, e.duty.ends) for e in roster})
        self._days = 7 if any(e.duty.weekday >= 5 for e in roster) else 5
        self._cells = {}
        for e in roster:
            key = (self._slots.index((e.duty.starts, e.duty.ends)), e.duty.weekday)
            self._cells.setdefault(key, []).append(e)
        self.endResetModel()

    def entries(self, row: int, column: int) -> list[RosterEntry]:
        return self._cells.get((row, column), [])

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._slots)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._days

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = weekday_name(section)
            return self.tr("%1（今天）").replace("%1", day) if section == self.today.weekday() else day
        starts, ends = self._slots[section]
        return f"{starts:%H:%M}–{ends:%H:%M}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        people = self.entries(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(self.tr("%1（%2）").replace("%1", e.name).replace("%2", EXPERT_KINDS.get(e.kind, e.kind))
                             for e in people)
        if role == Qt.ItemDataRole.ToolTipRole and people:
            return "\n".join(f"{e.name} {e.phone} {list_separator().join(e.specialties)}" for e in people)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.today.weekday():
            return QBrush(QColor("#eef5ff"))
        return None


class MediatorCol(IntEnum):
    COMMITTEE = 0
    NAME = 1
    PHONE = 2
    OPEN = 3
    WEEK = 4
    RELATIONS = 5


MEDIATOR_HEADERS = (
    QT_TRANSLATE_NOOP("MediatorModel", "委员会"),
    QT_TRANSLATE_NOOP("MediatorModel", "调解员"),
    QT_TRANSLATE_NOOP("MediatorModel", "电话"),
    QT_TRANSLATE_NOOP("MediatorModel", "在办案件"),
    QT_TRANSLATE_NOOP("MediatorModel", "本周调解"),
    QT_TRANSLATE_NOOP("MediatorModel", "申报关系"),
)


class MediatorModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, object]] = []

    def set_committees(self, committees: list[CommitteeMediators]) -> None:
        self.beginResetModel()
        self._rows = []
        for c in committees:
            if not c.mediators:
                self._rows.append((c.name, None))
            for m in c.mediators:
                self._rows.append((c.name, m))
        self.endResetModel()

    def mediator_at(self, r: int):
        return self._rows[r][1]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(MediatorCol)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(MEDIATOR_HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        committee, m = self._rows[index.row()]
        col = MediatorCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == MediatorCol.COMMITTEE:
                return tr_code(committee)
            if m is None:
                return self.tr("（暂无调解员）") if col == MediatorCol.NAME else ""
            return {MediatorCol.NAME: m.full_name, MediatorCol.PHONE: m.phone,
                    MediatorCol.OPEN: str(m.open_cases), MediatorCol.WEEK: str(m.sessions_this_week),
                    MediatorCol.RELATIONS: str(m.relations) if m.relations else ""}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (MediatorCol.OPEN, MediatorCol.WEEK,
                                                                   MediatorCol.RELATIONS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class SuggestionCol(IntEnum):
    NAME = 0
    KIND = 1
    DETAIL = 2
    FIT = 3
    LOAD = 4
    CONFLICT = 5


SUGGESTION_HEADERS = (
    QT_TRANSLATE_NOOP("SuggestionModel", "姓名"),
    QT_TRANSLATE_NOOP("SuggestionModel", "类别"),
    QT_TRANSLATE_NOOP("SuggestionModel", "单位/委员会"),
    QT_TRANSLATE_NOOP("SuggestionModel", "适配理由"),
    QT_TRANSLATE_NOOP("SuggestionModel", "当前负荷"),
    QT_TRANSLATE_NOOP("SuggestionModel", "回避事由"),
)


class SuggestionModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Suggestion] = []

    def set_rows(self, rows: list[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, r: int) -> Suggestion:
        return self._rows[r]

    def rows(self) -> list[Suggestion]:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SuggestionCol)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(SUGGESTION_HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = SuggestionCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                SuggestionCol.NAME: s.name,
                SuggestionCol.KIND: tr_code(s.kind_name),
                SuggestionCol.DETAIL: _suggestion_detail(s),
                SuggestionCol.FIT: tr_message(joined(s.reasons)) or "—",
                SuggestionCol.LOAD: self.tr("在办%1件，本周%2场").replace("%1", str(s.open_cases))
                .replace("%2", str(s.sessions_this_week)),
                SuggestionCol.CONFLICT: clause_separator().join(tr_code(c.kind_name) for c in s.conflicts),
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole and s.conflicted:
            return CONFLICT_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            if s.conflicted:
                return "\n".join(tr_message(c.reason) for c in s.conflicts)
            return tr_message(joined(s.reasons)) or None
        return None


def _suggestion_detail(s: Suggestion) -> str:
    """A mediator's committees (core.expert_suggestions joins their short names with "、") in the
    UI's language; an expert's employer and title (joined with "，") are data, shown as they are."""
    if s.kind != "mediator":
        return s.detail.replace("，", QCoreApplication.translate("SuggestionModel", "，"))
    return list_separator().join(tr_code(name) for name in s.detail.split("、")) if s.detail else ""


class SafeguardModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("SafeguardModel", "日期"), QT_TRANSLATE_NOOP("SafeguardModel", "事项"),
               QT_TRANSLATE_NOOP("SafeguardModel", "当事人"), QT_TRANSLATE_NOOP("SafeguardModel", "人员"),
               QT_TRANSLATE_NOOP("SafeguardModel", "内容"))
    KINDS = {"consent": QT_TRANSLATE_NOOP("SafeguardModel", "专家参与（第二十条）"),
             "mediator_choice": QT_TRANSLATE_NOOP("SafeguardModel", "选定调解员（第十九条）"),
             "recusal": QT_TRANSLATE_NOOP("SafeguardModel", "回避申请"),
             "override": QT_TRANSLATE_NOOP("SafeguardModel", "回避放行")}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SafeguardRow] = []

    def set_rows(self, rows: list[SafeguardRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, r: int) -> SafeguardRow:
        return self._rows[r]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        kind = self.tr(self.KINDS[r.kind]) if r.kind in self.KINDS else r.kind
        return (r.on.isoformat(), kind, r.party, r.person, tr_message(r.text))[index.column()]


def _view(model: QAbstractTableModel, *, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _combo(all_label: str, items: dict) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_label, None)
    for code, label in items.items():
        combo.addItem(label, code)
    return combo


# --- Dialogs -----------------------------------------------------------------------------------


class ImportReportDialog(QDialog):
    """Why a file was not imported: every bad row, copyable."""

    def __init__(self, errors: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("导入失败"))
        self.resize(640, 420)
        self.summary = QLabel(self.tr("文件中有 %n 处问题，未导入任何数据。请在 Excel 中改正后重新导入：", "", len(errors)))
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(tr_message(e) for e in errors))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制全部"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: (self.text.selectAll(), self.text.copy()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class _CaseDialog(QDialog):
    """Base for the small dialogs of the case tab: a form, an error line, OK/Cancel."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = field_error()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def try_accept(self) -> None:  # overridden
        self.accept()


def _form_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(tr_code(FORMS["written"]), "written")
    combo.addItem(tr_code(FORMS["oral"]), "oral")
    return combo


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ConsentDialog(_CaseDialog):
    """Each party's answer to bringing in the expert (人民调解法第二十条)."""

    def __init__(self, ctx: AppContext, case: CaseBrief, expert: Suggestion, parent=None) -> None:
        super().__init__(self.tr("当事人同意专家参与调解（人民调解法第二十条）"), parent)
        self.ctx, self.case, self.expert = ctx, case, expert
        self.form.addRow(self.tr("案件"), QLabel(case.number))
        self.form.addRow(self.tr("专家"), QLabel(self.tr("%1（%2）").replace("%1", expert.name)
                                                 .replace("%2", expert.detail)))
        self.answers: dict[int, QComboBox] = {}
        for p in case.parties:
            combo = QComboBox()
            combo.addItem(self.tr("同意"), True)
            combo.addItem(self.tr("不同意"), False)
            combo.addItem(self.tr("暂未表态"), None)
            self.answers[p.case_party_id] = combo
            self.form.addRow(f"{tr_code(p.role_name)} {p.name}", combo)
        self.consent_form = _form_combo()
        self.on = _date_edit()
        self.note = QLineEdit(placeholderText=self.tr("备注（可不填；代理人代为表示的在此说明）"))
        self.form.addRow(self.tr("形式"), self.consent_form)
        self.form.addRow(self.tr("日期"), self.on)
        self.form.addRow(self.tr("备注"), self.note)
        self.recorded = 0

    def try_accept(self) -> None:
        answers = [(cp, combo.currentData()) for cp, combo in self.answers.items() if combo.currentData() is not None]
        if not answers:
            self.fail(self.tr("请至少记录一方当事人的意见"))
            return
        try:
            for cp, given in answers:
                record_consent(self.ctx.engine, self.ctx.user, self.case.id, cp, self.expert.id, given=given,
                               form=self.consent_form.currentData(), given_on=self.on.date().toPython(),
                               note=self.note.text())
                self.recorded += 1
        except (ValueError, PermissionDenied) as exc:
            self.fail(error_text(exc))
            return
        self.accept()


class ChoiceDialog(_CaseDialog):
    """A party chooses the mediator (人民调解法第十九条)."""

    def __init__(self, ctx: AppContext, case: CaseBrief, mediator: Suggestion, parent=None) -> None:
        super().__init__(self.tr("当事人选定调解员（人民调解法第十九条）"), parent)
        self.ctx, self.case, self.mediator = ctx, case, mediator
        self.party = QComboBox()
        for p in case.parties:
            self.party.addItem(f"{tr_code(p.role_name)} {p.name}", p.case_party_id)
        self.choice_form = _form_combo()
        self.on = _date_edit()
        self.note = QLineEdit()
        self.form.addRow(self.tr("案件"), QLabel(case.number))
        self.form.addRow(self.tr("调解员"), QLabel(mediator.name))
        self.form.addRow(self.tr("当事人"), self.party)
        self.form.addRow(self.tr("形式"), self.choice_form)
        self.form.addRow(self.tr("日期"), self.on)
        self.form.addRow(self.tr("备注"), self.note)
        self.result_text = ""

    def try_accept(self) -> None:
        try:
            result = record_mediator_choice(
                self.ctx.engine, self.ctx.user, self.case.id, self.party.currentData(), self.mediator.id,
                form=self.choice_form.currentData(), given_on=self.on.date().toPython(), note=self.note.text())
        except (ValueError, PermissionDenied) as exc:
            self.fail(error_text(exc))
            return
        self.result_text = (self.tr("各方当事人均已选定，已列为本案调解员") if result.assigned
                            else self.tr("已记录"))
        self.accept()


class RecusalDialog(_CaseDialog):
    """A party asks for the selected expert or mediator to step aside."""

    def __init__(self, ctx: AppContext, case: CaseBrief, person: Suggestion, parent=None) -> None:
        super().__init__(self.tr("回避申请"), parent)
        self.ctx, self.case, self.person = ctx, case, person
        self.party = QComboBox()
        for p in case.parties:
            self.party.addItem(f"{tr_code(p.role_name)} {p.name}", p.case_party_id)
        self.request_form = QComboBox()
        self.request_form.addItem(tr_code(FORMS["oral"]), "oral")
        self.request_form.addItem(tr_code(FORMS["written"]), "written")
        self.on = _date_edit()
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("申请理由（口头申请的，记录当事人的陈述）"))
        self.reason.setFixedHeight(80)
        self.form.addRow(self.tr("案件"), QLabel(case.number))
        self.form.addRow(self.tr("申请回避的人员"), QLabel(f"{tr_code(person.kind_name)} {person.name}"))
        self.form.addRow(self.tr("申请人"), self.party)
        self.form.addRow(self.tr("形式"), self.request_form)
        self.form.addRow(self.tr("日期"), self.on)
        self.form.addRow(self.tr("理由"), self.reason)

    def try_accept(self) -> None:
        kw = {"expert_id": self.person.id} if self.person.kind != "mediator" else {"user_id": self.person.id}
        try:
            record_recusal(self.ctx.engine, self.ctx.user, self.case.id, case_party_id=self.party.currentData(),
                           form=self.request_form.currentData(), reason=self.reason.toPlainText(),
                           requested_on=self.on.date().toPython(), **kw)
        except (ValueError, PermissionDenied) as exc:
            self.fail(error_text(exc))
            return
        self.accept()


class OverrideDialog(_CaseDialog):
    """Let a conflicted person take part anyway: the reason is recorded with what was found."""

    def __init__(self, ctx: AppContext, case: CaseBrief, person: Suggestion, parent=None) -> None:
        super().__init__(self.tr("回避事由放行"), parent)
        self.ctx, self.case, self.person = ctx, case, person
        found = QLabel("\n".join(tr_message(c.reason) for c in person.conflicts))
        found.setWordWrap(True)
        found.setObjectName("conflictReasons")
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("放行理由：如已向各方当事人说明并征得同意"))
        self.reason.setFixedHeight(80)
        self.form.addRow(self.tr("人员"), QLabel(f"{tr_code(person.kind_name)} {person.name}"))
        self.form.addRow(self.tr("回避事由"), found)
        self.form.addRow(self.tr("放行理由"), self.reason)

    def try_accept(self) -> None:
        kw = {"expert_id": self.person.id} if self.person.kind != "mediator" else {"user_id": self.person.id}
        try:
            override_conflict(self.ctx.engine, self.ctx.user, self.case.id, reason=self.reason.toPlainText(), **kw)
        except (ValueError, PermissionDenied) as exc:
            self.fail(error_text(exc))
            return
        self.accept()


class RelationsDialog(QDialog):
    """A mediator's declared relations (admin)."""

    def __init__(self, ctx: AppContext, user_id: int, name: str, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.user_id = ctx, user_id
        self.setWindowTitle(self.tr("申报的关系：%1").replace("%1", name))
        self.resize(720, 360)
        self.editor = RelationsEditor()
        self.editor.model.set_rows(list_relations(ctx.engine, ctx.user, user_id=user_id))
        editable = can(ctx.user, "experts.edit")
        self.editor.set_editable(editable)
        self.error = field_error()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel if editable
            else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("调解员申报的亲属、原单位等关系，提名调解员时与各方当事人比对。")))
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            save_user_relations(self.ctx.engine, self.ctx.user, self.user_id, self.editor.relations())
        except (ValueError, PermissionDenied) as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()


# --- Tabs --------------------------------------------------------------------------------------


class CaseTab(QWidget):
    """为案件选人: suggestions for a case, with the 回避 check before anyone is brought in."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: CaseBrief | None = None
        self._generation = 0
        self.case_number = QLineEdit(placeholderText=self.tr("案号，或案号中的流水号"))
        self.case_number.setObjectName("caseNumber")
        self.find_button = QPushButton(self.tr("查找案件"))
        self.case_number.returnPressed.connect(self.load_case)
        self.find_button.clicked.connect(self.load_case)
        self.case_info = QLabel(self.tr("输入案号后按回车：按委员会、专长匹配度和当前负荷推荐调解员与专家，并逐一审查回避事由。"))
        self.case_info.setWordWrap(True)
        self.case_error = field_error()

        self.mediator_model = SuggestionModel(self)
        self.mediator_table = _view(self.mediator_model, stretch=SuggestionCol.FIT)
        self.expert_model = SuggestionModel(self)
        self.expert_table = _view(self.expert_model, stretch=SuggestionCol.FIT)
        for table in (self.mediator_table, self.expert_table):
            table.setColumnWidth(SuggestionCol.NAME, 80)
            table.setColumnWidth(SuggestionCol.KIND, 70)
            table.setColumnWidth(SuggestionCol.DETAIL, 220)
            table.setColumnWidth(SuggestionCol.LOAD, 130)
            table.setColumnWidth(SuggestionCol.CONFLICT, 150)
        self.expert_table.doubleClicked.connect(self.invite_expert)

        self.invite_button = QPushButton(self.tr("邀请专家参与…"))
        self.choice_button = QPushButton(self.tr("当事人选定调解员…"))
        self.recusal_button = QPushButton(self.tr("回避申请…"))
        self.override_button = QPushButton(self.tr("放行…"))
        self.override_button.setToolTip(self.tr("有回避事由仍需参与的，写明理由后放行（调解员）"))
        self.override_button.setVisible(can(ctx.user, "cases.mediate"))
        self.grant_button = QPushButton(self.tr("准予回避"))
        self.refuse_button = QPushButton(self.tr("驳回申请…"))
        for b in (self.grant_button, self.refuse_button):
            b.setVisible(can(ctx.user, "cases.mediate"))
        # The director reads the suggestions; reception and mediators record the parties' answers.
        can_record = can(ctx.user, "intake") or can(ctx.user, "cases.mediate")
        for b in (self.invite_button, self.choice_button, self.recusal_button):
            b.setVisible(can_record)
        self.invite_button.clicked.connect(self.invite_expert)
        self.choice_button.clicked.connect(self.record_choice)
        self.recusal_button.clicked.connect(self.request_recusal)
        self.override_button.clicked.connect(self.override)
        self.grant_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button.clicked.connect(lambda: self.decide(False))

        self.refusal = QLabel()
        self.refusal.setObjectName("conflictReasons")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020;")
        self.refusal.hide()
        self.status = QLabel()

        self.safeguard_model = SafeguardModel(self)
        self.safeguard_table = _view(self.safeguard_model, stretch=4)
        self.safeguard_table.setColumnWidth(0, 90)
        self.safeguard_table.setColumnWidth(1, 140)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("案号")))
        top.addWidget(self.case_number, 2)
        top.addWidget(self.find_button)
        top.addStretch(1)
        actions = QHBoxLayout()
        for b in (self.invite_button, self.choice_button, self.recusal_button, self.override_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, table in ((self.tr("调解员（按适配度、负荷排序）"), self.mediator_table),
                             (self.tr("专家与律师（按适配度、负荷排序；红色为有回避事由）"), self.expert_table)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title))
            box_layout.addWidget(table)
            split.addWidget(box)
        record_box = QWidget()
        record_layout = QVBoxLayout(record_box)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_head = QHBoxLayout()
        record_head.addWidget(QLabel(self.tr("本案同意、选定、回避记录")))
        record_head.addStretch(1)
        record_head.addWidget(self.grant_button)
        record_head.addWidget(self.refuse_button)
        record_layout.addLayout(record_head)
        record_layout.addWidget(self.safeguard_table)
        split.addWidget(record_box)
        split.setSizes([200, 320, 140])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.case_info)
        layout.addWidget(self.case_error)
        layout.addLayout(actions)
        layout.addWidget(self.refusal)
        layout.addWidget(split, 1)

    # -- the case ---------------------------------------------------------------------------
    def load_case(self) -> None:
        self.case_error.hide()
        self.refusal.hide()
        try:
            case = find_case(self.ctx.engine, self.ctx.user, self.case_number.text())
        except PermissionDenied as exc:
            case = None
            self.case_error.setText(error_text(exc))
            self.case_error.show()
            return
        if case is None:
            self.case_error.setText(self.tr("找不到该案件（或该案不属于您的委员会；流水号对应多件时请输入完整案号）"))
            self.case_error.show()
            return
        self.show_case(case)

    def show_case(self, case: CaseBrief) -> None:
        self.case = case
        parties = list_separator().join(self.tr("%1%2").replace("%1", tr_code(p.role_name)).replace("%2", p.name)
                                        for p in case.parties)
        head = (self.tr("%1　%2　%3　%4").replace("%1", case.number)
                .replace("%2", COMMITTEE_SHORT.get(case.committee, case.committee))
                .replace("%3", DISPUTE_TYPES.get(case.dispute_type, case.dispute_type))
                .replace("%4", CASE_STATUSES.get(case.status, case.status)))
        self.case_info.setText(f"{head}\n{parties}\n{case.summary[:120]}")
        self.reload()

    def reload(self) -> None:
        """Suggestions off the GUI thread; the safeguard list at once."""
        if self.case is None:
            return
        self._generation += 1
        generation, case_id, engine, user = self._generation, self.case.id, self.ctx.engine, self.ctx.user
        today = date.today()
        self.status.setText(self.tr("正在推荐…"))

        def work():
            return suggestions_for_case(engine, user, case_id, today=today)

        def done(result) -> None:
            if generation != self._generation:
                return
            mediators, experts = result
            self.mediator_model.set_rows(mediators)
            self.expert_model.set_rows(experts)
            conflicted = sum(1 for s in experts if s.conflicted)
            self.status.setText(self.tr("推荐调解员 %1 人，专家 %2 人（其中 %3 人有回避事由）")
                                .replace("%1", str(len(mediators))).replace("%2", str(len(experts)))
                                .replace("%3", str(conflicted)))

        def failed(exc: BaseException) -> None:
            self.status.setText(self.tr("推荐失败：") + error_text(exc))

        self.ctx.tasks.run(work, on_done=done, on_error=failed)
        self.safeguard_model.set_rows(case_safeguards(self.ctx.engine, self.ctx.user, self.case.id))

    def _selected(self, table: QTableView, model: SuggestionModel) -> Suggestion | None:
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def selected_person(self) -> Suggestion | None:
        """The selected expert, else the selected mediator (whichever table had focus last)."""
        if self.mediator_table.hasFocus():
            return self._selected(self.mediator_table, self.mediator_model)
        return (self._selected(self.expert_table, self.expert_model)
                or self._selected(self.mediator_table, self.mediator_model))

    def _refuse(self, who: Suggestion, reasons: list[str]) -> None:
        who_text = self.tr("%1%2").replace("%1", tr_code(who.kind_name)).replace("%2", who.name)
        self.refusal.setText(self.tr("不能邀请%1参与本案，存在回避事由：").replace("%1", who_text)
                             + "\n" + "\n".join(f"· {tr_message(r)}" for r in reasons)
                             + ("\n" + self.tr("确需参与的，由调解员写明理由后“放行”。")))
        self.refusal.show()

    def _current_conflicts(self, person: Suggestion) -> list[str]:
        """Check again at the moment of inviting (the suggestions may be a minute old)."""
        kw = {"expert_id": person.id} if person.kind != "mediator" else {"user_id": person.id}
        with read_only(self.ctx.engine) as session:
            found = check_conflicts(session, self.case.id, **kw)
            return [c.reason for c in uncovered(session, self.case.id, found, **kw)]

    # -- actions -----------------------------------------------------------------------------
    def invite_expert(self, *_args) -> None:
        self.refusal.hide()
        expert = self._selected(self.expert_table, self.expert_model)
        if self.case is None or expert is None:
            self.status.setText(self.tr("请先查找案件并选中一位专家"))
            return
        reasons = self._current_conflicts(expert)
        if reasons:
            self._refuse(expert, reasons)
            return
        dialog = ConsentDialog(self.ctx, self.case, expert, self)
        if dialog.exec():
            self.status.setText(self.tr("已记录%n方当事人的意见", "", dialog.recorded))
            self.reload()
            self.changed.emit()

    def record_choice(self) -> None:
        self.refusal.hide()
        mediator = self._selected(self.mediator_table, self.mediator_model)
        if self.case is None or mediator is None:
            self.status.setText(self.tr("请先查找案件并选中一位调解员"))
            return
        reasons = self._current_conflicts(mediator)
        if reasons:
            self._refuse(mediator, reasons)
            return
        dialog = ChoiceDialog(self.ctx, self.case, mediator, self)
        if dialog.exec():
            self.status.setText(dialog.result_text)
            self.reload()

    def request_recusal(self) -> None:
        person = self.selected_person()
        if self.case is None or person is None:
            self.status.setText(self.tr("请先查找案件并选中申请回避的专家或调解员"))
            return
        if RecusalDialog(self.ctx, self.case, person, self).exec():
            self.status.setText(self.tr("已记录回避申请"))
            self.reload()

    def override(self) -> None:
        person = self.selected_person()
        if self.case is None or person is None:
            self.status.setText(self.tr("请先选中有回避事由的人员"))
            return
        if not person.conflicted:
            self.status.setText(self.tr("%1没有回避事由，无需放行").replace("%1", person.name))
            return
        if OverrideDialog(self.ctx, self.case, person, self).exec():
            self.refusal.hide()
            self.status.setText(self.tr("已记录放行理由"))
            self.reload()

    def decide(self, granted: bool) -> None:
        rows = self.safeguard_table.selectionModel().selectedRows()
        row = self.safeguard_model.row_at(rows[0].row()) if rows else None
        if row is None or row.kind != "recusal" or not row.pending:
            self.status.setText(self.tr("请在下方记录中选中一条待决定的回避申请"))
            return
        note = ""
        if not granted:
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("驳回回避申请"))
            text = QPlainTextEdit()
            text.setPlaceholderText(self.tr("驳回理由：为何不属于《医疗纠纷预防和处理条例》第三十七条规定的情形"))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(dialog.accept)
            buttons.rejected.connect(dialog.reject)
            box = QVBoxLayout(dialog)
            box.addWidget(text)
            box.addWidget(buttons)
            if not dialog.exec():
                return
            note = text.toPlainText()
        try:
            decide_recusal(self.ctx.engine, self.ctx.user, row.ref_id, granted=granted, note=note)
        except (ValueError, PermissionDenied) as exc:
            QMessageBox.warning(self, self.tr("回避申请"), error_text(exc))
            return
        self.status.setText(self.tr("已准予回避") if granted else self.tr("已驳回回避申请"))
        self.reload()


class ExpertsScreen(QWidget):
    title = "专家库"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("experts")
        self.ctx = ctx
        self.can_edit = can(ctx.user, "experts.edit")
        self._rows: dict[int, ExpertRow] = {}
        self.index = ExpertIndex([])

        # -- the pool tab -----------------------------------------------------------------
        self.search = QLineEdit(placeholderText=self.tr("姓名、拼音或首字母（如 jjs）、单位、专长、委员会（Ctrl+F）"))
        self.search.setObjectName("expertSearch")
        self.search.setClearButtonEnabled(True)
        self.kind = _combo(self.tr("全部类别"), EXPERT_KINDS)
        self.committee = _combo(self.tr("全部委员会"), COMMITTEE_SHORT)
        self.active = QComboBox()
        self.active.addItem(self.tr("仅启用"), True)
        self.active.addItem(self.tr("全部（含停用）"), None)
        self.active.addItem(self.tr("仅停用"), False)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.open_button = QPushButton(self.tr("详情(&O)"))
        self.new_button = QPushButton(self.tr("新增专家(&N)"))
        self.import_button = QPushButton(self.tr("导入Excel…"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.new_button.setVisible(self.can_edit)
        self.import_button.setVisible(self.can_edit)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.add_expert)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)

        self.model = ExpertTableModel(self)
        self.table = _view(self.model, stretch=ExpertCol.SPECIALTIES)
        # At least as wide as the header and, for the kind, its longest label (English is longer; the
        # employer has its tooltip).
        header = self.table.horizontalHeader()
        kind_width = max(self.table.fontMetrics().horizontalAdvance(k) for k in EXPERT_KINDS.values()) + 16
        for col, width in {ExpertCol.NAME: 64, ExpertCol.KIND: max(60, kind_width), ExpertCol.AGENCY: 150,
                           ExpertCol.TITLE: 88, ExpertCol.COMMITTEES: 106, ExpertCol.PHONE: 100,
                           ExpertCol.STATE: 60}.items():
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.table.doubleClicked.connect(self.open_selected)
        self.table.selectionModel().currentRowChanged.connect(self._show_summary)
        self.summary = QTextBrowser()
        self.summary.setObjectName("expertSummary")
        self.summary.setMinimumWidth(260)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for w in (self.kind, self.committee, self.active):
            filters.addWidget(w, 1)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.new_button, self.import_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.summary)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([850, 230])
        pool = QWidget()
        pool_layout = QVBoxLayout(pool)
        pool_layout.addLayout(filters)
        pool_layout.addLayout(buttons)
        pool_layout.addWidget(split, 1)

        # -- the duty roster tab ----------------------------------------------------------
        self.roster_model = RosterModel(self)
        self.roster_table = QTableView()
        self.roster_table.setModel(self.roster_model)
        self.roster_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.roster_table.verticalHeader().setDefaultSectionSize(64)
        self.roster_table.setWordWrap(True)
        self.today_label = QLabel()
        self.today_label.setObjectName("todayOnDuty")
        self.today_label.setWordWrap(True)
        roster = QWidget()
        roster_layout = QVBoxLayout(roster)
        roster_layout.addWidget(self.today_label)
        roster_layout.addWidget(self.roster_table, 1)
        roster_layout.addWidget(QLabel(self.tr("值班安排在专家详情中修改（系统管理员）。")))

        # -- the mediators tab ------------------------------------------------------------
        self.mediator_model = MediatorModel(self)
        self.mediator_table = _view(self.mediator_model, stretch=MediatorCol.NAME)
        self.mediator_table.setColumnWidth(MediatorCol.COMMITTEE, 120)
        for col in (MediatorCol.PHONE, MediatorCol.OPEN, MediatorCol.WEEK, MediatorCol.RELATIONS):
            width = self.mediator_table.horizontalHeader().sectionSizeHint(col)
            self.mediator_table.setColumnWidth(col, max(self.mediator_table.columnWidth(col), width))
        self.relations_button = QPushButton(self.tr("申报的关系…") if self.can_edit else self.tr("查看申报的关系…"))
        self.relations_button.clicked.connect(self.edit_mediator_relations)
        mediators = QWidget()
        mediator_layout = QVBoxLayout(mediators)
        mediator_layout.addWidget(QLabel(self.tr("各委员会在岗调解员及当前负荷（在办案件、本周已约调解场次）。")))
        mediator_layout.addWidget(self.mediator_table, 1)
        line = QHBoxLayout()
        line.addWidget(self.relations_button)
        line.addStretch(1)
        mediator_layout.addLayout(line)

        self.tabs = QTabWidget()
        self.tabs.addTab(pool, self.tr("专家名录"))
        self.tabs.addTab(roster, self.tr("律师值班表"))
        self.tabs.addTab(mediators, self.tr("各委员会调解员"))
        self.case_tab: CaseTab | None = None
        if can(ctx.user, "cases.read"):
            self.case_tab = CaseTab(ctx)
            self.tabs.addTab(self.case_tab, self.tr("为案件选人"))
        self.message = QLabel()
        self.message.setObjectName("ioMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.search.textChanged.connect(self.apply_search)
        for combo in (self.kind, self.committee, self.active):
            combo.currentIndexChanged.connect(self.apply_search)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, activated=self.open_selected,
                      context=Qt.ShortcutContext.WidgetShortcut)
        # Down from the search box goes to the results.
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, activated=self.table.setFocus,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.search.returnPressed.connect(self._enter_from_search)
        self.setTabOrder(self.search, self.kind)
        self.setTabOrder(self.kind, self.committee)
        self.setTabOrder(self.committee, self.active)
        self.setTabOrder(self.active, self.table)
        self.refresh()

    # -- data ---------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = list_experts(self.ctx.engine, self.ctx.user)
        self._rows = {r.id: r for r in rows}
        self.index = build_index(rows)
        self.apply_search()
        today = date.today()
        roster = duty_roster(self.ctx.engine, self.ctx.user)
        self.roster_model.set_roster(roster, today)
        self.roster_table.resizeRowsToContents()
        todays = on_duty(roster, today)
        self.today_label.setText(
            self.tr("今天（%1）值班：").replace("%1", weekday_name(today.weekday()))
            + (clause_separator().join(f"{e.duty.starts:%H:%M}–{e.duty.ends:%H:%M} {e.name}" for e in todays)
               or self.tr("无")))
        self.mediator_model.set_committees(mediators_by_committee(self.ctx.engine, self.ctx.user, today=today))

    def apply_search(self) -> None:
        ids = self.index.search_ids(self.search.text(), kind=self.kind.currentData(),
                                    committee=self.committee.currentData(), active=self.active.currentData())
        self.model.set_rows([self._rows[i] for i in ids])
        self.count_label.setText(self.tr("共 %n 人", "", len(ids)))
        if ids:
            self.table.selectRow(0)
        else:
            self.summary.clear()

    def selected(self) -> ExpertRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show_summary(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            self.summary.clear()
            return
        r = self.model.row_at(current.row())
        facts = [EXPERT_KINDS.get(r.kind, r.kind)]
        if r.sex_name:
            facts.append(tr_code(r.sex_name))
        if r.retired:
            facts.append(self.tr("已退休"))
        if not r.active:
            inactive = self.tr("已停用")
            facts.append(f"<b>{inactive}</b>")
        # (No self.tr() inside f-strings: lupdate does not see it there.)
        separator, hint = self.tr("，"), self.tr("回车或双击查看详情")
        lines = [f"<h3>{_html(r.name)}</h3>", f"<p>{separator.join(facts)}</p>"]
        for label, value in ((self.tr("工作单位"), r.agency), (self.tr("原工作单位"), r.former_agency),
                             (self.tr("职称/职务"), r.title), (self.tr("专长"), list_separator().join(r.specialties)),
                             (self.tr("服务委员会"), committee_names(r.committees)), (self.tr("电话"), r.phone),
                             (self.tr("值班"), clause_separator().join(duty_label(d) for d in r.duties)),
                             (self.tr("备注"), r.notes)):
            if value:
                caption = self.tr("%1：").replace("%1", label)
                lines.append(f"<p><b>{caption}</b>{_html(value)}</p>")
        lines.append(f"<p style='color:#666'>{hint}</p>")
        self.summary.setHtml("".join(lines))

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _enter_from_search(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.open_selected()

    # -- actions ------------------------------------------------------------------------
    def open_selected(self, *_args) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ExpertDetailDialog(self.ctx, row.id, self)
        dialog.exec()
        if dialog.saved_id is not None:
            self.refresh()
            self.select_expert(dialog.saved_id)

    def add_expert(self) -> None:
        dialog = ExpertDetailDialog(self.ctx, None, self)
        dialog.exec()
        if dialog.saved_id is not None:
            self.search.clear()
            self.refresh()
            self.select_expert(dialog.saved_id)

    def select_expert(self, expert_id: int) -> None:
        for r, row in enumerate(self.model.rows()):
            if row.id == expert_id:
                self.table.selectRow(r)
                return

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入专家库"), str(Path.home()),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import off the GUI thread; a rejected file shows every bad row."""
        self.message.setText(self.tr("正在导入…"))
        self.import_button.setEnabled(False)

        def done(result) -> None:
            self.import_button.setEnabled(True)
            self.message.setText(tr_message(result.message))
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            if isinstance(exc, ImportRejected):
                self.message.setText(self.tr("导入失败，未导入任何数据"))
                self.report = ImportReportDialog(exc.errors, self)
                self.report.open()
            else:
                self.message.setText(self.tr("导入失败：") + error_text(exc))

        self.ctx.tasks.run(import_experts, self.ctx.engine, self.ctx.user, path, on_done=done, on_error=failed)

    def choose_export(self) -> None:
        stem = self.tr("专家库名册")
        default = str(Path.home() / f"{stem}-{date.today():%Y%m%d}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出专家库"), default, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.export_file(path if path.endswith(".xlsx") else path + ".xlsx")

    def export_file(self, path: str) -> None:
        """The experts now listed (search and filters applied), in their order."""
        ids = [r.id for r in self.model.rows()]
        self.message.setText(self.tr("正在导出…"))

        def done(_data) -> None:
            self.message.setText(self.tr("已导出 %n 人：%1", "", len(ids)).replace("%1", path))

        def failed(exc: BaseException) -> None:
            self.message.setText(self.tr("导出失败：") + error_text(exc))

        self.ctx.tasks.run(export_experts, self.ctx.engine, self.ctx.user, path, ids=ids, on_done=done,
                           on_error=failed)

    def edit_mediator_relations(self) -> None:
        rows = self.mediator_table.selectionModel().selectedRows()
        mediator = self.mediator_model.mediator_at(rows[0].row()) if rows else None
        if mediator is None:
            self.message.setText(self.tr("请先选中一位调解员"))
            return
        if RelationsDialog(self.ctx, mediator.id, mediator.full_name, self).exec():
            self.refresh()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
