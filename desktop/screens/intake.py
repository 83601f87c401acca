"""受理登记: the counter's intake form, built for a queue of visitors.

Keyboard first: Ctrl+Shift+P / O / A add a person / an organisation / an agent, Alt+1…3 accept
a routing suggestion, Ctrl+S saves, Ctrl+P prints the 受理登记表 of the case just saved, Ctrl+N
starts the next visitor. Every field shows its own error beside it; nothing typed is lost: the
form is autosaved as JSON under ``data_dir()/drafts/`` (debounced on every change and every few
seconds), the draft is offered back when the screen opens, and it is deleted only once the case
(or a referral) is saved. Database work and PDF rendering run off the GUI thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.connection_loss import LOST_MESSAGE, is_connection_lost
from core.devices.idcard import (
    IdCardError,
    IdCardReader,
    read_one_card,
    reader_from_settings,
    reader_setting,
    to_party_fields,
)
from core.documents.intake_docs import referral_slip, write_case_documents
from core.intake import (
    GROUP_MIN_SIZE,
    MEDICAL_CONSENTS,
    IntakeError,
    IntakeForm,
    PartyForm,
    ReferralRow,
    RegisteredCase,
    create_referral,
    intake_document,
    is_medical,
    normalise_form,
    parse_amount,
    party_kinds_for_routing,
    register_case,
    routing_text,
    validate_intake,
)
from core.messages import joined
from core.routing import ScopeFlag, Suggestion, scope_flags, suggest
from core.settings import get_settings
from core.uow import read_only
from core.visitors import duplicate_hints, lookup_parties
from db.codes import COMMITTEES
from db.engine import data_dir
from desktop.context import AppContext
from desktop.messages import error_text, tr_message
from desktop.vocab import CASE_SOURCES, COMMITTEE_SHORT, DISPUTE_TYPES, tr_code
from desktop.widgets.field_errors import field_error, show_error
from desktop.widgets.party_editor import PartyEditor

log = logging.getLogger(__name__)

ROUTING_DEBOUNCE_MS = 300
DRAFT_DEBOUNCE_MS = 800
DRAFT_PERIOD_MS = 5000
DRAFT_VERSION = 1
RETRY_MS = 5000
_DATETIME_FORMAT = "yyyy-MM-dd HH:mm"
_UNSAFE_IN_FILENAMES = '<>:"/\\|?*'


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def draft_path() -> Path:
    """The live autosave of the form being typed."""
    return drafts_dir() / "intake.json"


def documents_dir(case_number: str) -> Path:
    """Where a case's printed documents are saved: ``data_dir()/documents/<case number>/``."""
    safe = "".join("_" if ch in _UNSAFE_IN_FILENAMES else ch for ch in case_number).strip() or "case"
    return data_dir() / "documents" / safe


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.part")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    tmp.replace(path)  # never a half-written draft under the real name


def _now_text() -> str:
    return QDateTime.currentDateTime().toString(_DATETIME_FORMAT)


def _set_datetime(edit: QDateTimeEdit, text: str) -> None:
    value = QDateTime.fromString(text, _DATETIME_FORMAT)
    edit.setDateTime(value if value.isValid() else QDateTime.currentDateTime())


# ------------------------------------------------------------------------------ requests


class RequestsEditor(QWidget):
    """The parties' numbered requests: one line each. Enter on the last line adds a line,
    Backspace on an empty line removes it."""

    changed = Signal()
    lines_changed = Signal()  # a line was added or removed (tab order)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.lines: list[QLineEdit] = []
        self._rows: list[tuple[QWidget, QLabel, QLabel]] = []
        self.add_line()

    def add_line(self, text: str = "", *, focus: bool = False) -> QLineEdit:
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(0)
        number = QLabel()
        number.setMinimumWidth(22)
        edit = QLineEdit(text)
        edit.setPlaceholderText(self.tr("请求事项（回车添加下一项）"))
        error = field_error()
        grid.addWidget(number, 0, 0)
        grid.addWidget(edit, 0, 1)
        grid.addWidget(error, 1, 1)
        self._layout.addWidget(row)
        self.lines.append(edit)
        self._rows.append((row, number, error))
        edit.textChanged.connect(self.changed)
        edit.returnPressed.connect(lambda e=edit: self._next(e))
        edit.installEventFilter(self)
        self._renumber()
        self.lines_changed.emit()
        if focus:
            edit.setFocus()
        return edit

    def _renumber(self) -> None:
        for i, (_, number, _) in enumerate(self._rows, 1):
            number.setText(f"{i}.")

    def _next(self, edit: QLineEdit) -> None:
        i = self.lines.index(edit)
        if i == len(self.lines) - 1:
            if edit.text().strip():
                self.add_line(focus=True)
                self.changed.emit()
        else:
            self.lines[i + 1].setFocus()

    def remove_line(self, i: int) -> None:
        if len(self.lines) <= 1:
            return
        row, _, _ = self._rows.pop(i)
        self.lines.pop(i)
        row.setParent(None)
        row.deleteLater()
        self._renumber()
        self.lines_changed.emit()
        self.lines[max(0, i - 1)].setFocus()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and isinstance(watched, QLineEdit)
            and watched in self.lines
            and not watched.text()
            and len(self.lines) > 1
        ):
            self.remove_line(self.lines.index(watched))
            return True
        return super().eventFilter(watched, event)

    def requests(self) -> tuple[str, ...]:
        return tuple(edit.text() for edit in self.lines)

    def set_requests(self, requests: tuple[str, ...]) -> None:
        while len(self.lines) > 1:
            row, _, _ = self._rows.pop()
            self.lines.pop()
            row.setParent(None)
            row.deleteLater()
        texts = list(requests) or [""]
        self.lines[0].setText(texts[0])
        for text in texts[1:]:
            self.add_line(text)
        self._renumber()

    def set_errors(self, errors: dict[int, str]) -> None:
        for i, (_, _, error) in enumerate(self._rows):
            show_error(error, errors.get(i))


# ------------------------------------------------------------------------------ routing panel


class SuggestionRow(QFrame):
    """One routing suggestion: Alt+N and the target, a score bar and the reasons."""

    def __init__(self, n: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.n = n
        self.setObjectName("suggestion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.button = QPushButton(f"Alt+{n}")
        self.button.setObjectName("acceptSuggestion")
        self.button.setToolTip(self.tr("采纳此建议（Alt+%1）").replace("%1", str(n)))
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        self.bar.setFormat("%p%")
        self.bar.setMaximumHeight(14)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addWidget(self.button)
        layout.addWidget(self.bar)
        layout.addWidget(self.reasons)
        self.code: str | None = None

    def set_suggestion(self, s: Suggestion | None, *, chosen: bool) -> None:
        self.code = s.code if s else None
        self.setVisible(s is not None)
        if s is None:
            return
        mark = "✔ " if chosen else ""
        self.button.setText(f"{mark}Alt+{self.n}" + self.tr("　") + COMMITTEE_SHORT.get(s.code, s.name))
        self.button.setToolTip(s.name)
        self.bar.setValue(round(s.score * 100))
        self.reasons.setText(self.tr("；").join(s.reasons))  # core.routing's reasons
        self.setProperty("chosen", chosen)
        self.setStyleSheet("QFrame#suggestion { border: 2px solid #2e7d32; }" if chosen else "")


# ------------------------------------------------------------------------------ the screen


class IntakeScreen(QWidget):
    title = "受理登记"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake")
        self.ctx = ctx
        self.editors: list[PartyEditor] = []
        self.suggestions: list[Suggestion] = []
        self.flags: list[ScopeFlag] = []
        self.last_case: RegisteredCase | None = None
        self.last_referral: ReferralRow | None = None
        self.last_documents: dict[str, Path] = {}
        self._next_uid = 1
        self._loading = False
        self._saving = False
        self._dirty = False
        self._ticket_id: int | None = None
        self._ticket_label = ""
        self._pending_draft: Path | None = None
        self._lookups: dict[int, int] = {}
        self._intake_key = uuid.uuid4().hex
        # A save that met a lost connection is retried with the same form (and key) until it gets through.
        self._retry_timer = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry_timer.timeout.connect(self._retry_save)
        self._retry_confirmed = False
        # One reader object per setting value: the simulator cycles its cards, the SDK is loaded once.
        self._readers: dict[str, IdCardReader | None] = {}

        self._build()
        self._routing_timer = QTimer(self, singleShot=True, interval=ROUTING_DEBOUNCE_MS)
        self._routing_timer.timeout.connect(self.update_routing)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._draft_period = QTimer(self, interval=DRAFT_PERIOD_MS)
        self._draft_period.timeout.connect(self._periodic_draft)
        self._draft_period.start()
        self._shortcuts()
        self.clear_form()
        self._offer_draft()

    # -- layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.error_labels: dict[str, QLabel] = {}

        # Banners: a draft to restore, the case just saved, a failed save.
        self.draft_banner = QFrame(objectName="draftBanner")
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("恢复草稿"))
        self.discard_button = QPushButton(self.tr("丢弃"))
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        row = QHBoxLayout(self.draft_banner)
        row.addWidget(self.draft_label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.draft_banner.setStyleSheet("QFrame#draftBanner { background: #fff4d6; border: 1px solid #f0b429; }")
        self.draft_banner.hide()

        self.result_banner = QFrame(objectName="resultBanner")
        self.result_label = QLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_registration_button = QPushButton(self.tr("打印受理登记表 (Ctrl+P)"))
        self.print_notice_button = QPushButton(self.tr("打印权利义务告知书"))
        self.print_registration_button.clicked.connect(lambda: self.print_documents(("registration",)))
        self.print_notice_button.clicked.connect(lambda: self.print_documents(("notice",)))
        self.documents_label = QLabel()
        self.documents_label.setObjectName("hint")
        self.documents_label.setWordWrap(True)
        self.documents_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.documents_label.setOpenExternalLinks(False)
        self.documents_label.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        banner = QGridLayout(self.result_banner)
        banner.addWidget(self.result_label, 0, 0)
        banner.addWidget(self.print_registration_button, 0, 1)
        banner.addWidget(self.print_notice_button, 0, 2)
        banner.addWidget(self.documents_label, 1, 0, 1, 3)
        banner.setColumnStretch(0, 1)
        self.result_banner.setStyleSheet("QFrame#resultBanner { background: #e8f5e9; border: 1px solid #66bb6a; }"
                                         " QLabel#resultLabel { font-size: 12pt; color: #1b5e20; }")
        self.result_banner.hide()

        self.save_error = QLabel()
        self.save_error.setObjectName("saveError")
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.save_error.hide()

        # Reception details.
        self.ticket_label = QLabel()
        self.ticket_label.setObjectName("ticketLabel")
        self.received_at = QDateTimeEdit()
        self.received_at.setDisplayFormat(_DATETIME_FORMAT)
        self.received_at.setCalendarPopup(True)
        self.error_labels["received_at"] = field_error()
        receiver = QLabel(self.tr("登记人：%1").replace("%1", self.ctx.user.full_name))
        top = QGridLayout()
        top.addWidget(self.ticket_label, 0, 0)
        top.addWidget(QLabel(self.tr("受理时间")), 0, 1)
        top.addWidget(self.received_at, 0, 2)
        top.addWidget(receiver, 0, 3)
        top.addWidget(self.error_labels["received_at"], 1, 2, 1, 2)
        top.setColumnStretch(0, 1)

        # Parties.
        parties_box = QGroupBox(self.tr("当事人"))
        self.add_person_button = QPushButton(self.tr("+ 自然人 (Ctrl+Shift+P)"))
        self.add_organisation_button = QPushButton(self.tr("+ 单位 (Ctrl+Shift+O)"))
        self.add_agent_button = QPushButton(self.tr("+ 代理人 (Ctrl+Shift+A)"))
        self.add_person_button.clicked.connect(lambda: self.add_party("person"))
        self.add_organisation_button.clicked.connect(lambda: self.add_party("organisation"))
        self.add_agent_button.clicked.connect(lambda: self.add_party("agent"))
        buttons = QHBoxLayout()
        for b in (self.add_person_button, self.add_organisation_button, self.add_agent_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.error_labels["parties"] = field_error()
        self.parties_layout = QVBoxLayout()
        self.parties_layout.setSpacing(6)
        parties = QVBoxLayout(parties_box)
        parties.addLayout(buttons)
        parties.addWidget(self.error_labels["parties"])
        parties.addLayout(self.parties_layout)

        # The dispute.
        dispute_box = QGroupBox(self.tr("纠纷情况"))
        self.dispute_type = QComboBox()
        self.dispute_type.addItem(self.tr("— 请选择 —"), "")
        for code, name in DISPUTE_TYPES.items():
            self.dispute_type.addItem(f"{code} {name}", code)
        self.source = QComboBox()
        for code, name in CASE_SOURCES.items():
            self.source.addItem(name, code)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("纠纷简要情况：时间、地点、经过、争议焦点"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(84)
        self.requests = RequestsEditor()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("元，如 50000、12345.60 或 5万"))
        self.amount_hint = QLabel()
        self.amount_hint.setObjectName("hint")
        self.is_group = QCheckBox(self.tr("群体性纠纷"))
        self.is_group.setToolTip(self.tr("涉及%1人以上").replace("%1", str(GROUP_MIN_SIZE)))
        self.group_size = QSpinBox()
        self.group_size.setRange(0, 100000)
        self.group_size.setSuffix(self.tr(" 人"))
        self.group_size.setSpecialValueText(self.tr("人数"))
        self.escalation = QCheckBox(self.tr("有激化风险（人民调解法第二十五条）"))
        self.escalation_to = QLineEdit()
        self.escalation_to.setPlaceholderText(self.tr("已报告的公安机关或部门、联系人"))
        self.escalation_at = QDateTimeEdit()
        self.escalation_at.setDisplayFormat(_DATETIME_FORMAT)
        self.escalation_at.setCalendarPopup(True)
        self.medical_consent = QComboBox()
        self.medical_consent.addItem(self.tr("— 请选择 —"), "")
        for code, name in MEDICAL_CONSENTS.items():
            self.medical_consent.addItem(tr_code(name), code)
        self.medical_label = QLabel(self.tr("医疗纠纷申请"))
        self.medical_label.setToolTip(self.tr("医疗纠纷预防和处理条例第三十一条"))
        for key in ("dispute_type", "source", "summary", "amount", "group_size", "escalation_notified_to",
                    "escalation_notified_at", "medical_consent"):
            self.error_labels[key] = field_error()

        grid = QGridLayout(dispute_box)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel(self.tr("纠纷类型")), 0, 0)
        grid.addWidget(self.dispute_type, 0, 1)
        grid.addWidget(QLabel(self.tr("纠纷来源")), 0, 2)
        grid.addWidget(self.source, 0, 3)
        grid.addWidget(self.error_labels["dispute_type"], 1, 1)
        grid.addWidget(self.error_labels["source"], 1, 3)
        grid.addWidget(QLabel(self.tr("简要情况")), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.summary, 2, 1, 1, 3)
        grid.addWidget(self.error_labels["summary"], 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("请求事项")), 4, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.requests, 4, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("涉及金额")), 5, 0)
        grid.addWidget(self.amount, 5, 1)
        grid.addWidget(self.amount_hint, 5, 2, 1, 2)
        grid.addWidget(self.error_labels["amount"], 6, 1, 1, 3)
        flags = QHBoxLayout()
        flags.addWidget(self.is_group)
        flags.addWidget(self.group_size)
        flags.addSpacing(16)
        flags.addWidget(self.escalation)
        flags.addStretch(1)
        grid.addWidget(QLabel(self.tr("特别情形")), 7, 0)
        grid.addLayout(flags, 7, 1, 1, 3)
        grid.addWidget(self.error_labels["group_size"], 8, 1, 1, 3)
        self.escalation_row = QWidget()
        esc = QGridLayout(self.escalation_row)
        esc.setContentsMargins(0, 0, 0, 0)
        esc.setVerticalSpacing(0)
        esc.addWidget(QLabel(self.tr("已报告")), 0, 0)
        esc.addWidget(self.escalation_to, 0, 1)
        esc.addWidget(QLabel(self.tr("报告时间")), 0, 2)
        esc.addWidget(self.escalation_at, 0, 3)
        esc.addWidget(self.error_labels["escalation_notified_to"], 1, 1)
        esc.addWidget(self.error_labels["escalation_notified_at"], 1, 3)
        esc.setColumnStretch(1, 1)
        grid.addWidget(self.escalation_row, 9, 1, 1, 3)
        grid.addWidget(self.medical_label, 10, 0)
        grid.addWidget(self.medical_consent, 10, 1, 1, 2)
        grid.addWidget(self.error_labels["medical_consent"], 11, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addLayout(top)
        form_layout.addWidget(parties_box)
        form_layout.addWidget(dispute_box)
        form_layout.addStretch(1)
        self.form_area = form
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(form)

        left = QVBoxLayout()
        left.addWidget(self.draft_banner)
        left.addWidget(self.result_banner)
        left.addWidget(self.save_error)
        left.addWidget(self.scroll, 1)

        # Routing panel.
        panel = QFrame(objectName="routingPanel")
        panel.setFixedWidth(330)
        panel.setStyleSheet("QFrame#routingPanel { background: #eef3f9; border-left: 1px solid #d0d5dd; }")
        heading = QLabel(self.tr("分流建议"))
        heading.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f3a5f;")
        self.suggestion_hint = QLabel(self.tr("填写案情、当事人或纠纷类型后显示建议"))
        self.suggestion_hint.setObjectName("hint")
        self.suggestion_hint.setWordWrap(True)
        self.suggestion_rows = [SuggestionRow(n) for n in (1, 2, 3)]
        for row_widget in self.suggestion_rows:
            row_widget.button.clicked.connect(lambda _=False, n=row_widget.n: self.accept_suggestion(n))
        self.committee = QComboBox()
        self.committee.addItem(self.tr("— 请选择（Alt+1 采纳首选）—"), "")
        for code, (name, _) in COMMITTEES.items():
            self.committee.addItem(name, code)
        self.error_labels["committee"] = field_error()
        self.scope_box = QFrame(objectName="scopeWarning")
        self.scope_box.setStyleSheet("QFrame#scopeWarning { background: #fdecea; border: 1px solid #e57373; }")
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.referral_button = QPushButton(self.tr("出具转办单"))
        self.referral_button.clicked.connect(self.issue_referral)
        self.referral_error = field_error()
        scope = QVBoxLayout(self.scope_box)
        scope.addWidget(self.scope_label)
        scope.addWidget(self.referral_error)
        scope.addWidget(self.referral_button)
        self.scope_box.hide()
        self.save_button = QPushButton(self.tr("保存登记 (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setStyleSheet("QPushButton#saveButton { font-weight: bold; padding: 8px; }")
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("下一位 / 新登记 (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_form)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)

        side = QVBoxLayout(panel)
        side.addWidget(heading)
        side.addWidget(self.suggestion_hint)
        for row_widget in self.suggestion_rows:
            side.addWidget(row_widget)
        side.addWidget(QLabel(self.tr("受理委员会（可改选）")))
        side.addWidget(self.committee)
        side.addWidget(self.error_labels["committee"])
        side.addWidget(self.scope_box)
        side.addStretch(1)
        side.addWidget(self.status_label)
        side.addWidget(self.save_button)
        side.addWidget(self.new_button)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        left_widget = QWidget()
        left_widget.setLayout(left)
        layout.addWidget(left_widget, 1)
        layout.addWidget(panel)

        # Changes: routing inputs re-rank the suggestions; everything autosaves.
        self.summary.textChanged.connect(self._routing_input_changed)
        self.requests.changed.connect(self._routing_input_changed)
        self.dispute_type.currentIndexChanged.connect(self._routing_input_changed)
        self.committee.currentIndexChanged.connect(self._committee_changed)
        for signal in (self.source.currentIndexChanged, self.amount.textChanged, self.is_group.toggled,
                       self.group_size.valueChanged, self.escalation.toggled, self.escalation_to.textChanged,
                       self.escalation_at.dateTimeChanged, self.medical_consent.currentIndexChanged,
                       self.received_at.dateTimeChanged):
            signal.connect(self._changed)
        self.amount.textChanged.connect(self._amount_hint)
        self.amount.editingFinished.connect(self._check_amount)
        self.is_group.toggled.connect(self._group_toggled)
        self.escalation.toggled.connect(self._escalation_toggled)
        self.dispute_type.currentIndexChanged.connect(self._update_medical)

        self.requests.lines_changed.connect(self._fix_tab_order)

    def _shortcuts(self) -> None:
        def shortcut(keys: str, slot) -> None:
            QShortcut(QKeySequence(keys), self, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        shortcut("Ctrl+S", self.save)
        shortcut("Ctrl+N", self.new_form)
        shortcut("Ctrl+P", lambda: self.print_documents(("registration",)))
        shortcut("Ctrl+Shift+P", lambda: self.add_party("person"))
        shortcut("Ctrl+Shift+O", lambda: self.add_party("organisation"))
        shortcut("Ctrl+Shift+A", lambda: self.add_party("agent"))
        shortcut("Ctrl+R", self.restore_draft)
        for n in (1, 2, 3):
            shortcut(f"Alt+{n}", lambda n=n: self.accept_suggestion(n))

    # -- parties ---------------------------------------------------------------------------------------
    def add_party(self, kind: str, *, focus: bool = True, form: PartyForm | None = None,
                  represents_uid: int | None = None) -> PartyEditor:
        editor = PartyEditor(kind, self._next_uid, self.form_area)
        self._next_uid += 1
        applicants = [e.uid for e in self.editors if e.kind != "agent" and e.role.currentData() == "applicant"]
        if form is None and kind != "agent":
            # The first party applies; the next ones are usually the other side.
            form = _new_party(kind, role="respondent" if applicants else "applicant")
        elif form is None:
            represents_uid = applicants[0] if applicants else None  # usually for the applicant
            form = _new_party("agent")
        self.editors.append(editor)
        self.parties_layout.addWidget(editor)
        if self.isVisible():
            editor.show()  # at once, so the focus can go into it
        editor.changed.connect(self._party_changed)
        editor.remove_requested.connect(self.remove_party)
        editor.lookup_requested.connect(self._lookup_parties)
        editor.read_card_requested.connect(self.read_card)
        self._renumber()
        if form is not None:
            editor.set_form(form, represents_uid)
        self._sync_agents()
        if focus:
            target = editor.represents if kind == "agent" else editor.fields["name"]
            target.setFocus()
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(editor))
        self._party_changed()
        return editor

    def remove_party(self, editor: PartyEditor) -> None:
        if editor not in self.editors:
            return
        self.editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        self._renumber()
        self._sync_agents()
        self._party_changed()

    def _renumber(self) -> None:
        for i, editor in enumerate(self.editors, 1):
            editor.set_position(i)
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        """Tab follows reading order: reception time, each party, the dispute, then the routing panel."""
        chain: list[QWidget] = [self.received_at]
        for editor in self.editors:
            chain += editor.tab_chain()
        chain += [self.add_person_button, self.add_organisation_button, self.add_agent_button,
                  self.dispute_type, self.source, self.summary, *self.requests.lines, self.amount,
                  self.is_group, self.group_size, self.escalation, self.escalation_to, self.escalation_at,
                  self.medical_consent, self.committee, self.save_button, self.new_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _sync_agents(self) -> None:
        principals = [(e.uid, self.tr("当事人%1 %2").replace("%1", str(i)).replace("%2", e.summary_label()))
                      for i, e in enumerate(self.editors, 1) if e.kind != "agent"]
        for editor in self.editors:
            if editor.kind == "agent":
                editor.set_principals(principals)

    def _party_changed(self) -> None:
        if self._loading:
            return
        self._sync_agents()
        self._routing_input_changed()

    def _lookup_parties(self, editor: PartyEditor, criteria: dict) -> None:
        """Repeat visitors: parties on file matching what was just typed (core.visitors)."""
        generation = self._lookups.get(editor.uid, 0) + 1
        self._lookups[editor.uid] = generation
        engine, user = self.ctx.engine, self.ctx.user

        def find():
            return lookup_parties(engine, user, **criteria, limit=4)

        def show(rows) -> None:
            if editor in self.editors and self._lookups.get(editor.uid) == generation:
                editor.show_matches([r for r in rows if r.party_id != editor.party_id])
                self._fix_tab_order()

        def failed(exc: BaseException) -> None:
            self.status_label.setText(self.tr("查询在册当事人失败：%1").replace("%1", error_text(exc)))

        self.ctx.tasks.run(find, on_done=show, on_error=failed)

    def read_card(self, editor: PartyEditor) -> None:
        """Read the ID card on this desk's reader into a person (off the GUI thread: the SDK
        waits for the card for up to a few seconds)."""
        if editor not in self.editors or editor.read_card_button is None:
            return
        editor.read_card_button.setEnabled(False)
        editor.set_card_message(None)
        self.status_label.setText(self.tr("正在读身份证…"))
        engine, readers = self.ctx.engine, self._readers

        def work():
            with read_only(engine) as session:
                value = reader_setting(get_settings(session).get("idcard_reader"))
            if value not in readers:
                readers[value] = reader_from_settings(value)
            return read_one_card(readers[value])

        def done(card) -> None:
            if editor not in self.editors:
                return
            editor.read_card_button.setEnabled(True)
            editor.apply_card(to_party_fields(card), card.warnings)
            self.status_label.setText(self.tr("已读入 %1 的身份证").replace("%1", card.name))
            editor.fields["phone"].setFocus()  # the card has no phone number: ask for it next

        def failed(exc: BaseException) -> None:
            if editor not in self.editors:
                return
            editor.read_card_button.setEnabled(True)
            message = error_text(exc) if isinstance(exc, IdCardError | ValueError) else \
                self.tr("读卡失败：%1").replace("%1", error_text(exc))
            editor.set_card_message(message)
            self.status_label.setText(self.tr("未读到身份证，可重试或手工录入"))

        self.ctx.tasks.run(work, on_done=done, on_error=failed)

    # -- the form as data ------------------------------------------------------------------------------
    def form(self) -> IntakeForm:
        index_of_uid = {e.uid: i for i, e in enumerate(self.editors)}
        risk = self.escalation.isChecked()
        return IntakeForm(
            parties=tuple(e.form(index_of_uid) for e in self.editors),
            committee=str(self.committee.currentData() or ""),
            suggested_committee=self.suggestions[0].code if self.suggestions else "",
            dispute_type=str(self.dispute_type.currentData() or ""),
            source=str(self.source.currentData() or "application"),
            summary=self.summary.toPlainText(),
            requests=self.requests.requests(),
            amount=self.amount.text(),
            is_group=self.is_group.isChecked(),
            group_size=self.group_size.value() if self.is_group.isChecked() else 0,
            escalation_risk=risk,
            escalation_notified_to=self.escalation_to.text() if risk else "",
            escalation_notified_at=self.escalation_at.dateTime().toString(_DATETIME_FORMAT) if risk else "",
            medical_consent=str(self.medical_consent.currentData() or ""),
            received_at=self.received_at.dateTime().toString(_DATETIME_FORMAT),
            ticket_id=self._ticket_id,
            intake_key=self._intake_key,
        )

    def set_form(self, form: IntakeForm, *, ticket_label: str = "") -> None:
        """Show ``form`` (a restored draft, a prefill); every typed character comes back."""
        self._loading = True
        try:
            for editor in list(self.editors):
                self.remove_party(editor)
            uids: list[int] = []
            for p in form.parties:
                editor = self.add_party(p.kind if p.kind in ("person", "organisation", "agent") else "person",
                                        focus=False)
                uids.append(editor.uid)
            for editor, p in zip(self.editors, form.parties, strict=True):
                represents = uids[p.represents] if p.represents is not None and 0 <= p.represents < len(uids) else None
                editor.set_form(p, represents)
            self._sync_agents()
            self._select(self.committee, form.committee)
            self._select(self.dispute_type, form.dispute_type)
            self._select(self.source, form.source or "application")
            self.summary.setPlainText(form.summary)
            self.requests.set_requests(form.requests)
            self.amount.setText(form.amount)
            self.is_group.setChecked(form.is_group)
            self.group_size.setValue(form.group_size)
            self.escalation.setChecked(form.escalation_risk)
            self.escalation_to.setText(form.escalation_notified_to)
            _set_datetime(self.escalation_at, form.escalation_notified_at)
            self._select(self.medical_consent, form.medical_consent)
            _set_datetime(self.received_at, form.received_at)
            self._ticket_id = form.ticket_id
            self._ticket_label = ticket_label
            # A restored draft keeps its key (its case may have been saved just before a crash).
            self._intake_key = form.intake_key or uuid.uuid4().hex
            self._retry_timer.stop()
        finally:
            self._loading = False
        self._show_ticket()
        self.group_size.setEnabled(self.is_group.isChecked())
        self._escalation_toggled(self.escalation.isChecked(), touch=False)
        self._update_medical()
        self.show_errors({})
        self.update_routing()

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code or "")
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _show_ticket(self) -> None:
        self.ticket_label.setText(self.tr("号票 %1").replace("%1", self._ticket_label) if self._ticket_label else "")

    def clear_form(self) -> None:
        """An empty form for the next visitor: one applicant, received now."""
        self.set_form(IntakeForm(parties=(_new_party("person"),), received_at=_now_text()))
        self._dirty = False
        if self.editors:
            self.editors[0].fields["name"].setFocus()

    def new_form(self) -> None:
        """Ctrl+N: the next visitor. What is on the form is kept as a draft first."""
        if not self.form().is_blank():
            answer = QMessageBox.question(
                self, self.tr("新登记"),
                self.tr("当前登记尚未保存。开始新登记吗？（已填内容会另存为草稿，可以恢复）"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._set_aside_current()
        self.result_banner.hide()
        self.save_error.hide()
        self.clear_form()
        self._remove_draft(draft_path())

    def start_from_ticket(self, ticket) -> None:
        """Serve the visitor holding ``ticket`` (a queue row: ``id``/``ticket_id``, ``label``/
        ``ticket_label`` and the ``committee`` code of the service taken): a fresh form with
        that committee pre-selected and the ticket linked. Unsaved typing is set aside as a draft."""
        if not self.form().is_blank():
            self._set_aside_current()
        ticket_id = getattr(ticket, "ticket_id", None) or getattr(ticket, "id", None)
        label = getattr(ticket, "ticket_label", None) or getattr(ticket, "label", "") or ""
        committee = getattr(ticket, "committee", None) or getattr(ticket, "committee_code", None) or ""
        self.result_banner.hide()
        self.save_error.hide()
        self.set_form(IntakeForm(parties=(_new_party("person"),), committee=str(committee), received_at=_now_text(),
                                 ticket_id=int(ticket_id) if ticket_id is not None else None),
                      ticket_label=str(label))
        self._dirty = True
        self.save_draft()
        if self.editors:
            self.editors[0].fields["name"].setFocus()

    # -- changes ------------------------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self._dirty = True
        self.save_error.hide()
        self._draft_timer.start()

    def _routing_input_changed(self, *_args) -> None:
        if self._loading:
            return
        self._routing_timer.start()
        self._update_medical()
        self._changed()

    def _committee_changed(self, *_args) -> None:
        self._update_medical()
        self._paint_suggestions()
        if self.committee.currentData():
            show_error(self.error_labels["committee"], None)
        self._changed()

    def _group_toggled(self, on: bool) -> None:
        self.group_size.setEnabled(on)
        if on and self.group_size.value() == 0 and not self._loading:
            self.group_size.setValue(GROUP_MIN_SIZE)
            self.group_size.setFocus()

    def _escalation_toggled(self, on: bool, *, touch: bool = True) -> None:
        self.escalation_row.setVisible(on)
        if on and touch and not self._loading and not self.escalation_to.text():
            self.escalation_at.setDateTime(QDateTime.currentDateTime())
        if on and touch and not self._loading:
            self.escalation_to.setFocus()

    def _update_medical(self, *_args) -> None:
        form = IntakeForm(committee=str(self.committee.currentData() or ""),
                          dispute_type=str(self.dispute_type.currentData() or ""))
        medical = is_medical(form)
        self.medical_label.setVisible(medical)
        self.medical_consent.setVisible(medical)
        if not medical:
            show_error(self.error_labels["medical_consent"], None)

    def _amount_hint(self, text: str) -> None:
        try:
            value = parse_amount(text)
        except ValueError:
            self.amount_hint.setText("")
            return
        self.amount_hint.setText("" if value is None else self.tr("= %1 元").replace("%1", f"{value:,.2f}"))
        show_error(self.error_labels["amount"], None)

    def _check_amount(self) -> None:
        try:
            parse_amount(self.amount.text())
        except ValueError as exc:
            show_error(self.error_labels["amount"], error_text(exc))

    # -- routing ------------------------------------------------------------------------------------------
    def update_routing(self) -> None:
        self._routing_timer.stop()
        form = self.form()
        text = routing_text(form)
        kinds = party_kinds_for_routing(form)
        has_clue = bool(text.strip() or form.dispute_type or any(k != "person" for k in kinds))
        self.suggestions = (suggest(text, dispute_type=form.dispute_type or None, party_kinds=kinds)
                            if has_clue else [])
        self.flags = scope_flags(" ".join([form.summary, *form.requests])) if text.strip() else []
        self._paint_suggestions()
        self._paint_scope()

    def _paint_suggestions(self) -> None:
        chosen = self.committee.currentData()
        self.suggestion_hint.setVisible(not self.suggestions)
        for i, row_widget in enumerate(self.suggestion_rows):
            s = self.suggestions[i] if i < len(self.suggestions) else None
            row_widget.set_suggestion(s, chosen=bool(s and s.code == chosen))

    def _paint_scope(self) -> None:
        if not self.flags:
            self.scope_box.hide()
            return
        lines = [self.tr("⚠ %1\n→ 建议转往：%2").replace("%1", f.reason).replace("%2", f.refer_to) for f in self.flags]
        self.scope_label.setText("\n".join(lines))
        show_error(self.referral_error, None)
        self.scope_box.show()

    def accept_suggestion(self, n: int) -> None:
        """Alt+N: take the N-th suggestion as the committee."""
        self.update_routing()  # what was typed in the last 300 ms counts
        if not 1 <= n <= len(self.suggestions):
            self.status_label.setText(self.tr("暂无第%1条建议").replace("%1", str(n)))
            return
        self._select(self.committee, self.suggestions[n - 1].code)
        self.status_label.setText(
            self.tr("已采纳建议：%1").replace("%1", COMMITTEE_SHORT[self.suggestions[n - 1].code]))

    # -- errors -------------------------------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        """Every message beside its field; fields without a message are cleared."""
        per_party: dict[int, dict[str, str]] = {}
        requests: dict[int, str] = {}
        for key, message in errors.items():
            parts = key.split(".")
            if parts[0] == "parties" and len(parts) == 3 and parts[1].isdigit():
                per_party.setdefault(int(parts[1]), {})[parts[2]] = message
            elif parts[0] == "requests" and len(parts) == 2 and parts[1].isdigit():
                requests[int(parts[1])] = message
        for i, editor in enumerate(self.editors):
            editor.set_errors(per_party.get(i, {}))
        self.requests.set_errors(requests)
        for key, label in self.error_labels.items():
            show_error(label, errors.get(key))

    def _ordered_targets(self) -> list[tuple[str, QWidget]]:
        targets: list[tuple[str, QWidget]] = [("received_at", self.received_at)]
        for i, editor in enumerate(self.editors):
            for name in editor.field_order():
                widget = editor.widget_for(name)
                if widget is not None:
                    targets.append((f"parties.{i}.{name}", widget))
        targets.append(("parties", self.add_person_button))  # a party is missing: add one
        targets += [("dispute_type", self.dispute_type), ("source", self.source), ("summary", self.summary)]
        targets += [(f"requests.{i}", edit) for i, edit in enumerate(self.requests.lines)]
        targets += [("amount", self.amount), ("group_size", self.group_size),
                    ("escalation_notified_to", self.escalation_to), ("escalation_notified_at", self.escalation_at),
                    ("medical_consent", self.medical_consent), ("committee", self.committee)]
        return targets

    def focus_first_error(self, errors: dict[str, str]) -> QWidget | None:
        for key, widget in self._ordered_targets():
            if key in errors:
                widget.setFocus()
                if widget is not self.committee:
                    self.scroll.ensureWidgetVisible(widget)
                return widget
        return None

    # -- saving -------------------------------------------------------------------------------------------
    def save(self, *, confirmed_duplicate: bool = False) -> None:
        """Ctrl+S: validate, show every problem beside its field, or register off the GUI thread."""
        if self._saving:
            return
        self.update_routing()
        form = self.form()
        errors = validate_intake(form)
        self.show_errors(errors)
        if errors:
            self.focus_first_error(errors)
            self.status_label.setText(self.tr("有 %n 处需要更正，已标在对应栏目旁", "", len(errors)))
            return
        self.save_draft()  # whatever happens next, the typing is on disk
        self._retry_timer.stop()
        self._retry_confirmed = confirmed_duplicate
        self._set_saving(True)
        engine, user = self.ctx.engine, self.ctx.user

        def work():
            if not confirmed_duplicate:
                hints = _duplicates(engine, user, form)
                if hints:
                    return hints
            return register_case(engine, user, form)

        self.ctx.tasks.run(work, on_done=self._saved, on_error=self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.form_area.setEnabled(not saving)
        self.save_button.setEnabled(not saving)
        self.referral_button.setEnabled(not saving)
        if saving:
            self.status_label.setText(self.tr("正在保存…"))

    def _saved(self, result) -> None:
        self._set_saving(False)
        self._retry_timer.stop()
        if isinstance(result, list):  # possible duplicates: ask before registering again
            text = "\n".join(h.reason for h in result[:3])
            answer = QMessageBox.question(
                self, self.tr("可能重复登记"),
                self.tr("这批当事人已有在办案件：\n%1\n\n仍然登记为新案件吗？").replace("%1", text),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.save(confirmed_duplicate=True)
            else:
                self.status_label.setText(self.tr("未保存：可能与在办案件重复"))
            return
        case: RegisteredCase = result
        self.last_case, self.last_referral, self.last_documents = case, None, {}
        self._remove_draft(draft_path())
        status = ("" if case.status == "registered"
                  else self.tr("（%1，人民调解法第十七条）").replace("%1", tr_code(case.status_name)))
        repeat = self.tr("　重复来访") if case.repeat_visit else ""
        self.result_label.setText(
            self.tr("已登记：%1　%2%3%4").replace("%1", case.number).replace("%2", tr_code(case.committee_name))
            .replace("%3", status).replace("%4", repeat))
        self.print_registration_button.show()
        self.print_notice_button.show()
        self.documents_label.setText(self.tr("可打印受理登记表（Ctrl+P）和当事人权利义务告知书。"))
        self.result_banner.show()
        self.save_error.hide()
        self.clear_form()
        self.status_label.setText(self.tr("已保存 %1，可接待下一位").replace("%1", case.number))

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, IntakeError):
            self.show_errors(exc.errors)
            self.focus_first_error(exc.errors)
            self.status_label.setText(self.tr("有 %n 处需要更正", "", len(exc.errors)))
            return
        log.error("intake save failed: %s", exc)
        self.save_draft()
        if is_connection_lost(exc):
            self.save_error.setText(
                self.tr("%1。已填写的内容都在表中，草稿也已保存；连接恢复后自动保存（每 %n 秒重试一次），"
                        "也可以按 Ctrl+S 立即重试。", "", RETRY_MS // 1000)
                .replace("%1", tr_message(LOST_MESSAGE)))
            self.save_error.show()
            self.status_label.setText(self.tr("等待数据库恢复连接…"))
            self._retry_timer.start()
            return
        self.save_error.setText(
            self.tr("保存失败：%1\n已填写的内容都保留在表中，草稿也已保存，排除问题后可再按 Ctrl+S。")
            .replace("%1", error_text(exc) or type(exc).__name__))
        self.save_error.show()
        self.status_label.setText(self.tr("保存失败，内容未丢失"))

    def _retry_save(self) -> None:
        if not self._saving:
            self.save(confirmed_duplicate=self._retry_confirmed)

    # -- documents ----------------------------------------------------------------------------------------
    def print_documents(self, which: tuple[str, ...] = ("registration", "notice")) -> None:
        """Render the last saved case's documents off the GUI thread into
        ``data_dir()/documents/<case number>/`` and open them for printing."""
        case = self.last_case
        if case is None:
            self.status_label.setText(self.tr("还没有刚保存的案件可打印"))
            return
        engine, user, folder = self.ctx.engine, self.ctx.user, documents_dir(case.number)

        def work():
            doc = intake_document(engine, user, case.id)
            return write_case_documents(doc, folder, which=which)

        self.documents_label.setText(self.tr("正在生成文书…"))
        self.ctx.tasks.run(work, on_done=self._documents_ready, on_error=self._documents_failed)

    def _documents_ready(self, paths: dict[str, Path]) -> None:
        self.last_documents.update(paths)
        links = self.tr("　").join(f'<a href="{QUrl.fromLocalFile(str(p)).toString()}">{p.name}</a>'
                         for p in self.last_documents.values())
        folder = next(iter(paths.values())).parent
        self.documents_label.setText(self.tr("已保存到 %1：%2").replace("%1", str(folder)).replace("%2", links))
        for path in paths.values():
            self._preview(path)

    def _documents_failed(self, exc: BaseException) -> None:
        self.documents_label.setText(self.tr("生成文书失败：%1").replace("%1", error_text(exc)))

    def _preview(self, path: Path) -> None:
        """Open the print preview (preview, print, save as)."""
        from desktop.screens.print_preview import show_pdf

        show_pdf(path, parent=self)

    # -- referral -----------------------------------------------------------------------------------------
    def issue_referral(self) -> None:
        """出具转办单: record the referral, print the slip, and free the form for the next visitor."""
        if not self.flags or self._saving:
            return
        form = normalise_form(self.form())
        visitors = [p for p in form.parties if not p.is_agent and not p.is_blank()]
        visitors.sort(key=lambda p: p.role != "applicant")
        if not visitors or not visitors[0].name:
            show_error(self.referral_error, self.tr("请先在当事人中填写来访人姓名"))
            if self.editors:
                self.editors[0].fields["name"].setFocus()
            return
        visitor = visitors[0]
        reason = "；".join(dict.fromkeys(f.reason for f in self.flags))
        refer_to = "；".join(dict.fromkeys(f.refer_to for f in self.flags))
        engine, user = self.ctx.engine, self.ctx.user
        ticket_id = self._ticket_id
        summary = "\n".join([form.summary, *form.requests]).strip()

        def work():
            row = create_referral(engine, user, visitor_name=visitor.name, visitor_phone=visitor.phone,
                                  summary=summary, reason=reason, refer_to=refer_to, ticket_id=ticket_id)
            folder = data_dir() / "documents" / "referrals"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"转办单-{row.at:%Y%m%d}-{row.id}.pdf"
            referral_slip(row, out=path)
            return row, path

        def done(result) -> None:
            self._set_saving(False)
            row, path = result
            self.last_case, self.last_referral = None, row
            self.last_documents = {"referral": path}
            self._remove_draft(draft_path())
            self.result_label.setText(self.tr("已出具转办单 %1（%2）").replace("%1", row.number)
                                      .replace("%2", row.visitor_name))
            self.print_registration_button.hide()
            self.print_notice_button.hide()
            self.documents_label.setText(self.tr("已保存到 %1").replace("%1", str(path)))
            self.result_banner.show()
            self.clear_form()
            self._preview(path)

        def failed(exc: BaseException) -> None:
            self._set_saving(False)
            errors = getattr(exc, "errors", None)
            show_error(self.referral_error, joined(errors.values()) if errors else error_text(exc))

        self.save_draft()
        self._set_saving(True)
        self.ctx.tasks.run(work, on_done=done, on_error=failed)

    # -- drafts -------------------------------------------------------------------------------------------
    def _draft_data(self) -> dict:
        return {"version": DRAFT_VERSION, "saved_at": datetime.now().isoformat(timespec="seconds"),
                "user": self.ctx.user.username, "ticket_label": self._ticket_label, "form": self.form().to_json()}

    def save_draft(self) -> None:
        """Write the form to ``drafts/intake.json`` (atomically). A blank form leaves no draft."""
        self._draft_timer.stop()
        if self._loading:
            return
        path = draft_path()
        form = self.form()
        blank = form.is_blank() and form.ticket_id is None
        if self._pending_draft == path:
            if blank:
                return  # the draft on offer is not touched until the user decides
            self._pending_draft = self._aside_path()
            path.replace(self._pending_draft)
        try:
            if blank:
                self._remove_draft(path)
            else:
                _write_json(path, self._draft_data())
            self._dirty = False
        except OSError as exc:
            self.status_label.setText(self.tr("草稿保存失败：%1").replace("%1", str(exc)))

    def _periodic_draft(self) -> None:
        if self._dirty and not self._saving:
            self.save_draft()

    @staticmethod
    def _aside_path() -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return drafts_dir() / f"intake-{stamp}.json"

    def _set_aside_current(self) -> None:
        """Keep what is on the form as its own draft file (offered back like any draft)."""
        path = self._aside_path()
        _write_json(path, self._draft_data())
        if self._pending_draft is None:
            self._pending_draft = path
            self._show_draft_banner(path, self.tr("上一份未保存的登记已另存为草稿"))
        self.status_label.setText(self.tr("未保存的内容已另存为草稿"))

    def _remove_draft(self, path: Path) -> None:
        if self._pending_draft == path:
            return
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    @staticmethod
    def _drafts() -> list[Path]:
        folder = drafts_dir()
        if not folder.exists():
            return []
        return sorted(folder.glob("intake*.json"), key=lambda p: p.stat().st_mtime, reverse=True)

    def _offer_draft(self) -> None:
        drafts = self._drafts()
        if not drafts:
            self._pending_draft = None
            self.draft_banner.hide()
            return
        self._pending_draft = drafts[0]
        self._show_draft_banner(drafts[0], self.tr("发现未保存的登记草稿"), more=len(drafts) - 1)

    def _show_draft_banner(self, path: Path, heading: str, *, more: int = 0) -> None:
        try:
            data = json.loads(path.read_text("utf-8"))
            form = IntakeForm.from_json(data.get("form") or {})
        except (OSError, ValueError, TypeError) as exc:
            self.draft_label.setText(self.tr("草稿无法读取（%1），文件保留在 %2").replace("%1", str(exc))
                                     .replace("%2", str(path)))
            self.restore_button.setEnabled(False)
            self.draft_banner.show()
            return
        names = self.tr("、").join(p.name for p in form.parties if p.name.strip()) or self.tr("未填姓名")
        saved = str(data.get("saved_at", "")).replace("T", " ")
        text = self.tr("%1（%2，%3）。按 Ctrl+R 恢复。").replace("%1", heading).replace("%2", saved).replace("%3", names)
        if more:
            text += self.tr("另有 %n 份草稿。", "", more)
        self.draft_label.setText(text)
        self.restore_button.setEnabled(True)
        self.draft_banner.show()

    def restore_draft(self) -> None:
        path = self._pending_draft
        if path is None or not path.exists():
            self.draft_banner.hide()
            return
        try:
            data = json.loads(path.read_text("utf-8"))
            form = IntakeForm.from_json(data.get("form") or {})
        except (OSError, ValueError, TypeError) as exc:
            self.status_label.setText(self.tr("草稿无法读取：%1").replace("%1", str(exc)))
            return
        self._pending_draft = None
        self.set_form(form, ticket_label=str(data.get("ticket_label") or ""))
        self._dirty = True
        self.save_draft()  # now the live draft
        if path != draft_path():
            self._remove_draft(path)
        self.status_label.setText(self.tr("草稿已恢复"))
        self._offer_next_draft()

    def discard_draft(self) -> None:
        path = self._pending_draft
        self._pending_draft = None
        if path is not None:
            self._remove_draft(path)
        self._offer_next_draft()

    def _offer_next_draft(self) -> None:
        others = [p for p in self._drafts() if p != draft_path()]
        if others:
            self._pending_draft = others[0]
            self._show_draft_banner(others[0], self.tr("还有未保存的登记草稿"), more=len(others) - 1)
        else:
            self.draft_banner.hide()

    # -- screen protocol ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.update_routing()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._dirty:
            self.save_draft()
        self._draft_period.stop()
        self._draft_timer.stop()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._draft_period.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._dirty:
            self.save_draft()
        super().hideEvent(event)


def _new_party(kind: str, role: str = "applicant") -> PartyForm:
    """A fresh editor's values: most visitors are 汉族, which saves a few keys each time."""
    return PartyForm(kind=kind, role=role, ethnicity="" if kind == "organisation" else "汉族")


def _duplicates(engine, user, form: IntakeForm) -> list:
    """Strong hints that this dispute is already registered (core.visitors), or []. Checked only
    when every party can be identified (an ID number, a USCC or a row on file)."""
    clean = normalise_form(form)
    keys: list[int | str] = []
    for p in clean.parties:
        if p.is_agent or p.is_blank():
            continue
        key = p.uscc or p.id_number or p.party_id
        if not key:
            return []
        keys.append(key)
    hints = duplicate_hints(engine, user, party_keys=keys, dispute_type=clean.dispute_type or None,
                            committee_code=clean.committee or None, summary=clean.summary,
                            intake_key=clean.intake_key)
    return [h for h in hints if h.strong]
