"""系统设置 (admin): every setting checked beside its field, saved in one transaction, audited."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from core.auth import PermissionDenied
from core.settings import get_settings
from core.settings_form import FIELDS, SettingsError, save_settings, validate_settings
from core.uow import read_only
from db.models import AuditEntry
from desktop.screens.settings import SettingsScreen


@pytest.fixture()
def screen(app, qtbot, make_ctx, users):
    s = SettingsScreen(make_ctx(users["admin"]))
    qtbot.addWidget(s)
    s.resize(900, 800)
    s.show()
    return s


def test_bad_values_are_explained_beside_their_fields_and_nothing_is_saved(screen, engine):
    screen.edits["idle_lock_minutes"].setText("十分钟")
    screen.edits["working_hours"].setText("08:30-12:00,11:00-17:30")
    screen.edits["centre_name"].setText("衢江区调解中心")
    screen.save()
    assert "整数" in screen.errors["idle_lock_minutes"].text() and screen.errors["idle_lock_minutes"].isVisible()
    assert "重叠" in screen.errors["working_hours"].text()
    assert "2 处需要更正" in screen.message.text()
    with read_only(engine) as session:
        assert get_settings(session)["centre_name"] == "衢州市衢江区专业调解中心"  # all or nothing
    assert screen.edits["centre_name"].text() == "衢江区调解中心"  # nothing typed is lost


def test_good_values_are_saved_together_and_audited(screen, engine):
    screen.edits["idle_lock_minutes"].setText("5")
    screen.edits["working_hours"].setText("08:00-12:00,13:30-17:00")
    screen.save()
    assert "已保存 2 项设置" in screen.message.text()
    with read_only(engine) as session:
        values = get_settings(session)
        assert (values["idle_lock_minutes"], values["working_hours"]) == ("5", "08:00-12:00,13:30-17:00")
        changes = session.scalar(select(func.count()).select_from(AuditEntry)
                                 .where(AuditEntry.action == "setting.change"))
    assert changes == 2
    screen.save()
    assert screen.message.text() == "没有改动"


def test_a_field_is_checked_when_leaving_it(screen, qtbot):
    from PySide6.QtCore import Qt

    edit = screen.edits["case_number_format"]
    edit.setFocus()
    edit.setText("{county}人调字第号")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert "{seq}" in screen.errors["case_number_format"].text()


def test_only_the_admin_changes_settings(engine, users):
    with pytest.raises(PermissionDenied):
        save_settings(engine, users["director"], {"idle_lock_minutes": "0"})
    with pytest.raises(SettingsError) as caught:
        save_settings(engine, users["admin"], {"no_such_key": "1"})
    assert "未知的设置项" in str(caught.value)


@settings(max_examples=300, deadline=None)
@given(key=st.sampled_from([f.key for f in FIELDS]), value=st.text(max_size=80))
def test_the_checks_never_crash(key, value):
    """Whatever is typed gets a message or is accepted — never an exception."""
    errors = validate_settings({key: value})
    assert set(errors) <= {key}
    assert all(isinstance(m, str) and m for m in errors.values())


def test_unsaved_changes_come_back_after_a_crash(app, qtbot, make_ctx, users):
    first = SettingsScreen(make_ctx(users["admin"]))
    qtbot.addWidget(first)
    first.edits["centre_name"].setText("衢江区矛盾纠纷调解中心")
    first.draft.write()
    # the crash: never saved

    again = SettingsScreen(make_ctx(users["admin"]))
    qtbot.addWidget(again)
    assert again.edits["centre_name"].text() == "衢江区矛盾纠纷调解中心"
    assert "未保存的 1 项修改" in again.message.text()
    again.save()
    assert "已保存 1 项设置" in again.message.text()
    third = SettingsScreen(make_ctx(users["admin"]))
    qtbot.addWidget(third)
    assert third.message.text() == "" and third.draft.pending() is None


def test_refreshing_keeps_what_was_typed_and_revert_drops_it(app, qtbot, make_ctx, users):
    screen = SettingsScreen(make_ctx(users["admin"]))
    qtbot.addWidget(screen)
    screen.edits["idle_lock_minutes"].setText("3")
    screen.refresh()  # F5: nothing typed is lost
    assert screen.edits["idle_lock_minutes"].text() == "3"
    screen.draft.write()
    screen.revert_button.click()  # 撤销修改
    assert screen.edits["idle_lock_minutes"].text() == "10" and screen.draft.pending() is None
