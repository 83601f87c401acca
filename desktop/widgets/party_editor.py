"""One party on the intake form: a natural person, an organisation or an agent.

A compact grid of fields, each with its own error label right under it (objectName
``fieldError``). Leaving the ID number fills birth date and sex from the number and flags a
disagreement with what was typed; leaving the USCC or the phone checks them. Parties already on
file (repeat visitors) can be shown under the fields with :meth:`PartyEditor.show_matches`;
clicking one fills the empty fields and links the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.identifiers import (
    ID_TYPES,
    check_phone,
    check_uscc,
    cross_check,
    mask_id,
    normalize,
    validate_party_id,
)
from core.intake import ETHNICITIES, PARTY_FORM_KINDS, PRINCIPAL_ROLES, PartyForm, parse_date
from core.messages import joined, message_of
from desktop.messages import tr_message
from desktop.vocab import ORGANISATION_KINDS, SEXES, tr_code
from desktop.widgets.field_errors import field_error

# (field, label) in reading order; three pairs per row, the address spans the whole row.
PERSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("PartyEditor", "姓名")), ("id_type", QT_TRANSLATE_NOOP("PartyEditor", "证件类型")), ("id_number", QT_TRANSLATE_NOOP("PartyEditor", "证件号码")),
    ("sex", QT_TRANSLATE_NOOP("PartyEditor", "性别")), ("birth_date", QT_TRANSLATE_NOOP("PartyEditor", "出生日期")), ("ethnicity", QT_TRANSLATE_NOOP("PartyEditor", "民族")),
    ("phone", QT_TRANSLATE_NOOP("PartyEditor", "联系电话")), ("occupation", QT_TRANSLATE_NOOP("PartyEditor", "职业")), ("workplace", QT_TRANSLATE_NOOP("PartyEditor", "工作单位")),
    ("address", QT_TRANSLATE_NOOP("PartyEditor", "住址")),
)
ORGANISATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("PartyEditor", "单位名称")), ("org_kind", QT_TRANSLATE_NOOP("PartyEditor", "单位类型")), ("uscc", QT_TRANSLATE_NOOP("PartyEditor", "统一社会信用代码")),
    ("legal_representative", QT_TRANSLATE_NOOP("PartyEditor", "法定代表人")), ("phone", QT_TRANSLATE_NOOP("PartyEditor", "联系电话")),
    ("address", QT_TRANSLATE_NOOP("PartyEditor", "住所")),
)
_WIDE = {"address"}
_ID_TYPES_WITH_DATES = ("resident_id", "hk_mo_permit", "tw_permit", "foreign_pr")


class PartyEditor(QFrame):
    """Edits one :class:`core.intake.PartyForm`. ``uid`` identifies the editor while others are
    added and removed (agents point at the uid of whom they represent)."""

    changed = Signal()
    remove_requested = Signal(object)  # self
    lookup_requested = Signal(object, dict)  # self, {"id_number"|"phone"|"name"|"uscc": text}
    read_card_requested = Signal(object)  # self: read an ID card into this person

    def __init__(self, kind: str, uid: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in PARTY_FORM_KINDS:
            raise ValueError(f"unknown party kind {kind!r}")
        self.kind, self.uid = kind, uid
        self.party_id: int | None = None  # a row on file picked from the matches
        self._pending_represents: int | None = None  # from a draft, until the principals exist
        self._matched_name = ""
        self.setObjectName("partyEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

        # -- header: number and kind, role or whom an agent represents, refusal, remove
        self.heading = QLabel()
        self.heading.setObjectName("partyHeading")
        header = QHBoxLayout()
        header.addWidget(self.heading)
        self.role = QComboBox()
        self.represents = QComboBox()
        self.power_of_attorney = QCheckBox(self.tr("已提交授权委托书"))
        self.refuses = QCheckBox(self.tr("明确拒绝调解"))
        self.refuses.setToolTip(self.tr("人民调解法第十七条：一方明确拒绝的，不得调解，案件以“拒绝调解”结束"))
        if kind == "agent":
            header.addWidget(QLabel(self.tr("代理：")))
            header.addWidget(self.represents, 1)
            header.addWidget(self.power_of_attorney)
            self.errors["represents"] = field_error()
        else:
            for code, label in PRINCIPAL_ROLES.items():
                self.role.addItem(tr_code(label), code)
            header.addWidget(self.role)
            header.addWidget(self.refuses)
            header.addStretch(1)
            self.errors["role"] = field_error()
        self.read_card_button: QToolButton | None = None
        if kind == "person":
            self.read_card_button = QToolButton(text=self.tr("读身份证"))
            self.read_card_button.setObjectName("readCardButton")
            self.read_card_button.setToolTip(
                self.tr("把身份证放在读卡器上，读出姓名、性别、民族、出生日期、号码和住址"))
            self.read_card_button.clicked.connect(lambda: self.read_card_requested.emit(self))
            header.addWidget(self.read_card_button)
        self.remove_button = QToolButton(text=self.tr("移除"))
        self.remove_button.setToolTip(self.tr("移除此当事人"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        header.addWidget(self.remove_button)

        # -- fields
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        spec = ORGANISATION_FIELDS if kind == "organisation" else PERSON_FIELDS
        for i, (name, label) in enumerate(spec):
            widget = self._make_field(name)
            self.fields[name] = widget
            self.errors[name] = field_error()
            caption = QLabel(self.tr(label))
            caption.setBuddy(widget)
            if name in _WIDE:
                row = 2 * ((i + 2) // 3)
                grid.addWidget(caption, row, 0)
                grid.addWidget(widget, row, 1, 1, 5)
                grid.addWidget(self.errors[name], row + 1, 1, 1, 5)
            else:
                row, col = 2 * (i // 3), 2 * (i % 3)
                grid.addWidget(caption, row, col)
                grid.addWidget(widget, row, col + 1)
                grid.addWidget(self.errors[name], row + 1, col + 1)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)

        self.matches_box = QFrame()
        self.matches_box.setObjectName("partyMatches")
        self._matches_layout = QVBoxLayout(self.matches_box)
        self._matches_layout.setContentsMargins(0, 0, 0, 0)
        self._matches_layout.setSpacing(2)
        self.matches_box.hide()
        self.match_buttons: list[QPushButton] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(header)
        if "represents" in self.errors:
            layout.addWidget(self.errors["represents"])
        if "role" in self.errors:
            layout.addWidget(self.errors["role"])
        layout.addLayout(grid)
        layout.addWidget(self.matches_box)
        self._wire()
        self.set_position(1)

    # -- building -------------------------------------------------------------------------
    def _make_field(self, name: str) -> QWidget:
        if name == "id_type":
            combo = QComboBox()
            for code, label in ID_TYPES.items():
                combo.addItem(tr_code(label), code)
            # The longest kind (an English permit name) must not widen the whole form.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            return combo
        if name == "sex":
            combo = QComboBox()
            combo.addItem("—", "")
            for code, label in SEXES.items():
                combo.addItem(label, code)
            return combo
        if name == "ethnicity":
            # The Chinese name is what is stored (and printed); the item shows it in the UI's
            # language. Editable: a group missing from the list can be typed.
            combo = QComboBox()
            combo.setEditable(True)
            for ethnicity in ETHNICITIES:
                combo.addItem(tr_code(ethnicity), ethnicity)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setCurrentIndex(combo.findData("汉族"))
            return combo
        if name == "org_kind":
            combo = QComboBox()
            for code, label in ORGANISATION_KINDS.items():
                combo.addItem(label, code)
            combo.setCurrentIndex(combo.findData("other"))
            return combo
        edit = QLineEdit()
        placeholders = {
            "id_number": self.tr("18位号码，离开时自动核对"),
            "birth_date": self.tr("1990-01-02"),
            "phone": self.tr("手机或 0570-3012345"),
            "uscc": self.tr("18位，如 12330803…"),
        }
        if name in placeholders:
            edit.setPlaceholderText(placeholders[name])
        if name in ("id_number", "uscc"):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * 18 + "X") + 16)
        return edit

    def _wire(self) -> None:
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.changed)
                widget.textEdited.connect(lambda _t, n=name: self._edited(n))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.changed)
        for w in (self.role, self.represents):
            w.currentIndexChanged.connect(self.changed)
        for box in (self.power_of_attorney, self.refuses):
            box.toggled.connect(self.changed)
        if "id_number" in self.fields:
            self.fields["id_number"].editingFinished.connect(self.check_id_number)
            self.fields["id_type"].currentIndexChanged.connect(lambda _i: self.check_id_number())
            self.fields["birth_date"].editingFinished.connect(self.check_id_number)
            self.fields["sex"].currentIndexChanged.connect(lambda _i: self.check_id_number())
        if "uscc" in self.fields:
            self.fields["uscc"].editingFinished.connect(self.check_uscc)
        self.fields["phone"].editingFinished.connect(self.check_phone)
        self.fields["name"].editingFinished.connect(
            lambda: self._lookup(name=self.text("name"))
        )

    def _edited(self, name: str) -> None:
        self._set_error(name, None)
        if self.party_id is not None and name == "name" and self.text("name") != self._matched_name:
            self.unlink()
        if name in ("id_number", "uscc"):
            self.unlink()

    # -- values -----------------------------------------------------------------------------
    def text(self, name: str) -> str:
        widget = self.fields.get(name)
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            if not widget.isEditable():
                return str(widget.currentData() or "")
            # A listed item (shown translated) stands for its Chinese name; typed text is itself.
            index = widget.findText(widget.currentText())
            return str(widget.itemData(index)) if index >= 0 and widget.itemData(index) else widget.currentText()
        return ""

    def _set_text(self, name: str, value: str | None) -> None:
        widget = self.fields.get(name)
        value = value or ""
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                index = widget.findData(value) if value else -1
                if index >= 0:
                    widget.setCurrentIndex(index)
                else:
                    widget.setCurrentText(value)
            else:
                index = widget.findData(value)
                if index >= 0:
                    widget.setCurrentIndex(index)

    def form(self, index_of_uid: dict[int, int]) -> PartyForm:
        values = {name: self.text(name) for name in self.fields}
        represents = index_of_uid.get(self.represents.currentData()) if self.kind == "agent" else None
        return PartyForm(
            kind=self.kind,
            role="agent" if self.kind == "agent" else str(self.role.currentData() or "applicant"),
            represents=represents,
            power_of_attorney=self.kind == "agent" and self.power_of_attorney.isChecked(),
            refuses_mediation=self.kind != "agent" and self.refuses.isChecked(),
            party_id=self.party_id,
            **values,
        )

    def set_form(self, p: PartyForm, represents_uid: int | None = None) -> None:
        for w in self._signal_widgets():
            w.blockSignals(True)
        try:
            for name in self.fields:
                self._set_text(name, getattr(p, name, ""))
            if self.kind == "agent":
                self._pending_represents = represents_uid
                index = self.represents.findData(represents_uid)
                if index >= 0:
                    self.represents.setCurrentIndex(index)
                self.power_of_attorney.setChecked(p.power_of_attorney)
            else:
                index = self.role.findData(p.role)
                self.role.setCurrentIndex(max(index, 0))
                self.refuses.setChecked(p.refuses_mediation)
            self.party_id = p.party_id
            self._matched_name = p.name if p.party_id is not None else ""
        finally:
            for w in self._signal_widgets():
                w.blockSignals(False)
        self.changed.emit()

    def _signal_widgets(self) -> list[QWidget]:
        return [*self.fields.values(), self.role, self.represents, self.power_of_attorney, self.refuses]

    def set_position(self, n: int) -> None:
        self.heading.setText(self.tr("当事人 %1 · %2").replace("%1", str(n))
                             .replace("%2", tr_code(PARTY_FORM_KINDS[self.kind])))

    def set_principals(self, principals: Sequence[tuple[int, str]]) -> None:
        """Agents: the parties they may represent, as (uid, label)."""
        if self.kind != "agent":
            return
        current = self.represents.currentData()
        if current is None:
            current = self._pending_represents
        self.represents.blockSignals(True)
        self.represents.clear()
        self.represents.addItem(self.tr("— 请选择被代理人 —"), None)
        for uid, label in principals:
            self.represents.addItem(label, uid)
        index = self.represents.findData(current)
        self.represents.setCurrentIndex(index if index >= 0 else 0)
        self.represents.blockSignals(False)

    def summary_label(self) -> str:
        name = self.text("name").strip() or self.tr("（未填姓名）")
        role = tr_code(PRINCIPAL_ROLES.get(str(self.role.currentData()), "")) if self.kind != "agent" else ""
        return self.tr("%1（%2）").replace("%1", name).replace("%2", role) if role else name

    # -- errors -------------------------------------------------------------------------------
    def _set_error(self, name: str, message: str | None) -> None:
        label = self.errors.get(name)
        if label is None:
            return
        label.setText(tr_message(message))
        label.setVisible(bool(message))

    def set_errors(self, errors: dict[str, str]) -> None:
        """Field name → message; every other field's message is cleared."""
        for name in self.errors:
            self._set_error(name, errors.get(name))

    def error_text(self, name: str) -> str:
        label = self.errors.get(name)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def widget_for(self, name: str) -> QWidget | None:
        if name == "represents":
            return self.represents
        if name == "role":
            return self.role
        return self.fields.get(name)

    def tab_chain(self) -> list[QWidget]:
        """Focusable widgets in reading order (the remove button last)."""
        head: list[QWidget] = ([self.represents, self.power_of_attorney] if self.kind == "agent"
                               else [self.role, self.refuses])
        return [*head, *self.fields.values(), *self.match_buttons, self.remove_button]

    def field_order(self) -> list[str]:
        head = ["represents"] if self.kind == "agent" else ["role"]
        return head + list(self.fields)

    # -- checks on leaving a field --------------------------------------------------------------
    def check_id_number(self) -> None:
        if "id_number" not in self.fields:
            return
        text = self.text("id_number")
        self._set_error("sex", None)
        self._set_error("birth_date", None)
        if not normalize(text):
            self._set_error("id_number", None)
            return
        check = validate_party_id(self.text("id_type"), text)
        if not check.valid:
            self._set_error("id_number", check.error)
            return
        self._set_error("id_number", None)
        edit: QLineEdit = self.fields["id_number"]  # type: ignore[assignment]
        if check.normalized and check.normalized != text and not edit.hasFocus():
            edit.setText(check.normalized)
        if check.sex and not self.text("sex"):
            self._set_text("sex", check.sex)
        if check.birth_date and not self.text("birth_date").strip():
            self._set_text("birth_date", check.birth_date.isoformat())
        try:
            typed_birth: date | None = parse_date(self.text("birth_date"), kind="birth_date")
        except ValueError as exc:
            self._set_error("birth_date", message_of(exc))
            typed_birth = None
        sex = self.text("sex") or None
        for problem in cross_check(check, typed_birth, sex if sex in SEXES else None):  # type: ignore[arg-type]
            self._set_error("birth_date" if problem.startswith("出生日期") else "sex", problem)
        self._lookup(id_number=check.normalized or text)

    def check_uscc(self) -> None:
        text = self.text("uscc")
        if not normalize(text):
            self._set_error("uscc", None)
            return
        check = check_uscc(text)
        self._set_error("uscc", None if check.valid else check.error)
        if check.valid:
            self._lookup(uscc=check.normalized or text)

    def check_phone(self) -> None:
        text = self.text("phone")
        if not normalize(text):
            self._set_error("phone", None)
            return
        check = check_phone(text)
        self._set_error("phone", None if check.valid else check.error)
        if check.valid:
            self._lookup(phone=check.normalized or text)

    def _lookup(self, **criteria: str) -> None:
        criteria = {k: v for k, v in criteria.items() if v and v.strip()}
        if criteria:
            self.lookup_requested.emit(self, criteria)

    # -- repeat visitors -------------------------------------------------------------------------
    def show_matches(self, rows: Sequence[object]) -> None:
        """Show parties already on file under the fields; clicking one fills this editor.

        Rows are read by attribute (``core.visitors.PartyMatch``: name, kind, id_number_masked,
        uscc, phone, address, why, open_case_count, open_cases, party_id …); missing ones are
        skipped, so any row-like object works."""
        for button in self.match_buttons:
            button.deleteLater()
        self.match_buttons = []
        while self._matches_layout.count():
            item = self._matches_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        rows = list(rows)[:4]
        if not rows:
            self.matches_box.hide()
            return
        self._matches_layout.addWidget(QLabel(self.tr("在册当事人（点击填入）：")))
        for row in rows:
            button = QPushButton(_match_text(row))
            button.setToolTip(button.text())
            # Never wider than the editor: long names and case numbers are clipped, not scrolled.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            button.setObjectName("partyMatch")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 2px 6px;")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, r=row: self.apply_match(r))
            self._matches_layout.addWidget(button)
            self.match_buttons.append(button)
        self.matches_box.show()

    def apply_match(self, row: object) -> None:
        """Fill the empty fields from a party on file and link it (reused when saving)."""
        def get(name: str):
            return getattr(row, name, None)

        for name in self.fields:
            if name in ("id_type", "org_kind", "sex", "ethnicity"):
                continue
            value = get(name)
            if value and not self.text(name).strip():
                self._set_text(name, value.isoformat() if isinstance(value, date) else str(value))
        for name in ("sex", "org_kind", "ethnicity", "id_type"):
            value = get(name)
            if value and name in self.fields:
                self._set_text(name, str(value))
        same_kind = (get("kind") == "organisation") == (self.kind == "organisation")
        if same_kind and get("party_id") is not None:
            self.party_id = int(get("party_id"))
            self._matched_name = self.text("name")
            masked = get("id_number_masked")
            if masked and "id_number" in self.fields and not self.text("id_number").strip():
                hint = self.tr("在册：%1（无需重新输入）").replace("%1", masked)
                self.fields["id_number"].setPlaceholderText(hint)
                self.fields["id_number"].setToolTip(hint)
            for name in ("id_number", "uscc"):
                self._set_error(name, None)
        self.matches_box.hide()
        self.changed.emit()

    def apply_card(self, fields: dict[str, object], warnings: Sequence[str] = ()) -> None:
        """Fill the person from an ID card (``core.devices.idcard.to_party_fields``): the card
        wins over what was typed, as it is the authoritative source; then look the number up."""
        for name, value in fields.items():
            if name in self.fields and value is not None:
                self._set_text(name, value.isoformat() if isinstance(value, date) else str(value))
                self._set_error(name, None)
        self.unlink()
        self.set_card_message(joined(warnings) if warnings else None)
        self.check_id_number()
        self.changed.emit()

    def set_card_message(self, message: str | None) -> None:
        """A reader problem (no card, no reader, a character to check by eye) under the name."""
        self._set_error("name", message)

    def unlink(self) -> None:
        """Forget the party on file (its number or name was changed)."""
        if self.party_id is None:
            return
        self.party_id = None
        self._matched_name = ""
        if "id_number" in self.fields:
            self.fields["id_number"].setPlaceholderText(self.tr("18位号码，离开时自动核对"))
            self.fields["id_number"].setToolTip("")


def _match_text(row: object) -> str:
    def get(name: str):
        return getattr(row, name, None)

    translate = QCoreApplication.translate
    ident = get("id_number_masked") or get("uscc") or (mask_id(get("id_number")) if get("id_number") else "")
    parts = [str(get("name") or ""), ident or "", str(get("phone") or ""), str(get("address") or "")]
    first = translate("PartyEditor", "　").join(p for p in parts if p)
    second = [str(get("why") or "")]  # core.visitors' reasons: Chinese
    count = get("open_case_count") or 0
    if count:
        numbers = translate("PartyEditor", "、").join(
            c.number for c in (get("open_cases") or ())[:2] if hasattr(c, "number"))
        repeat = (translate("PartyEditor", "重复来访：在办%1件（%2）").replace("%2", numbers) if numbers
                  else translate("PartyEditor", "重复来访：在办%1件"))
        second.append(repeat.replace("%1", str(count)))
    second_line = translate("PartyEditor", "　· ").join(p for p in second if p)
    return f"{first}\n{second_line}" if second_line else first
