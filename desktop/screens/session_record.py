"""调解记录: the record of one mediation session (人民调解法第二十七条).

Time and place, the matter, the participants, the parties present (one box each), public or
not (医疗纠纷: only with both sides' recorded consent, 条例第四十二条), each party's statement, the
verified facts, the risk notice, the outcome, the next steps, the mediator and the recorder.
Each error is shown beside its field. Typing is never lost: the form is saved as a draft under
``data_dir()/drafts/`` while it is typed (like the intake form), offered back when the same
case (or record) is opened again, and deleted once the record is saved. Ctrl+S saves.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.auth import can
from core.case_deadlines import open_case_rows
from core.lifecycle import CaseOverview, case_overview, most_recent_case
from core.sessions import (
    SessionForm,
    SessionRecordError,
    get_session,
    record_session,
    staff_choices,
    update_session,
)
from db.engine import data_dir
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.vocab import tr_code
from desktop.widgets.mediation_forms import field_error, hint, show_error

log = logging.getLogger(__name__)

DRAFT_DEBOUNCE_MS = 800
DRAFT_PERIOD_MS = 5000
DRAFT_VERSION = 1
_FORMAT = "yyyy-MM-dd HH:mm"
#: The risk notice a new record starts with. In Chinese whatever the UI's language: it is
#: the record's text, printed on the 调解记录.
RISK_NOTICE = ("已告知当事人：调解不成的，可以依法通过仲裁、行政、司法等途径维护自己的权利；"
               "经调解达成的调解协议具有法律约束力，当事人应当按照约定履行（《人民调解法》第二十六条、第三十一条）。")
#: The medical rule on public mediation, followed by (%1) whose consent is still missing.
MEDICAL_PUBLIC_RULE = QT_TRANSLATE_NOOP(
    "SessionRecordScreen", "医疗纠纷未经双方当事人同意，不得公开进行调解（《医疗纠纷预防和处理条例》第四十二条）。%1")


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def draft_path(case_id: int, session_id: int | None = None) -> Path:
    suffix = f"_{session_id}" if session_id else ""
    return drafts_dir() / f"session_{case_id}{suffix}.json"


def open_session_record(source: QWidget, ctx: AppContext, case_id: int, *, session_id: int | None = None) -> QWidget:
    """The 调解记录 screen on this case (a new record, or ``session_id`` to correct one)."""
    window = source.window()
    if hasattr(window, "show_screen"):
        screen = window.show_screen("session_record")
        if screen is not None:
            screen.load_case(case_id, session_id=session_id)
            return screen
    screen = SessionRecordScreen(ctx, None, case_id=case_id, session_id=session_id)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen.resize(1100, 860)
    screen.show()
    return screen


def _to_qdt(value: datetime | None) -> QDateTime:
    return QDateTime(value) if value is not None else QDateTime.currentDateTime()


class SessionRecordScreen(QWidget):
    title = "调解记录"
    saved = Signal(int)  # the session record's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, case_id: int | None = None,
                 session_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("session_record")
        self.ctx = ctx
        self.case_id: int | None = None
        self.session_id: int | None = None
        self.overview: CaseOverview | None = None
        self._loading = False
        self._dirty = False  # typed since the draft was last written
        self._errors: dict[str, QLabel] = {}
        self.present: dict[int, QCheckBox] = {}
        self.statements: dict[int, QPlainTextEdit] = {}

        # -- case choice and banners
        self.case_choice = QComboBox()
        self.case_choice.setMinimumWidth(520)
        self.case_choice.activated.connect(lambda _i: self.load_case(self.case_choice.currentData()))
        self.mode = QLabel()
        self.mode.setObjectName("hint")
        self.back_button = QPushButton(self.tr("返回案件"))
        self.back_button.clicked.connect(self.back_to_case)
        self.draft_banner = QFrame(objectName="draftBanner")
        self.draft_banner.setStyleSheet("QFrame#draftBanner { background: #fff4d6; border: 1px solid #f0b429; }")
        self.draft_label = QLabel()
        self.restore_button = QPushButton(self.tr("恢复草稿"))
        self.discard_button = QPushButton(self.tr("丢弃草稿"))
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        row = QHBoxLayout(self.draft_banner)
        row.addWidget(self.draft_label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.draft_banner.hide()
        self.status_label = QLabel(objectName="saveStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.case_error = field_error()

        # -- the form
        self.started_at = self._datetime_edit()
        self.ended_at = self._datetime_edit()
        self.place = QLineEdit()
        self.matter = QLineEdit()
        self.participants = QLineEdit(placeholderText=self.tr("邀请参加的专家、律师、亲友等（人民调解法第二十条）"))
        self.present_box = QWidget()
        self.present_layout = QHBoxLayout(self.present_box)
        self.present_layout.setContentsMargins(0, 0, 0, 0)
        self.public = QCheckBox(self.tr("公开调解（当事人要求公开，人民调解法第二十三条）"))
        self.public_hint = hint("")
        self.statements_box = QGroupBox(self.tr("当事人陈述"))
        self.statements_layout = QGridLayout(self.statements_box)
        self.verified_facts = self._text(self.tr("经调查核实的事实"))
        self.risk_notice = self._text("")
        self.outcome = self._text(self.tr("达成的协议内容，或未达成协议的原因及告知的其他途径"))
        self.next_steps = self._text(self.tr("如：补充证据后择日再调、制作调解协议书"), 50)
        self.mediator = QComboBox()
        self.recorder = QComboBox()

        form = QWidget()
        grid = QGridLayout(form)
        grid.setColumnStretch(1, 1)
        rows = [
            ("started_at", self.tr("开始时间"), self.started_at),
            ("ended_at", self.tr("结束时间"), self.ended_at),
            ("place", self.tr("调解地点"), self.place),
            ("matter", self.tr("调解事项"), self.matter),
            ("participants", self.tr("参加人"), self.participants),
            ("parties_present", self.tr("到场当事人"), self.present_box),
            ("public", self.tr("是否公开"), self.public),
            ("", "", self.public_hint),
            ("statements", "", self.statements_box),
            ("verified_facts", self.tr("查明的事实"), self.verified_facts),
            ("risk_notice", self.tr("风险告知"), self.risk_notice),
            ("outcome", self.tr("调解结果"), self.outcome),
            ("next_steps", self.tr("下一步安排"), self.next_steps),
            ("mediator_id", self.tr("调解员"), self.mediator),
            ("recorder_id", self.tr("记录人"), self.recorder),
        ]
        for i, (key, label, widget) in enumerate(rows):
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setBuddy(widget)
            grid.addWidget(caption, 2 * i, 0)
            grid.addWidget(widget, 2 * i, 1)
            if key:
                error = field_error()  # right under its field, as on the intake form
                grid.addWidget(error, 2 * i + 1, 1)
                self._errors[key] = error
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)

        self.save_button = QPushButton(self.tr("保存调解记录（Ctrl+S）"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("新建另一份"))
        self.new_button.clicked.connect(lambda: self.load_case(self.case_id))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("案件")))
        top.addWidget(self.case_choice, 1)
        top.addWidget(self.mode)
        top.addWidget(self.back_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.case_error)
        layout.addWidget(self.draft_banner)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DEBOUNCE_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._draft_period = QTimer(self, interval=DRAFT_PERIOD_MS)
        self._draft_period.timeout.connect(self.save_draft)
        self._draft_period.start()
        for w in (self.place, self.matter, self.participants):
            w.textChanged.connect(self._changed)
        for w in (self.verified_facts, self.risk_notice, self.outcome, self.next_steps):
            w.textChanged.connect(self._changed)
        for w in (self.started_at, self.ended_at):
            w.dateTimeChanged.connect(self._changed)
        self.public.toggled.connect(self._public_toggled)
        self.mediator.currentIndexChanged.connect(self._changed)
        self.recorder.currentIndexChanged.connect(self._changed)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)

        self._fill_staff()
        if case_id is None:
            case_id = most_recent_case(ctx.engine, ctx.user, statuses=("accepted", "mediating"))
        self.load_case(case_id, session_id=session_id)

    # -- widgets -----------------------------------------------------------------------
    def _datetime_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setDisplayFormat(_FORMAT)
        edit.setCalendarPopup(True)
        edit.setDateTime(QDateTime.currentDateTime())
        return edit

    def _text(self, placeholder: str, height: int = 70) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(height)
        box.setMaximumHeight(height * 2)
        return box

    def _fill_staff(self) -> None:
        self.mediator.clear()
        self.recorder.clear()
        self.recorder.addItem(self.tr("— 请选择 —"), None)
        committee = self.overview.header.committee if self.overview else None
        for option in staff_choices(self.ctx.engine, committee):
            role = tr_code("调解员" if option.role == "mediator" else "接待员")
            label = self.tr("%1（%2）").replace("%1", option.name).replace("%2", role)
            if option.role == "mediator":
                self.mediator.addItem(label, option.id)
            self.recorder.addItem(label, option.id)

    def _fill_cases(self) -> None:
        self.case_choice.blockSignals(True)
        self.case_choice.clear()
        try:
            rows = [r for r in open_case_rows(self.ctx.engine, self.ctx.user, only_mine=False)
                    if r.status in ("accepted", "mediating")]
        except Exception:  # noqa: BLE001 — a role without case access sees only its own case
            log.exception("cannot list open cases")
            rows = []
        for r in rows:
            self.case_choice.addItem(f"{r.number} · {r.parties} · {tr_code(r.status_name)}", r.case_id)
        if self.overview is not None and self.case_choice.findData(self.case_id) < 0:
            h = self.overview.header
            self.case_choice.addItem(f"{h.number} · {tr_code(h.status_name)}", h.id)
        self.case_choice.setCurrentIndex(max(0, self.case_choice.findData(self.case_id)))
        self.case_choice.blockSignals(False)

    # -- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.load_case(self.case_id, session_id=self.session_id)

    def load_case(self, case_id: int | None, *, session_id: int | None = None) -> None:
        """Show an empty record for ``case_id`` (or the saved one to correct)."""
        if self.case_id is not None and not self._loading:
            self.save_draft()
        self._loading = True
        self._dirty = False
        try:
            self.case_id, self.session_id = case_id, session_id
            self.status_label.hide()
            self._clear_errors()
            self.overview = case_overview(self.ctx.engine, self.ctx.user, case_id) if case_id else None
            self._fill_cases()
            self._fill_staff()
            self._build_party_fields()
            if self.overview is None:
                self.mode.setText(self.tr("没有已受理或调解中的案件"))
                self.save_button.setEnabled(False)
                return
            h = self.overview.header
            self.save_button.setEnabled(can(self.ctx.user, "sessions") and self.overview.can_mediate)
            if session_id is not None:
                self._show(get_session(self.ctx.engine, self.ctx.user, session_id).form())
                self.mode.setText(self.tr("修改调解记录"))
            else:
                self.mode.setText(self.tr("新建调解记录"))
                now = datetime.now().replace(second=0, microsecond=0)
                now -= timedelta(minutes=now.minute % 5)
                self._show(SessionForm(
                    started_at=now - timedelta(minutes=90), ended_at=now, place=self.tr("调解室"),
                    # The record's own text (printed): Chinese in either UI language.
                    matter=f"{self._party_names()}之间的{h.dispute_type_name}纠纷",
                    parties_present=tuple(p.case_party_id for p in self.overview.parties),
                    risk_notice=RISK_NOTICE,
                    mediator_id=self.ctx.user.id if self.ctx.user.role == "mediator" else h.mediator_id))
            self._update_public_hint()
        finally:
            self._loading = False
        self._offer_draft()

    def _party_names(self) -> str:
        return "、".join(p.name for p in self.overview.parties if p.role != "agent")

    def _build_party_fields(self) -> None:
        for layout in (self.present_layout, self.statements_layout):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        for key in [k for k in self._errors if k.startswith("statements.")]:
            del self._errors[key]
        self.present, self.statements = {}, {}
        if self.overview is None:
            return
        for r, p in enumerate(self.overview.parties):
            label = self.tr("%1（%2）").replace("%1", p.name).replace("%2", tr_code(p.role_name))
            box = QCheckBox(label)
            box.toggled.connect(self._changed)
            self.present_layout.addWidget(box)
            self.present[p.case_party_id] = box
            text = self._text(self.tr("%1的陈述和请求").replace("%1", p.name), 56)
            text.setFixedHeight(64)
            text.textChanged.connect(self._changed)
            caption = QLabel(label)
            caption.setBuddy(text)
            error = field_error()
            self.statements_layout.addWidget(caption, r * 2, 0, Qt.AlignmentFlag.AlignTop)
            self.statements_layout.addWidget(text, r * 2, 1)
            self.statements_layout.addWidget(error, r * 2 + 1, 1)
            self.statements[p.case_party_id] = text
            self._errors[f"statements.{p.case_party_id}"] = error
        self.present_layout.addStretch(1)

    # -- form <-> data -----------------------------------------------------------------
    def _show(self, form: SessionForm) -> None:
        self.started_at.setDateTime(_to_qdt(form.started_at))
        self.ended_at.setDateTime(_to_qdt(form.ended_at or form.started_at))
        self.place.setText(form.place)
        self.matter.setText(form.matter)
        self.participants.setText(form.participants)
        for cp_id, box in self.present.items():
            box.setChecked(cp_id in form.parties_present)
        self.public.setChecked(form.public)
        said = dict(form.statements)
        for cp_id, text in self.statements.items():
            text.setPlainText(said.get(cp_id, ""))
        self.verified_facts.setPlainText(form.verified_facts)
        self.risk_notice.setPlainText(form.risk_notice)
        self.outcome.setPlainText(form.outcome)
        self.next_steps.setPlainText(form.next_steps)
        self.mediator.setCurrentIndex(max(0, self.mediator.findData(form.mediator_id)))
        self.recorder.setCurrentIndex(max(0, self.recorder.findData(form.recorder_id)))

    def form(self) -> SessionForm:
        return SessionForm(
            started_at=self.started_at.dateTime().toPython(), ended_at=self.ended_at.dateTime().toPython(),
            place=self.place.text(), matter=self.matter.text(), participants=self.participants.text(),
            parties_present=tuple(cp for cp, box in self.present.items() if box.isChecked()),
            public=self.public.isChecked(),
            statements=tuple((cp, t.toPlainText()) for cp, t in self.statements.items()),
            verified_facts=self.verified_facts.toPlainText(), risk_notice=self.risk_notice.toPlainText(),
            outcome=self.outcome.toPlainText(), next_steps=self.next_steps.toPlainText(),
            mediator_id=self.mediator.currentData(), recorder_id=self.recorder.currentData())

    def _public_toggled(self) -> None:
        self._update_public_hint()
        self._changed()

    def _update_public_hint(self) -> None:
        if self.overview is None:
            return
        if self.overview.header.committee != "medical":
            self.public_hint.setText(self.tr("请记录当事人对公开或不公开调解的选择。"))
            show_error(self._errors["public"], None)
            return
        agreed = {c.party for c in self.overview.consents if c.kind == "public" and c.given}
        missing = [p.name for p in self.overview.parties if p.role != "agent" and p.name not in agreed]
        status = (self.tr("双方均已同意公开。") if not missing else
                  self.tr("尚未记录同意：%1。").replace("%1", self.tr("、").join(missing)))
        self.public_hint.setText(self.tr(MEDICAL_PUBLIC_RULE).replace("%1", status))
        show_error(self._errors["public"],
                   self.tr("未经双方同意不得公开") if self.public.isChecked() and missing else None)

    # -- saving ------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.case_error):
            show_error(label, None)

    def error_text(self, key: str) -> str:
        label = self._errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def save(self) -> int | None:
        if self.case_id is None or not self.save_button.isEnabled():
            return None
        self._clear_errors()
        self.save_draft()
        form = self.form()
        try:
            if self.session_id is None:
                row = record_session(self.ctx.engine, self.ctx.user, self.case_id, form)
            else:
                row = update_session(self.ctx.engine, self.ctx.user, self.session_id, form)
        except SessionRecordError as exc:
            for key, message in exc.errors.items():
                show_error(self._errors.get(key, self.case_error), message)
            self._say(self.tr("未保存：请按提示修改后再保存。"), error=True)
            return None
        except ValueError as exc:
            show_error(self.case_error, error_text(exc))
            return None
        self._remove_draft(draft_path(self.case_id, self.session_id))
        self._dirty = False
        self.session_id = row.id
        self.mode.setText(self.tr("修改调解记录"))
        self.overview = case_overview(self.ctx.engine, self.ctx.user, self.case_id)
        self._fill_cases()
        self._say(self.tr("调解记录已保存（%1，案件状态：%2）。").replace("%1", row.started_at.strftime("%Y-%m-%d %H:%M"))
                  .replace("%2", tr_code(self.overview.header.status_name)))
        self.saved.emit(row.id)
        return row.id

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b42318;" if error else "color: #067647;")
        self.status_label.show()

    def back_to_case(self) -> None:
        if self.case_id is None:
            return
        from desktop.screens.case_detail import open_case

        self.save_draft()
        open_case(self, self.ctx, self.case_id)

    # -- drafts ------------------------------------------------------------------------
    def _changed(self) -> None:
        if not self._loading:
            self._dirty = True
            self._draft_timer.start()

    def _draft_data(self) -> dict:
        f = self.form()
        return {
            "version": DRAFT_VERSION, "case_id": self.case_id, "session_id": self.session_id,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "started_at": f.started_at.isoformat(timespec="minutes") if f.started_at else "",
            "ended_at": f.ended_at.isoformat(timespec="minutes") if f.ended_at else "",
            "place": f.place, "matter": f.matter, "participants": f.participants,
            "parties_present": list(f.parties_present), "public": f.public,
            "statements": [[cp, text] for cp, text in f.statements], "verified_facts": f.verified_facts,
            "risk_notice": f.risk_notice, "outcome": f.outcome, "next_steps": f.next_steps,
            "mediator_id": f.mediator_id, "recorder_id": f.recorder_id,
        }

    def save_draft(self) -> Path | None:
        """Write what is on the form to the draft file (atomically)."""
        self._draft_timer.stop()
        # While a draft is offered back it is not overwritten: the user decides first.
        if (not self._dirty or self.case_id is None or self.overview is None or self._loading
                or self.draft_banner.isVisible()):
            return None
        path = draft_path(self.case_id, self.session_id)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".json.part")
            tmp.write_text(json.dumps(self._draft_data(), ensure_ascii=False, indent=1), "utf-8")
            tmp.replace(path)
            self._dirty = False
        except OSError:
            log.exception("cannot write the session draft %s", path)
            return None
        return path

    def _offer_draft(self) -> None:
        self.draft_banner.hide()
        if self.case_id is None:
            return
        path = draft_path(self.case_id, self.session_id)
        data = self._read_draft(path)
        if data is None:
            return
        if self._draft_data() | {"saved_at": ""} == data | {"saved_at": ""}:
            return  # nothing was typed beyond what the form shows now
        saved = data.get("saved_at", "").replace("T", " ")
        self.draft_label.setText(self.tr("这份调解记录有未保存的草稿（%1），是否恢复？").replace("%1", saved))
        self.draft_banner.show()

    def _read_draft(self, path: Path) -> dict | None:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.exception("unreadable session draft %s", path)
            return None
        return data if isinstance(data, dict) and data.get("version") == DRAFT_VERSION else None

    def restore_draft(self) -> None:
        data = self._read_draft(draft_path(self.case_id, self.session_id)) if self.case_id else None
        self.draft_banner.hide()
        if data is None:
            return

        def when(text: str) -> datetime | None:
            try:
                return datetime.fromisoformat(text) if text else None
            except ValueError:
                return None

        self._loading = True
        try:
            self._show(SessionForm(
                started_at=when(data.get("started_at", "")), ended_at=when(data.get("ended_at", "")),
                place=data.get("place", ""), matter=data.get("matter", ""), participants=data.get("participants", ""),
                parties_present=tuple(int(i) for i in data.get("parties_present", [])),
                public=bool(data.get("public")),
                statements=tuple((int(cp), str(text)) for cp, text in data.get("statements", [])),
                verified_facts=data.get("verified_facts", ""), risk_notice=data.get("risk_notice", ""),
                outcome=data.get("outcome", ""), next_steps=data.get("next_steps", ""),
                mediator_id=data.get("mediator_id"), recorder_id=data.get("recorder_id")))
        finally:
            self._loading = False
        self._dirty = True
        self._update_public_hint()
        self._say(self.tr("已恢复草稿，请核对后保存。"))

    def discard_draft(self) -> None:
        if self.case_id is not None:
            self._remove_draft(draft_path(self.case_id, self.session_id))
        self.draft_banner.hide()

    @staticmethod
    def _remove_draft(path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.exception("cannot remove the session draft %s", path)
