"""Privacy on screen (domain.md §8): the case detail shows ID numbers masked with a 显示 button
that reveals one (logged), reception gets a notice instead of a medical case's details, and the
admin's 个人信息保护 screen anonymises old cases and exports one person's data."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from core.identifiers import id_check_char, mask_id
from core.uow import read_only, unit_of_work
from db.models import AuditEntry, StatusChange
from desktop.screens.case_detail import CaseDetailScreen
from desktop.screens.privacy import PrivacyScreen
from tests.factories import add_case_with_parties

SHOTS = Path("/tmp/shots")
ZHANG = "33080219800101001" + id_check_char("33080219800101001")


def count(engine, action: str) -> int:
    with read_only(engine) as session:
        return session.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == action))


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


@pytest.fixture(autouse=True)
def own_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))


def medical_case(engine):
    return add_case_with_parties(engine, (
        {"name": "张三", "id_number": ZHANG, "phone": "13812345678"},
        {"name": "衢江区人民医院", "kind": "organisation"},
    ), summary="阑尾炎手术后切口感染，家属认为医院有过错。")


def open_detail(qtbot, ctx, case_id: int) -> CaseDetailScreen:
    screen = CaseDetailScreen(ctx, case_id=case_id)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_reception_gets_a_notice_instead_of_a_medical_cases_details(qtbot, engine, users, make_ctx):
    """个人信息保护法第二十八条: medical information stays with the medical committee and the director."""
    case = medical_case(engine)
    screen = open_detail(qtbot, make_ctx(users["reception"]), case.case_id)
    assert screen.restricted is not None
    assert screen.restricted_notice.isVisible() and "医患纠纷人民调解委员会" in screen.restricted_notice.text()
    assert not screen.tabs.isVisible() and screen.number.text() == case.number
    assert "阑尾炎" not in screen.summary.text() and screen.overview is None
    assert count(engine, "permission.denied") == 1
    screen.refresh()  # F5: still the notice, no second refusal
    assert count(engine, "permission.denied") == 1
    shot(screen, "case_detail_medical_notice.png")


def test_the_reveal_button_shows_the_full_number_and_is_logged(qtbot, engine, users, make_ctx):
    case = medical_case(engine)
    screen = open_detail(qtbot, make_ctx(users["mediator"]), case.case_id)
    model = screen.parties_model
    assert model.data(model.index(0, 2)) == mask_id(ZHANG)
    assert set(screen.reveal_buttons) == {case.party_ids[0]}  # the hospital's code is public: no button
    assert count(engine, "privacy.view_medical") == 1
    shot(screen, "case_detail_masked.png")

    qtbot.mouseClick(screen.reveal_buttons[case.party_ids[0]], Qt.MouseButton.LeftButton)
    assert model.data(model.index(0, 2)) == ZHANG
    assert count(engine, "privacy.reveal_id") == 1
    shot(screen, "case_detail_revealed.png")
    screen.refresh()  # masked again after a reload; the opening is not logged twice
    assert model.data(model.index(0, 2)) == mask_id(ZHANG)
    assert count(engine, "privacy.view_medical") == 1


def test_the_admin_anonymises_an_old_case_and_exports_a_person(qtbot, engine, users, make_ctx, tmp_path):
    old = add_case_with_parties(engine, ({"name": "张三", "id_number": ZHANG, "phone": "13812345678"},
                                         {"name": "衢江区人民医院", "kind": "organisation"}),
                                received=date(2019, 5, 6), status="archived")
    with unit_of_work(engine) as session:
        session.add(StatusChange(case_id=old.case_id, from_status="failed", to_status="archived",
                                 at=datetime(2019, 6, 1, 9), reason="归档"))
    screen = PrivacyScreen(make_ctx(users["admin"]))
    qtbot.addWidget(screen)
    screen.resize(1000, 720)
    screen.show()
    qtbot.waitExposed(screen)
    assert [r.case_id for r in screen.model.rows()] == [old.case_id]

    # Export first (after anonymisation there would be nothing left to find by this number).
    out = tmp_path / "zhang.json"
    screen.choose_path = lambda suggested: str(out)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)  # nothing typed: said beside the fields
    assert screen.export_error.isVisible() and "证件号码" in screen.export_error.text() and not out.exists()
    screen.id_number.setText(ZHANG)
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert json.loads(out.read_text(encoding="utf-8"))["parties"][0]["id_number"] == ZHANG
    assert "1件案件" in screen.export_message.text()

    screen.table.selectRow(0)
    asked = []
    screen.confirm = lambda question: asked.append(question) or False  # cancelled: nothing happens
    qtbot.mouseClick(screen.anonymise_button, Qt.MouseButton.LeftButton)
    assert asked and old.number in asked[0] and len(screen.model.rows()) == 1
    shot(screen, "privacy_screen.png")
    screen.confirm = lambda question: True
    qtbot.mouseClick(screen.anonymise_button, Qt.MouseButton.LeftButton)
    assert screen.model.rows() == [] and "已匿名化1件案件" in screen.anonymise_message.text()
    assert count(engine, "privacy.anonymise") == 1
    shot(screen, "privacy_screen_done.png")
