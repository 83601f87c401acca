"""案件详情: one case — header with number, committee, status and deadline; the actions its
status allows; tabs for parties, session records, the agreement, payments, follow-ups,
attachments and the status history.

Opened from 我的案件 / 期限提醒 (Enter) or the navigation, where it shows the case of the
user's committees that changed last. Every action goes through a core use case; a refusal is
shown beside the field (or above the dialog's buttons) and the dialog keeps what was typed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.auth import MEDICAL_NOTICE, MedicalDetailsRestricted, PermissionDenied, can
from core.case_deadlines import (
    DeadlineInfo,
    deadline_info,
    due_text,
    extend_deadline,
    left_text,
    pause_deadline,
    resume_deadline,
)
from core.followups import VisitForm, followups_of_case, record_visit
from core.fulfilment import PAYMENT_METHODS, OverpaymentError, instalments_of, record_payment
from core.intake import reroute_case
from core.lifecycle import (
    CONSENT_FORMS,
    CONSENT_KINDS,
    FUNCTIONS,
    MEDICAL_CONSENTS,
    OPERATIONS,
    AgreementSummary,
    CaseOverview,
    TransitionResult,
    agreement_summary,
    case_overview,
    find_case,
    most_recent_case,
    record_party_consent,
)
from core.privacy import open_case_record, reveal_id_number
from core.sessions import (
    ATTACHMENT_KINDS,
    AttachmentError,
    add_attachment,
    attachment_limit,
    get_attachment,
    list_attachments,
    list_sessions,
    size_text,
)
from db.codes import COMMITTEES, OPEN_STATUSES
from db.engine import data_dir
from desktop.context import AppContext
from desktop.messages import error_text, tr_message
from desktop.models.mediation_tables import (
    AttachmentTableModel,
    ConsentTableModel,
    FollowupTableModel,
    HistoryTableModel,
    InstalmentTableModel,
    PartyTableModel,
    PaymentTableModel,
    SessionTableModel,
    day,
    money,
)
from desktop.vocab import (
    CASE_SOURCES,
    CASE_STATUSES,
    COMMITTEE_SHORT,
    deadline_words,
    tr_code,
    tr_operation,
)
from desktop.widgets.mediation_forms import (
    ConsentDialog,
    ExtendDialog,
    FitLabel,
    FormDialog,
    PaymentDialog,
    ReasonDialog,
    VisitDialog,
    date_edit,
    date_of,
    hint,
    signer_name,
)

# core.auth.MEDICAL_NOTICE, here for Qt Linguist (a test keeps the two equal).
_MEDICAL_NOTICE = QT_TRANSLATE_NOOP(
    "CaseDetailScreen",
    "医疗纠纷案件的详情（案情、当事人信息、调解记录和文书）仅限医患纠纷人民调解委员会的调解员和中心主任查看"
    "（个人信息保护法第二十八条：医疗信息属于敏感个人信息）")
assert _MEDICAL_NOTICE == MEDICAL_NOTICE

_UNSAFE = '<>:"/\\|?*'

# What each transition's dialog says (the article it rests on).
_INTROS = {
    "accept_case": QT_TRANSLATE_NOOP("CaseDetailScreen", "受理后开始计算调解期限；受理人为承办调解员。"),
    "start_mediation": QT_TRANSLATE_NOOP("CaseDetailScreen", "开始调解（填写第一份调解记录时会自动开始）。"),
    "record_agreement_reached": QT_TRANSLATE_NOOP("CaseDetailScreen", "书面协议经各方当事人签名（盖章或按指印）、调解员签名并加盖调解委员会印章后生效"
                                "（人民调解法第二十九条）；口头协议自达成之日起生效（第三十条）。达成协议后将自动安排回访。"),
    "fail_mediation": QT_TRANSLATE_NOOP("CaseDetailScreen", "调解不成的，应当终止调解，并告知当事人可依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）。"),
    "terminate_mediation": QT_TRANSLATE_NOOP("CaseDetailScreen", "终止调解并告知当事人其他救济途径（人民调解法第二十三条、第二十六条）。"),
    "withdraw_case": QT_TRANSLATE_NOOP("CaseDetailScreen", "申请人撤回调解申请。"),
    "refuse_mediation": QT_TRANSLATE_NOOP("CaseDetailScreen", "当事人一方明确拒绝调解的，不得调解（人民调解法第十七条）。"),
    "mark_performed": QT_TRANSLATE_NOOP("CaseDetailScreen", "全部款项付清后会自动登记履行完毕；无给付内容的协议在此手工登记。"),
    "archive_case": QT_TRANSLATE_NOOP("CaseDetailScreen", "将案件材料立卷归档（人民调解法第二十七条）。"),
}
_TRAFFIC_INTRO = QT_TRANSLATE_NOOP(
    "CaseDetailScreen", "道路交通事故案件终止调解后，当事人可在终止之日起3日内一致书面申请公安机关交通管理部门调解"
    "（《道路交通事故处理程序规定》第八十五条）。")


def safe_name(text: str) -> str:
    return "".join("_" if ch in _UNSAFE else ch for ch in text).strip() or "file"


def open_case(source: QWidget, ctx: AppContext, case_id: int) -> QWidget:
    """Show the case in the main window's 案件详情 screen, or in a window of its own when there
    is no main window (a dialog, a test)."""
    window = source.window()
    if hasattr(window, "show_screen"):
        screen = window.show_screen("case_detail")
        if screen is not None:
            screen.load_case(case_id)
            return screen
    screen = CaseDetailScreen(ctx, None, case_id=case_id)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.resize(1180, 780)
    screen.show()
    return screen


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _selected(view: QTableView):
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    return view.model().row_at(rows[0].row())


class _PartyModel(PartyTableModel):
    """The parties with one more column for the 显示 button: ID numbers are shown masked and
    revealed one at a time through core.privacy.reveal_id_number (which logs it)."""

    REVEAL_COLUMN = len(PartyTableModel.COLUMNS)

    def columnCount(self, parent=None) -> int:  # noqa: N802 — Qt override
        return 0 if parent is not None and parent.isValid() else self.REVEAL_COLUMN + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if section == self.REVEAL_COLUMN:
            return None
        return super().headerData(section, orientation, role)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == self.REVEAL_COLUMN:
            return None
        return super().data(index, role)

    def reveal(self, row: int, number: str) -> None:
        from dataclasses import replace

        self._rows[row] = replace(self._rows[row], id_masked=number)
        self.dataChanged.emit(self.index(row, 2), self.index(row, 2))


class CaseDetailScreen(QWidget):
    title = "案件详情"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, case_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_detail")
        self.ctx = ctx
        self.case_id: int | None = None
        self._shown_before = False
        self.overview: CaseOverview | None = None
        # Set when the user may not see this case's details (reception and a medical case).
        self.restricted: PermissionDenied | None = None
        self.reveal_buttons: dict[int, QPushButton] = {}  # party id → its 显示 button
        self.deadline: DeadlineInfo | None = None
        self.agreement: AgreementSummary | None = None
        # Seams for tests: how a dialog is run, how files are chosen and opened.
        self.run_dialog: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        self.choose_files: Callable[[], list[str]] = self._choose_files
        self.open_file: Callable[[Path], None] = lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p)))

        self.find = QLineEdit(placeholderText=self.tr("输入案号或当事人姓名，回车打开（Ctrl+F）"))
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self._find)
        self.find_error = QLabel(objectName="fieldError")
        self.find_error.hide()

        self.number = QLabel(objectName="caseNumber")
        self.number.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f3a5f;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(objectName="caseStatus")
        self.status.setStyleSheet("background: #1f3a5f; color: white; padding: 2px 10px; border-radius: 8px;")
        self.committee = FitLabel()  # the committee's full name: two lines rather than clipped (English)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.deadline_label = QLabel(objectName="caseDeadline")
        self.deadline_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("hint")
        self.notice = QLabel(objectName="notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.restricted_notice = QLabel(objectName="restrictedNotice")
        self.restricted_notice.setWordWrap(True)
        self.restricted_notice.setStyleSheet("background: #fffaeb; color: #93370d; padding: 12px; "
                                             "border: 1px solid #fec84b; font-size: 11pt;")
        self.restricted_notice.hide()

        head = QFrame(objectName="caseHeader")
        head.setStyleSheet("QFrame#caseHeader { background: #ffffff; border: 1px solid #d0d5dd; }")
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.committee)
        head_layout = QVBoxLayout(head)
        head_layout.addLayout(top)
        head_layout.addWidget(self.facts)
        head_layout.addWidget(self.deadline_label)
        head_layout.addWidget(self.summary)

        self.actions = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}

        self.tabs = QTabWidget()
        self._build_tabs()

        finder = QHBoxLayout()
        finder.addWidget(self.find, 1)
        finder.addWidget(self.find_error, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(finder)
        layout.addWidget(head)
        layout.addLayout(self.actions)
        layout.addWidget(self.notice)
        layout.addWidget(self.restricted_notice)
        layout.addWidget(self.tabs, 1)
        self._filler = QWidget()  # takes the tabs' room while they are hidden
        self._filler.hide()
        layout.addWidget(self._filler, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_session)
        for i in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, activated=lambda i=i: self.tabs.setCurrentIndex(i))

        self.load_case(case_id if case_id is not None else most_recent_case(ctx.engine, ctx.user))

    def showEvent(self, event) -> None:  # noqa: N802 — Qt override
        # Coming back from another screen (a session record saved, a payment elsewhere): reload.
        if self._shown_before and self.case_id is not None:
            self.refresh()
        self._shown_before = True
        super().showEvent(event)

    # -- building ----------------------------------------------------------------------
    def _build_tabs(self) -> None:
        # 当事人
        self.parties_model = _PartyModel(self)
        self.consents_model = ConsentTableModel(self)
        self.parties_view = _table(self.parties_model)
        header = self.parties_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # 住址
        header.setSectionResizeMode(_PartyModel.REVEAL_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.parties_view.setColumnWidth(_PartyModel.REVEAL_COLUMN, 64)
        self.consents_view = _table(self.consents_model)
        self.consent_button = QPushButton(self.tr("记录当事人意见…"))
        self.consent_button.clicked.connect(self.record_consent)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(self.parties_view, 3)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("当事人意见（公开调解、延长期限、医疗纠纷申请）")))
        row.addStretch(1)
        row.addWidget(self.consent_button)
        box.addLayout(row)
        box.addWidget(self.consents_view, 2)
        self.tabs.addTab(page, self.tr("当事人"))

        # 调解记录
        self.sessions_model = SessionTableModel(self)
        self.sessions_view = _table(self.sessions_model)
        self.sessions_view.doubleClicked.connect(lambda _i: self.edit_session())
        self.new_session_button = QPushButton(self.tr("新建调解记录（Ctrl+N）"))
        self.new_session_button.clicked.connect(self.new_session)
        self.edit_session_button = QPushButton(self.tr("修改所选记录"))
        self.edit_session_button.clicked.connect(self.edit_session)
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.new_session_button)
        row.addWidget(self.edit_session_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.sessions_view)
        self.tabs.addTab(page, self.tr("调解记录"))

        # 协议
        self.agreement_text = QLabel()
        self.agreement_text.setWordWrap(True)
        self.agreement_text.setTextFormat(Qt.TextFormat.RichText)
        self.agreement_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.agreement_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_agreement_button = QPushButton(self.tr("编辑协议…"))
        self.edit_agreement_button.clicked.connect(self.edit_agreement)
        self.edit_agreement_button.setVisible(importlib.util.find_spec("desktop.screens.agreement_editor") is not None)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.agreement_text)
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.edit_agreement_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(scroll)
        self.tabs.addTab(page, self.tr("调解协议"))

        # 履行
        self.instalments_model = InstalmentTableModel(self)
        self.payments_model = PaymentTableModel(self)
        self.instalments_view = _table(self.instalments_model)
        self.payments_view = _table(self.payments_model)
        self.instalments_view.selectionModel().selectionChanged.connect(self._show_payments)
        self.pay_button = QPushButton(self.tr("登记付款…"))
        self.pay_button.clicked.connect(self.record_payment)
        self.instalments_view.doubleClicked.connect(lambda _i: self.record_payment())
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.pay_button)
        row.addStretch(1)
        box.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.instalments_view)
        split.addWidget(self.payments_view)
        box.addWidget(split)
        self.tabs.addTab(page, self.tr("履行"))

        # 回访
        self.followups_model = FollowupTableModel(self)
        self.followups_view = _table(self.followups_model)
        self.visit_button = QPushButton(self.tr("登记回访…"))
        self.visit_button.clicked.connect(self.record_visit)
        self.followups_view.doubleClicked.connect(lambda _i: self.record_visit())
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.visit_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.followups_view)
        self.tabs.addTab(page, self.tr("回访"))

        # 附件
        self.attachments_model = AttachmentTableModel(self)
        self.attachments_view = _table(self.attachments_model)
        self.attachments_view.doubleClicked.connect(lambda _i: self.open_attachment())
        self.attachment_kind = QComboBox()
        for code, label in ATTACHMENT_KINDS.items():
            self.attachment_kind.addItem(tr_code(label), code)
        self.add_file_button = QPushButton(self.tr("添加文件…"))
        self.add_file_button.clicked.connect(self.add_files)
        self.open_file_button = QPushButton(self.tr("打开"))
        self.open_file_button.clicked.connect(self.open_attachment)
        self.attachment_error = QLabel(objectName="fieldError")
        self.attachment_error.setWordWrap(True)
        self.attachment_error.hide()
        self.attachment_hint = hint("")
        page = QWidget()
        box = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("类别")))
        row.addWidget(self.attachment_kind)
        row.addWidget(self.add_file_button)
        row.addWidget(self.open_file_button)
        row.addWidget(self.attachment_hint, 1)
        box.addLayout(row)
        box.addWidget(self.attachment_error)
        box.addWidget(self.attachments_view)
        self.tabs.addTab(page, self.tr("附件"))

        # 历史
        self.history_model = HistoryTableModel(self)
        self.history_view = _table(self.history_model)
        self.tabs.addTab(self.history_view, self.tr("状态历史"))

    # -- loading -----------------------------------------------------------------------
    def _find(self) -> None:
        self.find_error.hide()
        try:
            case_id = find_case(self.ctx.engine, self.ctx.user, self.find.text())
        except PermissionDenied as exc:
            case_id, message = None, error_text(exc)
        else:
            message = self.tr("没有找到符合的案件")
        if case_id is None:
            self.find_error.setText(message)
            self.find_error.show()
            return
        self.load_case(case_id)

    def load_case(self, case_id: int | None) -> None:
        """Open a case: checked (and, for a medical case, logged) once here, not on every refresh."""
        self.case_id = case_id
        self.restricted = None
        self.notice.hide()
        if case_id is not None:
            try:
                open_case_record(self.ctx.engine, self.ctx.user, case_id)
            except PermissionDenied as exc:  # MedicalDetailsRestricted among them: audited in core
                self.restricted = exc
        self.refresh()

    def _show_restricted(self) -> None:
        """What may be shown instead of the details: the number, status and date of a medical
        case (as in the list) and why the rest is not shown."""
        exc = self.restricted
        self.overview = None
        self.tabs.hide()
        self._build_actions()
        for w in (self.committee, self.facts, self.deadline_label, self.summary):
            w.clear()
        if isinstance(exc, MedicalDetailsRestricted):
            self.number.setText(exc.number)
            self.status.setText(CASE_STATUSES.get(exc.status, exc.status))
            self.status.show()
            self.committee.setText(tr_code(COMMITTEES["medical"][0]))
            if exc.received_on:
                self.facts.setText(self.tr("登记 %1").replace("%1", day(exc.received_on)))
            text = self.tr(_MEDICAL_NOTICE) + self.tr("。本页只显示案号、状态和登记日期；如需了解案情，请联系医患纠纷人民调解委员会。")
        else:
            self.number.setText(self.tr("无权查看此案件"))
            self.status.hide()
            text = error_text(exc)
        self.restricted_notice.setText(text)
        self.restricted_notice.show()
        self._filler.show()

    def refresh(self) -> None:
        engine, user, case_id = self.ctx.engine, self.ctx.user, self.case_id
        if self.restricted is not None and case_id is not None:
            self._show_restricted()
            return
        self.tabs.show()
        self.restricted_notice.hide()
        self._filler.hide()
        if case_id is None:
            self.overview = None
            self.number.setText(self.tr("没有可显示的案件"))
            self.status.hide()
            for w in (self.committee, self.facts, self.deadline_label, self.summary):
                w.clear()
            self._build_actions()
            self.tabs.setEnabled(False)
            return
        self.tabs.setEnabled(True)
        self.status.show()
        self.overview = case_overview(engine, user, case_id)
        self.deadline = deadline_info(engine, user, case_id)
        self.agreement = agreement_summary(engine, user, case_id)
        can_money = can(user, "agreements") or can(user, "followups") or can(user, "cases.read_all")
        self.instalments_model.set_rows(instalments_of(engine, user, case_id) if can_money else [])
        self._show_header()
        self._build_actions()
        self.parties_model.set_rows(self.overview.parties)
        self._add_reveal_buttons()
        self.consents_model.set_rows(self.overview.consents)
        self.history_model.set_rows(self.overview.history)
        self.sessions_model.set_rows(list_sessions(engine, user, case_id))
        self._show_agreement()
        self.payments_model.set_rows([])
        self.followups_model.set_rows(followups_of_case(engine, user, case_id))
        self.attachments_model.set_rows(list_attachments(engine, user, case_id))
        self.attachment_hint.setText(self.tr("扫描件、照片或 PDF，单个文件不超过%1").replace(
            "%1", size_text(attachment_limit(engine))))
        mediate = self.overview.can_mediate
        status = self.overview.header.status
        self.consent_button.setEnabled(mediate and status in ("registered", "accepted", "mediating"))
        self.new_session_button.setEnabled(can(user, "sessions") and mediate and status in ("accepted", "mediating"))
        self.edit_session_button.setEnabled(can(user, "sessions") and mediate and status != "archived")
        self.pay_button.setEnabled(can(user, "agreements") and mediate and status == "agreed")
        self.visit_button.setEnabled(can(user, "followups") and mediate)
        self.add_file_button.setEnabled((can(user, "sessions") or can(user, "intake")) and
                                        (mediate or user.role == "reception") and status != "archived")
        self.edit_agreement_button.setEnabled(mediate and can(user, "agreements"))

    def _add_reveal_buttons(self) -> None:
        """A 显示 button for each person whose ID number is on file (organisation codes are
        public and shown in full)."""
        self.reveal_buttons = {}
        for row, party in enumerate(self.parties_model.rows()):
            if party.kind == "organisation" or not party.id_masked or not party.party_id:
                continue
            button = QPushButton(self.tr("显示"))
            button.setObjectName(f"reveal_{party.party_id}")
            button.setToolTip(self.tr("显示完整证件号码（将记入审计日志）"))
            button.clicked.connect(lambda _=False, r=row: self.reveal_id(r))
            self.parties_view.setIndexWidget(self.parties_model.index(row, _PartyModel.REVEAL_COLUMN), button)
            self.reveal_buttons[party.party_id] = button

    def reveal_id(self, row: int) -> str | None:
        party = self.parties_model.row_at(row)
        try:
            number = reveal_id_number(self.ctx.engine, self.ctx.user, party.party_id)
        except (PermissionDenied, ValueError) as exc:
            self._say(error_text(exc), error=True)
            return None
        self.parties_model.reveal(row, number)
        button = self.reveal_buttons.get(party.party_id)
        if button is not None:
            button.setEnabled(False)
        return number

    def _show_header(self) -> None:
        h = self.overview.header
        self.number.setText(h.number)
        self.status.setText(tr_code(h.status_name))
        self.committee.setText(f"{tr_code(COMMITTEES.get(h.committee, (h.committee_name,))[0])} · {h.dispute_type} {tr_code(h.dispute_type_name)} · "
                               f"{CASE_SOURCES.get(h.source, h.source)}")
        bits = [self.tr("登记 %1").replace("%1", day(h.received_on))]
        if h.accepted_on:
            bits.append(self.tr("受理 %1").replace("%1", day(h.accepted_on)))
        if h.concluded_on:
            bits.append(self.tr("办结 %1").replace("%1", day(h.concluded_on)))
        if h.mediator:
            bits.append(self.tr("调解员 %1").replace("%1", h.mediator))
        if h.amount_claimed is not None:
            bits.append(self.tr("涉案金额 %1 元").replace("%1", money(h.amount_claimed)))
        if h.committee == "medical":
            consent = MEDICAL_CONSENTS.get(h.medical_consent or "")
            bits.append(tr_code(consent) if consent else self.tr("尚未记录双方申请或同意"))
        self.facts.setText(self.tr("　").join(bits))
        self.deadline_label.setText(self._deadline_text())
        summary = h.summary if len(h.summary) <= 160 else h.summary[:160] + "…"
        if h.conclusion_reason:
            summary += "\n" + self.tr("办结原因：") + h.conclusion_reason
        self.summary.setText(summary)

    def _deadline_text(self) -> str:
        info = self.deadline
        if info is None:
            return ""
        parts = []
        d = info.deadline
        if d is not None and info.running:
            color = "#b42318" if (info.days_left or 0) < 0 else "#1f3a5f"
            words = deadline_words()
            label = self.tr("%1：").replace("%1", tr_code(d.label))
            due = self.tr("%1（%2）").replace("%1", due_text(d, words)).replace(
                "%2", left_text(d, info.days_left, deadline_words(info.days_left)))
            parts.append(f"<b>{escape(label)}</b><span style='color:{color}'>{escape(due)}</span>")
            if d.provisional:
                parts.append("<span style='color:#b54708'>" + escape(self.tr(
                    "暂定：期限跨入节假日安排尚未公布的年份，按周末和法定节假日推算，请以国务院公布的安排为准")) + "</span>")
        elif d is None and info.running is False and self.overview.header.status == "registered":
            parts.append(escape(self.tr("尚未受理，调解期限未开始计算")))
        for p in info.pauses:
            end = p.ends.isoformat() if p.ends else self.tr("进行中")
            parts.append(escape(self.tr("暂停：%1 至 %2（%3）").replace("%1", p.starts.isoformat())
                                .replace("%2", end).replace("%3", p.reason)))
        for e in info.extensions:
            extended = (self.tr("延长%n个工作日（%1双方同意）", "", e.days) if info.kind == "medical"
                        else self.tr("延长%n日（%1双方同意）", "", e.days))
            parts.append(escape(extended.replace("%1", e.consented_on.isoformat())))
        if info.police is not None:
            mark = self.tr("（暂定）") if info.police.provisional else ""
            parts.append(escape(self.tr("当事人可于%1%2前共同书面申请公安机关交通管理部门调解"
                                        "（《道路交通事故处理程序规定》第八十五条）")
                                .replace("%1", info.police.due.isoformat()).replace("%2", mark)))
        if self.agreement is not None and self.agreement.judicial_deadline is not None \
                and self.agreement.judicial_applied_on is None:
            parts.append(escape(self.tr("申请司法确认期限：%1（人民调解法第三十三条，协议生效之日起30日内）")
                                .replace("%1", self.agreement.judicial_deadline.due.isoformat())))
        return "<br>".join(parts)

    def _build_actions(self) -> None:
        while self.actions.count():
            item = self.actions.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of sight at once; deleted when the event loop runs
                item.widget().deleteLater()
        self.action_buttons = {}
        if self.overview is None:
            return
        for name in self.overview.operations:
            button = QPushButton(tr_operation(OPERATIONS[name].label))
            button.setObjectName(f"op_{name}")
            button.clicked.connect(lambda _=False, n=name: self.run_operation(n))
            self.actions.addWidget(button)
            self.action_buttons[name] = button
        unpaid = [r for r in self.instalments_model.rows() if r.paid_in_full_on is None]
        if "mark_performed" in self.action_buttons and unpaid:
            # 人民调解法第三十一条: performed only once everything is paid (recording the last
            # payment does it by itself).
            self.action_buttons["mark_performed"].setEnabled(False)
            self.action_buttons["mark_performed"].setToolTip(
                self.tr("尚有%n期款项未付清；付清最后一期时自动登记履行完毕", "", len(unpaid)))
        info = self.deadline
        status = self.overview.header.status
        if self.overview.can_mediate and info is not None and status in ("accepted", "mediating"):
            running_pause = any(p.ends is None for p in info.pauses)
            if info.can_pause:
                if running_pause:
                    self._extra("resume", self.tr("鉴定结束，恢复计算…"), self.resume)
                else:
                    self._extra("pause", self.tr("医疗损害鉴定，暂停计算…"), self.pause)
            if info.can_extend:
                self._extra("extend", self.tr("延长期限…"), self.extend)
        # 改派: reception moves any open case, a mediator one of his or her committees' (core.intake)
        user = self.ctx.user
        if status in OPEN_STATUSES and (can(user, "intake") or (
                can(user, "cases.mediate") and self.overview.header.committee in user.committee_codes)):
            self._extra("reroute", self.tr("改派委员会…"), self.reroute)
        self.actions.addStretch(1)

    def _extra(self, key: str, text: str, slot) -> None:
        button = QPushButton(text)
        button.setObjectName(f"deadline_{key}")
        button.clicked.connect(slot)
        self.actions.addWidget(button)
        self.action_buttons[key] = button

    def _show_agreement(self) -> None:
        a = self.agreement
        if a is None:
            self.agreement_text.setText(escape(self.tr("尚未制作调解协议。")))
            return
        lines = [f"<h3>{escape(tr_code(a.kind_name))}</h3>"]
        facts = [(self.tr("协议金额"), self.tr("%1 元").replace("%1", money(a.amount)) if a.amount is not None else "—"),
                 (self.tr("达成日期"), day(a.formed_on) or "—"),
                 (self.tr("生效日期"), day(a.effective_on) or self.tr("未生效")),
                 (self.tr("最后履行期限"), day(a.last_due_on) or "—"), (self.tr("履行完毕"), day(a.performed_on) or "—")]
        lines.append("<table cellspacing='6'>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts) + "</table>")
        if a.terms:
            heading = self.tr("协议内容")  # outside the f-string: lupdate does not look inside one
            lines.append(f"<p><b>{escape(heading)}</b></p><ol>"
                         + "".join(f"<li>{escape(t)}</li>" for t in a.terms) + "</ol>")
        if a.kind == "written":
            comma = self.tr("、")
            signed = comma.join(self.tr("%1（%2）").replace("%1", signer_name(n)).replace("%2", d.isoformat())
                                for n, d in a.signatures.signed) or "—"
            lines.append("<p>" + self.tr("<b>已签名：</b>%1").replace("%1", escape(signed)) + "</p>")
            if a.signatures.missing:
                missing = comma.join(signer_name(n) for n in a.signatures.missing)
                lines.append("<p style='color:#b42318'>" + self.tr(
                    "<b>尚未签名：</b>%1（人民调解法第二十九条：各方当事人签名、盖章或按指印，调解员签名并加盖印章后生效）")
                    .replace("%1", escape(missing)) + "</p>")
        if a.judicial_applied_on:
            judicial = (self.tr("司法确认：%1向%2申请，%3确认").replace("%3", a.judicial_confirmed_on.isoformat())
                        if a.judicial_confirmed_on else self.tr("司法确认：%1向%2申请"))
            lines.append(escape(judicial.replace("%1", a.judicial_applied_on.isoformat())
                                .replace("%2", a.judicial_court or "")))
        self.agreement_text.setText("".join(lines))

    def _show_payments(self) -> None:
        row = _selected(self.instalments_view)
        self.payments_model.set_rows(row.payments if row is not None else [])

    def _say(self, text: str, *, error: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("color: #b42318;" if error else
                                  "background: #ecfdf3; color: #067647; padding: 4px; border: 1px solid #abefc6;")
        self.notice.show()

    # -- transitions -------------------------------------------------------------------
    def _principals(self) -> list[tuple[int, str]]:
        return [(p.case_party_id, self.tr("%1（%2）").replace("%1", p.name).replace("%2", tr_code(p.role_name)))
                for p in self.overview.parties if p.role != "agent"]

    def run_operation(self, name: str) -> TransitionResult | None:
        if self.overview is None:
            return None
        op = OPERATIONS[name]
        h = self.overview.header
        intro = self.tr(_INTROS[name]) if name in _INTROS else ""
        if name == "terminate_mediation" and h.committee == "traffic":
            intro += self.tr(_TRAFFIC_INTRO)
        defaults = {"withdraw_case": "申请人撤回调解申请"}  # the reason typed for the user: recorded, in Chinese
        dialog = ReasonDialog(f"{tr_operation(op.label)} — {h.number}", self, intro=intro, reason=defaults.get(name, ""),
                              needs_reason=op.needs_reason and name != "refuse_mediation",
                              parties=self._principals() if name == "refuse_mediation" else ())
        consent = party = None
        if name == "accept_case" and h.committee == "medical" and not h.medical_consent:
            consent = QComboBox()
            for code, label in MEDICAL_CONSENTS.items():
                consent.addItem(tr_code(label), code)
            dialog.add_row("medical_consent", self.tr("申请方式"), consent)
            party = QComboBox()
            for cp_id, label in self._principals():
                party.addItem(label, cp_id)
            dialog.add_row("consenting_party_id", self.tr("同意调解的一方"), party)
            party.setEnabled(False)  # only when one side applied and the other consents
            consent.currentIndexChanged.connect(lambda _i: party.setEnabled(consent.currentData() == "consented"))
            dialog.add_widget(hint(self.tr("医疗纠纷须双方共同申请，或一方申请、另一方同意（《医疗纠纷预防和处理条例》第三十一条）。")))
        if name == "refuse_mediation":
            dialog.reason = None
        dialog.keep_draft(f"{name}_{h.id}", self.ctx.user.username)
        fn = FUNCTIONS[name]

        def submit() -> TransitionResult:
            kwargs = {"on": date_of(dialog.day)}
            if name == "accept_case" and consent is not None:
                kwargs.update(medical_consent=consent.currentData(),
                              consenting_party_id=party.currentData() if party.isEnabled() else None)
            if name == "refuse_mediation":
                return fn(self.ctx.engine, self.ctx.user, h.id, case_party_id=dialog.party_id(), **kwargs)
            if op.needs_reason:
                return fn(self.ctx.engine, self.ctx.user, h.id, dialog.reason_text(), **kwargs)
            return fn(self.ctx.engine, self.ctx.user, h.id, **kwargs)

        dialog.submit = submit
        if not self.run_dialog(dialog):
            return None
        result: TransitionResult = dialog.result_value
        self.refresh()
        message = self.tr("案件已%1。").replace("%1", tr_code(result.status_name))
        if result.police_deadline is not None:
            mark = self.tr("（暂定）") if result.police_deadline.provisional else ""
            message += self.tr("当事人可于%1%2前共同书面申请公安机关交通管理部门调解（第八十五条）。").replace(
                "%1", result.police_deadline.due.isoformat()).replace("%2", mark)
        if result.judicial_deadline is not None:
            message += self.tr("请告知当事人可于%1前共同申请司法确认（人民调解法第三十三条）。").replace(
                "%1", result.judicial_deadline.due.isoformat())
        if result.followups_scheduled:
            message += self.tr("已安排回访%n次。", "", result.followups_scheduled)
        self._say(message)
        return result

    def reroute(self) -> None:
        h = self.overview.header
        dialog = FormDialog(self.tr("改派到其他调解委员会"), self,
                            intro=self.tr("案号不变；原委员会指定的调解员随之取消，由新委员会重新指定。改派理由记入案件历史。"))
        target = QComboBox()
        for code, name in COMMITTEE_SHORT.items():
            if code != h.committee:
                target.addItem(name, code)
        dialog.add_row("committee", self.tr("改派到"), target)
        reason = dialog.add_row("reason", self.tr("改派理由"), QLineEdit())
        reason.setPlaceholderText(self.tr("如：经了解系医疗过程中发生的纠纷，应由医患纠纷调委会受理"))
        dialog.keep_draft(f"reroute_{h.id}", self.ctx.user.username)
        dialog.submit = lambda: reroute_case(self.ctx.engine, self.ctx.user, h.id, target.currentData(),
                                             reason.text())
        if self.run_dialog(dialog):
            to = COMMITTEE_SHORT.get(target.currentData(), "")
            self.load_case(h.id)  # the new committee may be one whose details this user may not see
            self._say(self.tr("已改派至%1。").replace("%1", to))

    # -- deadline actions --------------------------------------------------------------
    def pause(self) -> None:
        h = self.overview.header
        dialog = FormDialog(self.tr("医疗损害鉴定 — 暂停计算期限"), self,
                            intro=self.tr("医疗损害鉴定期间不计入30个工作日的调解期限（《医疗纠纷预防和处理条例》第三十四条、第三十八条）。"))
        starts = dialog.add_row("starts", self.tr("鉴定开始日"), date_edit(maximum=date.today()))
        reason = dialog.add_row("reason", self.tr("说明"), QLineEdit(self.tr("医疗损害鉴定")))
        dialog.submit = lambda: pause_deadline(self.ctx.engine, self.ctx.user, h.id, date_of(starts), reason.text())
        if self.run_dialog(dialog):
            self.refresh()
            self._say(self.tr("已暂停计算调解期限。"))

    def resume(self) -> None:
        h = self.overview.header
        dialog = FormDialog(self.tr("鉴定结束 — 恢复计算期限"), self,
                            intro=self.tr("鉴定结束之日也不计入期限，次日起恢复计算。"))
        ends = dialog.add_row("ends", self.tr("鉴定结束日"), date_edit(maximum=date.today()))
        dialog.submit = lambda: resume_deadline(self.ctx.engine, self.ctx.user, h.id, date_of(ends))
        if self.run_dialog(dialog):
            self.refresh()
            self._say(self.tr("已恢复计算调解期限，新的期限：%1。").replace("%1", due_text(self.deadline.deadline, deadline_words())))

    def extend(self) -> None:
        h = self.overview.header
        medical = self.deadline.kind == "medical"
        unit = (lambda n: self.tr("个工作日", "", n)) if medical else (lambda n: self.tr("日", "", n))
        dialog = ExtendDialog(self, unit=unit,  # the spin box's suffix, for the number in it
                              intro=self.tr("延长调解期限须经双方当事人同意，请先在“当事人”页记录各方的同意意见。"))
        dialog.keep_draft(f"extend_{h.id}", self.ctx.user.username)
        dialog.submit = lambda: extend_deadline(self.ctx.engine, self.ctx.user, h.id, dialog.days.value(),
                                                consented_on=date_of(dialog.consented_on), note=dialog.note.text())
        if self.run_dialog(dialog):
            self.refresh()
            self._say(self.tr("调解期限已延长至%1。").replace("%1", due_text(self.deadline.deadline, deadline_words())))

    def record_consent(self) -> None:
        h = self.overview.header
        kinds = dict(CONSENT_KINDS)
        if h.committee != "medical":
            kinds.pop("medical_application")
        dialog = ConsentDialog(self, kinds=kinds, parties=self._principals(), forms=CONSENT_FORMS)
        dialog.keep_draft(f"consent_{h.id}", self.ctx.user.username)
        dialog.submit = lambda: record_party_consent(
            self.ctx.engine, self.ctx.user, h.id, dialog.party.currentData(), dialog.kind.currentData(),
            given=dialog.given.currentData(), form=dialog.form.currentData(), given_on=date_of(dialog.given_on),
            note=dialog.note.text())
        if self.run_dialog(dialog):
            self.refresh()
            self._say(self.tr("已记录当事人意见。"))

    # -- sessions and agreement --------------------------------------------------------
    def new_session(self) -> QWidget | None:
        if self.overview is None or not self.new_session_button.isEnabled():
            return None
        from desktop.screens.session_record import open_session_record

        return open_session_record(self, self.ctx, self.overview.header.id)

    def edit_session(self) -> QWidget | None:
        row = _selected(self.sessions_view)
        if row is None or not self.edit_session_button.isEnabled():
            return None
        from desktop.screens.session_record import open_session_record

        return open_session_record(self, self.ctx, row.case_id, session_id=row.id)

    def edit_agreement(self) -> None:
        """Open the agreement editor (desktop.screens.agreement_editor) on this case."""
        from desktop import navigation

        window = self.window()
        screen = window.show_screen("agreement_editor") if hasattr(window, "show_screen") else None
        if screen is None:
            spec = navigation.screen_by_key("agreement_editor")
            if spec is None:
                return
            screen = navigation.build(spec, self.ctx, None)
            screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            screen.show()
        if hasattr(screen, "load_case"):
            screen.load_case(self.case_id)

    # -- payments and follow-ups -------------------------------------------------------
    def record_payment(self) -> None:
        row = _selected(self.instalments_view)
        if row is None:
            rows = [r for r in self.instalments_model.rows() if r.paid_in_full_on is None]
            row = rows[0] if rows else None
        if row is None or not self.pay_button.isEnabled():
            if row is None and self.pay_button.isEnabled():
                self._say(self.tr("没有待付的款项。"), error=True)
            return
        dialog = PaymentDialog(self, methods=PAYMENT_METHODS, outstanding=row.outstanding, due=row.due_on,
                               payer=row.payer)
        dialog.keep_draft(f"payment_{row.id}", self.ctx.user.username)

        def submit():
            try:
                return record_payment(self.ctx.engine, self.ctx.user, row.id, dialog.amount.text(),
                                      date_of(dialog.paid_on), dialog.method.currentData(), dialog.receipt.text(),
                                      confirm_overpayment=dialog.confirm.isChecked())
            except OverpaymentError:
                dialog.confirm.show()
                raise

        dialog.submit = submit
        if not self.run_dialog(dialog):
            return
        result = dialog.result_value
        self.refresh()
        if result.case_performed:
            self._say(self.tr("已登记付款。全部款项已付清，案件已登记为履行完毕。"))
        elif result.paid_in_full:
            self._say(self.tr("已登记付款，本期已付清。"))
        else:
            self._say(self.tr("已登记付款，本期尚欠%1元。").replace("%1", f"{result.outstanding:,.2f}"))

    def record_visit(self) -> None:
        row = _selected(self.followups_view)
        if row is None:
            pending = [r for r in self.followups_model.rows() if r.visited_on is None]
            row = pending[0] if pending else None
        if row is None or row.visited_on is not None or not self.visit_button.isEnabled():
            return
        result = visit_dialog(self, self.ctx, row, self.run_dialog)
        if result is not None:
            self.refresh()
            self._say(visit_message(result))

    # -- attachments -------------------------------------------------------------------
    def _choose_files(self) -> list[str]:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("选择证据材料"), "", self.tr("扫描件、照片或 PDF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff "
                                                     "*.bmp *.gif *.webp *.heic);;所有文件 (*)"))
        return files

    def add_files(self) -> None:
        if self.case_id is None:
            return
        self.attachment_error.hide()
        limit = attachment_limit(self.ctx.engine)
        case_id, kind = self.case_id, self.attachment_kind.currentData()
        problems: list[str] = []
        for name in self.choose_files():
            path = Path(name)
            try:
                size = path.stat().st_size
            except OSError as exc:
                problems.append(self.tr("无法读取“%1”：%2").replace("%1", path.name).replace("%2", str(exc)))
                continue
            if size > limit:  # refused before reading a huge file into memory
                problems.append(self.tr("文件“%1”大小为%2，超过单个附件上限%3；请压缩或拆分后再添加").replace(
                    "%1", path.name).replace("%2", tr_message(size_text(size))).replace("%3", tr_message(size_text(limit))))
                continue

            def work(path=path):
                return add_attachment(self.ctx.engine, self.ctx.user, case_id, path.name, path.read_bytes(),
                                      kind=kind)

            self.ctx.tasks.run(work, on_done=lambda _row: self._attachment_added(case_id),
                               on_error=self._attachment_failed)
        if problems:
            self._attachment_failed(AttachmentError(self.tr("；").join(problems)))

    def _attachment_added(self, case_id: int) -> None:
        if case_id == self.case_id:
            self.attachments_model.set_rows(list_attachments(self.ctx.engine, self.ctx.user, case_id))

    def _attachment_failed(self, exc: BaseException) -> None:
        previous = self.attachment_error.text() if self.attachment_error.isVisible() else ""
        message = error_text(exc)
        self.attachment_error.setText(f"{previous}\n{message}" if previous else message)
        self.attachment_error.show()

    def open_attachment(self) -> None:
        row = _selected(self.attachments_view)
        if row is None:
            return
        try:
            file = get_attachment(self.ctx.engine, self.ctx.user, row.id)
        except (AttachmentError, PermissionDenied) as exc:
            self._attachment_failed(exc)
            return
        folder = data_dir() / "open"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{row.id}_{safe_name(row.filename)}"
        path.write_bytes(file.content)
        self.open_file(path)


def visit_message(result) -> str:
    if result.ledger_entry_id is None:
        return QCoreApplication.translate("CaseDetailScreen", "已登记回访。")
    mark = QCoreApplication.translate("CaseDetailScreen", "（暂定）") if result.ledger_provisional else ""
    return QCoreApplication.translate(
        "CaseDetailScreen", "已登记回访。评价为差评，已登记差评台账，须于%1%2前回访整改并答复。").replace(
        "%1", result.ledger_due_on.isoformat()).replace("%2", mark)


def visit_dialog(parent: QWidget, ctx: AppContext, row, run_dialog: Callable[[QDialog], bool]):
    """Record the visit of follow-up ``row``; returns the core's VisitResult, or None if cancelled."""
    who = row.party
    if row.phone:
        who = QCoreApplication.translate("CaseDetailScreen", "%1（%2）").replace("%1", row.party).replace("%2", row.phone)
    dialog = VisitDialog(parent, who=who)
    dialog.keep_draft(f"visit_{row.id}", ctx.user.username)
    dialog.submit = lambda: record_visit(ctx.engine, ctx.user, row.id, VisitForm(
        visited_on=date_of(dialog.visited_on), performance=dialog.performance.toPlainText(), rating=dialog.rating(),
        court_action=dialog.court_action.isChecked(), escalation_risk=dialog.escalation.isChecked(),
        action_taken=dialog.action_taken.toPlainText()))
    if not run_dialog(dialog):
        return None
    return dialog.result_value
