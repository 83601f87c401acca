"""The English translation (Qt Linguist): every message in tiaojie_en.ts is translated,
the .ts is up to date with the tr() strings in desktop/, and the compiled .qm turns the
main window into English.

When a test here fails after adding or changing UI text: run
``python -m desktop.i18n update``, translate the new messages in
resources/translations/tiaojie_en.ts (Qt Linguist or a text editor), and commit the .ts."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QGroupBox, QLabel

from desktop import i18n
from desktop.main_window import MainWindow
from tests.factories import add_case

TS = i18n.ts_files()[0]
PLACEHOLDER = re.compile(r"%(?:\d|n)|\{\w+\}")  # Qt's %1 and the core's {n} templates
MNEMONIC = re.compile(r"&(?!&)\w")
CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def _unfinished(ts: Path) -> list[str]:
    problems = []
    for context, message in _messages(ts):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} ({translation.get('type')})")
            continue
        forms = ([f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
                 else [translation.text or ""])
        if not forms or any(not f for f in forms):
            problems.append(f"{context}: {source!r} (empty translation)")
    return problems


def test_every_message_in_the_english_ts_is_translated():
    problems = _unfinished(TS)
    assert not problems, "untranslated messages in tiaojie_en.ts:\n" + "\n".join(problems)


def test_the_ts_is_up_to_date_with_the_tr_strings(tmp_path):
    """lupdate over desktop/ must find nothing new: a new self.tr("…") fails here until
    ``python -m desktop.i18n update`` has been run and the message translated."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    i18n.update([copy])
    problems = _unfinished(copy)
    assert not problems, ("strings in desktop/ missing from tiaojie_en.ts — run `python -m desktop.i18n update` "
                          "and translate them:\n" + "\n".join(problems))


def test_translations_keep_placeholders_plurals_and_mnemonics():
    for context, message in _messages(TS):
        source = message.findtext("source")
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = [f.text for f in translation.iter("numerusform")]
            assert len(forms) == 2, f"{context}: {source!r} needs an English singular and plural"
        else:
            forms = [translation.text]
        for text in forms:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source, text)
            assert bool(MNEMONIC.search(text)) == bool(MNEMONIC.search(source)), (context, source, text)
            # no Chinese left over, except 万 in the amount hint (the parser accepts "5万")
            assert set(CJK.findall(text)) <= {"万"}, (context, source, text)


@pytest.fixture()
def english(app):
    """Compile the .qm and install the English translator; take it out again afterwards
    (translators are process-wide, other tests expect Chinese)."""
    built = i18n.release()
    assert built and all(qm.exists() and qm.stat().st_size > 0 for qm in built)
    from desktop.app import install_translations

    before = set(app.findChildren(QTranslator))
    locale = QLocale()
    install_translations(app, "en")
    added = [t for t in app.findChildren(QTranslator) if t not in before]
    assert any(not t.isEmpty() and t.language().startswith("en") for t in added)
    yield app
    for translator in added:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)


def test_main_window_speaks_english(english, qtbot, make_ctx, users, engine):
    add_case(engine, committee="traffic", dispute_type="11", parties=(("张三", "person"), ("李四", "person")))
    window = MainWindow(make_ctx(users["reception"]), centre_name="衢州市衢江区专业调解中心")
    qtbot.addWidget(window)
    window.show()

    assert window.windowTitle().startswith("Mediation Centre Front Desk")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Account", "&Help"]
    view_menu = window.menuBar().actions()[1].menu()
    assert "Case intake" in [a.text() for a in view_menu.actions()]

    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:3] == ["Queue", "Cases", "Case intake"]  # reception starts on the queue
    assert not [t for t in titles if CJK.search(t)], titles

    cases = window.show_screen("cases")
    assert cases.objectName() == "cases"
    assert cases.search.placeholderText() == "Case no., party name or keyword (Ctrl+F)"
    assert cases.committee.itemText(0) == "All committees"
    headers = [cases.model.headerData(c, Qt.Orientation.Horizontal) for c in range(cases.model.columnCount())]
    assert headers == ["Case no.", "Committee", "Dispute type", "Parties", "Registered", "Status", "Mediator",
                       "Amount (yuan)"]
    assert cases.count_label.text() == "Cases: 1"
    add_case(engine, committee="traffic", dispute_type="11", parties=(("王五", "person"), ("赵六", "person")))
    cases.refresh()
    assert cases.count_label.text() == "Cases: 2"

    intake = window.show_screen("intake")
    assert intake.save_button.text() == "Save intake (Ctrl+S)"


def test_plural_messages_choose_the_english_singular_or_plural(english):
    plurals = [(context, message) for context, message in _messages(TS) if message.get("numerus") == "yes"]
    assert plurals
    for context, message in plurals:
        source = message.findtext("source")
        one, many = (f.text for f in message.find("translation").iter("numerusform"))
        assert QCoreApplication.translate(context, source, None, 1) == one.replace("%n", "1")
        assert QCoreApplication.translate(context, source, None, 12) == many.replace("%n", "12")


def test_without_the_translator_the_ui_stays_chinese(app, qtbot, make_ctx, users):
    window = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][0] == "文件(&F)"
    assert window.nav.item(0).text() == "取号叫号"


def test_every_coded_label_has_an_english_translation():
    """The vocabularies of db.codes (committees, statuses, dispute types …) are in the .ts under
    the context ``Codes``, each translated: a label added to db.codes fails here until updated."""
    from desktop.vocab import CONTEXT, catalogue

    translated = {message.findtext("source"): message.findtext("translation")
                  for context, message in _messages(TS) if context == CONTEXT}
    missing = [text for text in catalogue() if not translated.get(text)]
    assert not missing, missing
    assert translated["交通事故"] == "Traffic accidents" and translated["已登记"] == "Registered"


def test_coded_labels_show_in_english(english, qtbot, make_ctx, users, engine):
    add_case(engine, committee="traffic", dispute_type="14", parties=(("张三", "person"), ("李四", "person")))
    window = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(window)
    window.show()
    assert window.user_label.text().endswith(" (Reception)")
    cases = window.show_screen("cases")
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1)
    row = [cases.model.index(0, c).data() for c in range(cases.model.columnCount())]
    assert row[1:3] == ["Traffic accidents", "Road traffic accidents"]
    assert row[5] == "Registered"
    committees = [cases.committee.itemText(i) for i in range(cases.committee.count())]
    assert committees[:3] == ["All committees", "Traffic accidents", "Medical"]
    statuses = [cases.status.itemText(i) for i in range(cases.status.count())]
    assert "Mediating" in statuses and not [s for s in statuses if CJK.search(s)]
    # The codes themselves are untouched: the combo still filters by code.
    assert cases.status.itemData(statuses.index("Mediating")) == "mediating"


def test_case_operations_have_their_own_context():
    """受理 is a button (accept the case) and a statistic (cases received): two contexts."""
    from desktop.vocab import CONTEXT, OPERATIONS_CONTEXT, operation_labels

    by_context: dict[str, dict[str, str]] = {}
    for context, message in _messages(TS):
        by_context.setdefault(context, {})[message.findtext("source")] = message.findtext("translation")
    assert all(by_context[OPERATIONS_CONTEXT].get(label) for label in operation_labels())
    assert by_context[OPERATIONS_CONTEXT]["受理"] == "Accept"
    assert by_context[CONTEXT]["受理"] == "Received"


def test_deadline_texts_follow_the_ui_language(english):
    """The deadline texts are the core's templates (core.case_deadlines.DEADLINE_WORDS) filled in
    with translated words: the Chinese UI and the documents keep the Chinese ones."""
    from datetime import date

    from core.case_deadlines import CaseDeadline, left_text, limit_text
    from desktop.vocab import deadline_words

    medical = CaseDeadline(date(2026, 12, 1), True, True, "条例", kind="medical", extended_days=10)
    words = deadline_words()
    assert limit_text(medical, words) == "30 working days+10"
    assert left_text(medical, 3, words) == "3 working days left (provisional)"
    assert left_text(medical, -2, words) == "2 working days overdue (provisional)"
    assert left_text(medical, 0, words) == "due today (provisional)"
    assert left_text(medical, 3) == "还剩3个工作日（暂定）"  # the defaults: Chinese, as before


def test_a_rate_change_is_in_points_in_either_language(english):
    from core.stats import fmt_change
    from desktop.screens.stats import _points

    assert fmt_change("success_rate", 0.84, 0.80, _points()) == "+4.0 pp"
    assert fmt_change("success_rate", 0.84, 0.80) == "+4.0个百分点"  # reports and documents


# --- The reception, experts and admin screens ------------------------------------------------


def _expert_pool(engine, admin) -> dict[str, int]:
    from datetime import time

    from core.experts import DutyRow, ExpertForm, save_expert, set_duties

    retired = save_expert(engine, admin, ExpertForm(
        name="姜金水", former_agency="衢州市衢江区卫生健康局", committees=("medical", "labour"),
        specialties=("医患沟通", "医疗事故"), retired=True))
    lawyer = save_expert(engine, admin, ExpertForm(name="蒋松发", kind="lawyer", agency="浙江明信律师事务所",
                                                   committees=("general",)))
    set_duties(engine, admin, lawyer, (DutyRow(1, time(9), time(12)),))
    return {"retired": retired, "lawyer": lawyer}


def test_the_expert_screens_speak_english(english, qtbot, make_ctx, users, engine):
    from desktop.screens.expert_detail import ExpertDetailScreen
    from desktop.screens.experts import ExpertsScreen

    ids = _expert_pool(engine, users["admin"])
    screen = ExpertsScreen(make_ctx(users["reception"]))
    qtbot.addWidget(screen)
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(screen.model.columnCount())]
    assert headers == ["Name", "Kind", "Employer (former)", "Title / post", "Specialities", "Committees", "Phone",
                       "Status"]
    rows = {screen.model.row_at(r).name: r for r in range(screen.model.rowCount())}
    cell = lambda name, col, role=Qt.ItemDataRole.DisplayRole: screen.model.index(rows[name], col).data(role)  # noqa: E731
    assert cell("姜金水", 2) == "formerly 衢州市衢江区卫生健康局"
    assert cell("姜金水", 4) == "医患沟通, 医疗事故"
    assert cell("姜金水", 5) == "Medical, Labour"
    assert cell("蒋松发", 0, Qt.ItemDataRole.ToolTipRole) == "On duty: Tue 09:00–12:00 (律师值班室)"  # a room's name
    screen.table.selectRow(rows["姜金水"])
    summary = screen.summary.toPlainText()
    assert "Expert, retired" in summary and "Former employer: 衢州市衢江区卫生健康局" in summary
    assert "Committees served: Medical, Labour" in summary and "：" not in summary
    assert screen.roster_model.headerData(1, Qt.Orientation.Horizontal) == "Tue"
    assert screen.roster_model.index(0, 1).data() == "蒋松发 (Lawyer)"

    detail = ExpertDetailScreen(make_ctx(users["admin"]), expert_id=ids["lawyer"])
    qtbot.addWidget(detail)
    duty = [detail.duty_model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert duty == ["Day", "From", "To", "Place"]
    assert [detail.duty_model.index(0, c).data() for c in (0, 1, 2)] == ["Tue", "09:00", "12:00"]
    relations = detail.relations.model
    assert [relations.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Person or organisation", "Relation", "ID number / unified social credit code"]
    assert detail.duty_day.itemText(0) == "Mon"
    assert detail.heading.text() == "蒋松发  Lawyer"
    captions = {label.text() for label in detail.findChildren(QLabel)}
    assert {"Name", "Kind", "Employer", "Former employer", "Committees served", "Notes"} <= captions


def test_the_expert_texts_keep_the_core_s_chinese(app, engine, users):
    """On screen the expert texts are put together in the UI's language; in Chinese they are
    exactly what core.experts makes of them (the CLI and the Excel export)."""
    from core.experts import list_experts
    from desktop.screens.expert_detail import agency_display, committee_names, duty_label

    _expert_pool(engine, users["admin"])
    for row in list_experts(engine, users["admin"]):
        assert agency_display(row) == row.agency_display
        assert committee_names(row.committees) == row.committee_names
        assert [duty_label(d) for d in row.duties] == [d.label() for d in row.duties]


def test_the_calendar_texts_keep_the_core_s_chinese(app):
    from datetime import date, datetime

    from core.booking import Slot, day_label, rest_phrase
    from desktop.screens.booking import slot_label
    from desktop.texts import closed_note, rest_label
    from desktop.texts import day_label as screen_day_label

    labels = ["", "星期六", "休息日", "放假", "国庆节", "春节", "本中心放假", "调休上班（国庆节）"]
    assert [closed_note(label) for label in labels] == [f"{rest_phrase(label)}，不安排调解" for label in labels]
    assert rest_label("国庆节") == "国庆节·休" and rest_label("星期日") == "休息日"
    slot = Slot(datetime(2026, 12, 7, 8, 30), datetime(2026, 12, 7, 10), 3, "第三调解室", False)
    assert slot_label(slot) == slot.label
    assert screen_day_label(date(2026, 12, 7)) == day_label(date(2026, 12, 7))


def test_the_schedule_and_booking_speak_english(english, qtbot, make_ctx, users, engine):
    from datetime import datetime

    from core.booking import AppointmentRow, InvitedParty, PersonRef, Slot
    from desktop.screens.booking import BookingScreen, slot_label
    from desktop.screens.calendar import CalendarDayScreen, describe
    from desktop.texts import closed_note, rest_label

    row = AppointmentRow(7, 1, "衢江医人调字〔2026〕第012号", "medical", datetime(2026, 12, 4, 14, 30),
                         datetime(2026, 12, 4, 16), 3, "第三调解室", "cancelled", "第1次调解", "当事人撤回", None,
                         mediators=(PersonRef("user", 1, "唐芳珍"),),
                         parties=(InvitedParty(1, 1, 1, "刘云", "applicant", "person", "present"),
                                  InvitedParty(2, 2, 2, "陈颖敏", "agent", "person", "")))
    assert closed_note("国庆节") == "National Day holiday: no sessions"
    assert closed_note("星期六") == "Day off: no sessions"
    assert rest_label("国庆节") == "National Day (off)"
    slot = Slot(datetime(2026, 12, 7, 8, 30), datetime(2026, 12, 7, 10), 3, "第三调解室", False)
    assert slot_label(slot) == "Mon 7 Dec 08:30–10:00 第三调解室 (another room)"
    assert describe(row).splitlines() == [
        "衢江医人调字〔2026〕第012号 (Medical)", "2026-12-04 14:30–16:00  第三调解室", "Mediators: 唐芳珍",
        "Invited: 刘云✓, 陈颖敏", "Status: Cancelled (当事人撤回)", "Purpose: 第1次调解"]

    day = CalendarDayScreen(make_ctx(users["reception"]))
    qtbot.addWidget(day)
    qtbot.waitUntil(lambda: day.summary.text().endswith("sessions"), timeout=5000)  # a plural, in a subclass
    assert day.summary.text() == "0 sessions"

    booking = BookingScreen(make_ctx(users["reception"]))
    qtbot.addWidget(booking)
    captions = {label.text() for label in booking.findChildren(QLabel)}
    assert {"Case", "Time", "Room", "People", "Invite parties", "Purpose"} <= captions
    assert not [text for text in captions if CJK.search(text)]


def test_the_admin_screens_speak_english(english, qtbot, make_ctx, users, engine):
    from desktop.screens.audit import AuditScreen
    from desktop.screens.privacy import PrivacyScreen
    from desktop.screens.settings import SettingsScreen

    audit = AuditScreen(make_ctx(users["admin"]))
    qtbot.addWidget(audit)
    headers = [audit.model.headerData(c, Qt.Orientation.Horizontal) for c in range(audit.model.columnCount())]
    assert headers == ["Time", "User", "Area", "Action code", "Object", "Description", "Workstation"]
    areas = [audit.action.itemText(i) for i in range(audit.action.count())]
    assert areas[:4] == ["All actions", "Login", "Password", "Users"]
    assert not [text for text in areas + [audit.entity.itemText(i) for i in range(audit.entity.count())]
                if CJK.search(text)]
    assert audit.date_from.toolTip() == "From (to clear: pick the earliest date)"

    privacy = PrivacyScreen(make_ctx(users["admin"]))
    qtbot.addWidget(privacy)
    model = privacy.table.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Case no.", "Committee", "Status", "Registered", "Archived", "Parties"]

    settings = SettingsScreen(make_ctx(users["admin"]))
    qtbot.addWidget(settings)
    texts = [w.title() for w in settings.findChildren(QGroupBox)] + [w.text() for w in settings.findChildren(QLabel)]
    assert "Centre" in texts and "Centre name" in texts and "Working hours" in texts
    assert not [text for text in texts if CJK.search(text)]


def test_the_call_display_speaks_english(english, qtbot, make_ctx, users):
    from datetime import datetime

    from desktop.screens.call_display import CallDisplayScreen, _state

    screen = CallDisplayScreen(make_ctx(users["reception"]))
    qtbot.addWidget(screen)
    screen.clock = lambda: datetime(2026, 11, 23, 9, 5, 7)
    screen._tick()
    assert screen.clock_label.text() == "Mon 23 Nov 2026   09:05:07"

    class Row:
        status = "serving"

    assert _state(Row()) == "Serving"
