"""GUI tests of the expert pool: search as you type by pinyin initials, the 回避 check refusing a
conflicted expert with the reason (《医疗纠纷预防和处理条例》第三十七条), editing with field errors,
the Excel import report, the duty table and the mediators per committee."""

from __future__ import annotations

from datetime import time

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from core.expert_io import COLUMNS
from core.experts import DutyRow, ExpertForm, save_expert, set_duties
from core.uow import read_only
from db.models import Consent, Expert
from desktop.screens import experts as experts_module
from desktop.screens.expert_detail import ExpertDetailScreen
from desktop.screens.experts import ExpertsScreen
from tests.factories import add_case


@pytest.fixture()
def pool(engine, users):
    admin = users["admin"]
    ids = {}
    for name, agency, committees, specialties in (
        ("姜金水", "衢州市衢江区卫生健康局", ("medical",), ("医患沟通",)),
        ("王建国", "衢州市衢江区人民法院", ("legal",), ("民事审判",)),
        ("蒋松发", "浙江明信律师事务所", ("general",), ("房产纠纷",)),
        ("李医生", "衢州市衢江区人民医院", ("medical",), ("外科", "术后感染")),
    ):
        kind = "lawyer" if "律师" in agency else "expert"
        ids[name] = save_expert(engine, admin, ExpertForm(name=name, agency=agency, committees=committees,
                                                          specialties=specialties, kind=kind))
    set_duties(engine, admin, ids["蒋松发"], (DutyRow(1, time(9), time(12)),))
    return ids


def _screen(qtbot, make_ctx, user) -> ExpertsScreen:
    screen = ExpertsScreen(make_ctx(user))
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    return screen


def test_find_jiang_jinshui_by_pinyin_initials(app, qtbot, make_ctx, users, pool, monkeypatch):
    screen = _screen(qtbot, make_ctx, users["reception"])
    assert screen.model.rowCount() == 4
    qtbot.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(screen.search, "j")
    assert {screen.model.row_at(r).name for r in range(screen.model.rowCount())} == {"姜金水", "蒋松发"}
    qtbot.keyClicks(screen.search, "js")
    assert screen.model.rowCount() == 1 and screen.model.row_at(0).name == "姜金水"
    assert "衢州市衢江区卫生健康局" in screen.summary.toPlainText()
    assert screen.count_label.text() == "共 1 人"
    # Enter opens the expert's detail.
    opened = []

    def fake_exec(dialog):
        opened.append(dialog.screen_widget.name.text())
        return 0

    monkeypatch.setattr(experts_module.ExpertDetailDialog, "exec", fake_exec)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert opened == ["姜金水"]
    # Full pinyin, a committee name and an agency work too; the filters narrow.
    screen.search.clear()
    qtbot.keyClicks(screen.search, "wangjianguo")
    assert [screen.model.row_at(r).name for r in range(screen.model.rowCount())] == ["王建国"]
    screen.search.setText("医患")
    assert {screen.model.row_at(r).name for r in range(screen.model.rowCount())} == {"姜金水", "李医生"}
    screen.search.clear()
    screen.kind.setCurrentIndex(screen.kind.findData("lawyer"))
    assert [screen.model.row_at(r).name for r in range(screen.model.rowCount())] == ["蒋松发"]


def test_a_conflicted_expert_is_refused_with_the_reason(app, qtbot, make_ctx, engine, users, pool, monkeypatch):
    number = add_case(engine, parties=(("张三", "person"), ("衢江区人民医院", "organisation")))
    consent_dialogs = []

    def fake_exec(dialog):
        consent_dialogs.append(dialog.expert.name)
        return 0

    monkeypatch.setattr(experts_module.ConsentDialog, "exec", fake_exec)
    screen = _screen(qtbot, make_ctx, users["mediator"])
    tab = screen.case_tab
    screen.tabs.setCurrentWidget(tab)
    tab.case_number.setText(number)  # QTest types ASCII only reliably: the number has 〔〕 and 号
    qtbot.keyClick(tab.case_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.expert_model.rowCount() == 4, timeout=15000)
    names = [s.name for s in tab.expert_model.rows()]
    assert names[-1] == "李医生"  # conflicted people come last
    assert names[0] == "姜金水"  # serves the medical committee
    tab.expert_table.selectRow(names.index("李医生"))
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    assert tab.refusal.isVisible()
    text = tab.refusal.text()
    assert "不能邀请专家李医生" in text
    assert "同一单位" in text and "衢江区人民医院" in text
    assert "《医疗纠纷预防和处理条例》第三十七条第二项" in text
    assert consent_dialogs == []
    with read_only(engine) as session:
        assert session.scalar(select(func.count(Consent.id))) == 0
    # An expert without a conflict goes on to the parties' consent (人民调解法第二十条).
    tab.expert_table.selectRow(names.index("姜金水"))
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    assert not tab.refusal.isVisible()
    assert consent_dialogs == ["姜金水"]


def test_consent_dialog_records_each_party_answer(app, qtbot, make_ctx, engine, users, pool):
    number = add_case(engine)
    screen = _screen(qtbot, make_ctx, users["reception"])
    tab = screen.case_tab
    tab.case_number.setText(number)
    tab.load_case()
    qtbot.waitUntil(lambda: tab.expert_model.rowCount() == 4, timeout=15000)
    expert = next(s for s in tab.expert_model.rows() if s.name == "姜金水")
    dialog = experts_module.ConsentDialog(screen.ctx, tab.case, expert, screen)
    qtbot.addWidget(dialog)
    combos = list(dialog.answers.values())
    combos[1].setCurrentIndex(combos[1].findData(False))
    dialog.try_accept()
    assert dialog.recorded == 2
    with read_only(engine) as session:
        assert sorted(session.scalars(select(Consent.given))) == [False, True]


def test_admin_edits_an_expert_with_errors_beside_the_fields(app, qtbot, make_ctx, engine, users, pool):
    detail = ExpertDetailScreen(make_ctx(users["admin"]), expert_id=pool["王建国"])
    qtbot.addWidget(detail)
    detail.show()
    assert detail.name.text() == "王建国" and detail.save_button.isVisible()
    detail.name.clear()
    detail.agency.clear()
    detail.phone.setText("12345")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert detail.errors["name"].isVisible() and detail.errors["name"].text() == "请填写姓名"
    assert detail.errors["agency"].isVisible() and "工作单位" in detail.errors["agency"].text()
    assert detail.errors["phone"].isVisible() and detail.errors["phone"].objectName() == "fieldError"
    assert detail.phone.text() == "12345"  # what was typed is kept
    detail.name.setText("王建国")  # QTest aborts on CJK key clicks here
    detail.agency.setText("衢州市衢江区人民法院")
    detail.phone.setText("0570-3012345")
    detail.relations.name.setText("王小明")
    detail.relations.relation.setText("儿子")
    qtbot.mouseClick(detail.relations.add_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(detail.saved, timeout=5000):
        qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert not detail.errors["phone"].isVisible()
    with read_only(engine) as session:
        assert session.get(Expert, pool["王建国"]).phone == "0570-3012345"
    assert [r.relation for r in detail.expert.relations] == ["儿子"]


def test_other_roles_see_the_detail_read_only_and_it_opens_on_the_first_expert(app, qtbot, make_ctx, users, pool):
    detail = ExpertDetailScreen(make_ctx(users["reception"]))
    qtbot.addWidget(detail)
    detail.show()
    assert detail.name.text() == "姜金水"  # first in pinyin order
    assert detail.name.isReadOnly() and not detail.save_button.isVisible()
    assert not detail.relations.input_row.isVisible()
    detail.picker.setCurrentIndex(detail.picker.findData(pool["蒋松发"]))
    detail.picker.activated.emit(detail.picker.currentIndex())
    assert detail.name.text() == "蒋松发" and detail.duty_box.isVisible()
    assert detail.duty_model.rows[0].weekday == 1


def _bad_workbook(path) -> None:
    book = Workbook()
    book.active.append(list(COLUMNS))
    book.active.append(["赵六", "男", "专家", "衢江区水利局", "", "", "", "水利", "", "", "在职", "是"])
    book.active.append(["", "男", "专家", "某单位", "", "", "", "", "", "", "在职", "是"])
    book.save(path)


def test_import_report_lists_bad_rows_and_nothing_is_imported(app, qtbot, make_ctx, engine, users, pool, tmp_path):
    screen = _screen(qtbot, make_ctx, users["admin"])
    assert screen.import_button.isVisible() and screen.case_tab is None
    path = tmp_path / "bad.xlsx"
    _bad_workbook(path)
    screen.import_file(str(path))
    qtbot.waitUntil(lambda: getattr(screen, "report", None) is not None and screen.report.isVisible(), timeout=15000)
    assert "第3行：请填写姓名" in screen.report.text.toPlainText()
    assert screen.message.text() == "导入失败，未导入任何数据"
    with read_only(engine) as session:
        assert session.scalar(select(func.count(Expert.id))) == 4
    screen.report.close()
    # The listed experts export to a printable workbook.
    out = tmp_path / "out.xlsx"
    screen.search.setText("律师")
    screen.export_file(str(out))
    qtbot.waitUntil(lambda: "已导出" in screen.message.text(), timeout=15000)
    sheet = load_workbook(out)["专家库"]
    assert [c.value for c in sheet["A"]] == ["姓名", "蒋松发"]
    assert sheet.page_setup.orientation == "landscape"


def test_duty_table_and_mediators_per_committee(app, qtbot, make_ctx, users, pool):
    screen = _screen(qtbot, make_ctx, users["director"])
    assert not screen.new_button.isVisible() and not screen.import_button.isVisible()
    assert screen.roster_model.headerData(1, Qt.Orientation.Horizontal).startswith("周二")
    assert "蒋松发" in screen.roster_model.data(screen.roster_model.index(0, 1))
    rows = [(screen.mediator_model.data(screen.mediator_model.index(r, 0)),
             screen.mediator_model.data(screen.mediator_model.index(r, 1)))
            for r in range(screen.mediator_model.rowCount())]
    assert ("医患", "李调解") in rows and ("交通事故", "李调解") in rows
    assert ("水利", "（暂无调解员）") in rows



def test_a_new_expert_half_typed_comes_back_after_a_crash(qtbot, make_ctx, users):
    """Nothing typed is lost (issue 7.6): the expert dialog keeps a local draft until saved or closed."""
    from desktop.screens.expert_detail import ExpertDetailDialog

    first = ExpertDetailDialog(make_ctx(users["admin"]), None)
    qtbot.addWidget(first)
    first.screen_widget.name.setText("祝建华")
    first.screen_widget.agency.setText("衢州市人民医院")
    first.screen_widget.notes.setPlainText("原骨科主任医师")
    first.draft.write()
    # the crash: neither saved nor closed

    again = ExpertDetailDialog(make_ctx(users["admin"]), None)
    qtbot.addWidget(again)
    w = again.screen_widget
    assert (w.name.text(), w.agency.text(), w.notes.toPlainText()) == ("祝建华", "衢州市人民医院", "原骨科主任医师")
    assert "未保存的内容" in w.message.text()
    again.reject()  # 关闭: dropped on purpose
    third = ExpertDetailDialog(make_ctx(users["admin"]), None)
    qtbot.addWidget(third)
    assert third.screen_widget.name.text() == ""


def test_the_detail_screen_keeps_what_was_typed_per_expert(qtbot, make_ctx, engine, users, pool):
    """Nothing typed is lost on the stand-alone detail screen either: a draft per expert, kept
    while the admin looks at another one, put back after a crash, gone once saved or reverted."""
    from desktop.drafts import drafts_dir

    def screen() -> ExpertDetailScreen:
        detail = ExpertDetailScreen(make_ctx(users["admin"]), expert_id=pool["王建国"])
        qtbot.addWidget(detail)
        detail.show()
        return detail

    def pick(detail: ExpertDetailScreen, name: str) -> None:
        detail.picker.setCurrentIndex(detail.picker.findData(pool[name]))
        detail.picker.activated.emit(detail.picker.currentIndex())

    detail = screen()
    assert "未保存" not in detail.message.text()
    detail.phone.setText("0570-3012345")
    detail.notes.setPlainText("退休前任民一庭庭长")
    pick(detail, "姜金水")  # within the debounce: written for 王建国, not for 姜金水
    assert detail.name.text() == "姜金水" and detail.phone.text() == "" and "未保存" not in detail.message.text()
    pick(detail, "王建国")
    assert (detail.phone.text(), detail.notes.toPlainText()) == ("0570-3012345", "退休前任民一庭庭长")
    assert "未保存的内容" in detail.message.text()

    crashed = screen()  # a new start after a crash, on the same expert
    assert crashed.phone.text() == "0570-3012345" and "未保存的内容" in crashed.message.text()
    with qtbot.waitSignal(crashed.saved, timeout=5000):
        qtbot.mouseClick(crashed.save_button, Qt.MouseButton.LeftButton)
    with read_only(engine) as session:
        assert session.get(Expert, pool["王建国"]).notes == "退休前任民一庭庭长"
    assert not list(drafts_dir().glob("dialog_expert_*.json"))  # saved: no draft left

    again = screen()
    again.agency.setText("衢州市中级人民法院")
    again.draft.flush()
    again.revert()  # 撤销修改: dropped on purpose
    assert again.agency.text() == "衢州市衢江区人民法院" and not list(drafts_dir().glob("dialog_expert_*.json"))
