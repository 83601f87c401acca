"""受理登记 screen: a whole intake with the keyboard, errors beside fields, drafts, failures,
queue tickets, referrals and repeat visitors."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, func, select

from core.devices.idcard import sample_cards
from core.identifiers import id_check_char, uscc_check_char
from core.intake import IntakeForm, PartyForm, register_case
from core.uow import read_only
from db.models import Case, CaseParty, Committee, Party, QueueTicket, Referral
from desktop.screens.intake import IntakeScreen, documents_dir, draft_path

ZHANG_ID = "33080319850312123" + id_check_char("33080319850312123")
HOSPITAL_USCC = "12330803470123456" + uscc_check_char("12330803470123456")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture()
def open_screen(app, qtbot, make_ctx, users, monkeypatch, tmp_path):
    # Drafts and printed documents go to this test's own data directory.
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))

    def make(ctx=None) -> IntakeScreen:
        screen = IntakeScreen(ctx or make_ctx(users["reception"]))
        qtbot.addWidget(screen)
        screen.resize(1180, 900)
        screen.show()
        qtbot.waitExposed(screen)
        screen.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is screen, timeout=2000)
        return screen

    return make


def type_in(qtbot, widget, text: str) -> None:
    """Chinese text arrives committed by the input method (QTest types ASCII keys only)."""
    widget.setFocus()
    if hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def key_in(qtbot, widget, text: str, *, leave: bool = True) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    if leave:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)  # leaving the field runs its check


def fill_medical_intake(qtbot, screen: IntakeScreen) -> None:
    person = screen.editors[0]
    type_in(qtbot, person.fields["name"], "张三")
    key_in(qtbot, person.fields["id_number"], ZHANG_ID)
    assert (person.text("sex"), person.text("birth_date")) == ("M", "1985-03-12")  # from the number
    key_in(qtbot, person.fields["phone"], "13812345678")
    type_in(qtbot, person.fields["address"], "衢江区樟潭街道某村12号")

    qtbot.keyClick(screen, Qt.Key.Key_O, CTRL_SHIFT)  # add an organisation
    assert len(screen.editors) == 2
    hospital = screen.editors[1]
    assert hospital.kind == "organisation" and hospital.role.currentData() == "respondent"
    assert QApplication.focusWidget() is hospital.fields["name"]  # typing goes on in the new party
    type_in(qtbot, hospital.fields["name"], "衢江区人民医院")
    hospital.fields["org_kind"].setCurrentIndex(hospital.fields["org_kind"].findData("hospital"))
    key_in(qtbot, hospital.fields["uscc"], HOSPITAL_USCC)
    assert hospital.error_text("uscc") == ""

    screen.dispute_type.setCurrentIndex(screen.dispute_type.findData("13"))
    type_in(qtbot, screen.summary, "上月在医院做阑尾炎手术后切口感染，再次住院治疗，家属认为医院存在过错。")
    type_in(qtbot, screen.requests.lines[0], "赔偿医疗费、误工费等损失")
    qtbot.keyClick(screen.requests.lines[0], Qt.Key.Key_Return)  # Enter: the next numbered request
    type_in(qtbot, screen.requests.lines[1], "医院书面道歉")
    key_in(qtbot, screen.amount, "50000")


def test_a_whole_intake_with_the_keyboard(open_screen, qtbot, engine, users):
    screen = open_screen()
    fill_medical_intake(qtbot, screen)

    # The suggestions follow the typing (debounced) and Alt+1 takes the first.
    qtbot.waitUntil(lambda: bool(screen.suggestions) and screen.suggestions[0].code == "medical", timeout=3000)
    assert "当事人含医疗机构" in screen.suggestion_rows[0].reasons.text()
    qtbot.keyClick(screen, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert screen.committee.currentData() == "medical"

    # Medical regulation Art.31 is asked for beside its field before anything is saved.
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "第三十一条" in screen.error_labels["medical_consent"].text()
    assert QApplication.focusWidget() is screen.medical_consent
    screen.medical_consent.setCurrentIndex(screen.medical_consent.findData("both_applied"))

    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    number = f"衢江医人调字〔{datetime.now().year}〕第001号"
    qtbot.waitUntil(lambda: number in screen.result_label.text(), timeout=10000)
    assert screen.last_case.number == number
    assert not draft_path().exists()  # saved: the draft is gone
    assert len(screen.editors) == 1 and screen.form().is_blank()  # ready for the next visitor

    with read_only(engine) as session:
        case = session.scalar(select(Case).where(Case.number == number))
        assert session.get(Committee, case.committee_id).code == "medical"
        names = set(session.scalars(select(Party.name).join(CaseParty).where(CaseParty.case_id == case.id)))
        assert names == {"张三", "衢江区人民医院"}
        assert case.requests == ["赔偿医疗费、误工费等损失", "医院书面道歉"]

    # Ctrl+P prints the 受理登记表 (rendered off the GUI thread into the case's folder).
    qtbot.keyClick(screen, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "registration" in screen.last_documents, timeout=10000)
    pdf = screen.last_documents["registration"]
    assert pdf.parent == documents_dir(number) and pdf.exists()
    assert str(pdf.parent) in screen.documents_label.text()
    if shutil.which("pdftotext"):
        text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True)
                       .stdout.decode("utf-8").split())
        assert number in text and "张三" in text and "衢江区人民医院" in text
        assert ZHANG_ID not in text  # masked on the 登记表
    screen.print_notice_button.click()
    qtbot.waitUntil(lambda: "notice" in screen.last_documents, timeout=10000)


def test_an_invalid_id_is_explained_beside_the_field_and_nothing_is_lost(open_screen, qtbot, engine):
    screen = open_screen()
    person = screen.editors[0]
    type_in(qtbot, person.fields["name"], "张三")
    wrong = ZHANG_ID[:-1] + ("1" if ZHANG_ID[-1] == "0" else "0")
    key_in(qtbot, person.fields["id_number"], wrong)
    assert "校验位" in person.error_text("id_number")
    assert person.errors["id_number"].isVisible()
    type_in(qtbot, screen.summary, "邻居装修噪音扰民，协商不成。")

    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "校验位" in person.error_text("id_number")
    assert QApplication.focusWidget() is person.fields["id_number"]  # the first problem has the focus
    assert screen.error_labels["parties"].text() == "请登记被申请人（纠纷的另一方当事人）"
    # Everything typed is still there.
    assert person.text("id_number") == wrong and person.text("name") == "张三"
    assert screen.summary.toPlainText() == "邻居装修噪音扰民，协商不成。"
    with read_only(engine) as session:
        assert session.scalar(select(Case.id).limit(1)) is None

    # Correcting the number clears its message.
    person.fields["id_number"].setFocus()
    person.fields["id_number"].selectAll()
    key_in(qtbot, person.fields["id_number"], ZHANG_ID)
    assert person.error_text("id_number") == ""


def test_a_mismatched_sex_is_flagged_when_leaving_the_number(open_screen, qtbot):
    screen = open_screen()
    person = screen.editors[0]
    person.fields["sex"].setCurrentIndex(person.fields["sex"].findData("F"))
    key_in(qtbot, person.fields["id_number"], ZHANG_ID)
    assert "性别与证件号码不符" in person.error_text("sex")
    assert person.text("sex") == "F"  # what was chosen is kept, only flagged
    assert QApplication.focusWidget() is person.fields["sex"]  # Tab follows the reading order
    qtbot.keyClick(screen, Qt.Key.Key_P, CTRL_SHIFT)
    second = screen.editors[1]
    person.fields["address"].setFocus()
    qtbot.keyClick(person.fields["address"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is person.remove_button
    qtbot.keyClick(person.remove_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.role


def test_the_draft_is_restored_after_recreating_the_screen(open_screen, qtbot):
    screen = open_screen()
    person = screen.editors[0]
    type_in(qtbot, person.fields["name"], "王𠮷祥")
    key_in(qtbot, person.fields["id_number"], "33080319850312")  # incomplete, kept as typed
    qtbot.keyClick(screen, Qt.Key.Key_A, CTRL_SHIFT)
    agent = screen.editors[1]
    assert agent.kind == "agent" and agent.represents.currentData() == person.uid
    type_in(qtbot, agent.fields["name"], "李律师")
    type_in(qtbot, screen.summary, "宅基地边界纠纷。")
    type_in(qtbot, screen.amount, "五万")
    qtbot.waitUntil(draft_path().exists, timeout=5000)  # autosaved, debounced
    typed = screen.form()
    screen.close()

    again = open_screen()
    assert again.draft_banner.isVisible()
    assert "王𠮷祥" in again.draft_label.text()
    qtbot.keyClick(again, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert not again.draft_banner.isVisible()
    restored = again.form()
    assert restored.parties == typed.parties
    assert (restored.summary, restored.amount) == ("宅基地边界纠纷。", "五万")
    assert again.editors[1].represents.currentData() == again.editors[0].uid


def test_a_discarded_draft_is_not_offered_again(open_screen, qtbot):
    screen = open_screen()
    type_in(qtbot, screen.summary, "物业费纠纷。")
    screen.save_draft()
    screen.close()
    again = open_screen()
    again.discard_button.click()
    assert not again.draft_banner.isVisible() and not draft_path().exists()
    assert open_screen().draft_banner.isHidden()


def test_a_lost_database_keeps_everything_and_saves_when_it_is_back(open_screen, qtbot, engine, make_ctx, users,
                                                                    tmp_path):
    screen = open_screen()
    fill_medical_intake(qtbot, screen)
    screen.committee.setCurrentIndex(screen.committee.findData("medical"))
    screen.medical_consent.setCurrentIndex(screen.medical_consent.findData("consented"))
    typed = screen.form()
    real_ctx = screen.ctx
    gone = create_engine(f"sqlite:///{tmp_path / 'no such folder' / 'gone.sqlite3'}")
    screen.ctx = replace(screen.ctx, engine=gone)  # the database went away
    screen._retry_timer.setInterval(200)
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(screen.save_error.isVisible, timeout=10000)
    assert "连接中断" in screen.save_error.text() and "自动保存" in screen.save_error.text()
    assert screen.form().parties == typed.parties and screen.form().summary == typed.summary
    assert screen.form_area.isEnabled() and screen.save_button.isEnabled()
    assert draft_path().exists()
    assert screen._retry_timer.isActive()
    gone.dispose()

    screen.ctx = real_ctx  # the database is back: the retry saves the same form, once
    qtbot.waitUntil(screen.result_banner.isVisible, timeout=15000)
    assert not screen.save_error.isVisible() and not draft_path().exists()
    with read_only(engine) as session:
        assert session.scalar(select(func.count()).select_from(Case).where(Case.intake_key == typed.intake_key)) == 1


def test_any_other_failed_save_keeps_everything_and_says_so(open_screen, qtbot, monkeypatch):
    import desktop.screens.intake as intake_screen

    def broken(*_a, **_k):
        raise RuntimeError("磁盘空间不足")

    monkeypatch.setattr(intake_screen, "register_case", broken)
    screen = open_screen()
    fill_medical_intake(qtbot, screen)
    screen.committee.setCurrentIndex(screen.committee.findData("medical"))
    screen.medical_consent.setCurrentIndex(screen.medical_consent.findData("consented"))
    typed = screen.form()
    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(screen.save_error.isVisible, timeout=10000)
    assert "保存失败：磁盘空间不足" in screen.save_error.text() and "保留" in screen.save_error.text()
    assert not screen._retry_timer.isActive()  # not a lost connection: the user decides
    assert screen.form().parties == typed.parties and draft_path().exists()


def test_starting_from_a_queue_ticket(open_screen, qtbot, engine, users):
    from core.queue import take_ticket

    ticket = take_ticket(engine, users["reception"], "medical")
    screen = open_screen()
    screen.start_from_ticket(ticket)
    assert screen.committee.currentData() == "medical"
    assert ticket.label in screen.ticket_label.text()
    fill_medical_intake(qtbot, screen)
    screen.medical_consent.setCurrentIndex(screen.medical_consent.findData("both_applied"))
    screen.save()
    qtbot.waitUntil(lambda: screen.last_case is not None, timeout=10000)
    with read_only(engine) as session:
        assert session.get(QueueTicket, ticket.id).status == "done"
        assert session.get(Case, screen.last_case.id).ticket_id == ticket.id


def test_out_of_scope_matter_gets_a_referral_slip(open_screen, qtbot, engine):
    screen = open_screen()
    type_in(qtbot, screen.summary, "我们两个村为这片山林的所有权争了好几年，都说山是自己村的。")
    qtbot.waitUntil(screen.scope_box.isVisible, timeout=3000)
    assert "土地管理法第十四条" in screen.scope_label.text()
    screen.referral_button.click()
    assert "来访人姓名" in screen.referral_error.text()  # who is being referred?
    type_in(qtbot, screen.editors[0].fields["name"], "王五")
    screen.referral_button.click()
    qtbot.waitUntil(lambda: screen.last_referral is not None, timeout=10000)
    assert "转办单" in screen.result_label.text()
    assert screen.last_documents["referral"].read_bytes()[:5] == b"%PDF-"
    assert screen.form().is_blank()
    with read_only(engine) as session:
        referral = session.scalar(select(Referral))
        assert referral.visitor_name == "王五" and "人民政府" in referral.refer_to


def test_a_repeat_visitor_is_offered_and_filled_in(open_screen, qtbot, engine, users):
    form = IntakeForm(
        parties=(PartyForm(name="张三", id_number=ZHANG_ID, phone="13812345678", address="衢江区樟潭街道"),
                 PartyForm(kind="person", role="respondent", name="李四")),
        committee="general", dispute_type="02", summary="邻里之间排水沟纠纷。",
    )
    register_case(engine, users["reception"], form)
    screen = open_screen()
    person = screen.editors[0]
    key_in(qtbot, person.fields["phone"], "13812345678")
    qtbot.waitUntil(lambda: bool(person.match_buttons), timeout=5000)
    assert "张三" in person.match_buttons[0].text() and "重复来访" in person.match_buttons[0].text()
    person.match_buttons[0].click()
    assert person.text("name") == "张三" and person.text("address") == "衢江区樟潭街道"
    assert person.party_id is not None
    assert "330803********" in person.fields["id_number"].placeholderText()


def test_reading_an_id_card_fills_the_person(open_screen, qtbot, monkeypatch):
    monkeypatch.setenv("TIAOJIE_IDCARD_READER", "simulator")
    screen = open_screen()
    person = screen.editors[0]
    type_in(qtbot, person.fields["name"], "手写的名字")  # the card wins over what was typed
    person.read_card_button.click()
    qtbot.waitUntil(lambda: person.text("name") == "张伟", timeout=5000)
    assert person.text("sex") == "M"
    assert person.text("ethnicity") == "汉族"
    assert person.text("birth_date") == "1985-04-12"
    assert person.text("id_type") == "resident_id"
    assert person.text("id_number") == sample_cards()[0].id_number
    assert person.text("address") == "浙江省衢州市衢江区樟潭街道樟树潭村12号"
    assert person.error_text("id_number") == "" and person.error_text("name") == ""
    assert QApplication.focusWidget() is person.fields["phone"]  # what the card cannot give
    assert "张伟" in screen.status_label.text()
    # the next card on the simulated reader goes into the other person
    screen.add_party("person")
    other = screen.editors[1]
    other.read_card_button.click()
    qtbot.waitUntil(lambda: other.text("name") == "徐丽萍", timeout=5000)
    assert other.text("ethnicity") == "畲族"
    assert person.text("name") == "张伟"


def test_no_reader_is_explained_beside_the_person(open_screen, qtbot, monkeypatch):
    monkeypatch.delenv("TIAOJIE_IDCARD_READER", raising=False)  # the seeded setting: none
    screen = open_screen()
    person = screen.editors[0]
    type_in(qtbot, person.fields["name"], "王五")
    person.read_card_button.click()
    qtbot.waitUntil(lambda: "未配置身份证阅读器" in person.error_text("name"), timeout=5000)
    assert person.text("name") == "王五"  # nothing typed is lost
    assert person.read_card_button.isEnabled()
    assert screen.editors[0].read_card_button is not None
    screen.add_party("organisation")
    assert screen.editors[1].read_card_button is None  # organisations have no ID card
