"""Small forms the mediators' screens share: a dialog that shows each error beside its field
and stays open until the use case accepts what was typed, date fields, and the dialogs for a
follow-up visit, a payment, a reason and a consent."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.auth import PermissionDenied
from core.messages import joined
from db import codes
from desktop.messages import error_text
from desktop.vocab import RATINGS, tr_code
from desktop.widgets.field_errors import field_error, show_error


class FitLabel(QLabel):
    """One line while the text fits, wrapped (not clipped) when it does not: the longer English
    texts in narrow places (the statistics cards, a case's header). A text that fits lays out
    exactly as in a plain QLabel. ``slack``: how much too wide a text may be and stay on one line
    (right-aligned, the Chinese tool bar of the statistics at 1280 px loses only a few pixels of
    its left margin, as it always did)."""

    def __init__(self, text: str = "", *, slack: float = 1.0) -> None:
        super().__init__(text)
        self.slack = slack

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        wrap = width > 0 and self.fontMetrics().horizontalAdvance(self.text()) > width * self.slack
        if wrap != self.wordWrap():
            self.setWordWrap(wrap)


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def signer_name(name: str) -> str:
    """A name of core.agreements' signature lists in the UI's language: the mediator is listed
    as "调解员" (still to sign) or "姓名（调解员）" (signed); parties by their names."""
    mediator = "调解员"
    if name == mediator:
        return tr_code(mediator)
    if name.endswith(f"（{mediator}）"):
        return QCoreApplication.translate("Signatures", "%1（%2）").replace(
            "%1", name[:-len(mediator) - 2]).replace("%2", tr_code(mediator))
    return name


def date_edit(value: date | None = None, *, maximum: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value or date.today()))
    if maximum is not None:
        edit.setMaximumDate(QDate(maximum))
    return edit


def date_of(edit: QDateEdit) -> date:
    return edit.date().toPython()


def text_box(placeholder: str = "", height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class FormDialog(QDialog):
    """Rows of label · field · error. ``submit`` runs when OK is pressed: an exception with an
    ``errors`` dict puts each message beside its field, any other refusal goes to the line above
    the buttons, and the dialog stays open with everything typed."""

    def __init__(self, title: str, parent: QWidget | None = None, *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.submit: Callable[[], Any] | None = None
        self.result_value: Any = None
        self._errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self._row = 0
        self.general_error = field_error()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.draft_hint = hint("")
        self.draft_hint.hide()
        layout.addWidget(self.draft_hint)
        self._drafts = None
        if intro:
            layout.addWidget(hint(intro))
        layout.addLayout(self._grid)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_row(self, key: str, label: str, widget: QWidget) -> QWidget:
        caption = QLabel(label)
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        error = field_error()  # right under its field, as on the intake form
        self._grid.addWidget(caption, self._row, 0)
        self._grid.addWidget(widget, self._row, 1)
        self._grid.addWidget(error, self._row + 1, 1)
        self._errors[key] = error
        self.fields[key] = widget
        self._row += 2
        return widget

    # -- the local draft ---------------------------------------------------------------------
    def keep_draft(self, key: str, user: str) -> None:
        """Keep what is typed as a local draft named by ``key`` (the dialog and its record) until
        the dialog is accepted or cancelled (desktop.drafts.FormDraft). Call after adding the rows."""
        from desktop.drafts import FormDraft

        self._drafts = FormDraft(self, self.fields, key, user, hint=self.draft_hint)

    def add_widget(self, widget: QWidget) -> QWidget:
        self._grid.addWidget(widget, self._row, 0, 1, 2)
        self._row += 1
        return widget

    def error_text(self, key: str) -> str:
        label = self._errors.get(key, self.general_error if key == "" else None)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_errors(self, errors: dict[str, str]) -> None:
        self._show_errors(errors)
        self.adjustSize()

    def _show_errors(self, errors: dict[str, str]) -> None:
        general = []
        for key, message in errors.items():
            label = self._errors.get(key) or self._errors.get(key.split(".")[0])
            if label is None:
                general.append(message)
            else:
                show_error(label, message)
        show_error(self.general_error, joined(general))

    def clear_errors(self) -> None:
        for label in (*self._errors.values(), self.general_error):
            show_error(label, None)

    def try_accept(self) -> None:
        self.clear_errors()
        if self.submit is None:
            self.accept()
            return
        try:
            self.result_value = self.submit()
        except (ValueError, PermissionDenied) as exc:
            errors = getattr(exc, "errors", None)
            if isinstance(errors, dict) and errors:
                self.show_errors(errors)
            else:
                show_error(self.general_error, error_text(exc))
                self.adjustSize()
            return
        self.accept()


class ReasonDialog(FormDialog):
    """A transition that needs a reason and a date (调解不成, 终止调解, 撤回, 拒绝调解 …)."""

    def __init__(self, title: str, parent: QWidget | None = None, *, intro: str = "", reason: str = "",
                 day: date | None = None, needs_reason: bool = True,
                 parties: Sequence[tuple[int, str]] = ()) -> None:
        super().__init__(title, parent, intro=intro)
        self.day = self.add_row("on", self.tr("日期"), date_edit(day, maximum=date.today()))
        self.party = None
        if parties:
            self.party = QComboBox()
            for cp_id, name in parties:
                self.party.addItem(name, cp_id)
            self.add_row("case_party_id", self.tr("拒绝调解的当事人"), self.party)
        self.reason = None
        if needs_reason:
            self.reason = text_box(self.tr("原因（将写入告知书）"))
            self.reason.setPlainText(reason)
            self.add_row("reason", self.tr("原因"), self.reason)

    def reason_text(self) -> str:
        return self.reason.toPlainText() if self.reason is not None else ""

    def party_id(self) -> int | None:
        return self.party.currentData() if self.party is not None else None


#: The five levels and "none", as (value, Chinese label): labels are translated when a dialog shows them.
RATING_CHOICES: tuple[tuple[int | None, str], ...] = (*codes.RATINGS.items(), (None, QT_TRANSLATE_NOOP("VisitDialog", "未评价")))


class VisitDialog(FormDialog):
    """回访: performance, the five-level rating (or none), court action, escalation risk and
    the action taken."""

    def __init__(self, parent: QWidget | None = None, *, who: str = "") -> None:
        super().__init__(self.tr("登记回访"), parent,
                         intro=self.tr("被回访人：%1。如实记录当事人的评价，不得诱导或代替评价；"
                                       "评价为“不满意”或“非常不满意”的，自动登记差评台账。").replace("%1", who or "—"))
        self.visited_on = self.add_row("visited_on", self.tr("回访日期"), date_edit(maximum=date.today()))
        self.performance = self.add_row("performance", self.tr("履行情况"),
                                        text_box(self.tr("协议履行情况（已付款项、未履行部分及原因）")))
        self.setMinimumWidth(720)
        box = QWidget()
        row = QGridLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.rating_group = QButtonGroup(self)
        self.rating_buttons: dict[int | None, QRadioButton] = {}
        for i, (value, label) in enumerate(RATING_CHOICES):
            text = f"&{value} {RATINGS[value]}" if value is not None else self.tr(label)
            button = QRadioButton(text)
            self.rating_group.addButton(button, i)
            self.rating_buttons[value] = button
            row.addWidget(button, i // 3, i % 3)
        self.rating_buttons[None].setChecked(True)
        self.add_row("rating", self.tr("满意度"), box)
        self.court_action = self.add_row("court_action", "", QCheckBox(self.tr("当事人已就本纠纷向人民法院起诉")))
        self.escalation = self.add_row("escalation_risk", "", QCheckBox(self.tr("存在矛盾激化风险（人民调解法第二十五条）")))
        self.action_taken = self.add_row("action_taken", self.tr("采取的措施"),
                                         text_box(self.tr("如：再次组织协商、已报告派出所（写明时间、对象）")))

    def rating(self) -> int | None:
        for value, button in self.rating_buttons.items():
            if button.isChecked():
                return value
        return None

    def set_rating(self, value: int | None) -> None:
        self.rating_buttons[value].setChecked(True)


class PaymentDialog(FormDialog):
    """登记付款 against one instalment."""

    def __init__(self, parent: QWidget | None, *, methods: dict[str, str], outstanding: Decimal, due: date,
                 payer: str) -> None:
        super().__init__(self.tr("登记付款"), parent,
                         intro=self.tr("%1 应于 %2 支付，尚欠 %3 元。").replace("%1", payer or self.tr("付款人"))
                         .replace("%2", due.isoformat()).replace("%3", f"{outstanding:,.2f}"))
        self.amount = self.add_row("amount", self.tr("金额（元）"), QLineEdit(f"{outstanding:.2f}"))
        self.paid_on = self.add_row("paid_on", self.tr("付款日期"), date_edit(maximum=date.today()))
        self.method = QComboBox()
        for code, label in methods.items():
            self.method.addItem(tr_code(label), code)
        self.add_row("method", self.tr("付款方式"), self.method)
        self.receipt = self.add_row("receipt_no", self.tr("收据/凭证号"), QLineEdit())
        self.confirm = self.add_row("confirm", "", QCheckBox(self.tr("确认超额（付款多于尚欠金额）")))
        self.confirm.hide()


class ConsentDialog(FormDialog):
    """A party's consent: public mediation, an extension, a medical application."""

    def __init__(self, parent: QWidget | None, *, kinds: dict[str, str], parties: Sequence[tuple[int, str]],
                 forms: dict[str, str]) -> None:
        super().__init__(self.tr("记录当事人意见"), parent,
                         intro=self.tr("记录当事人对公开调解、延长调解期限等事项的意见；"
                                       "口头同意的，请在调解记录中注明并由当事人签名。"))
        self.kind = QComboBox()
        for code, label in kinds.items():
            self.kind.addItem(tr_code(label), code)
        self.add_row("kind", self.tr("事项"), self.kind)
        self.party = QComboBox()
        for cp_id, name in parties:
            self.party.addItem(name, cp_id)
        self.add_row("case_party_id", self.tr("当事人"), self.party)
        self.given = QComboBox()
        self.given.addItem(self.tr("同意"), True)
        self.given.addItem(self.tr("不同意"), False)
        self.add_row("given", self.tr("意见"), self.given)
        self.form = QComboBox()
        for code, label in forms.items():
            self.form.addItem(tr_code(label), code)
        self.add_row("form", self.tr("形式"), self.form)
        self.given_on = self.add_row("given_on", self.tr("日期"), date_edit(maximum=date.today()))
        self.note = self.add_row("note", self.tr("说明"), QLineEdit())


class ExtendDialog(FormDialog):
    def __init__(self, parent: QWidget | None, *, unit: Callable[[int], str], intro: str) -> None:
        """``unit``: the spin box's suffix for a number of days (singular or plural in English)."""
        super().__init__(self.tr("延长调解期限"), parent, intro=intro)
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.valueChanged.connect(lambda n: self.days.setSuffix(unit(n)))
        self.days.setValue(15)
        self.add_row("days", self.tr("延长"), self.days)
        self.consented_on = self.add_row("consented_on", self.tr("双方同意日期"), date_edit(maximum=date.today()))
        self.note = self.add_row("note", self.tr("说明"), QLineEdit())
