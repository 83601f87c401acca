"""A whole walk-in at the counter, through the main window and by keyboard: take a number,
call it, the ticket becomes an intake form, two parties (a person and a hospital), the
routing suggestion accepted with Alt+1, saved, the case number shown, the ticket done, the
受理登记表 and 告知书 printed as PDF."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from core.uow import read_only
from db.models import Case, CaseParty, QueueTicket
from desktop.main_window import MainWindow
from desktop.screens.intake import IntakeScreen
from desktop.screens.queue import QueueScreen
from tests.gui.test_intake_screen import HOSPITAL_USCC, ZHANG_ID, key_in, type_in
from tests.gui.test_queue_screens import idle

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_whole_walk_in(app, qtbot, make_ctx, users, engine, monkeypatch, tmp_path):
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    window = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)

    # 1. the visitor takes a number for 医患 (F2) and reception calls it (F12)
    queue_screen = window.show_screen("queue")
    assert isinstance(queue_screen, QueueScreen)
    idle(qtbot, queue_screen)
    queue_screen.activateWindow()
    qtbot.waitUntil(queue_screen.isActiveWindow)
    qtbot.keyClick(queue_screen, Qt.Key.Key_F2)
    idle(qtbot, queue_screen)
    qtbot.keyClick(queue_screen, Qt.Key.Key_F12)
    idle(qtbot, queue_screen)
    assert queue_screen.current is not None and queue_screen.current.label == "医-001"

    # 2. Ctrl+I: the ticket becomes an intake form in one step, committee pre-selected
    qtbot.keyClick(queue_screen, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: isinstance(window.current_screen(), IntakeScreen), timeout=5000)
    intake: IntakeScreen = window.current_screen()
    assert intake.committee.currentData() == "medical"
    assert "医-001" in intake.ticket_label.text()
    assert QApplication.focusWidget() is intake.editors[0].fields["name"]

    # 3. the applicant and the hospital, typed
    person = intake.editors[0]
    type_in(qtbot, person.fields["name"], "张三")
    key_in(qtbot, person.fields["id_number"], ZHANG_ID)
    key_in(qtbot, person.fields["phone"], "13812345678")
    type_in(qtbot, person.fields["address"], "衢江区樟潭街道某村12号")
    qtbot.keyClick(intake, Qt.Key.Key_O, CTRL_SHIFT)
    hospital = intake.editors[1]
    type_in(qtbot, hospital.fields["name"], "衢江区人民医院")
    hospital.fields["org_kind"].setCurrentIndex(hospital.fields["org_kind"].findData("hospital"))
    key_in(qtbot, hospital.fields["uscc"], HOSPITAL_USCC)
    intake.dispute_type.setCurrentIndex(intake.dispute_type.findData("13"))
    type_in(qtbot, intake.summary, "阑尾炎手术后切口感染再次住院，家属认为医院诊疗存在过错，要求赔偿。")
    type_in(qtbot, intake.requests.lines[0], "赔偿医疗费、误工费等损失")
    key_in(qtbot, intake.amount, "50000")
    intake.medical_consent.setCurrentIndex(intake.medical_consent.findData("both_applied"))

    # 4. the routing suggestion: 医患 first, accepted with Alt+1
    qtbot.waitUntil(lambda: bool(intake.suggestions), timeout=5000)
    assert intake.suggestions[0].code == "medical"
    qtbot.keyClick(intake, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert intake.committee.currentData() == "medical"

    # 5. Ctrl+S: saved, the number shown, the next visitor's form ready
    qtbot.keyClick(intake, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: intake.result_banner.isVisible(), timeout=15000)
    case = intake.last_case
    assert case is not None and case.number in intake.result_label.text()
    assert "衢江医人调字〔" in case.number
    assert intake.editors[0].text("name") == ""
    with read_only(engine) as session:
        saved = session.get(Case, case.id)
        assert saved.status == "registered" and saved.medical_consent == "both_applied"
        assert len(session.scalars(select(CaseParty).where(CaseParty.case_id == case.id)).all()) == 2
        ticket = session.scalar(select(QueueTicket).where(QueueTicket.id == saved.ticket_id))
        assert ticket.status == "done" and ticket.finished_at is not None

    # 6. Ctrl+P: 受理登记表 and 当事人权利义务告知书 as PDF files, with the case's content
    intake.print_documents()
    qtbot.waitUntil(lambda: bool(intake.last_documents), timeout=20000)
    paths = dict(intake.last_documents)
    assert set(paths) == {"registration", "notice"}
    text = subprocess.run(["pdftotext", "-layout", str(paths["registration"]), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "受理登记表" in text.replace(" ", "") and case.number in text.replace(" ", "")
    assert "衢江区人民医院" in text.replace(" ", "")
    notice = subprocess.run(["pdftotext", str(paths["notice"]), "-"], capture_output=True, text=True,
                            check=True).stdout.replace(" ", "")
    assert "权利" in notice and "义务" in notice
    window.ctx.tasks.wait()
