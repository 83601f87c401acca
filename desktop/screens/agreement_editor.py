"""调解协议: write the agreement of a case, record its signatures, print its copies.

Written or oral (人民调解法第二十八条); the facts and the matters in dispute; each party's
responsibility — with liability ratios for traffic and medical disputes (道路交通事故处理程序规定
第九十三条), which must add up to 100 %; numbered terms; the instalments (due date, amount, who
pays whom) whose total must equal the agreement's amount (checked while typing); how and by when
it is performed. Every error appears beside its field and what was typed stays.

A written agreement is printed in parties + 1 copies (第二十九条) and takes effect once every
party and the mediator have signed: the signatures checklist records that, and "协议生效" then
concludes the case (:func:`core.lifecycle.record_agreement_reached`). An oral agreement is
registered and takes effect the day it is reached (第三十条) in one step.

Opened from the navigation, it shows the most recent agreed case of the user's committees;
the case screen opens it on its case (:meth:`AgreementEditorScreen.load_case`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.agreements import (
    RATIO_COMMITTEES,
    AgreementData,
    AgreementError,
    AgreementForm,
    InstalmentLine,
    ResponsibilityLine,
    amount_in_words,
    load_agreement_data,
    parse_ratio,
    parse_yuan,
    record_oral_agreement,
    record_signatures,
    save_agreement,
)
from core.auth import can
from core.lifecycle import CaseOverview, PartyRow, case_overview, find_case, most_recent_case
from core.messages import joined
from desktop.context import AppContext
from desktop.drafts import Draft, DraftKeeper, drafts_dir
from desktop.messages import error_text
from desktop.vocab import tr_code
from desktop.widgets.mediation_forms import (
    date_edit,
    date_of,
    field_error,
    show_error,
    signer_name,
    text_box,
)

_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def _numeral(n: int) -> str:
    """一, 二, 三 … in the Chinese UI (as the agreement prints its terms), 1, 2, 3 … otherwise."""
    return _cn(n) if QLocale().language() == QLocale.Language.Chinese else str(n)


def _party_label(party: PartyRow) -> str:
    """张三（申请人）, or 李四（代理张三） for an agent, in the UI's language."""
    translate = QCoreApplication.translate
    if party.role == "agent":
        return translate("AgreementEditorScreen", "%1（代理%2）").replace("%1", party.name).replace(
            "%2", party.represents or "")
    return translate("AgreementEditorScreen", "%1（%2）").replace("%1", party.name).replace(
        "%2", tr_code(party.role_name))


class _TermRow(QWidget):
    def __init__(self, editor: AgreementEditorScreen, text: str = "") -> None:
        super().__init__()
        self.number = QLabel()
        self.number.setMinimumWidth(36)
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText(self.tr("如：被申请人于2026年12月31日前一次性支付申请人赔偿款人民币20000元"))
        self.remove = QPushButton(self.tr("删除"))
        self.remove.setToolTip(self.tr("删除这一条"))
        self.error = field_error()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.number, 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(self.error, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)


class _InstalmentRow(QWidget):
    def __init__(self, editor: AgreementEditorScreen, parties: list[PartyRow], line: InstalmentLine | None = None,
                 formed: date | None = None) -> None:
        super().__init__()
        self.number = QLabel()
        self.number.setMinimumWidth(48)
        self.due = date_edit(line.due_on if line and line.due_on else formed or date.today())
        self.amount = QLineEdit(f"{Decimal(line.amount):.2f}" if line and line.amount not in (None, "") else "")
        self.amount.setPlaceholderText(self.tr("金额（元）"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.payer = QComboBox()
        self.payee = QComboBox()
        for combo in (self.payer, self.payee):
            # a long name with its role must not widen the form beyond the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem(self.tr("（请选择）"), None)
            for p in parties:
                combo.addItem(_party_label(p), p.case_party_id)
        if line is not None:
            self.payer.setCurrentIndex(max(0, self.payer.findData(line.payer_id)))
            self.payee.setCurrentIndex(max(0, self.payee.findData(line.payee_id)))
        self.remove = QPushButton(self.tr("删除"))
        self.error = field_error()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, w in enumerate((self.number, self.due, self.amount, self.payer, self.payee, self.remove)):
            grid.addWidget(w, 0, col)
        grid.addWidget(self.error, 1, 1, 1, 5)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(4, 1)

    def line(self) -> InstalmentLine:
        return InstalmentLine(date_of(self.due), self.amount.text().strip() or None, self.payer.currentData(),
                              self.payee.currentData())


class _ResponsibilityRow:
    def __init__(self, editor: AgreementEditorScreen, party: PartyRow) -> None:
        self.party = party
        self.name = QLabel(_party_label(party))
        self.text = QLineEdit()
        self.text.setPlaceholderText(QCoreApplication.translate("AgreementEditorScreen", "如：承担事故主要责任"))
        self.ratio = QLineEdit()
        self.ratio.setPlaceholderText("%")
        self.ratio.setMaximumWidth(70)
        self.ratio.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.percent = QLabel("%")
        self.error = field_error()

    def line(self) -> ResponsibilityLine:
        return ResponsibilityLine(self.party.case_party_id, self.text.text(), self.ratio.text())


class AgreementEditorScreen(QWidget):
    title = "调解协议"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, case_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_editor")
        self.ctx = ctx
        self.case_id: int | None = None
        self.overview: CaseOverview | None = None
        self.data: AgreementData | None = None
        self.terms: list[_TermRow] = []
        self.instalments: list[_InstalmentRow] = []
        self.responsibilities: list[_ResponsibilityRow] = []
        self.sign_boxes: dict[int, QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        # Nothing typed is lost: the form is kept as a local draft per case until it is saved.
        self.drafts = DraftKeeper(self._draft_content, ctx.user.username, self)
        self._offered: Draft | None = None
        self._baseline: dict | None = None  # the form as loaded: a draft equal to it is no draft

        # -- case line
        self.case_edit = QLineEdit(placeholderText=self.tr("案件编号或当事人姓名（回车打开）"))
        self.case_edit.returnPressed.connect(self._find_case)
        self.case_label = QLabel()
        self.case_label.setObjectName("caseLabel")
        self.case_label.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setObjectName("hint")
        self.banner.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("案件")))
        top.addWidget(self.case_edit, 1)
        top.addWidget(self.case_label, 3)
        self.draft_banner = QFrame(objectName="draftBanner")
        self.draft_banner.setStyleSheet("QFrame#draftBanner { background: #fff4d6; border: 1px solid #f0b429; }")
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("恢复草稿"))
        self.discard_button = QPushButton(self.tr("放弃草稿"))
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        draft_row = QHBoxLayout(self.draft_banner)
        draft_row.addWidget(self.draft_label, 1)
        draft_row.addWidget(self.restore_button)
        draft_row.addWidget(self.discard_button)
        self.draft_banner.hide()

        # -- form
        self.written = QRadioButton(self.tr("书面协议"))
        self.oral = QRadioButton(self.tr("口头协议"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.written)
        self.kind_group.addButton(self.oral)
        self.written.setChecked(True)
        self.written.toggled.connect(self._kind_changed)
        self.formed_on = date_edit(maximum=date.today())
        self.formed_on.setMaximumWidth(160)
        self.facts = text_box(self.tr("纠纷的主要事实（时间、地点、经过、损失）"), 80)
        self.matters = text_box(self.tr("争议事项，如：赔偿数额"), 50)
        self.performance = text_box(self.tr("如：被申请人于签订协议当日以银行转账方式支付"), 50)
        for box, height in ((self.facts, 110), (self.matters, 60), (self.performance, 60)):
            box.setMaximumHeight(height)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("元"))
        self.amount.setMaximumWidth(180)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.textChanged.connect(self._update_total)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setWordWrap(True)  # the check is long in English
        self.ratio_sum = QLabel()
        self.ratio_sum.setObjectName("ratioSum")

        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.setColumnMinimumWidth(0, 70)
        row = 0

        def add(label: str, widget, key: str, extra: QWidget | None = None) -> None:
            nonlocal row
            form.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
            if widget is self.formed_on:
                form.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignLeft)
            elif extra is None:
                form.addWidget(widget, row, 1)
            else:
                box = QHBoxLayout()
                box.addWidget(widget)
                box.addWidget(extra, 1)
                form.addLayout(box, row, 1)
            self.errors[key] = field_error()
            form.addWidget(self.errors[key], row + 1, 1)
            row += 2

        kind_row = QWidget()
        kind_box = QHBoxLayout(kind_row)
        kind_box.setContentsMargins(0, 0, 0, 0)
        kind_box.addWidget(self.written)
        kind_box.addWidget(self.oral)
        kind_box.addStretch(1)
        add(self.tr("协议形式"), kind_row, "kind")
        add(self.tr("达成日期"), self.formed_on, "formed_on")
        add(self.tr("主要事实"), self.facts, "facts")
        add(self.tr("争议事项"), self.matters, "matters")

        # responsibilities
        self.resp_box = QGroupBox(self.tr("各方责任"))
        self.resp_grid = QGridLayout(self.resp_box)
        self.errors["responsibilities"] = field_error()

        # terms
        self.terms_box = QGroupBox(self.tr("协议条款"))
        self.terms_layout = QVBoxLayout(self.terms_box)
        self.terms_list = QVBoxLayout()
        self.add_term_button = QPushButton(self.tr("添加条款"))
        self.add_term_button.clicked.connect(lambda: self.add_term(focus=True))
        self.errors["terms"] = field_error()
        self.terms_layout.addLayout(self.terms_list)
        self.terms_layout.addWidget(self.errors["terms"])
        self.terms_layout.addWidget(self.add_term_button, 0, Qt.AlignmentFlag.AlignLeft)

        # performance, amount, instalments
        self.money_box = QGroupBox(self.tr("履行方式、金额和期限"))
        money = QGridLayout(self.money_box)
        money.setColumnStretch(1, 1)
        money.addWidget(QLabel(self.tr("履行方式")), 0, 0, Qt.AlignmentFlag.AlignTop)
        money.addWidget(self.performance, 0, 1)
        self.errors["performance"] = field_error()
        money.addWidget(self.errors["performance"], 1, 1)
        money.addWidget(QLabel(self.tr("协议金额")), 2, 0)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.total_label, 1)
        money.addLayout(amount_row, 2, 1)
        self.errors["amount"] = field_error()
        money.addWidget(self.errors["amount"], 3, 1)
        header = QHBoxLayout()
        for text, stretch in ((self.tr("期次"), 0), (self.tr("应付日期"), 0), (self.tr("金额（元）"), 0),
                              (self.tr("付款人"), 1), (self.tr("收款人"), 1)):
            label = QLabel(text)
            label.setObjectName("columnHeader")
            header.addWidget(label, stretch)
        money.addWidget(QLabel(self.tr("分期支付")), 4, 0, Qt.AlignmentFlag.AlignTop)
        inst = QVBoxLayout()
        inst.addLayout(header)
        self.instalment_list = QVBoxLayout()
        inst.addLayout(self.instalment_list)
        self.errors["instalments"] = field_error()
        inst.addWidget(self.errors["instalments"])
        self.add_instalment_button = QPushButton(self.tr("添加一期"))
        self.add_instalment_button.clicked.connect(lambda: self.add_instalment(focus=True))
        inst.addWidget(self.add_instalment_button, 0, Qt.AlignmentFlag.AlignLeft)
        money.addLayout(inst, 4, 1)

        # -- signatures
        self.sign_box = QGroupBox(self.tr("签名登记（人民调解法第二十九条）"))
        sign = QVBoxLayout(self.sign_box)
        self.sign_parties = QVBoxLayout()
        sign.addLayout(self.sign_parties)
        self.mediator_signed = QCheckBox(self.tr("调解员已签名，已加盖人民调解委员会印章"))
        sign.addWidget(self.mediator_signed)
        sign_row = QHBoxLayout()
        sign_row.addWidget(QLabel(self.tr("签名日期")))
        self.signed_on = date_edit(maximum=date.today())
        sign_row.addWidget(self.signed_on)
        self.sign_button = QPushButton(self.tr("登记签名"))
        self.sign_button.clicked.connect(self.record_signatures)
        self.effective_button = QPushButton(self.tr("协议生效，结案"))
        self.effective_button.setToolTip(self.tr("各方签名后登记协议生效，案件状态改为“达成协议”"))
        self.effective_button.clicked.connect(self.make_effective)
        sign_row.addWidget(self.sign_button)
        sign_row.addWidget(self.effective_button)
        sign_row.addStretch(1)
        sign.addLayout(sign_row)
        self.sign_state = QLabel()
        self.sign_state.setWordWrap(True)
        self.sign_state.setObjectName("signState")
        sign.addWidget(self.sign_state)
        self.errors["signed_on"] = field_error()
        sign.addWidget(self.errors["signed_on"])

        # -- buttons
        self.general_error = field_error()
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存协议"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("打印协议书…"))
        self.print_button.setToolTip(self.tr("按当事人人数加一打印，每份标明持有人（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_copies)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.resp_box)
        body_layout.addWidget(self.terms_box)
        body_layout.addWidget(self.money_box)
        body_layout.addWidget(self.sign_box)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.draft_banner)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

        for box in (self.facts, self.matters, self.performance):
            box.textChanged.connect(self.drafts.touched)
        self.amount.textChanged.connect(self.drafts.touched)
        self.formed_on.dateChanged.connect(self.drafts.touched)
        self.written.toggled.connect(self.drafts.touched)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_copies)
        self.setTabOrder(self.written, self.oral)
        self.setTabOrder(self.oral, self.formed_on)
        self.setTabOrder(self.formed_on, self.facts)
        self.setTabOrder(self.facts, self.matters)

        if case_id is not None:
            self.load_case(case_id)
        else:
            self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.case_id is not None:
            self.load_case(self.case_id)
            return
        case_id = most_recent_case(self.ctx.engine, self.ctx.user, statuses=("agreed",)) \
            or most_recent_case(self.ctx.engine, self.ctx.user, statuses=("mediating",))
        if case_id is None:
            self.case_label.setText(self.tr("没有可制作协议的案件"))
            self._set_editable(False)
            return
        self.load_case(case_id)

    def _find_case(self) -> None:
        case_id = find_case(self.ctx.engine, self.ctx.user, self.case_edit.text())
        if case_id is None:
            show_error(self.general_error, self.tr("没有找到案件：%1").replace("%1", self.case_edit.text().strip()))
            return
        self.load_case(case_id)

    def load_case(self, case_id: int) -> None:
        try:
            overview = case_overview(self.ctx.engine, self.ctx.user, case_id)
            data = load_agreement_data(self.ctx.engine, self.ctx.user, case_id)
        except Exception as exc:  # noqa: BLE001 — a refusal is shown, nothing is written
            show_error(self.general_error, error_text(exc))
            return
        self.drafts.set_path(None)  # the previous case's typing is written first
        self.drafts.paused = True
        self.case_id = case_id
        self.overview = overview
        self.data = data
        h = overview.header
        self.case_edit.setText(h.number)
        names = self.tr("、").join(p.name for p in self.principals())
        self.case_label.setText(self.tr("%1　%2·%3　（%4）").replace("%1", names).replace("%2", tr_code(h.committee_name))
                                .replace("%3", tr_code(h.dispute_type_name)).replace("%4", tr_code(h.status_name)))
        self._clear_errors()
        self.message.setText("")
        self._build_parties()
        self._show(data)
        self._update_state()
        self.drafts.set_path(drafts_dir() / f"agreement_{case_id}.json")
        self.drafts.paused = False
        self._offer_draft()

    def principals(self) -> list[PartyRow]:
        return [p for p in self.overview.parties if p.role != "agent"] if self.overview else []

    def uses_ratios(self) -> bool:
        return bool(self.overview) and self.overview.header.committee in RATIO_COMMITTEES

    def _build_parties(self) -> None:
        while self.resp_grid.count():
            item = self.resp_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.responsibilities = []
        self.errors = {k: v for k, v in self.errors.items() if not k.startswith("responsibilities.")}
        ratios = self.uses_ratios()
        self.resp_grid.addWidget(QLabel(self.tr("当事人")), 0, 0)
        self.resp_grid.addWidget(QLabel(self.tr("责任")), 0, 1)
        if ratios:
            self.resp_grid.addWidget(QLabel(self.tr("责任比例")), 0, 2, 1, 2)
        for i, party in enumerate(self.principals()):
            r = _ResponsibilityRow(self, party)
            r.text.textChanged.connect(self.drafts.touched)
            r.ratio.textChanged.connect(self.drafts.touched)
            base = 1 + 2 * i
            self.resp_grid.addWidget(r.name, base, 0)
            self.resp_grid.addWidget(r.text, base, 1)
            if ratios:
                self.resp_grid.addWidget(r.ratio, base, 2)
                self.resp_grid.addWidget(r.percent, base, 3)
                r.ratio.textChanged.connect(self._update_ratio_sum)
            else:
                r.ratio.hide()
                r.percent.hide()
            self.resp_grid.addWidget(r.error, base + 1, 1, 1, 3)
            self.errors[f"responsibilities.{party.case_party_id}"] = r.error
            self.responsibilities.append(r)
        last = 1 + 2 * len(self.responsibilities)
        self.resp_grid.addWidget(self.ratio_sum, last, 1, 1, 3)
        self.ratio_sum.setVisible(ratios)
        self.resp_grid.addWidget(self.errors["responsibilities"], last + 1, 0, 1, 4)
        self.resp_grid.setColumnStretch(1, 1)
        self.resp_box.setTitle(self.tr("各方责任（交通事故、医疗纠纷填写责任比例，合计 100%）") if ratios
                               else self.tr("各方责任"))
        # signature checklist: the parties, and agents who hold a power of attorney
        while self.sign_parties.count():
            item = self.sign_parties.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.sign_boxes = {}
        for p in self.overview.parties:
            label = _party_label(p)
            box = QCheckBox(label + (self.tr(" 已签名、按指印") if p.kind == "person" else self.tr(" 已盖章、代表人已签名")))
            self.sign_boxes[p.case_party_id] = box
            self.sign_parties.addWidget(box)

    def _show(self, data: AgreementData | None) -> None:
        for row in list(self.terms):
            self._remove_term(row)
        for row in list(self.instalments):
            self._remove_instalment(row)
        h = self.overview.header
        if data is None:
            self.written.setChecked(True)
            self.formed_on.setDate(date.today())
            self.facts.setPlainText(h.summary)
            self.matters.setPlainText(self.tr("；").join(h.requests))
            self.performance.setPlainText("")
            self.amount.setText("")
            for r in self.responsibilities:
                r.text.setText("")
                r.ratio.setText("")
            self.add_term()
        else:
            (self.written if data.kind == "written" else self.oral).setChecked(True)
            if data.formed_on:
                self.formed_on.setDate(data.formed_on)
            self.facts.setPlainText(data.facts)
            self.matters.setPlainText(data.matters)
            self.performance.setPlainText(data.performance)
            self.amount.setText(f"{data.amount:.2f}" if data.amount is not None else "")
            by_party = {r.case_party_id: r for r in data.responsibilities}
            for row in self.responsibilities:
                r = by_party.get(row.party.case_party_id)
                row.text.setText(r.text if r else "")
                row.ratio.setText(f"{r.ratio.normalize():f}" if r and r.ratio is not None else "")
            for text in data.terms or ("",):
                self.add_term(text)
            for i in data.instalments:
                self.add_instalment(InstalmentLine(i.due_on, i.amount, i.payer_id, i.payee_id))
            signed = {name for name, _d in data.signed}
            for cp_id, box in self.sign_boxes.items():
                party = next(p for p in self.overview.parties if p.case_party_id == cp_id)
                box.setChecked(party.name in signed)
            self.mediator_signed.setChecked(any(name.endswith("（调解员）") for name, _d in data.signed))
        self._renumber()
        self._update_total()
        self._update_ratio_sum()
        self._kind_changed()

    # -- rows ------------------------------------------------------------------------------
    def add_term(self, text: str = "", *, focus: bool = False) -> _TermRow:
        row = _TermRow(self, text)
        row.remove.clicked.connect(lambda: self._remove_term(row))
        row.edit.textChanged.connect(self.drafts.touched)
        row.remove.clicked.connect(self.drafts.touched)
        self.terms.append(row)
        self.terms_list.addWidget(row)
        self._renumber()
        if focus:
            row.edit.setFocus()
        return row

    def _remove_term(self, row: _TermRow) -> None:
        self.terms.remove(row)
        self.terms_list.removeWidget(row)
        row.deleteLater()
        self._renumber()

    def add_instalment(self, line: InstalmentLine | None = None, *, focus: bool = False) -> _InstalmentRow:
        parties = list(self.overview.parties) if self.overview else []
        row = _InstalmentRow(self, parties, line, date_of(self.formed_on))
        if line is None and self.instalments:  # a new instalment repeats who pays whom
            row.payer.setCurrentIndex(self.instalments[-1].payer.currentIndex())
            row.payee.setCurrentIndex(self.instalments[-1].payee.currentIndex())
        row.remove.clicked.connect(lambda: self._remove_instalment(row))
        row.amount.textChanged.connect(self._update_total)
        for signal in (row.amount.textChanged, row.due.dateChanged, row.payer.currentIndexChanged,
                       row.payee.currentIndexChanged, row.remove.clicked):
            signal.connect(self.drafts.touched)
        self.instalments.append(row)
        self.instalment_list.addWidget(row)
        self._renumber()
        self._update_total()
        if focus:
            row.amount.setFocus()
        return row

    def _remove_instalment(self, row: _InstalmentRow) -> None:
        self.instalments.remove(row)
        self.instalment_list.removeWidget(row)
        row.deleteLater()
        self._renumber()
        self._update_total()

    def _renumber(self) -> None:
        for i, row in enumerate(self.terms, 1):
            row.number.setText(self.tr("%1、").replace("%1", _numeral(i)))
            self.errors[f"terms.{i - 1}"] = row.error
        for i, row in enumerate(self.instalments, 1):
            row.number.setText(self.tr("第%1期").replace("%1", _numeral(i)))
            for key in ("due_on", "amount", "payer", "payee"):
                self.errors[f"instalments.{i - 1}.{key}"] = row.error

    # -- live checks -------------------------------------------------------------------------
    def _update_total(self) -> None:
        """The amount and the instalments' total, checked while typing."""
        total = Decimal("0.00")
        bad = False
        for row in self.instalments:
            try:
                value = parse_yuan(row.amount.text())
            except ValueError:
                bad = True
                continue
            total += value or 0
        try:
            amount = parse_yuan(self.amount.text())
        except ValueError as exc:
            self.total_label.setText(error_text(exc))
            return
        # 大写: the amount in Chinese capitals, as the agreement prints it
        words = self.tr("大写：%1").replace("%1", amount_in_words(amount)) if amount is not None else ""
        sum_text = f"{total:,.2f}"
        if not self.instalments:
            self.total_label.setText(words)
        elif bad:
            self.total_label.setText(self.tr("分期金额有误"))
        elif amount is None:
            self.total_label.setText(self.tr("　各期合计 %1 元").replace("%1", sum_text))
        elif amount == total:
            self.total_label.setText(self.tr("%1　✓ 与各期合计 %2 元一致").replace("%1", words).replace("%2", sum_text))
        else:
            self.total_label.setText(self.tr("%1　各期合计 %2 元，与协议金额不一致").replace("%1", words)
                                     .replace("%2", sum_text))

    def _update_ratio_sum(self) -> None:
        if not self.uses_ratios():
            return
        total = Decimal(0)
        for r in self.responsibilities:
            try:
                total += parse_ratio(r.ratio.text()) or 0
            except ValueError:
                self.ratio_sum.setText(self.tr("责任比例应为 0 到 100 之间的数字"))
                return
        filled = any(r.ratio.text().strip() for r in self.responsibilities)
        self.ratio_sum.setText(self.tr("合计 %1%").replace("%1", f"{total.normalize():f}") if filled else "")

    def _kind_changed(self) -> None:
        oral = self.oral.isChecked()
        self.sign_box.setVisible(not oral)
        self.save_button.setText(self.tr("登记口头协议（即时生效）") if oral else self.tr("保存协议"))
        self.print_button.setText(self.tr("打印登记表…") if oral else self.tr("打印协议书…"))
        self._update_state()

    # -- state -------------------------------------------------------------------------------
    def _effective(self) -> bool:
        return self.data is not None and self.data.effective_on is not None

    def _set_editable(self, editable: bool) -> None:
        for w in (self.written, self.oral, self.formed_on, self.facts, self.matters, self.performance,
                  self.amount, self.add_term_button, self.add_instalment_button, self.save_button):
            w.setEnabled(editable)
        for w in (*[r.text for r in self.responsibilities], *[r.ratio for r in self.responsibilities]):
            w.setEnabled(editable)
        for row in self.terms:
            row.edit.setReadOnly(not editable)
            row.remove.setEnabled(editable)
        for row in self.instalments:
            for w in (row.due, row.amount, row.payer, row.payee, row.remove):
                w.setEnabled(editable)

    def _update_state(self) -> None:
        if self.overview is None:
            self._set_editable(False)
            self.print_button.setEnabled(False)
            self.sign_box.setEnabled(False)
            return
        h = self.overview.header
        may = can(self.ctx.user, "agreements") and self.overview.can_mediate
        open_case = h.status in ("accepted", "mediating")
        editable = may and open_case and not self._effective()
        self._set_editable(editable)
        saved = self.data is not None and self.data.kind == "written"
        self.sign_box.setEnabled(editable and saved)
        self.print_button.setEnabled(self.data is not None)
        self.effective_button.setEnabled(editable and saved and h.status == "mediating"
                                         and not (self.data.missing_signatures if self.data else True))
        if self._effective():
            self.banner.setText(self.tr("本协议已于%1生效（%2），不能再修改；可以打印。")
                                .replace("%1", self.data.effective_on.isoformat())
                                .replace("%2", tr_code(self.data.kind_name)))
        elif not open_case:
            self.banner.setText(self.tr("案件当前状态为“%1”，只有已受理或调解中的案件可以制作调解协议。")
                                .replace("%1", tr_code(h.status_name)))
        elif not may:
            self.banner.setText(self.tr("只能查看：制作协议须由本委员会的调解员办理。"))
        else:
            self.banner.setText(self.tr("书面协议经各方当事人签名（盖章或按指印）、调解员签名并加盖印章后生效；"
                                        "口头协议自达成之日起生效（《人民调解法》第二十八条至第三十条）。"))
        if self.data is not None and self.data.kind == "written":
            if self.data.missing_signatures:
                missing = self.tr("、").join(signer_name(n) for n in self.data.missing_signatures)
                self.sign_state.setText(self.tr("尚未签名：%1").replace("%1", missing))
            else:
                self.sign_state.setText(self.tr("各方均已签名。"))
        else:
            self.sign_state.setText(self.tr("保存书面协议后登记签名。"))

    # -- the form ------------------------------------------------------------------------------
    def form(self) -> AgreementForm:
        return AgreementForm(
            kind="oral" if self.oral.isChecked() else "written", facts=self.facts.toPlainText(),
            matters=self.matters.toPlainText(), responsibilities=tuple(r.line() for r in self.responsibilities),
            terms=tuple(row.edit.text() for row in self.terms), performance=self.performance.toPlainText(),
            amount=self.amount.text().strip() or None, formed_on=date_of(self.formed_on),
            instalments=tuple(row.line() for row in self.instalments))

    # -- the local draft -----------------------------------------------------------------------
    def _form_json(self) -> dict:
        f = self.form()
        return {
            "kind": f.kind, "facts": f.facts, "matters": f.matters, "performance": f.performance,
            "amount": f.amount, "formed_on": f.formed_on.isoformat() if f.formed_on else None,
            "terms": list(f.terms),
            "responsibilities": [{"case_party_id": r.case_party_id, "text": r.text, "ratio": r.ratio}
                                 for r in f.responsibilities],
            "instalments": [{"due_on": i.due_on.isoformat() if i.due_on else None,
                             "amount": None if i.amount is None else str(i.amount),
                             "payer_id": i.payer_id, "payee_id": i.payee_id} for i in f.instalments],
        }

    def _draft_content(self) -> dict | None:
        if self.case_id is None or not self.save_button.isEnabled():
            return None  # nothing editable on screen
        content = self._form_json()
        return None if content == self._baseline else {"case_id": self.case_id, "form": content}

    def _offer_draft(self) -> None:
        self._baseline = self._form_json() if self.case_id is not None else None
        draft = self.drafts.pending()
        if draft is None or draft.content.get("form") == self._baseline or not self.save_button.isEnabled():
            self._offered = None
            self.draft_banner.hide()
            return
        self._offered = draft
        self.draft_label.setText(self.tr("本案有 %1 未保存的协议草稿（%2）。恢复后可继续编辑并保存。")
                                 .replace("%1", draft.saved_at_text).replace("%2", draft.user))
        self.draft_banner.show()

    def restore_draft(self) -> None:
        draft, self._offered = self._offered, None
        self.draft_banner.hide()
        if draft is None:
            return
        form = draft.content.get("form") or {}
        self.drafts.paused = True
        try:
            (self.oral if form.get("kind") == "oral" else self.written).setChecked(True)
            if form.get("formed_on"):
                self.formed_on.setDate(date.fromisoformat(form["formed_on"]))
            self.facts.setPlainText(form.get("facts", ""))
            self.matters.setPlainText(form.get("matters", ""))
            self.performance.setPlainText(form.get("performance", ""))
            self.amount.setText(form.get("amount") or "")
            by_party = {r.get("case_party_id"): r for r in form.get("responsibilities", [])}
            for row in self.responsibilities:
                r = by_party.get(row.party.case_party_id, {})
                row.text.setText(r.get("text", ""))
                row.ratio.setText(r.get("ratio", ""))
            for row in list(self.terms):
                self._remove_term(row)
            for text in form.get("terms") or [""]:
                self.add_term(text)
            for row in list(self.instalments):
                self._remove_instalment(row)
            for i in form.get("instalments", []):
                self.add_instalment(InstalmentLine(
                    date.fromisoformat(i["due_on"]) if i.get("due_on") else None, i.get("amount"),
                    i.get("payer_id"), i.get("payee_id")))
        finally:
            self.drafts.paused = False
        self._update_total()
        self._update_ratio_sum()
        self._kind_changed()
        self.message.setText(self.tr("已恢复草稿，保存后生效。"))

    def discard_draft(self) -> None:
        self._offered = None
        self.draft_banner.hide()
        self.drafts.discard()

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            show_error(label, None)

    def show_errors(self, errors: dict[str, str]) -> None:
        self._clear_errors()
        general = []
        grouped: dict[QLabel, list[str]] = {}
        for key, message in errors.items():
            label = self.errors.get(key)
            if label is None and key.startswith("responsibilities."):
                label = self.errors.get(".".join(key.split(".")[:2]))
            if label is None and key.startswith("terms."):
                label = self.errors.get("terms")
            if label is None:
                general.append(message)
            else:
                grouped.setdefault(label, []).append(message)
        for label, messages in grouped.items():
            show_error(label, joined(dict.fromkeys(messages)))
        show_error(self.general_error, joined(general))

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    # -- actions -------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.case_id is None or not self.save_button.isEnabled():
            return False
        form = self.form()
        try:
            if form.kind == "oral":
                record_oral_agreement(self.ctx.engine, self.ctx.user, self.case_id, form, reached_on=form.formed_on)
                done = self.tr("口头协议已登记，自%1起生效，案件已结案（达成协议）。").replace(
                    "%1", form.formed_on.isoformat())
            else:
                saved = save_agreement(self.ctx.engine, self.ctx.user, self.case_id, form)
                done = self.tr("协议已保存。")
                if saved.signatures_cleared:
                    done += self.tr("内容有改动，已登记的签名作废，请重新打印并签名。")
        except AgreementError as exc:
            self.show_errors(exc.errors)
            return False
        except Exception as exc:  # noqa: BLE001 — shown beside the buttons, the form keeps its text
            show_error(self.general_error, error_text(exc))
            return False
        self.drafts.saved()
        self.load_case(self.case_id)
        self.message.setText(done)
        return True

    def record_signatures(self) -> bool:
        if self.data is None or self.case_id is None:
            return False
        signed = [cp_id for cp_id, box in self.sign_boxes.items() if box.isChecked()]
        try:
            state = record_signatures(self.ctx.engine, self.ctx.user, self.data.agreement_id, signed,
                                      self.mediator_signed.isChecked(), date_of(self.signed_on))
        except AgreementError as exc:
            self.show_errors(exc.errors)
            return False
        except Exception as exc:  # noqa: BLE001
            show_error(self.general_error, error_text(exc))
            return False
        self.load_case(self.case_id)
        self.message.setText(self.tr("签名已登记。") + (self.tr("各方均已签名，可以登记协议生效。") if not state.missing
                                                   else ""))
        return True

    def make_effective(self) -> bool:
        if self.case_id is None:
            return False
        from core.lifecycle import record_agreement_reached

        try:
            result = record_agreement_reached(self.ctx.engine, self.ctx.user, self.case_id)
        except Exception as exc:  # noqa: BLE001
            show_error(self.general_error, error_text(exc))
            return False
        self.load_case(self.case_id)
        text = self.tr("协议已于%1生效，案件已结案。").replace("%1", result.on.isoformat())
        if result.judicial_deadline is not None:
            text += self.tr("如需司法确认，应于%1前共同向人民法院申请。").replace(
                "%1", result.judicial_deadline.due.isoformat())
        self.message.setText(text)
        return True

    def print_copies(self) -> None:
        """Preview and print: the 协议书 in parties + 1 copies, or the oral agreement's 登记表."""
        if self.case_id is None or self.data is None:
            return
        from core.dossier import DOCUMENT_KINDS, build_document

        kind = "agreement" if self.data.kind == "written" else "oral_agreement"
        title = f"{DOCUMENT_KINDS[kind].title} {self.data.number}"
        from desktop.screens.print_preview import document_title

        self.message.setText(self.tr("正在生成%1…").replace("%1", document_title(DOCUMENT_KINDS[kind].title)))
        case_id = self.case_id

        def done(pdf: bytes) -> None:
            from desktop.screens.print_preview import PrintPreviewDialog

            self.message.setText("")
            self.preview = PrintPreviewDialog(pdf, title, self)
            self.preview.pane.on_printed = lambda: self._keep(case_id, kind, pdf)
            self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview.show()

        def failed(exc: BaseException) -> None:
            self.message.setText("")
            show_error(self.general_error, error_text(exc))

        self.ctx.tasks.run(build_document, self.ctx.engine, kind, case_id, user=self.ctx.user,
                           on_done=done, on_error=failed)

    def _keep(self, case_id: int, kind: str, pdf: bytes) -> None:
        from core.dossier import save_documents_with_case

        self.ctx.tasks.run(save_documents_with_case, self.ctx.engine, self.ctx.user, case_id, kind, pdf,
                           on_done=lambda _id: self.message.setText(self.tr("已打印，PDF 已保存到案件附件。")),
                           on_error=lambda exc: show_error(self.general_error, error_text(exc)))

