"""The mediators' screens driven like a mediator would: a medical case from acceptance through
a paused 医疗损害鉴定 to a signed agreement, a payment and a follow-up; a traffic case to its
termination with the Art.85 window; the lists of cases and deadlines."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from sqlalchemy import select

from core.case_deadlines import CaseDeadline, DeadlineRow
from core.uow import read_only, unit_of_work
from db.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseParty,
    FollowUp,
    Instalment,
    MediationSession,
    Party,
    RatingLedgerEntry,
    Signature,
)
from desktop.models.mediation_tables import DeadlineTableModel
from desktop.screens.case_detail import CaseDetailScreen
from desktop.screens.deadlines import DeadlinesScreen
from desktop.screens.followups import FollowupsScreen
from desktop.screens.my_cases import MyCasesScreen
from desktop.screens.session_record import SessionRecordScreen, draft_path
from tests.factories import add_case_with_parties


@pytest.fixture(autouse=True)
def own_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))


def new_case(engine, committee: str, parties: tuple[dict, ...]) -> tuple[int, dict[str, int]]:
    added = add_case_with_parties(engine, parties, committee=committee,
                                  dispute_type="13" if committee == "medical" else "14",
                                  received=date(2026, 11, 2))
    with read_only(engine) as session:
        cps = {name: cp for cp, name in session.execute(
            select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id == added.case_id))}
    return added.case_id, cps


def write_agreement(engine, mediator, case_id: int, cps: dict[str, int]):
    """The agreement through the agreement use cases (core.agreements) when they are there,
    else as rows; returns ``sign(case_party_ids, mediator_signed)``."""
    terms = ("衢江区人民医院赔偿张三人民币30000元",)
    if importlib.util.find_spec("core.agreements") is not None:
        from core.agreements import AgreementForm, InstalmentLine, record_signatures, save_agreement

        saved = save_agreement(engine, mediator, case_id, AgreementForm(
            kind="written", facts="张三术后切口感染，再次住院治疗", matters="医疗损害赔偿", terms=terms,
            performance="一次性支付", amount=Decimal("30000.00"), formed_on=date(2026, 11, 16),
            instalments=(InstalmentLine(date(2026, 11, 20), Decimal("30000.00"), cps["衢江区人民医院"],
                                        cps["张三"]),)))
        return lambda signed, by_mediator: record_signatures(engine, mediator, saved.id, signed,
                                                             by_mediator, date(2026, 11, 16))
    with unit_of_work(engine) as session:
        agreement = Agreement(case_id=case_id, kind="written", amount=Decimal("30000.00"), facts="术后切口感染",
                              formed_on=date(2026, 11, 16), last_due_on=date(2026, 11, 20))
        session.add(agreement)
        session.flush()
        session.add(AgreementTerm(agreement_id=agreement.id, position=1, text=terms[0]))
        session.add(Instalment(agreement_id=agreement.id, due_on=date(2026, 11, 20), amount=Decimal("30000.00"),
                               payer_id=cps["衢江区人民医院"], payee_id=cps["张三"]))
        agreement_id = agreement.id

    def sign(signed, by_mediator):
        with unit_of_work(engine) as session:
            have = set(session.scalars(select(Signature.case_party_id).where(Signature.agreement_id == agreement_id)))
            for cp in set(signed) - have:
                session.add(Signature(agreement_id=agreement_id, case_party_id=cp, signed_on=date(2026, 11, 16)))
            if by_mediator:
                session.add(Signature(agreement_id=agreement_id, user_id=mediator.id, signed_on=date(2026, 11, 16)))

    return sign


def status_of(engine, case_id: int) -> str:
    with read_only(engine) as session:
        return session.get(Case, case_id).status


class Answer:
    """Stands in for a person at a dialog: fills it, presses OK, and may try again after
    reading the errors shown beside the fields."""

    def __init__(self, qtbot, *steps) -> None:
        self.qtbot = qtbot
        self.steps = list(steps)
        self.seen: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> bool:
        self.seen.append(dialog)
        dialog.show()
        for step in self.steps:
            step(dialog)
            self.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
            if dialog.result() == QDialog.DialogCode.Accepted:
                break
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        dialog.close()
        return accepted


def set_day(edit, d: date) -> None:
    edit.setDate(QDate(d.year, d.month, d.day))


def click(qtbot, button) -> None:
    QApplication.processEvents()  # buttons added to a shown layout appear on the next turn of the loop
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture()
def detail(qtbot, make_ctx, users):
    def make(case_id: int) -> CaseDetailScreen:
        screen = CaseDetailScreen(make_ctx(users["mediator"]), case_id=case_id)
        qtbot.addWidget(screen)
        screen.resize(1200, 800)
        screen.show()
        qtbot.waitExposed(screen)
        return screen

    return make


def test_medical_case_from_acceptance_to_follow_up(qtbot, engine, users, detail):
    mediator = users["mediator"]
    case_id, cps = new_case(engine, "medical", ({"name": "张三", "phone": "13812345678"},
                                                {"name": "衢江区人民医院", "kind": "organisation",
                                                 "phone": "0570-8881234"}))
    screen = detail(case_id)
    assert set(screen.action_buttons) == {"accept_case", "withdraw_case", "refuse_mediation", "reroute"}
    assert "尚未受理" in screen.deadline_label.text()

    # -- accept: the regulation's Art.31 consent is asked for; a date before registration is refused
    def too_early(d):
        assert d.error_text("medical_consent") == ""
        set_day(d.day, date(2026, 10, 1))

    def right_day(d):
        assert "不能早于登记日" in d.error_text("on")
        set_day(d.day, date(2026, 11, 3))

    screen.run_dialog = Answer(qtbot, too_early, right_day)
    click(qtbot, screen.action_buttons["accept_case"])
    assert status_of(engine, case_id) == "accepted"
    assert screen.status.text() == "已受理"
    assert "医疗纠纷调解期限" in screen.deadline_label.text()

    # -- 医疗损害鉴定: the clock stops and starts again
    screen.run_dialog = Answer(qtbot, lambda d: set_day(d.fields["starts"], date(2026, 11, 5)))
    click(qtbot, screen.action_buttons["pause"])
    assert "暂停：2026-11-05 至 进行中" in screen.deadline_label.text()
    assert "暂停计算（鉴定中）" in screen.deadline_label.text()
    assert "resume" in screen.action_buttons and "pause" not in screen.action_buttons
    screen.run_dialog = Answer(qtbot, lambda d: set_day(d.fields["ends"], date(2026, 11, 12)))
    click(qtbot, screen.action_buttons["resume"])
    assert "暂停：2026-11-05 至 2026-11-12" in screen.deadline_label.text()
    assert "已恢复计算调解期限" in screen.notice.text()

    # -- a session record: public is refused without both sides' consent (条例第四十二条)
    screen.tabs.setCurrentIndex(1)
    record: SessionRecordScreen = screen.new_session()
    qtbot.addWidget(record)
    qtbot.waitExposed(record)
    record.activateWindow()  # Ctrl+S is a window shortcut
    qtbot.waitUntil(lambda: QApplication.activeWindow() is record, timeout=2000)
    assert record.case_id == case_id and record.mode.text() == "新建调解记录"
    record.started_at.setDateTime(QDateTime(datetime(2026, 11, 13, 9, 0)))
    record.ended_at.setDateTime(QDateTime(datetime(2026, 11, 13, 10, 30)))
    record.place.clear()
    qtbot.keyClicks(record.place, "Room 3")
    record.statements[cps["张三"]].setFocus()
    record.statements[cps["张三"]].insertPlainText("要求医院赔偿医疗费、误工费共计5万元")
    record.statements[cps["衢江区人民医院"]].insertPlainText("愿意适当补偿")
    record.verified_facts.insertPlainText("双方对手术经过及术后感染的事实无异议")
    record.outcome.insertPlainText("双方同意以3万元为基础继续协商")
    record.public.setChecked(True)
    assert "未经双方同意不得公开" in record.error_text("public")
    record.save_draft()
    assert draft_path(case_id).exists()  # the typing is on disk before anything is saved
    qtbot.keyClick(record, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "第四十二条" in record.error_text("public")
    assert record.error_text("recorder_id") == "请选择记录人"
    assert status_of(engine, case_id) == "accepted"
    record.public.setChecked(False)
    record.recorder.setCurrentIndex(record.recorder.findData(users["reception"].id))
    qtbot.keyClick(record, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "调解记录已保存" in record.status_label.text()
    assert not draft_path(case_id).exists()
    assert status_of(engine, case_id) == "mediating"  # the first record starts mediation
    with read_only(engine) as session:
        saved = session.scalar(select(MediationSession).where(MediationSession.case_id == case_id))
        assert saved.place == "Room 3" and not saved.public and saved.recorder_id == users["reception"].id
        assert {s["case_party_id"] for s in saved.statements} == set(cps.values())

    # -- the agreement (written, one instalment), first signed by 张三 only
    sign = write_agreement(engine, mediator, case_id, cps)
    sign([cps["张三"]], False)
    screen.refresh()
    screen.tabs.setCurrentIndex(2)
    assert "尚未签名：</b>衢江区人民医院、调解员" in screen.agreement_text.text()
    screen.run_dialog = Answer(qtbot, lambda d: None)
    click(qtbot, screen.action_buttons["record_agreement_reached"])  # refused: signatures missing
    dialog = screen.run_dialog.seen[0]
    assert "尚未签名：衢江区人民医院、调解员" in dialog.error_text("") and status_of(engine, case_id) == "mediating"
    sign([cps["张三"], cps["衢江区人民医院"]], True)
    screen.refresh()
    screen.run_dialog = Answer(qtbot, lambda d: None)
    click(qtbot, screen.action_buttons["record_agreement_reached"])
    assert status_of(engine, case_id) == "agreed"
    assert "司法确认" in screen.notice.text() and "已安排回访" in screen.notice.text()
    assert not screen.action_buttons["mark_performed"].isEnabled()  # money still owed

    # -- a payment: more than owed needs confirming, the right amount performs the agreement
    screen.tabs.setCurrentIndex(3)
    screen.instalments_view.selectRow(0)

    def overpay(d):
        d.amount.setText("31000")
        set_day(d.paid_on, date(2026, 11, 17))
        d.receipt.setText("SK-001")

    def exact(d):
        assert "本期尚欠30,000.00元" in d.error_text("amount") and d.confirm.isVisible()
        d.amount.setText("30000")

    screen.run_dialog = Answer(qtbot, overpay, exact)
    click(qtbot, screen.pay_button)
    assert status_of(engine, case_id) == "performed"
    assert "履行完毕" in screen.notice.text() and screen.status.text() == "履行完毕"

    # -- the follow-up visit: a bad rating opens the ledger with a deadline
    screen.tabs.setCurrentIndex(4)
    assert screen.followups_model.rowCount() >= 2

    def visit(d):
        set_day(d.visited_on, date(2026, 11, 18))
        d.performance.insertPlainText("款项已全部付清")
        d.set_rating(2)

    screen.run_dialog = Answer(qtbot, visit)
    screen.followups_view.selectRow(0)
    click(qtbot, screen.visit_button)
    assert "已登记差评台账" in screen.notice.text()
    with read_only(engine) as session:
        entry = session.scalar(select(RatingLedgerEntry).join(FollowUp).where(FollowUp.case_id == case_id))
        assert entry.opened_on == date(2026, 11, 18) and entry.due_on > date(2026, 12, 1)

    # -- …and the follow-up screen answers it
    followups = FollowupsScreen(screen.ctx)
    qtbot.addWidget(followups)
    followups.show()
    followups.today = date(2026, 11, 20)
    followups.refresh()
    qtbot.waitUntil(lambda: not followups.loading)  # read on a worker
    assert followups.ledger_model.rowCount() == 1
    followups.ledger_view.selectRow(0)

    def reply(d):
        d.fields["answer"].insertPlainText("已上门说明，张三表示理解")

    followups.run_dialog = Answer(qtbot, reply)
    click(qtbot, followups.answer_button)
    qtbot.waitUntil(lambda: not followups.loading)
    assert followups.ledger_model.rowCount() == 0  # only open entries are listed
    followups.open_only.setChecked(False)
    qtbot.waitUntil(lambda: not followups.loading)
    assert followups.ledger_model.row_at(0).state == "已答复"



def test_the_follow_up_lists_are_read_off_the_gui_thread_and_a_failure_is_said(qtbot, users, make_ctx, monkeypatch):
    """The whole centre's follow-ups can be thousands of rows (0.2–0.5 s on the million-case
    demo): read on a worker, the latest refresh wins; a failure is said where the list is."""
    import threading

    from desktop.screens import followups as module

    readers = []

    def due(*_args, **_kwargs):
        readers.append(threading.current_thread() is threading.main_thread())
        return []

    monkeypatch.setattr(module, "due_followups", due)
    screen = FollowupsScreen(make_ctx(users["director"]))
    qtbot.addWidget(screen)
    screen.refresh()  # twice: only the second one's lists are shown
    qtbot.waitUntil(lambda: not screen.loading)
    assert readers == [False, False]
    assert screen.due_title.text() == "待回访（14 日内计划 0 次，其中逾期 0 次）"
    assert screen.ledger_title.text().startswith("差评台账（0 条，")

    def broken(*_args, **_kwargs):
        raise OSError("磁盘读取错误")

    monkeypatch.setattr(module, "ledger", broken)
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.loading)
    assert screen.due_title.text().startswith("读取失败：") and "F5" in screen.due_title.text()
    screen.ctx.tasks.wait()

def test_traffic_case_to_termination_notes_police_window(qtbot, engine, users, detail):
    """道路交通事故处理程序规定第八十五条: 3 days from termination; 2026-11-08 is a Sunday."""
    case_id, _cps = new_case(engine, "traffic", ({"name": "王五"}, {"name": "赵六"}))
    screen = detail(case_id)
    screen.run_dialog = Answer(qtbot, lambda d: set_day(d.day, date(2026, 11, 3)))
    click(qtbot, screen.action_buttons["accept_case"])
    assert screen.run_dialog.seen[0].error_text("medical_consent") == ""  # no Art.31 question here
    screen.run_dialog = Answer(qtbot, lambda d: set_day(d.day, date(2026, 11, 4)))
    click(qtbot, screen.action_buttons["start_mediation"])
    assert status_of(engine, case_id) == "mediating"

    def no_reason(d):
        set_day(d.day, date(2026, 11, 5))

    def with_reason(d):
        assert "请填写终止调解的原因" in d.error_text("reason")
        d.reason.insertPlainText("被申请人赵六要求终止调解")

    screen.run_dialog = Answer(qtbot, no_reason, with_reason)
    click(qtbot, screen.action_buttons["terminate_mediation"])
    assert status_of(engine, case_id) == "terminated"
    assert "2026-11-09" in screen.notice.text() and "第八十五条" in screen.notice.text()
    assert "当事人可于2026-11-09前共同书面申请公安机关交通管理部门调解" in screen.deadline_label.text()
    assert set(screen.action_buttons) == {"archive_case"}
    with read_only(engine) as session:
        case = session.get(Case, case_id)
        assert case.concluded_on == date(2026, 11, 5) and case.conclusion_reason == "被申请人赵六要求终止调解"


def test_attachment_too_large_is_refused_with_a_message(qtbot, engine, users, detail, tmp_path):
    case_id, _cps = new_case(engine, "traffic", ({"name": "王五"}, {"name": "赵六"}))
    with unit_of_work(engine) as session:
        session.get(Case, case_id).status = "accepted"
    from db.models import Setting

    with unit_of_work(engine) as session:
        session.merge(Setting(key="attachment_max_mb", value="0.5"))
    big = tmp_path / "现场照片.jpg"
    big.write_bytes(b"\xff\xd8\xff" + b"0" * 600_000)
    small = tmp_path / "责任认定书.pdf"
    small.write_bytes(b"%PDF-1.4\n%%EOF\n")
    screen = detail(case_id)
    screen.tabs.setCurrentIndex(5)
    screen.choose_files = lambda: [str(big), str(small)]
    click(qtbot, screen.add_file_button)
    assert "超过单个附件上限" in screen.attachment_error.text() and "现场照片.jpg" in screen.attachment_error.text()
    screen.ctx.tasks.wait()
    qtbot.waitUntil(lambda: screen.attachments_model.rowCount() == 1)
    assert screen.attachments_model.row_at(0).filename == "责任认定书.pdf"
    opened = []
    screen.open_file = opened.append
    screen.attachments_view.selectRow(0)
    screen.open_attachment()
    assert opened and opened[0].read_bytes() == small.read_bytes()


def test_my_cases_lists_open_cases_and_enter_opens_the_case(qtbot, engine, users, make_ctx):
    case_id, _cps = new_case(engine, "medical", ({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"}))
    other, _ = new_case(engine, "labour", ({"name": "钱七"}, {"name": "孙八"}))
    with unit_of_work(engine) as session:
        case = session.get(Case, case_id)
        case.status, case.accepted_on, case.mediator_id = "accepted", date(2026, 11, 3), users["mediator"].id
    ctx = make_ctx(users["mediator"])
    screen = MyCasesScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    ctx.tasks.wait()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    row = screen.model.row_at(0)
    assert row.case_id == case_id and row.deadline.kind == "medical" and row.left_text
    assert other not in {r.case_id for r in screen.model.rows()}  # not the mediator's committee
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDetailScreen) and w.isVisible()]
    assert opened and opened[-1].case_id == case_id
    for w in opened:
        w.close()


def test_deadlines_screen_for_the_director(qtbot, engine, users, make_ctx):
    case_id, _cps = new_case(engine, "medical", ({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"}))
    with unit_of_work(engine) as session:
        case = session.get(Case, case_id)
        case.status, case.accepted_on = "accepted", date(2026, 9, 1)
    ctx = make_ctx(users["director"])
    screen = DeadlinesScreen(ctx)
    qtbot.addWidget(screen)
    screen.today = date(2026, 11, 20)
    screen.refresh()
    ctx.tasks.wait()
    qtbot.waitUntil(lambda: screen.overdue_model.rowCount() == 1)
    assert screen.overdue_model.row_at(0).case_id == case_id
    assert screen.tabs.tabText(0) == "已逾期（1）" and "全中心" in screen.heading.text()


def test_provisional_deadline_is_marked_in_the_lists(app):
    """domain.md §3: a count into a year nobody knows is shown as provisional, never as final."""
    deadline = CaseDeadline(date(2027, 1, 6), True, True, "医疗纠纷……", kind="medical", start=date(2026, 11, 20))
    row = DeadlineRow(1, "衢江医人调字〔2026〕第150号", "medical", "accepted", "张三、医院", "李调解", 1,
                      date(2026, 11, 20), deadline, 12, "ok", None)
    model = DeadlineTableModel()
    model.set_rows([row])
    texts = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert "2027-01-06（暂定）" in texts and "还剩12个工作日（暂定）" in texts
    assert "暂定" in model.data(model.index(0, 6), Qt.ItemDataRole.ToolTipRole)


def test_agreement_editor_button_only_with_the_editor(qtbot, engine, users, detail):
    case_id, _cps = new_case(engine, "traffic", ({"name": "王五"}, {"name": "赵六"}))
    screen = detail(case_id)
    present = importlib.util.find_spec("desktop.screens.agreement_editor") is not None
    assert (not screen.edit_agreement_button.isHidden()) == present


def test_reroute_an_open_case_from_its_detail(qtbot, engine, users, make_ctx):
    """改派: reception moves a wrongly routed case; a reason is required and kept in the history."""
    case_id, _cps = new_case(engine, "traffic", ({"name": "王五"}, {"name": "赵六"}))
    screen = CaseDetailScreen(make_ctx(users["reception"]), case_id=case_id)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)

    def no_reason(d):
        d.fields["committee"].setCurrentIndex(d.fields["committee"].findData("medical"))

    def with_reason(d):
        assert "改派须写明理由" in d.error_text("reason")
        d.fields["reason"].setText("经了解系医疗过程中发生的纠纷")

    screen.run_dialog = Answer(qtbot, no_reason, with_reason)
    click(qtbot, screen.action_buttons["reroute"])
    assert "已改派至医患" in screen.notice.text()
    with read_only(engine) as session:
        case = session.get(Case, case_id)
        assert case.committee.code == "medical"
    # now a medical case: reception sees its number and status only
    assert screen.restricted_notice.isVisible() and "reroute" not in screen.action_buttons


def test_a_mediator_cannot_reroute_another_committees_case(qtbot, engine, make_ctx):
    from tests.conftest import make_user

    case_id, _cps = new_case(engine, "traffic", ({"name": "王五"}, {"name": "赵六"}))
    labour = make_user(engine, "mediator", committees=("labour",))
    screen = CaseDetailScreen(make_ctx(labour), case_id=case_id)
    qtbot.addWidget(screen)
    assert "reroute" not in screen.action_buttons


def test_a_dialog_keeps_its_typing_as_a_draft_until_accepted_or_cancelled(qtbot):
    """Every form keeps a local draft (issue 7.6): a visit half-recorded when the PC lost power
    is filled back in when the same follow-up's dialog opens again."""
    from desktop.widgets.mediation_forms import VisitDialog

    first = VisitDialog(None, who="张三")
    qtbot.addWidget(first)
    first.keep_draft("visit_7", "tjy")
    first.performance.setPlainText("已按协议付清第一期款项")
    first.rating_group.button(1).setChecked(True)
    first.escalation.setChecked(True)
    first._drafts.write()  # what the debounce does 0.8 s after the last key
    rating = first.rating()
    # the power cut: the first dialog is never accepted nor cancelled

    again = VisitDialog(None, who="张三")
    qtbot.addWidget(again)
    again.keep_draft("visit_7", "tjy")
    assert again.draft_hint.isVisible() or not again.isVisible()
    assert "未保存的内容" in again.draft_hint.text()
    assert again.performance.toPlainText() == "已按协议付清第一期款项"
    assert again.rating() == rating and again.escalation.isChecked()
    other = VisitDialog(None, who="李四")
    qtbot.addWidget(other)
    other.keep_draft("visit_8", "tjy")  # another follow-up: nothing to restore
    assert other.performance.toPlainText() == "" and other.draft_hint.text() == ""

    again.accept()  # saved: the draft goes
    third = VisitDialog(None, who="张三")
    qtbot.addWidget(third)
    third.keep_draft("visit_7", "tjy")
    assert third.performance.toPlainText() == "" and third.draft_hint.text() == ""
    third.performance.setPlainText("临时")
    third._drafts.write()
    third.reject()  # cancelled on purpose: nothing kept
    fourth = VisitDialog(None, who="张三")
    qtbot.addWidget(fourth)
    fourth.keep_draft("visit_7", "tjy")
    assert fourth.performance.toPlainText() == ""
