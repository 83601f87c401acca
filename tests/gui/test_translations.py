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
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, Qt
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


# -- the mediation screens (case detail, agreement editor, session record, print preview, intake,
#    statistics, today) -------------------------------------------------------------------------


def test_core_labels_shown_on_the_mediation_screens_are_in_the_catalogue():
    """The core's own small vocabularies and the documents' titles are listed for Linguist beside
    the screens (desktop.models.mediation_tables.CORE_LABELS, print_preview.DOCUMENT_TITLES):
    a label added to the core fails here until it is listed and translated."""
    from core.dossier import DOCUMENT_KINDS
    from core.fulfilment import PAYMENT_METHODS
    from core.intake import ETHNICITIES
    from core.intake import MEDICAL_CONSENTS as INTAKE_CONSENTS
    from core.lifecycle import CONSENT_FORMS, CONSENT_LABELS, MEDICAL_CONSENTS
    from core.sessions import ATTACHMENT_KINDS
    from desktop.models.mediation_tables import CORE_LABELS
    from desktop.screens.print_preview import DOCUMENT_TITLES
    from desktop.vocab import catalogue

    shown = {*MEDICAL_CONSENTS.values(), *INTAKE_CONSENTS.values(), *CONSENT_LABELS.values(),
             *CONSENT_FORMS.values(), *PAYMENT_METHODS.values(), *ATTACHMENT_KINDS.values()}
    assert shown <= set(CORE_LABELS) | set(catalogue())
    assert {kind.title for kind in DOCUMENT_KINDS.values()} == set(DOCUMENT_TITLES)
    assert set(ETHNICITIES) <= set(catalogue())
    translated = {(context, message.findtext("source")): message.findtext("translation")
                  for context, message in _messages(TS)}
    assert all(translated.get(("Codes", text)) for text in shown | set(ETHNICITIES))
    assert all(translated.get(("DocumentKinds", title)) for title in DOCUMENT_TITLES)


def _instalment(**kw):
    from types import SimpleNamespace

    row = dict(paid_in_full_on=None, overdue_days=0, paid=Decimal("0.00"))
    row.update(kw)
    return SimpleNamespace(**row)


def test_mediation_table_cells_keep_their_chinese(app):
    """Without the translator the cells read as before (the core's own wording)."""
    from core.fulfilment import InstalmentRow
    from core.lifecycle import HistoryRow
    from desktop.models.mediation_tables import _instalment_state, _overdue_days, _status_change

    for kw in ({}, {"paid": Decimal("1.00")}, {"overdue_days": 3}, {"paid_in_full_on": date(2026, 11, 3)}):
        row = _instalment(**kw)
        assert _instalment_state(row) == InstalmentRow.state.fget(row)
    assert _overdue_days(_instalment(overdue_days=12)) == "12日"
    for before, after in ((None, "accepted"), ("accepted", "accepted"), ("accepted", "mediating")):
        row = HistoryRow(datetime(2026, 11, 3, 9, 0), before, after, "", "")
        assert _status_change(row) == row.change


def test_mediation_tables_speak_english(english):
    from types import SimpleNamespace

    from desktop.models.mediation_tables import (
        ConsentTableModel,
        HistoryTableModel,
        InstalmentTableModel,
        OverdueInstalmentTableModel,
        PartyTableModel,
        SessionTableModel,
    )

    parties = PartyTableModel()
    parties.set_rows([SimpleNamespace(role_name="代理人", name="王五", id_masked="", phone="", address="",
                                      represents="张三", refuses_mediation=True)])
    assert parties.index(0, 0).data() == "Agent"
    assert parties.index(0, 5).data() == "Agent for 张三, Expressly refuses mediation"
    consents = ConsentTableModel()
    consents.set_rows([SimpleNamespace(given_on=date(2026, 11, 3), party="张三", kind_name="延长调解期限",
                                       given=False, form="oral", note="")])
    assert [consents.index(0, c).data() for c in (2, 3, 4)] == ["Extension of the time limit", "Does not agree",
                                                                "Oral"]
    sessions = SessionTableModel()
    sessions.set_rows([SimpleNamespace(started_at=None, place="", present_names="", public=False, outcome="",
                                       next_steps="", recorder="")])
    assert sessions.index(0, 3).data() == "Not public"
    instalments = InstalmentTableModel()
    instalments.set_rows([_instalment(overdue_days=1), _instalment(overdue_days=5),
                          _instalment(paid_in_full_on=date(2026, 11, 3)), _instalment(paid=Decimal("1.00"))])
    assert [instalments.index(r, 7).data() for r in range(4)] == [
        "1 day overdue", "5 days overdue", "Paid in full (2026-11-03)", "Partly paid"]
    overdue = OverdueInstalmentTableModel()
    overdue.set_rows([_instalment(overdue_days=1, number="", due_on=None, outstanding=None, payer="",
                                  payer_phone="", payee="")])
    assert overdue.index(0, 2).data() == "1 day"
    history = HistoryTableModel()
    history.set_rows([SimpleNamespace(at=None, from_status="accepted", to_status="accepted", user="", reason=""),
                      SimpleNamespace(at=None, from_status="accepted", to_status="mediating", user="", reason="")])
    assert [history.index(r, 1).data() for r in range(2)] == ["Accepted (transferred)", "Accepted → Mediating"]


def test_case_detail_speaks_english(english, qtbot, engine, users, make_ctx, monkeypatch, tmp_path):
    """A medical case accepted, paused for an assessment, extended with both sides' consent and
    with a written agreement signed by one party: the header, the deadline panel, the consents
    and the agreement tab in English."""
    from core.case_deadlines import extend_deadline, pause_deadline
    from core.lifecycle import accept_case, record_party_consent
    from desktop.screens.case_detail import CaseDetailScreen, visit_message
    from tests.gui.test_mediation_screens import new_case, write_agreement

    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    mediator = users["mediator"]
    case_id, cps = new_case(engine, "medical", ({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"}))
    accept_case(engine, mediator, case_id, on=date(2026, 11, 3), medical_consent="both_applied")
    pause_deadline(engine, mediator, case_id, date(2026, 11, 5), "医疗损害鉴定")
    for cp in cps.values():
        record_party_consent(engine, mediator, case_id, cp, "extension", given_on=date(2026, 11, 6))
    extend_deadline(engine, mediator, case_id, 10, consented_on=date(2026, 11, 6))
    write_agreement(engine, mediator, case_id, cps)([cps["张三"]], False)

    screen = CaseDetailScreen(make_ctx(mediator), case_id=case_id)
    qtbot.addWidget(screen)
    facts = screen.facts.text()
    assert facts.startswith("Registered 2026-11-02 · Accepted 2026-11-03 · Mediator ")
    assert facts.endswith(" · Joint application by both parties")
    deadline = screen.deadline_label.text()
    assert "Paused: 2026-11-05 to ongoing (医疗损害鉴定)" in deadline
    assert "Extended by 10 working days (both parties agreed on 2026-11-06)" in deadline
    consents = [screen.consents_model.index(0, c).data() for c in range(2, 5)]
    assert consents == ["Extension of the time limit", "Agrees", "Written"]
    agreement = screen.agreement_text.text()
    assert "<b>Agreed amount</b>" in agreement and "30,000.00 yuan" in agreement
    assert "<b>Signed:</b> 张三 (2026-11-16)" in agreement
    assert "<b>Not yet signed:</b> 衢江区人民医院, Mediator (People's Mediation Law, Art. 29" in agreement
    assert re.fullmatch(r"Unpaid|\d+ days? overdue", screen.instalments_model.index(0, 7).data())  # depends on today
    for text in (facts, deadline, agreement):
        assert not set("　、；（）：") & set(text), text
    assert visit_message(SimpleNamespace(ledger_entry_id=None)) == "Follow-up visit recorded."


def test_agreement_editor_and_session_record_speak_english(english, qtbot, engine, users, make_ctx,
                                                           monkeypatch, tmp_path):
    from core.lifecycle import accept_case
    from desktop.screens.agreement_editor import AgreementEditorScreen
    from desktop.screens.session_record import SessionRecordScreen
    from tests.gui.test_mediation_screens import new_case, write_agreement

    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    mediator = users["mediator"]
    case_id, cps = new_case(engine, "medical", ({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"}))
    accept_case(engine, mediator, case_id, on=date(2026, 11, 3), medical_consent="both_applied")
    write_agreement(engine, mediator, case_id, cps)

    editor = AgreementEditorScreen(make_ctx(mediator), case_id=case_id)
    qtbot.addWidget(editor)
    assert editor.terms[0].number.text() == "1."
    assert editor.instalments[0].number.text() == "Instalment 1"
    assert editor.instalments[0].payer.currentText() == "衢江区人民医院 (Respondent)"
    assert editor.total_label.text().startswith("In Chinese capitals: 叁万元整 · ✓ matches the instalments'")
    editor.amount.setText("25000")
    assert editor.total_label.text().endswith("which differs from the agreed amount")
    assert editor.case_label.text().endswith(" — Medical · Medical treatment (Accepted)")

    record = SessionRecordScreen(make_ctx(mediator), case_id=case_id)
    qtbot.addWidget(record)
    # What the record starts with is the record's text, printed on the 调解记录: Chinese in either language.
    assert record.matter.text() == "张三、衢江区人民医院之间的医疗纠纷"
    assert record.risk_notice.toPlainText().startswith("已告知当事人：调解不成的")
    assert record.recorder.itemText(record.recorder.findData(users["reception"].id)).endswith(" (Reception)")
    assert record.public_hint.text().startswith("A medical dispute may not be mediated in public")
    assert [box.text() for box in record.present.values()] == ["张三 (Applicant)", "衢江区人民医院 (Respondent)"]


def test_intake_party_editor_shows_ethnic_groups_in_english_and_stores_chinese(english, qtbot):
    from core.intake import PartyForm
    from desktop.widgets.party_editor import PartyEditor, _match_text

    editor = PartyEditor("person", 1)
    qtbot.addWidget(editor)
    ethnicity = editor.fields["ethnicity"]
    assert ethnicity.currentText() == "Han" and editor.text("ethnicity") == "汉族"
    editor.set_form(PartyForm(kind="person", name="张三", ethnicity="畲族"))
    assert ethnicity.currentText() == "She" and editor.text("ethnicity") == "畲族"
    editor.set_form(PartyForm(kind="person", name="张三", ethnicity="穿青人"))  # not in the list: kept as typed
    assert editor.text("ethnicity") == "穿青人"
    row = SimpleNamespace(name="张三", id_number_masked="3308**", phone="138", address="", why="",
                          open_case_count=2, open_cases=(SimpleNamespace(number="A1"), SimpleNamespace(number="A2")))
    assert _match_text(row) == "张三 · 3308** · 138\nRepeat visitor: open cases 2 (A1, A2)"


def test_print_preview_stats_and_today_speak_english(english, qtbot, users, make_ctx, monkeypatch, tmp_path):
    from core.documents.fonts import MissingGlyphError
    from desktop.screens.print_preview import _message, document_title
    from desktop.screens.stats import StatsScreen
    from desktop.screens.stats_drilldown import DrillSpec
    from desktop.screens.today import TodayScreen

    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    assert document_title("人民调解协议书") == "Mediation agreement"
    assert _message(MissingGlyphError("䶮𠀀")).startswith("The fonts have no glyphs for these characters")
    assert DrillSpec.month(2026, 10, "received", committee="labour").title == "October 2026 · Received · Labour"
    stats = StatsScreen(make_ctx(users["director"]))
    qtbot.addWidget(stats)
    assert stats.month.displayFormat() == "MMM yyyy"
    assert [card.title.text() for card in stats.cards.values()][:3] == ["Received", "Successful", "Success rate"]
    today = TodayScreen(make_ctx(users["reception"]))
    qtbot.addWidget(today)
    heading = today.heading.text()
    assert heading.startswith("Today's appointments — ") and not CJK.search(heading) and "　" not in heading


def test_stats_drill_down_title_keeps_its_chinese(app):
    from desktop.screens.stats_drilldown import DrillSpec

    assert DrillSpec.month(2026, 10, "received", committee="labour").title == "2026年10月 · 受理 · 劳动保障"
    assert DrillSpec(date(2026, 10, 3), date(2026, 10, 9)).period_label == "2026-10-03 至 2026-10-09"
# --- the core's messages (core.messages, context "Messages") ------------------------------------


def _fields(template: str) -> list[tuple[str, str, str | None]]:
    import string

    return sorted((f, spec, conv) for _t, f, spec, conv in string.Formatter().parse(template) if f is not None)


def test_every_core_message_has_an_english_translation_with_its_placeholders():
    """The templates of every msg(…) in core/ are in the .ts under ``Messages``, translated, and
    keep each placeholder with its format (``{total:,.2f}``, ``{at:%Y-%m-%d %H:%M}``)."""
    from desktop.messages import CONTEXT

    translated = {message.findtext("source"): message.findtext("translation")
                  for context, message in _messages(TS) if context == CONTEXT}
    templates = i18n.message_templates()
    assert len(templates) > 500
    missing = [t for t in templates if not translated.get(t)]
    assert not missing, missing
    assert [(t, translated[t]) for t in templates if _fields(t) != _fields(translated[t])] == []
    assert translated["《人民调解法》第二十九条"] == "People's Mediation Law, Art. 29"
    assert translated["《医疗纠纷预防和处理条例》第四十二条"] == (
        "Regulation on the Prevention and Handling of Medical Disputes, Art. 42")


def test_core_messages_follow_the_ui_language(english):
    """tr_message translates the template and the params: nested messages (a law), vocabulary
    labels (statuses through ``Codes``, operations through ``Operations``) and lists (the
    separator); error_text does it for an exception. The Chinese text itself is unchanged."""
    from core.lifecycle import TransitionError, check_transition
    from core.messages import msg
    from desktop.messages import error_text, tr_message

    with pytest.raises(TransitionError) as caught:
        check_transition("archive_case", "agreed")
    assert str(caught.value).startswith("案件当前状态为“达成协议”，不能执行“立卷归档”")
    assert error_text(caught.value) == (
        "The case is “Agreed”, so “Archive” is not possible (only from: Failed, Terminated, Withdrawn, Refused, "
        "Performed): The agreement has not been fully performed: the case can be archived once it is")
    assert tr_message(msg("尚未制作调解协议：请先填写协议内容（{law}）", law=msg("《人民调解法》第二十九条"))) == (
        "No mediation agreement yet: fill in its content first (People's Mediation Law, Art. 29)")
    assert tr_message("不是核心消息") == "不是核心消息"  # a plain str passes unchanged
    assert error_text(ValueError("plain")) == "plain"


def test_the_intake_form_explains_problems_in_english(english, qtbot, make_ctx, users, monkeypatch, tmp_path):
    """A wrong check digit beside the ID number (core.identifiers) and a missing respondent on
    saving (core.intake.validate_intake), in the English UI."""
    from PySide6.QtWidgets import QApplication

    from core.identifiers import id_check_char
    from desktop.screens.intake import IntakeScreen

    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    screen = IntakeScreen(make_ctx(users["reception"]))
    qtbot.addWidget(screen)
    screen.resize(1180, 900)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is screen, timeout=2000)
    person = screen.editors[0]
    number = "33080319850312123" + id_check_char("33080319850312123")
    wrong = number[:-1] + ("1" if number[-1] == "0" else "0")
    person.fields["name"].insert("张三")
    person.fields["id_number"].setFocus()
    qtbot.keyClicks(person.fields["id_number"], wrong)
    qtbot.keyClick(person.fields["id_number"], Qt.Key.Key_Tab)  # leaving the field checks it
    assert person.error_text("id_number") == f"The check digit should be {number[-1]}: check the number"

    qtbot.keyClick(screen, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert screen.error_labels["parties"].text() == "Register the respondent (the other side of the dispute)"
    assert screen.error_labels["summary"].text() == "Enter a summary of the dispute"


def test_a_refused_transition_is_explained_in_english(english, qtbot, make_ctx, users, engine, monkeypatch,
                                                      tmp_path):
    """Accepting a case with a day before its registration, then ending mediation without a
    reason: the core's TransitionError shown beside the dialog's field, in English."""
    from datetime import date

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

    from desktop.screens.case_detail import CaseDetailScreen
    from tests.factories import add_case_with_parties

    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(tmp_path / "data"))
    case_id = add_case_with_parties(engine, ({"name": "王五"}, {"name": "赵六"}), committee="traffic",
                                    dispute_type="14", received=date(2026, 11, 2)).case_id
    screen = CaseDetailScreen(make_ctx(users["mediator"]), case_id=case_id)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    seen: list[str] = []

    def answer(*days: date, reason: str = ""):
        def run(dialog: QDialog) -> bool:
            dialog.show()
            for day in days:
                dialog.day.setDate(QDate(day.year, day.month, day.day))
                if reason and seen:
                    dialog.reason.insertPlainText(reason)
                qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
                if dialog.result() == QDialog.DialogCode.Accepted:
                    break
                seen.append(dialog.error_text("on") or dialog.error_text("reason"))
            dialog.close()
            return dialog.result() == QDialog.DialogCode.Accepted
        return run

    def press(name: str) -> None:
        QApplication.processEvents()
        qtbot.mouseClick(screen.action_buttons[name], Qt.MouseButton.LeftButton)

    screen.run_dialog = answer(date(2026, 10, 1), date(2026, 11, 3))
    press("accept_case")
    assert seen == ["The date cannot be earlier than the registration date (2026-11-02)"]
    assert screen.status.text() == "Accepted"

    seen.clear()
    screen.run_dialog = answer(date(2026, 11, 5), date(2026, 11, 5), reason="被申请人要求终止调解")
    press("terminate_mediation")
    assert seen == ["Enter the reason for “End mediation”"]


def test_the_navigation_fits_the_longest_english_screen_name(english, qtbot, make_ctx, users):
    window = MainWindow(make_ctx(users["mediator"]))
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Follow-ups and ratings" in titles
    widest = max(window.nav.visualItemRect(window.nav.item(i)).width() for i in range(window.nav.count()))
    assert window.nav.horizontalScrollBar().maximum() == 0  # nothing to scroll to: every name is whole
    assert window.nav.viewport().width() >= widest


def _holiday_row(qtbot, ctx, day) -> list[str]:
    from desktop.screens.holidays import HolidaysScreen

    screen = HolidaysScreen(ctx)
    qtbot.addWidget(screen)
    screen.year.setValue(day.year)
    model = screen.table.model()
    r = model.row_of(day)
    return [model.index(r, c).data() for c in range(model.columnCount())]


def test_the_holiday_table_keeps_the_core_s_chinese(app, qtbot, make_ctx, users):
    assert _holiday_row(qtbot, make_ctx(users["admin"]), date(2026, 1, 4)) == [
        "2026-01-04", "星期日", "调休上班", "元旦", "国务院放假安排（chinese-calendar）"]


def test_the_holiday_table_speaks_english(english, qtbot, make_ctx, users):
    assert _holiday_row(qtbot, make_ctx(users["admin"]), date(2026, 1, 4)) == [
        "2026-01-04", "Sunday", "Make-up working day", "New Year's Day",
        "State Council holiday schedule (chinese-calendar)"]


def test_no_tr_call_hides_inside_an_f_string():
    """lupdate does not read f-strings: a tr("…") inside one is never collected, so never translated."""
    import ast

    hidden = []
    for path in sorted(Path(i18n.SOURCES).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                            in ("tr", "translate") and inner.args and isinstance(inner.args[0], ast.Constant)):
                        hidden.append(f"{path.name}:{inner.lineno}")
    assert not hidden, hidden


def _queue_headers_fit(qtbot, ctx) -> list[str]:
    from desktop.models.queue_table import Col
    from desktop.screens.queue import QueueScreen

    screen = QueueScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 740)
    screen.show()
    qtbot.waitUntil(lambda: not screen.busy and not screen.polling, timeout=5000)
    header = screen.table.horizontalHeader()
    clipped = [str(screen.model.headerData(c, Qt.Orientation.Horizontal)) for c in Col
               if c != Col.NOTE and header.fontMetrics().horizontalAdvance(
                   str(screen.model.headerData(c, Qt.Orientation.Horizontal))) + 12 > header.sectionSize(c)]
    screen.timer.stop()
    ctx.tasks.wait()
    return clipped


def test_the_queue_table_headers_fit_in_either_language(app, qtbot, make_ctx, users, request):
    """Widths come from the headers and the usual cell texts of the UI's language (the English
    headers were cut: "Taken at", "Ahead")."""
    assert _queue_headers_fit(qtbot, make_ctx(users["reception"])) == []
    request.getfixturevalue("english")
    assert _queue_headers_fit(qtbot, make_ctx(users["reception"])) == []


def test_the_connection_dialog_explains_in_english(english, qtbot, tmp_path):
    """db.connection's messages (validation, a refused connection, the SQLite file) are
    db.messages: the English UI shows them in English, the CLI keeps the Chinese."""
    from db import connection
    from desktop.connection_dialog import ConnectionDialog
    from desktop.tasks import TaskRunner

    tasks = TaskRunner()
    dialog = ConnectionDialog(tasks, mode=ConnectionDialog.WIZARD)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pg_radio.setChecked(True)
    dialog.host.clear()
    dialog.database.setText("tiao jie")
    dialog.test_button.click()
    assert dialog.host_error.text() == "Enter the database server's address (IP or computer name)"
    assert "letters, digits and underscores" in dialog.database_error.text()
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.database.setText("tiaojie")
    dialog.password.setText("x")
    dialog.test_button.click()
    qtbot.waitUntil(dialog.host_error.isVisible, timeout=15000)
    assert "refused the connection on port 1" in dialog.host_error.text(), dialog.host_error.text()
    assert not _has_chinese(dialog.host_error.text())
    dialog.grab().save("/tmp/shots/connection_en.png")
    dialog.sqlite_radio.setChecked(True)
    dialog.sqlite_folder.setText(str(tmp_path / "新文件夹"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "SQLite" in dialog.status.text(), timeout=15000)
    assert "will create the database file" in dialog.status.text()
    tasks.wait()
    # the command line and the tests keep the Chinese
    assert connection.validate(connection.ConnectionConfig(kind="postgresql", host=""))["host"].startswith("请填写")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _queue_side_texts_clipped(qtbot, ctx) -> list[str]:
    """Texts of the queue screen's fixed-width side panels that do not fit: the take-a-number
    buttons' key-and-count line, the reprint and open buttons."""
    from desktop.screens.queue import QueueScreen

    screen = QueueScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1100, 740)
    screen.show()
    qtbot.waitUntil(lambda: not screen.busy and not screen.polling, timeout=5000)
    clipped = []
    for button in screen.take_buttons.values():
        line = button.text().split("\n")[1]
        if button.fontMetrics().horizontalAdvance(line) > button.width() - 20:
            clipped.append(line)
    for button in (screen.reprint_button, screen.open_button):
        if button.fontMetrics().horizontalAdvance(button.text()) > button.width() - 12:
            clipped.append(button.text())
    screen.timer.stop()
    ctx.tasks.wait()
    return clipped


def test_the_queue_side_panels_fit_in_either_language(app, qtbot, make_ctx, users, engine, request):
    """A busy morning: two-digit queues behind F10 and F11 (the count line took the short form
    when the long one would be cut), and the reprint button with its shortcut in English."""
    from core import queue

    reception = users["reception"]
    services = [s.code for s in queue.services(engine)]
    for code in services[-2:]:
        for _ in range(12):
            queue.take_ticket(engine, reception, code)
    assert _queue_side_texts_clipped(qtbot, make_ctx(reception)) == []
    request.getfixturevalue("english")
    assert _queue_side_texts_clipped(qtbot, make_ctx(reception)) == []


def test_counts_of_one_are_singular_in_english(english, qtbot, make_ctx, users, engine):
    """"1 case", not "1 cases": counts go through Qt's plural forms (%n)."""
    from desktop.screens.my_cases import MyCasesScreen

    add_case(engine, committee="medical")  # registered, unassigned: the medical mediator's work
    screen = MyCasesScreen(make_ctx(users["mediator"]))
    qtbot.addWidget(screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.count_label.text() == "1 case, 0 overdue, 0 due soon"
    add_case(engine, committee="traffic")
    screen.refresh()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2)
    assert screen.count_label.text().startswith("2 cases,")
    screen.ctx.tasks.wait()


def test_no_english_translation_puts_a_plural_in_brackets():
    """Counts go through Qt's plural forms ("1 field needs correcting", "2 fields need
    correcting") or are worded so that they need none ("attachments deleted: 3"): never
    "field(s)", "party(ies)"."""
    bracketed = re.compile(r"\((?:s|es|ies)\)")
    found = []
    for context, message in _messages(TS):
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        found += [f"{context}: {text}" for text in forms if bracketed.search(text)]
    assert not found, "\n".join(found)


def test_days_of_a_deadline_are_singular_or_plural_in_english(english, qtbot):
    """The deadline's "days left" (core.case_deadlines.left_text with the screens' words) and the
    extension's spin box: "1 working day", "2 working days"."""
    from core.case_deadlines import CaseDeadline, left_text
    from desktop.vocab import deadline_words
    from desktop.widgets.mediation_forms import ExtendDialog

    medical = CaseDeadline(date(2026, 12, 1), True, False, "条例", kind="medical")
    labour = CaseDeadline(date(2026, 12, 1), False, False, "法", kind="labour")
    assert left_text(medical, 1, deadline_words(1)) == "1 working day left"
    assert left_text(medical, -1, deadline_words(-1)) == "1 working day overdue"
    assert left_text(medical, 2, deadline_words(2)) == "2 working days left"
    assert left_text(labour, -1, deadline_words(-1)) == "1 day overdue"
    assert left_text(labour, 12, deadline_words(12)) == "12 days left"

    dialog = ExtendDialog(None, unit=lambda n: QCoreApplication.translate("CaseDetailScreen", "个工作日", None, n),
                          intro="")
    qtbot.addWidget(dialog)
    assert dialog.days.text() == "15 working days"
    dialog.days.setValue(1)
    assert dialog.days.text() == "1 working day"


def test_counts_keep_their_chinese_without_the_translator(app):
    """%n puts the number in place without a translation: the Chinese reads as before."""
    from core.case_deadlines import CaseDeadline, left_text
    from desktop.vocab import deadline_words

    medical = CaseDeadline(date(2026, 12, 1), True, False, "条例", kind="medical")
    assert left_text(medical, 1, deadline_words(1)) == left_text(medical, 1) == "还剩1个工作日"
    assert left_text(medical, -3, deadline_words(-3)) == "逾期3个工作日"
    assert QCoreApplication.translate("QueueScreen", "再呼 %n 次未到即过号", None, 1) == "再呼 1 次未到即过号"
