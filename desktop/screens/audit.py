"""审计日志: who did what and when, filtered, newest first, loaded page by page; the
selected entry's before/after values side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.audit_view import (
    ACTION_GROUPS,
    ENTITY_NAMES,
    PAGE_SIZE,
    AuditFilter,
    AuditRow,
    audit_usernames,
    count_audit,
    pretty_json,
    search_audit,
)
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.texts import join_list
from desktop.vocab import tr_code


class Col(IntEnum):
    AT = 0
    USER = 1
    GROUP = 2
    ACTION = 3
    TARGET = 4
    DETAIL = 5
    WORKSTATION = 6


HEADERS = {
    Col.AT: QT_TRANSLATE_NOOP("AuditTableModel", "时间"),
    Col.USER: QT_TRANSLATE_NOOP("AuditTableModel", "用户"),
    Col.GROUP: QT_TRANSLATE_NOOP("AuditTableModel", "类别"),
    Col.ACTION: QT_TRANSLATE_NOOP("AuditTableModel", "操作代码"),
    Col.TARGET: QT_TRANSLATE_NOOP("AuditTableModel", "对象"),
    Col.DETAIL: QT_TRANSLATE_NOOP("AuditTableModel", "说明"),
    Col.WORKSTATION: QT_TRANSLATE_NOOP("AuditTableModel", "工作站"),
}

PageLoader = Callable[[int, int], list[AuditRow]]


class AuditTableModel(QAbstractTableModel):
    """Keeps the entries fetched so far; the view asks for the next page near the end.
    ``data()`` never queries."""

    def __init__(self, load_page: PageLoader, parent=None) -> None:
        super().__init__(parent)
        self._load_page = load_page
        self._rows: list[AuditRow] = []
        self._exhausted = True

    def reset(self) -> None:
        self.beginResetModel()
        self._rows = self._load_page(0, PAGE_SIZE)
        self._exhausted = len(self._rows) < PAGE_SIZE
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = True
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 — Qt signature
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._load_page(len(self._rows), PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[Col(section)])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == Col.DETAIL:
            return row.detail[:300] or None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def row_at(self, r: int) -> AuditRow:
        return self._rows[r]


def _display(row: AuditRow, col: Col) -> str:
    match col:
        case Col.AT:
            return row.at.strftime("%Y-%m-%d %H:%M:%S")
        case Col.USER:
            return row.username
        case Col.GROUP:
            return tr_code(row.action_name)
        case Col.ACTION:
            return row.action
        case Col.TARGET:
            return _target(row)
        case Col.DETAIL:
            return row.detail
        case Col.WORKSTATION:
            return row.workstation


def _target(row: AuditRow) -> str:
    """"案件 #12" (AuditRow.target) with the object's name in the UI's language."""
    if not row.entity:
        return ""
    return tr_code(row.entity_name) + (f" #{row.entity_id}" if row.entity_id is not None else "")


class AuditScreen(QWidget):
    title = "审计日志"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit")
        self.ctx = ctx
        self._filter = AuditFilter()
        self._count_generation = 0

        self.date_from = _date_edit(self.tr("起始日期"))
        self.date_to = _date_edit(self.tr("截止日期"))
        self.user = QComboBox()
        self.user.addItem(self.tr("全部用户"), "")
        self.action = QComboBox()
        self.action.addItem(self.tr("全部操作"), "")
        for code, label in ACTION_GROUPS.items():
            self.action.addItem(tr_code(label), code)
        self.entity = QComboBox()
        self.entity.addItem(self.tr("全部对象"), "")
        for code, label in ENTITY_NAMES.items():
            self.entity.addItem(tr_code(label), code)
        self.entity_id = QLineEdit(placeholderText=self.tr("编号"))
        self.entity_id.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}"), self.entity_id))
        self.entity_id.setMaximumWidth(80)
        self.text = QLineEdit(placeholderText=self.tr("说明、用户或变更内容中的关键词（Ctrl+F）"))
        self.text.setClearButtonEnabled(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("时间")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("—"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.user, 1)
        filters.addWidget(self.action, 1)
        filters.addWidget(self.entity, 1)
        filters.addWidget(self.entity_id)
        filters.addWidget(self.text, 3)

        self.model = AuditTableModel(self._load_page, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The area column fits its longest name (English ones are longer).
        group_width = max(self.table.fontMetrics().horizontalAdvance(tr_code(label)) for label in ACTION_GROUPS.values())
        for col, width in {Col.AT: 150, Col.USER: 100, Col.GROUP: max(90, group_width + 14), Col.ACTION: 150,
                           Col.TARGET: 110, Col.DETAIL: 240, Col.WORKSTATION: 110}.items():
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(Col.DETAIL, QHeaderView.ResizeMode.Stretch)

        # The detail pane: the entry's heading, then before | after.
        self.detail_title = QLabel(self.tr("选择一条记录查看变更前后的内容"))
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        self.changed = QLabel()
        self.changed.setObjectName("hint")
        self.changed.setWordWrap(True)
        self.before = _json_view()
        self.before.setObjectName("auditBefore")
        self.after = _json_view()
        self.after.setObjectName("auditAfter")
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.detail_title, 0, 0, 1, 2)
        grid.addWidget(self.changed, 1, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("变更前")), 2, 0)
        grid.addWidget(QLabel(self.tr("变更后")), 2, 1)
        grid.addWidget(self.before, 3, 0)
        grid.addWidget(self.after, 3, 1)
        grid.setRowStretch(3, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)

        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._debounce.start)
        self.entity_id.textChanged.connect(self._debounce.start)
        for combo in (self.user, self.action, self.entity):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(lambda: self._show_detail(QModelIndex()))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.text.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)

        for a, b in ((self.date_from, self.date_to), (self.date_to, self.user), (self.user, self.action),
                     (self.action, self.entity), (self.entity, self.entity_id), (self.entity_id, self.text),
                     (self.text, self.table), (self.table, self.before), (self.before, self.after)):
            self.setTabOrder(a, b)
        self._load_usernames()
        self.refresh()

    # -- data ------------------------------------------------------------------------
    def _load_usernames(self) -> None:
        try:
            names = audit_usernames(self.ctx.engine, self.ctx.user)
        except Exception as exc:  # noqa: BLE001 — shown beside the filters
            self._show_error(error_text(exc))
            return
        self.user.blockSignals(True)
        for name in names:
            self.user.addItem(name, name)
        self.user.blockSignals(False)

    def _load_page(self, offset: int, limit: int) -> list[AuditRow]:
        f = self._filter
        return search_audit(self.ctx.engine, self.ctx.user, date_from=f.date_from, date_to=f.date_to,
                            username=f.username, action_prefix=f.action_prefix, entity=f.entity,
                            entity_id=f.entity_id, text=f.text, offset=offset, limit=limit)

    def current_filter(self) -> AuditFilter:
        date_from, date_to = _date_of(self.date_from), _date_of(self.date_to)
        digits = self.entity_id.text().strip()
        return AuditFilter(date_from=date_from, date_to=date_to, username=self.user.currentData() or "",
                           action_prefix=self.action.currentData() or "", entity=self.entity.currentData() or "",
                           entity_id=int(digits) if digits else None, text=self.text.text())

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.refresh()

    def refresh(self) -> None:
        self._filter = self.current_filter()
        if self._filter.date_from and self._filter.date_to and self._filter.date_from > self._filter.date_to:
            self._show_error(self.tr("起始日期不能晚于截止日期"))
            self.model.clear()
            self.count_label.setText("")
            return
        try:
            self.model.reset()
        except Exception as exc:  # noqa: BLE001 — e.g. no permission; shown, not swallowed
            self._show_error(error_text(exc))
            self.model.clear()
            return
        self._show_error("")
        self._count_generation += 1
        generation = self._count_generation
        shown = self.model.rowCount()
        self.count_label.setText(self.tr("正在统计…") if shown >= PAGE_SIZE else self.tr("共 %n 条", "", shown))
        if shown < PAGE_SIZE:
            return
        engine, user, f = self.ctx.engine, self.ctx.user, self._filter

        def show(total: int) -> None:
            if generation == self._count_generation:
                self.count_label.setText(self.tr("共 %n 条", "", total))

        self.ctx.tasks.run(count_audit, engine, user, f, on_done=show)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.detail_title.setText(self.tr("选择一条记录查看变更前后的内容"))
            self.changed.setText("")
            self.before.setPlainText("")
            self.after.setPlainText("")
            return
        row = self.model.row_at(current.row())
        parts = [row.at.strftime("%Y-%m-%d %H:%M:%S"), row.username,
                 self.tr("%1（%2）").replace("%1", tr_code(row.action_name)).replace("%2", row.action)]
        if row.target:
            parts.append(_target(row))
        if row.workstation:
            parts.append(self.tr("工作站 %1").replace("%1", row.workstation))
        # The parts are separated by an ideographic space in Chinese, two spaces in English.
        self.detail_title.setText(self.tr("　").join(parts) + (f"\n{row.detail}" if row.detail else ""))
        keys = _changed_keys(row.before, row.after)
        self.changed.setText(self.tr("变更字段：%1").replace("%1", join_list(keys)) if keys else "")
        self.before.setPlainText(pretty_json(row.before) or self.tr("（无）"))
        self.after.setPlainText(pretty_json(row.after) or self.tr("（无）"))

    def selected(self) -> AuditRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None


def _changed_keys(before: dict | None, after: dict | None) -> list[str]:
    before, after = before or {}, after or {}
    if not before or not after:
        return []
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def _json_view() -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setTabChangesFocus(True)
    return view


def _date_edit(placeholder: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setSpecialValueText(placeholder)  # shown at the minimum date: "no limit"
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(edit.minimumDate())
    edit.setToolTip(QCoreApplication.translate("AuditScreen", "%1（清空：选最早日期）").replace("%1", placeholder))
    return edit


def _date_of(edit: QDateEdit) -> date | None:
    if edit.date() == edit.minimumDate():
        return None
    return edit.date().toPython()
