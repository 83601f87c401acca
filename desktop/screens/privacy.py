"""个人信息保护 (admin): anonymise cases archived long ago, and export everything held about one
person. Both go through core.privacy, which checks the permission and writes the audit entries;
this screen only collects the input and asks for confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied
from core.privacy import (
    AnonymisableCase,
    AnonymiseResult,
    PersonExport,
    anonymisable_cases,
    anonymise_cases,
    export_person,
    export_summary,
)
from core.settings import read_settings
from desktop.context import AppContext
from desktop.messages import error_text, tr_message
from desktop.texts import join_list
from desktop.vocab import tr_code
from desktop.widgets.field_errors import field_error

_HEADERS = (QT_TRANSLATE_NOOP("_CaseModel", "案号"), QT_TRANSLATE_NOOP("_CaseModel", "委员会"),
            QT_TRANSLATE_NOOP("_CaseModel", "状态"), QT_TRANSLATE_NOOP("_CaseModel", "登记日期"),
            QT_TRANSLATE_NOOP("_CaseModel", "归档日期"), QT_TRANSLATE_NOOP("_CaseModel", "当事人数"))


class _CaseModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AnonymisableCase] = []

    def set_rows(self, rows: list[AnonymisableCase]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AnonymisableCase]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        return (r.number, tr_code(r.committee_name), tr_code(r.status_name), r.received_on.isoformat(), r.archived_on.isoformat(),
                str(r.parties))[index.column()]


class PrivacyScreen(QWidget):
    title = "个人信息保护"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacy")
        self.ctx = ctx
        # Seams for tests: the confirmation and the file chooser.
        self.confirm: Callable[[str], bool] = self._confirm
        self.choose_path: Callable[[str], str] = self._choose_path

        # -- anonymisation -------------------------------------------------------------
        self.years_label = QLabel()
        self.years_label.setWordWrap(True)
        self.model = _CaseModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        self.anonymise_button = QPushButton(self.tr("匿名化所选案件…"))
        self.anonymise_button.setObjectName("anonymiseButton")
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        self.anonymise_message = QLabel(objectName="anonymiseMessage")
        self.anonymise_message.setWordWrap(True)
        self.anonymise_error = field_error()
        anon_box = QGroupBox(self.tr("匿名化已归档案件（个人信息保护法第十九条、第四十七条）"))
        box = QVBoxLayout(anon_box)
        box.addWidget(self.years_label)
        box.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.anonymise_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.anonymise_message)
        box.addWidget(self.anonymise_error)

        # -- export --------------------------------------------------------------------
        self.id_number = QLineEdit(placeholderText=self.tr("身份证号码或其他证件号码"))
        self.name = QLineEdit(placeholderText=self.tr("无证件号码时：姓名"))
        self.phone = QLineEdit(placeholderText=self.tr("无证件号码时：电话"))
        self.export_button = QPushButton(self.tr("导出此人的全部信息…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.export_message = QLabel(objectName="exportMessage")
        self.export_message.setWordWrap(True)
        self.export_error = field_error()
        export_box = QGroupBox(self.tr("导出个人信息（个人信息保护法第四十五条：个人有权查阅、复制其个人信息）"))
        form = QFormLayout(export_box)
        form.addRow(self.tr("证件号码"), self.id_number)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow("", self.export_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.export_message)

        layout = QVBoxLayout(self)
        layout.addWidget(anon_box, 3)
        layout.addWidget(export_box, 2)
        self.refresh()

    # -- anonymisation ---------------------------------------------------------------------
    def refresh(self) -> None:
        years = read_settings(self.ctx.engine, self.ctx.user).get("anonymise_after_years", "5")
        self.years_label.setText(self.tr(
            "归档满%n年的案件可以匿名化：自然人当事人的姓名改为“当事人甲、乙……”，证件号码、电话、住址、出生日期等清除，"
            "案情、陈述、协议内容等文字改为“（已匿名化）”，附件删除；统计数字不变。此操作不可撤销。", "", int(years)))
        self.model.set_rows(anonymisable_cases(self.ctx.engine, self.ctx.user))
        self.anonymise_button.setEnabled(bool(self.model.rows()))

    def selected_cases(self) -> list[AnonymisableCase]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [self.model.rows()[i.row()] for i in sorted(rows, key=lambda i: i.row())]

    def anonymise_selected(self) -> AnonymiseResult | None:
        self.anonymise_error.hide()
        chosen = self.selected_cases()
        if not chosen:
            self._fail(self.anonymise_error, self.tr("请先在表中选择要匿名化的案件"))
            return None
        numbers = join_list(c.number for c in chosen[:5])
        if len(chosen) > 5:
            numbers = self.tr("%1等").replace("%1", numbers)
        question = self.tr("确定将%n件案件（%1）匿名化？\n\n匿名化后无法恢复当事人的个人信息。", "", len(chosen)).replace(
            "%1", numbers)
        if not self.confirm(question):
            return None
        try:
            result = anonymise_cases(self.ctx.engine, self.ctx.user, [c.case_id for c in chosen])
        except (ValueError, PermissionDenied) as exc:
            self._fail(self.anonymise_error, error_text(exc))
            return None
        self.refresh()
        self.anonymise_message.setText(self.tr("已匿名化%n件案件：%1个当事人信息已清除，%2个与其他案件共用的当事人另建匿名记录，"
                                               "删除附件%3个。", "", len(result.cases))
                                       .replace("%1", str(result.parties_anonymised))
                                       .replace("%2", str(result.parties_split))
                                       .replace("%3", str(result.attachments_deleted)))
        return result

    # -- export ----------------------------------------------------------------------------
    def export(self) -> PersonExport | None:
        self.export_error.hide()
        self.export_message.clear()
        id_number, name, phone = self.id_number.text().strip(), self.name.text().strip(), self.phone.text().strip()
        if not id_number and not (name and phone):
            self._fail(self.export_error, self.tr("请填写证件号码，或同时填写姓名和电话"))
            return None
        stem = self.tr("个人信息")
        path = self.choose_path(f"{stem}-{id_number[-4:] if id_number else name}.json")
        if not path:
            return None
        try:
            result = export_person(self.ctx.engine, self.ctx.user, id_number=id_number or None,
                                   name=name or None, phone=phone or None, out=path)
        except (LookupError, ValueError, PermissionDenied) as exc:
            self._fail(self.export_error, error_text(exc))
            return None
        self.export_message.setText(self.tr("已导出到 %1：%2").replace("%1", str(Path(path)))
                                    .replace("%2", tr_message(export_summary(result))))
        return result

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _fail(label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.warning(self, self.tr("确认匿名化"), question,
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                     QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _choose_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出个人信息"), suggested,
                                                    self.tr("JSON 文件 (*.json)"))
        return path
