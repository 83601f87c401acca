"""The agreement editor and the print preview, driven like a mediator would: errors beside their
fields (ratios adding up to 100 — 道路交通事故处理程序规定第九十三条; instalments adding up to the
amount; terms required — 人民调解法第二十九条), saving, the signatures checklist and the
agreement taking effect; the preview dialog showing and printing the pages."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from core.lifecycle import accept_case
from core.uow import read_only
from db.models import Agreement, Case, Instalment
from desktop.screens.agreement_editor import AgreementEditorScreen
from desktop.screens.print_preview import PrintPreviewDialog, PrintPreviewScreen
from tests.conftest import make_user
from tests.unit.test_case_documents import _new_case, _session, build_scenario


@pytest.fixture(autouse=True)
def own_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture()
def mediating(engine):
    """A traffic case being mediated: 甲 (applicant), 乙 (respondent)."""
    mediator = make_user(engine, "mediator", committees=("traffic",), full_name="徐调解")
    recorder = make_user(engine, "mediator", committees=("traffic",), full_name="何记录")
    added, cp = _new_case(engine, ({"name": "甲某", "id_number": "11010519491231002X"}, {"name": "乙某"}))
    accept_case(engine, mediator, added.case_id, on=date(2026, 11, 3))
    _session(engine, mediator, recorder, added.case_id, list(cp.values()))
    return mediator, added.case_id, cp


def _editor(qtbot, make_ctx, user, case_id) -> AgreementEditorScreen:
    screen = AgreementEditorScreen(make_ctx(user), case_id=case_id)
    qtbot.addWidget(screen)
    screen.resize(1100, 900)
    screen.show()
    return screen


def test_editor_shows_each_error_beside_its_field(qtbot, make_ctx, mediating):
    mediator, case_id, cp = mediating
    screen = _editor(qtbot, make_ctx, mediator, case_id)
    assert screen.uses_ratios() and all(r.ratio.isVisible() for r in screen.responsibilities)
    screen.terms[0].edit.clear()
    screen.formed_on.setDate(QDate(2026, 11, 10))
    first, second = screen.responsibilities
    qtbot.keyClicks(first.ratio, "30")
    qtbot.keyClicks(second.ratio, "60")
    assert screen.ratio_sum.text() == "合计 90%"
    qtbot.keyClicks(screen.amount, "1000")
    row = screen.add_instalment()
    qtbot.keyClicks(row.amount, "600")
    row.due.setDate(QDate(2026, 11, 9))
    row.payer.setCurrentIndex(row.payer.findData(cp["乙某"]))
    row.payee.setCurrentIndex(row.payee.findData(cp["甲某"]))
    assert "与协议金额不一致" in screen.total_label.text()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "请填写双方达成的协议条款" in screen.error_text("terms")
    assert "各方责任比例之和应为 100%（现为 90%）" in screen.error_text("responsibilities")
    assert "与各期合计 600.00 元不一致" in screen.error_text("amount")
    assert "应付日期不能早于协议达成日期" in screen.error_text("instalments.0.due_on")
    assert screen.errors["instalments.0.due_on"] is row.error  # beside its own row
    with read_only(screen.ctx.engine) as session:
        assert session.scalar(select(Agreement.id).where(Agreement.case_id == case_id)) is None  # nothing saved
    # put it right: the typed text stayed
    screen.terms[0].edit.setText("乙某赔偿甲某车辆损失1000元")
    second.ratio.setText("70")
    row.due.setDate(QDate(2026, 11, 20))
    screen.add_instalment()
    later = screen.instalments[1]
    assert later.payer.currentData() == cp["乙某"]  # a new instalment repeats who pays whom
    qtbot.keyClicks(later.amount, "400")
    later.due.setDate(QDate(2026, 12, 20))
    assert "✓" in screen.total_label.text() and "壹仟元整" in screen.total_label.text()
    assert screen.save()
    assert screen.error_text("terms") == "" and "协议已保存" in screen.message.text()
    with read_only(screen.ctx.engine) as session:
        a = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
        dues = sorted(session.scalars(select(Instalment.due_on).where(Instalment.agreement_id == a.id)))
        assert (a.last_due_on, dues) == (date(2026, 12, 20), [date(2026, 11, 20), date(2026, 12, 20)])
        assert [r["ratio"] for r in a.responsibilities] == ["30", "70"]


def test_signatures_then_effective_art29(qtbot, make_ctx, mediating):
    mediator, case_id, cp = mediating
    screen = _editor(qtbot, make_ctx, mediator, case_id)
    screen.formed_on.setDate(QDate(2026, 11, 10))
    screen.terms[0].edit.setText("双方互不追究")
    assert screen.save()
    assert screen.sign_box.isEnabled() and "尚未签名：甲某、乙某、调解员" in screen.sign_state.text()
    assert not screen.effective_button.isEnabled()
    screen.sign_boxes[cp["甲某"]].setChecked(True)
    screen.signed_on.setDate(QDate(2026, 11, 12))
    assert screen.record_signatures()
    assert "尚未签名：乙某、调解员" in screen.sign_state.text()
    screen.sign_boxes[cp["乙某"]].setChecked(True)
    screen.mediator_signed.setChecked(True)
    assert screen.record_signatures() and screen.effective_button.isEnabled()
    qtbot.mouseClick(screen.effective_button, Qt.MouseButton.LeftButton)
    assert "协议已于2026-11-12生效" in screen.message.text()
    with read_only(screen.ctx.engine) as session:
        assert session.scalar(select(Case.status).where(Case.id == case_id)) == "agreed"
    assert not screen.save_button.isEnabled() and "不能再修改" in screen.banner.text()


def test_oral_agreement_is_registered_and_effective_art30(qtbot, make_ctx, mediating):
    mediator, case_id, _cp = mediating
    screen = _editor(qtbot, make_ctx, mediator, case_id)
    screen.oral.setChecked(True)
    assert not screen.sign_box.isVisible() and "口头协议" in screen.save_button.text()
    screen.formed_on.setDate(QDate(2026, 11, 6))
    screen.terms[0].edit.setText("乙某当场赔偿甲某680元")
    assert screen.save()
    with read_only(screen.ctx.engine) as session:
        a = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
        assert (a.kind, a.effective_on) == ("oral", date(2026, 11, 6))


def test_editor_from_navigation_shows_the_latest_agreed_case(qtbot, make_ctx, engine):
    s = build_scenario(engine)
    screen = AgreementEditorScreen(make_ctx(s.mediator))
    qtbot.addWidget(screen)
    assert screen.case_id == s.oral_id and screen.case_edit.text() == s.oral_number  # agreed last
    assert screen.oral.isChecked() and "打印登记表" in screen.print_button.text()
    screen.load_case(s.case_id)
    assert screen.written.isChecked() and screen.case_edit.text() == s.number
    assert not screen.save_button.isEnabled() and screen.print_button.isEnabled()
    assert [t.edit.text() for t in screen.terms][0].startswith("刘䶮赔偿张𠮷")
    assert [r.ratio.text() for r in screen.responsibilities] == ["30", "70", "0"]


def test_preview_dialog_pages_navigation_and_printing(qtbot, make_ctx, engine, tmp_path):
    s = build_scenario(engine)
    from core.dossier import build_document

    pdf = build_document(engine, "agreement", s.number)
    dialog = PrintPreviewDialog(pdf, "人民调解协议书")
    qtbot.addWidget(dialog)
    dialog.show()
    pane = dialog.pane
    pages = pdf.count(b"/Type /Page\n")
    assert pane.page_count() == pages >= 4
    assert pane.page_label.text() == f"第 1 页 / 共 {pages} 页" and not pane.prev_button.isEnabled()
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert pane.current_page() == 1 and pane.page_label.text().startswith("第 2 页")
    pane.zoom(1.25)
    assert pane.zoom_label.text().endswith("%")
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = []
    pane.on_printed = lambda: printed.append(True)
    assert pane.print_to(printer) == pages and printed == [True]
    assert (tmp_path / "printed.pdf").read_bytes().count(b"/Type /Page\n") >= pages
    saved = pane.save_to(tmp_path / "copy")
    assert saved.suffix == ".pdf" and saved.read_bytes() == pdf


def test_preview_screen_builds_the_chosen_document(qtbot, make_ctx, engine):
    s = build_scenario(engine)
    ctx = make_ctx(s.mediator)
    screen = PrintPreviewScreen(ctx)
    qtbot.addWidget(screen)
    screen.load_case(s.terminated_id, "termination_notice")
    qtbot.waitUntil(lambda: screen.pane.page_count() > 0, timeout=30000)
    assert "终止调解告知书" in screen.status.text()
    index = screen.kind.findData("agreement")
    assert not screen.kind.model().item(index).isEnabled()  # no agreement in that case
    assert "没有调解协议" in screen.kind.model().item(index).toolTip()
    screen.keep(quiet=False)
    ctx.tasks.wait()
    qtbot.waitUntil(lambda: "已保存到案件附件" in screen.status.text(), timeout=10000)


def test_typing_survives_a_crash_as_a_draft_offered_back(qtbot, make_ctx, mediating):
    """Nothing typed is lost: the editor keeps a local draft; reopening the case (after a
    crash: the screen simply never saved) offers it back with every field."""
    mediator, case_id, cp = mediating
    screen = _editor(qtbot, make_ctx, mediator, case_id)
    assert not screen.draft_banner.isVisible()
    screen.facts.setPlainText("2026年11月1日，乙某驾车追尾甲某车辆。")
    screen.terms[0].edit.setText("乙某赔偿甲某车辆修理费3000元")
    screen.add_term("双方就本次事故再无其他争议")
    screen.amount.setText("3000")
    screen.responsibilities[1].ratio.setText("100")
    row = screen.add_instalment()
    row.amount.setText("3000")
    row.payer.setCurrentIndex(row.payer.findData(cp["乙某"]))
    screen.drafts.write()  # what the debounce timer does 0.8 s after the last key
    path = screen.drafts.path
    assert path is not None and path.is_file()
    # the crash: that screen never saves (it stays open here, harmlessly)

    again = _editor(qtbot, make_ctx, mediator, case_id)
    assert again.draft_banner.isVisible() and "未保存的协议草稿" in again.draft_label.text()
    assert again.facts.toPlainText() != "2026年11月1日，乙某驾车追尾甲某车辆。"  # not applied unasked
    again.restore_button.click()
    assert again.facts.toPlainText() == "2026年11月1日，乙某驾车追尾甲某车辆。"
    assert [t.edit.text() for t in again.terms] == ["乙某赔偿甲某车辆修理费3000元", "双方就本次事故再无其他争议"]
    assert again.amount.text() == "3000" and again.responsibilities[1].ratio.text() == "100"
    assert len(again.instalments) == 1 and again.instalments[0].payer.currentData() == cp["乙某"]
    again.responsibilities[0].ratio.setText("0")
    again.instalments[0].due.setDate(QDate.currentDate())
    again.instalments[0].payee.setCurrentIndex(again.instalments[0].payee.findData(cp["甲某"]))
    saved = again.save()
    assert saved, {k: again.error_text(k) for k in again.errors} | {"general": again.general_error.text()}
    assert not path.exists()  # saved: the draft is gone
    third = _editor(qtbot, make_ctx, mediator, case_id)
    assert not third.draft_banner.isVisible()


def test_a_discarded_agreement_draft_is_gone(qtbot, make_ctx, mediating):
    mediator, case_id, _cp = mediating
    screen = _editor(qtbot, make_ctx, mediator, case_id)
    screen.facts.setPlainText("临时写的事实")
    screen.drafts.write()
    again = _editor(qtbot, make_ctx, mediator, case_id)
    assert again.draft_banner.isVisible()
    again.discard_button.click()
    assert not again.draft_banner.isVisible() and not again.drafts.path.exists()
