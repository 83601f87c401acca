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
    assert window.user_label.text().endswith("（Reception）")
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
