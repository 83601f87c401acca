"""专家详情: one expert of the pool — view for everyone who may read the pool, edit for the
admin (each problem shown beside its field), with the weekly duty slots of the legal pool and
the relations the expert declared (checked against every case's parties for 回避).

Mainly opened from the expert list (Enter or double-click) inside :class:`ExpertDetailDialog`;
opened from the navigation it shows the first expert and a picker to change.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied, can
from core.experts import (
    LEGAL_KINDS,
    DutyRow,
    ExpertDetail,
    ExpertForm,
    ExpertRow,
    RelationRow,
    first_expert_id,
    get_expert,
    list_experts,
    save_expert,
    split_list,
    validate_duties,
    validate_expert_form,
    validate_relation,
)
from core.messages import message_of
from desktop.context import AppContext
from desktop.drafts import FormDraft
from desktop.messages import error_text, tr_message
from desktop.texts import list_separator, weekday_name
from desktop.vocab import COMMITTEE_SHORT, EXPERT_KINDS, ROOM_KINDS, SEXES
from desktop.widgets.field_errors import field_error

FIELDS = ("name", "kind", "sex", "agency", "former_agency", "title", "specialties", "committees", "phone",
          "notes", "duties", "relations")

# --- Texts shared by the expert screens ------------------------------------------------------
# core.experts builds these in Chinese (the CLI and the Excel export use them); on screen they are
# put together here from the row's fields, in the UI's language (context "ExpertText").


def duty_label(d: DutyRow) -> str:
    """"周一 09:00–12:00（律师值班室）", as core.experts.DutyRow.label() in the UI's language."""
    slot = f"{weekday_name(d.weekday)} {d.starts:%H:%M}–{d.ends:%H:%M}"
    if not d.room_name:
        return slot
    return QCoreApplication.translate("ExpertText", "%1（%2）").replace("%1", slot).replace("%2", d.room_name)


def committee_names(codes: tuple[str, ...] | list[str]) -> str:
    return list_separator().join(COMMITTEE_SHORT.get(c, c) for c in codes)


def agency_display(row: ExpertRow) -> str:
    """Where they work, or "原…" where they worked (retired experts)."""
    if row.agency:
        return row.agency
    if not row.former_agency:
        return ""
    return QCoreApplication.translate("ExpertText", "原%1").replace("%1", row.former_agency)


class DutyModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("DutyModel", "值班日"), QT_TRANSLATE_NOOP("DutyModel", "开始"),
               QT_TRANSLATE_NOOP("DutyModel", "结束"), QT_TRANSLATE_NOOP("DutyModel", "地点"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DutyRow] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda d: (d.weekday, d.starts))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        d = self.rows[index.row()]
        # No room given: the lawyers' duty room (the room kind, so it reads in the UI's language).
        return (weekday_name(d.weekday), f"{d.starts:%H:%M}", f"{d.ends:%H:%M}",
                d.room_name or ROOM_KINDS["lawyer"])[index.column()]


class RelationModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("RelationModel", "关系人或单位"), QT_TRANSLATE_NOOP("RelationModel", "关系"),
               QT_TRANSLATE_NOOP("RelationModel", "证件号码/统一社会信用代码"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[RelationRow] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        return (r.name, r.relation, r.id_number)[index.column()]


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(110)
    return view


class RelationsEditor(QWidget):
    """The declared relations: a list, a line to add one, a button to remove the selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RelationModel(self)
        self.table = _table(self.model)
        self.name = QLineEdit(placeholderText=self.tr("姓名或单位名称"))
        self.relation = QLineEdit(placeholderText=self.tr("关系：配偶、近亲属、原工作单位、股东…"))
        self.id_number = QLineEdit(placeholderText=self.tr("身份证号或统一社会信用代码（可不填）"))
        self.add_button = QPushButton(self.tr("添加关系"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.error = field_error()
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        line = QHBoxLayout()
        line.addWidget(self.name, 2)
        line.addWidget(self.relation, 2)
        line.addWidget(self.id_number, 2)
        line.addWidget(self.add_button)
        line.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.input_row = QWidget()
        self.input_row.setLayout(line)
        line.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input_row)
        layout.addWidget(self.error)

    def set_editable(self, editable: bool) -> None:
        self.input_row.setVisible(editable)

    def add(self) -> bool:
        rel = RelationRow(self.name.text().strip(), self.relation.text().strip(), self.id_number.text().strip())
        problem = validate_relation(rel)
        self.error.setText(tr_message(problem))
        self.error.setVisible(bool(problem))
        if problem:
            return False
        self.model.set_rows([*self.model.rows, rel])
        for edit in (self.name, self.relation, self.id_number):
            edit.clear()
        self.name.setFocus()
        return True

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            kept = [r for i, r in enumerate(self.model.rows) if i != rows[0].row()]
            self.model.set_rows(kept)

    def relations(self) -> tuple[RelationRow, ...]:
        return tuple(self.model.rows)


class ExpertDetailScreen(QWidget):
    title = "专家详情"
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, expert_id: int | None = None,
                 new: bool = False, with_picker: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("expert_detail")
        self.ctx = ctx
        self._with_picker = with_picker
        self.editable = can(ctx.user, "experts.edit")
        self.expert: ExpertDetail | None = None

        self.picker = QComboBox()
        self.picker.setObjectName("expertPicker")
        self.picker.setMinimumWidth(260)
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.picker.activated.connect(self._picked)
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")

        self.name = QLineEdit()
        self.kind = QComboBox()
        for code, label in EXPERT_KINDS.items():
            self.kind.addItem(label, code)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("（未填）"), None)
        for code, label in SEXES.items():
            self.sex.addItem(label, code)
        self.agency = QLineEdit()
        self.former_agency = QLineEdit()
        self.title_edit = QLineEdit()
        self.specialties = QLineEdit(placeholderText=self.tr("多个专长用顿号“、”分开"))
        self.phone = QLineEdit()
        self.retired = QCheckBox(self.tr("已退休"))
        self.active = QCheckBox(self.tr("启用（可被邀请参与调解）"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.committee_boxes: dict[str, QCheckBox] = {}
        committees = QGridLayout()
        for i, (code, name) in enumerate(COMMITTEE_SHORT.items()):
            box = QCheckBox(name)
            self.committee_boxes[code] = box
            committees.addWidget(box, i // 6, i % 6)
        self.errors = {key: field_error() for key in FIELDS}

        # Duty slots (lawyers and legal workers).
        self.duty_model = DutyModel(self)
        self.duty_table = _table(self.duty_model)
        self.duty_day = QComboBox()
        for i in range(7):
            self.duty_day.addItem(weekday_name(i), i)
        self.duty_start = QTimeEdit(QTime(9, 0))
        self.duty_end = QTimeEdit(QTime(12, 0))
        for edit in (self.duty_start, self.duty_end):
            edit.setDisplayFormat("HH:mm")
        self.duty_add = QPushButton(self.tr("添加值班"))
        self.duty_remove = QPushButton(self.tr("删除所选"))
        self.duty_add.clicked.connect(self.add_duty)
        self.duty_remove.clicked.connect(self.remove_duty)
        duty_line = QHBoxLayout()
        for w in (self.duty_day, self.duty_start, QLabel("—"), self.duty_end, self.duty_add, self.duty_remove):
            duty_line.addWidget(w)
        duty_line.addStretch(1)
        self.duty_inputs = QWidget()
        self.duty_inputs.setLayout(duty_line)
        duty_line.setContentsMargins(0, 0, 0, 0)
        self.duty_box = QGroupBox(self.tr("律师值班（每周）"))
        duty_layout = QVBoxLayout(self.duty_box)
        duty_layout.addWidget(self.duty_table)
        duty_layout.addWidget(self.duty_inputs)
        duty_layout.addWidget(self.errors["duties"])

        self.relations = RelationsEditor()
        relation_box = QGroupBox(self.tr("申报的关系（用于回避审查）"))
        relation_layout = QVBoxLayout(relation_box)
        relation_layout.addWidget(self.relations)
        relation_layout.addWidget(self.errors["relations"])

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def row(label: str, widget: QWidget, key: str | None) -> None:
            form.addRow(label, widget)
            if key:
                form.addRow("", self.errors[key])

        row(self.tr("姓名"), self.name, "name")
        kind_sex = QHBoxLayout()
        kind_sex.addWidget(self.kind)
        kind_sex.addWidget(QLabel(self.tr("性别")))
        kind_sex.addWidget(self.sex)
        kind_sex.addStretch(1)
        holder = QWidget()
        holder.setLayout(kind_sex)
        kind_sex.setContentsMargins(0, 0, 0, 0)
        row(self.tr("类别"), holder, "kind")
        form.addRow("", self.errors["sex"])
        row(self.tr("工作单位"), self.agency, "agency")
        row(self.tr("原工作单位"), self.former_agency, "former_agency")
        row(self.tr("职称/职务"), self.title_edit, "title")
        row(self.tr("专长"), self.specialties, "specialties")
        committee_holder = QWidget()
        committee_holder.setLayout(committees)
        committees.setContentsMargins(0, 0, 0, 0)
        row(self.tr("服务委员会"), committee_holder, "committees")
        row(self.tr("联系电话"), self.phone, "phone")
        flags = QHBoxLayout()
        flags.addWidget(self.retired)
        flags.addWidget(self.active)
        flags.addStretch(1)
        flag_holder = QWidget()
        flag_holder.setLayout(flags)
        flags.setContentsMargins(0, 0, 0, 0)
        row(self.tr("状态"), flag_holder, None)
        row(self.tr("备注"), self.notes, "notes")

        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("放弃修改"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.message = QLabel()
        self.message.setObjectName("saveMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(form)
        body.addWidget(self.duty_box)
        body.addWidget(relation_box)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        if with_picker:
            top.addWidget(QLabel(self.tr("选择专家")))
            top.addWidget(self.picker)
        else:
            self.picker.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._set_editable(self.editable)
        # Standing alone, the screen keeps a draft per expert (in a dialog, the dialog keeps it).
        self.draft = FormDraft(self, self.draft_fields(), None, ctx.user.username, hint=self.message) \
            if with_picker and self.editable else None
        if with_picker:
            self._fill_picker()
        if new:
            self.start_new()
        else:
            self.load(expert_id if expert_id is not None else first_expert_id(ctx.engine, ctx.user))

    # -- loading ---------------------------------------------------------------------------
    def _fill_picker(self) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for r in list_experts(self.ctx.engine, self.ctx.user):
            label = (self.tr("%1（%2，%3）").replace("%1", r.name).replace("%2", EXPERT_KINDS.get(r.kind, r.kind))
                     .replace("%3", agency_display(r) or "—"))
            self.picker.addItem(label if r.active else self.tr("%1［停用］").replace("%1", label), r.id)
        self.picker.blockSignals(False)

    def _picked(self, index: int) -> None:
        expert_id = self.picker.itemData(index)
        if expert_id is not None:
            self.load(int(expert_id))

    def refresh(self) -> None:
        if self._with_picker:
            self._fill_picker()
        if self.expert is not None:
            self.load(self.expert.id)

    def draft_fields(self) -> dict[str, QWidget]:
        """The inputs a draft keeps (the duty slots and relations are saved as they are added)."""
        return {"name": self.name, "kind": self.kind, "sex": self.sex, "agency": self.agency,
                "former_agency": self.former_agency, "title": self.title_edit, "specialties": self.specialties,
                "phone": self.phone, "retired": self.retired, "active": self.active, "notes": self.notes,
                **{f"committee_{c}": b for c, b in self.committee_boxes.items()}}

    def load(self, expert_id: int | None) -> None:
        self._clear_errors()
        self.message.clear()
        if expert_id is None:
            self.expert = None
            self.heading.setText(self.tr("专家库中还没有专家：请新增") if self.editable else self.tr("专家库中还没有专家"))
            self._show_record(None, "expert_new")
            return
        expert = get_expert(self.ctx.engine, self.ctx.user, expert_id)
        self._show_record(expert, f"expert_{expert_id}")
        at = self.picker.findData(expert_id)
        if at >= 0:
            self.picker.setCurrentIndex(at)

    def start_new(self) -> None:
        self._clear_errors()
        self.message.clear()
        self._show_record(None, "expert_new")
        self.heading.setText(self.tr("新增专家"))
        self.name.setFocus()

    def _show_record(self, expert: ExpertDetail | None, key: str) -> None:
        """Fill in ``expert`` (None: a new one); what was typed for the previous one stays in its
        draft, and a draft left for this one is put back (the message says so)."""
        if self.draft is not None:
            self.draft.flush()
            self.draft.keeper.paused = True
        try:
            self.expert = expert
            self._fill(expert)
        finally:
            if self.draft is not None:
                self.draft.keeper.paused = False
        if self.draft is not None:
            self.draft.open(key)

    def _fill(self, e: ExpertDetail | None) -> None:
        if e is not None:
            heading = self.tr("%1　%2") if e.active else self.tr("%1　%2（已停用）")
            self.heading.setText(heading.replace("%1", e.name).replace("%2", EXPERT_KINDS.get(e.kind, e.kind)))
        self.name.setText(e.name if e else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(e.kind if e else "expert")))
        self.sex.setCurrentIndex(max(0, self.sex.findData(e.sex if e else None)))
        self.agency.setText(e.agency if e else "")
        self.former_agency.setText(e.former_agency if e else "")
        self.title_edit.setText(e.title if e else "")
        # The edit box keeps "、" in either language: split_list() also takes commas, and the
        # specialties are Chinese data.
        self.specialties.setText("、".join(e.specialties) if e else "")
        self.phone.setText(e.phone if e else "")
        self.retired.setChecked(bool(e and e.retired))
        self.active.setChecked(e.active if e else True)
        self.notes.setPlainText(e.notes if e else "")
        for code, box in self.committee_boxes.items():
            box.setChecked(bool(e and code in e.committees))
        self.duty_model.set_rows(e.duties if e else ())
        self.relations.model.set_rows(e.relations if e else ())
        self._kind_changed()

    def _set_editable(self, editable: bool) -> None:
        for edit in (self.name, self.agency, self.former_agency, self.title_edit, self.specialties, self.phone):
            edit.setReadOnly(not editable)
        self.notes.setReadOnly(not editable)
        for w in (self.kind, self.sex, self.retired, self.active, *self.committee_boxes.values()):
            w.setEnabled(editable)
        self.duty_inputs.setVisible(editable)
        self.relations.set_editable(editable)
        self.save_button.setVisible(editable)
        self.revert_button.setVisible(editable)

    def _kind_changed(self) -> None:
        legal = self.kind.currentData() in LEGAL_KINDS
        self.duty_box.setVisible(legal or bool(self.duty_model.rows))

    # -- editing ---------------------------------------------------------------------------
    def add_duty(self) -> bool:
        slot = DutyRow(int(self.duty_day.currentData()), _time(self.duty_start.time()),
                       _time(self.duty_end.time()))
        rows = (*self.duty_model.rows, slot)
        problem = validate_duties(rows, self.kind.currentData())
        self.errors["duties"].setText(tr_message(problem))
        self.errors["duties"].setVisible(bool(problem))
        if problem:
            return False
        self.duty_model.set_rows(rows)
        return True

    def remove_duty(self) -> None:
        rows = self.duty_table.selectionModel().selectedRows()
        if rows:
            self.duty_model.set_rows([d for i, d in enumerate(self.duty_model.rows) if i != rows[0].row()])

    def form(self) -> ExpertForm:
        return ExpertForm(
            name=self.name.text(), kind=self.kind.currentData(), sex=self.sex.currentData(),
            agency=self.agency.text(), former_agency=self.former_agency.text(), title=self.title_edit.text(),
            specialties=split_list(self.specialties.text()),
            committees=tuple(c for c, b in self.committee_boxes.items() if b.isChecked()),
            phone=self.phone.text(), notes=self.notes.toPlainText(), retired=self.retired.isChecked(),
            active=self.active.isChecked(), duties=tuple(self.duty_model.rows),
            relations=self.relations.relations(),
        )

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(tr_message(errors.get(key, "")))
            label.setVisible(key in errors)

    def save(self) -> bool:
        if not self.editable:
            return False
        form = self.form()
        errors = validate_expert_form(form)
        self.show_errors(errors)
        if errors:
            self.message.setText(self.tr("请按提示修改后再保存"))
            return False
        try:
            expert_id = save_expert(self.ctx.engine, self.ctx.user, form, self.expert.id if self.expert else None)
        except PermissionDenied as exc:
            QMessageBox.warning(self, self.tr("保存"), error_text(exc))
            return False
        except ValueError as exc:
            self.show_errors({"name": message_of(exc)})  # e.g. the same name and phone already in the pool
            return False
        if self.draft is not None:
            self.draft.keeper.saved()  # before loading: a new expert's draft was under expert_new
        if self._with_picker:
            self._fill_picker()
        self.load(expert_id)
        self.message.setText(self.tr("已保存"))
        self.saved.emit(expert_id)
        return True

    def revert(self) -> None:
        """撤销修改: what was typed (and its draft) is dropped on purpose."""
        if self.draft is not None:
            self.draft.keeper.discard()
        if self.expert is None:
            self.start_new()
        else:
            self.load(self.expert.id)


class ExpertDetailDialog(QDialog):
    """The detail screen in a dialog, opened from the list; closes once saved."""

    def __init__(self, ctx: AppContext, expert_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增专家") if expert_id is None else self.tr("专家详情"))
        self.resize(820, 720)
        self.screen_widget = ExpertDetailScreen(ctx, self, expert_id=expert_id, new=expert_id is None,
                                                with_picker=False)
        self.screen_widget.saved.connect(self._saved)
        self.saved_id: int | None = None
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.screen_widget, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        w = self.screen_widget
        self.draft = FormDraft(self, w.draft_fields(), f"expert_{expert_id if expert_id is not None else 'new'}",
                               ctx.user.username, hint=w.message)

    def _saved(self, expert_id: int) -> None:
        self.saved_id = expert_id
        self.accept()


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())
