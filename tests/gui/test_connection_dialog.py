"""数据库连接: the first-start wizard (a single PC just presses 完成), 测试连接 off the GUI thread
with the answer beside the field, the admin's settings dialog (keyring, effective at the next
start), the password asked for when there is no keyring — and never written to a file — and
the start-up path (desktop.app.choose_database) with its precedence and its repair dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db import connection
from db.connection import ConnectionConfig
from db.engine import make_engine
from desktop.app import choose_database
from desktop.connection_dialog import ConnectionDialog, PasswordDialog
from desktop.main_window import MainWindow
from desktop.tasks import TaskRunner
from tests.memory_keyring import config_dir, memory_keyring, no_keyring  # noqa: F401 — fixtures

SECRET = "Lan-服务器-密码#42"


@pytest.fixture()
def tasks(app):
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("TIAOJIE_DATA_DIR", str(path))
    return path


def _dialog(qtbot, tasks, **kwargs) -> ConnectionDialog:
    dialog = ConnectionDialog(tasks, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_pg(dialog: ConnectionDialog, url: str, password: str = SECRET) -> None:
    config = connection.config_from_url(url)
    dialog.pg_radio.setChecked(True)
    dialog.host.setText(config.host)
    dialog.port.setValue(config.port)
    dialog.database.setText(config.database)
    dialog.user.setText(config.user)
    dialog.password.setText(password)
    dialog.sslmode.setCurrentIndex(dialog.sslmode.findData("disable"))


def _files_with(folders, needle: str) -> list[Path]:
    return [p for folder in folders for p in Path(folder).rglob("*")
            if p.is_file() and (needle.encode() in p.read_bytes() or needle.encode("utf-16-le") in p.read_bytes())]


def _accepted(qtbot, dialog, timeout=60000) -> None:
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted or dialog.error.isVisible()
                    or any(getattr(dialog, f"{f}_error").isVisible() for f in ("host", "database", "password",
                                                                                 "sqlite_folder")),
                    timeout=timeout)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()


# ------------------------------------------------------------------------------ the wizard


def test_a_single_pc_just_presses_finish(qtbot, tasks, config_dir, data_dir):  # noqa: F811
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.WIZARD)
    assert dialog.sqlite_radio.isChecked() and not dialog.pg_box.isEnabled()
    assert dialog.ok_button.text() == "完成"
    assert dialog.sqlite_folder.placeholderText() == str(data_dir)
    dialog.grab().save("/tmp/shots/connection_wizard.png")
    dialog.ok_button.click()
    _accepted(qtbot, dialog)
    assert dialog.url == f"sqlite:///{data_dir / 'tiaojie.sqlite3'}"
    with dialog.engine.connect() as conn:  # migrated and seeded
        assert conn.execute(text("SELECT count(*) FROM committees")).scalar() > 0
    dialog.engine.dispose()
    assert json.loads((config_dir / "connection.json").read_text("utf-8"))["kind"] == "sqlite"


def test_testing_a_sqlite_folder_shows_what_will_happen(qtbot, tasks, tmp_path):
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.WIZARD)
    dialog.sqlite_folder.setText(str(tmp_path / "shared"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "连接成功" in dialog.status.text(), timeout=10000)
    assert "将新建数据库文件" in dialog.status.text()


def test_the_server_form_is_checked_field_by_field_before_any_query(qtbot, tasks):
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.WIZARD)
    dialog.pg_radio.setChecked(True)
    dialog.host.clear()
    dialog.database.setText("tiao jie")
    dialog.test_button.click()
    assert dialog.host_error.isVisible() and "请填写数据库服务器的地址" in dialog.host_error.text()
    assert dialog.database_error.isVisible() and dialog.database_error.objectName() == "fieldError"
    assert not tasks.busy and not dialog.busy


def test_a_server_that_refuses_is_explained_beside_the_address(qtbot, tasks):
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.WIZARD)
    _fill_pg(dialog, "postgresql+psycopg://tiaojie@127.0.0.1:1/tiaojie")
    dialog.test_button.click()
    assert dialog.busy and not dialog.test_button.isEnabled()  # off the GUI thread
    qtbot.waitUntil(lambda: dialog.host_error.isVisible(), timeout=15000)
    assert "拒绝连接" in dialog.host_error.text() and "127.0.0.1" in dialog.host_error.text()
    assert dialog.password.text() == SECRET  # what was typed stays
    dialog.grab().save("/tmp/shots/connection_error.png")


@pytest.mark.postgres
def test_testing_a_real_server_shows_its_version(qtbot, tasks, pg_url):
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.WIZARD)
    _fill_pg(dialog, pg_url)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "连接成功" in dialog.status.text(), timeout=15000)
    assert "PostgreSQL" in dialog.status.text()
    dialog.database.setText("tj_no_such_database")
    dialog.test_button.click()
    qtbot.waitUntil(dialog.database_error.isVisible, timeout=15000)
    assert "没有数据库 tj_no_such_database" in dialog.database_error.text()


def test_a_database_of_a_newer_client_is_refused_with_its_message(qtbot, tasks, config_dir, sqlite_url):  # noqa: F811
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.WIZARD)
    dialog.sqlite_folder.setText(str(Path(sqlite_url.removeprefix("sqlite:///")).parent))
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.error.isVisible, timeout=30000)
    assert "比本程序新" in dialog.error.text() and "升级" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not connection.has_config()  # nothing saved for a database we cannot use
    dialog.grab().save("/tmp/shots/connection_schema_too_new.png")


# ------------------------------------------------------------------- settings and passwords


@pytest.mark.postgres
def test_the_admin_saves_a_server_with_the_password_in_the_keyring_only(
        qtbot, tasks, config_dir, data_dir, memory_keyring, pg_url):  # noqa: F811
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.SETTINGS)
    assert "下次启动" in dialog.note.text() and dialog.ok_button.text() == "保存"
    _fill_pg(dialog, pg_url)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    dialog.ok_button.click()
    _accepted(qtbot, dialog, timeout=20000)
    saved = connection.load_config()
    assert saved.is_postgresql and saved.database == make_url(pg_url).database
    assert connection.get_password(saved) == SECRET
    assert _files_with([config_dir, data_dir], SECRET) == []


def test_without_a_keyring_the_dialog_says_the_password_is_not_kept(qtbot, tasks, no_keyring):  # noqa: F811
    dialog = _dialog(qtbot, tasks, mode=ConnectionDialog.SETTINGS)
    dialog.pg_radio.setChecked(True)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert "每次启动时询问" in dialog.remember.text()


def test_the_password_dialog_asks_and_keeps_it_in_memory(app, qtbot, config_dir, no_keyring):  # noqa: F811
    config = ConnectionConfig(kind="postgresql", host="192.168.1.10", database="tiaojie", user="tiaojie_app")
    dialog = PasswordDialog(config)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember.isVisible()
    dialog.try_accept()
    assert dialog.error.isVisible() and dialog.error.text() == "请填写密码"
    dialog.password.setText(SECRET)
    dialog.try_accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.value() == SECRET
    dialog.grab().save("/tmp/shots/db_password.png")


def test_the_password_dialog_can_keep_it_in_the_keyring(app, qtbot, memory_keyring):  # noqa: F811
    config = ConnectionConfig(kind="postgresql", host="192.168.1.10", database="tiaojie", user="tiaojie_app")
    dialog = PasswordDialog(config)
    qtbot.addWidget(dialog)
    dialog.password.setText(SECRET)
    dialog.remember.setChecked(True)
    dialog.try_accept()
    assert connection.get_password(config) == SECRET


# ---------------------------------------------------------------------------- at start


class Shown:
    """Stands in for QDialog.exec: records each dialog and answers for the user."""

    def __init__(self, qtbot, answer):
        self.qtbot, self.answer, self.dialogs = qtbot, answer, []

    def __call__(self, dialog) -> int:
        self.dialogs.append(dialog)
        return self.answer(dialog)

    def patch(self, monkeypatch, cls) -> Shown:
        monkeypatch.setattr(cls, "exec", lambda dialog: self(dialog))
        return self


def test_start_uses_the_command_line_or_environment_without_asking(qtbot, tasks, monkeypatch, config_dir,  # noqa: F811
                                                                    sqlite_url):
    shown = Shown(qtbot, lambda d: pytest.fail("no dialog expected"))
    shown.patch(monkeypatch, ConnectionDialog)
    monkeypatch.setenv("TIAOJIE_DB", sqlite_url)
    engine, url, code = choose_database(tasks)
    assert (url, code) == (sqlite_url, 0)
    engine.dispose()
    monkeypatch.delenv("TIAOJIE_DB")
    engine, url, code = choose_database(tasks, sqlite_url)
    assert url == sqlite_url
    engine.dispose()


def test_first_start_shows_the_wizard_then_never_again(qtbot, tasks, monkeypatch, config_dir, data_dir):  # noqa: F811
    def press_finish(dialog):
        assert dialog.mode == ConnectionDialog.WIZARD
        dialog.try_accept()
        _accepted(qtbot, dialog)
        return dialog.result()

    shown = Shown(qtbot, press_finish)
    shown.patch(monkeypatch, ConnectionDialog)
    engine, url, code = choose_database(tasks)
    assert code == 0 and url == f"sqlite:///{data_dir / 'tiaojie.sqlite3'}" and len(shown.dialogs) == 1
    engine.dispose()
    engine, url2, _ = choose_database(tasks)  # the saved choice: no wizard
    assert url2 == url and len(shown.dialogs) == 1
    engine.dispose()


def test_a_database_that_cannot_be_opened_offers_the_connection_dialog(qtbot, tasks, monkeypatch,
                                                                        config_dir, memory_keyring):  # noqa: F811
    connection.save_config(ConnectionConfig(kind="postgresql", host="127.0.0.1", port=1, database="tiaojie",
                                            user="tiaojie_app", sslmode="disable"))
    connection.store_password(connection.load_config(), SECRET)
    shown = Shown(qtbot, lambda d: QDialog.DialogCode.Rejected)
    shown.patch(monkeypatch, ConnectionDialog)
    engine, url, code = choose_database(tasks)
    assert engine is None and code == 2
    (dialog,) = shown.dialogs
    assert dialog.mode == ConnectionDialog.REPAIR and dialog.ok_button.text() == "连接"
    assert dialog.pg_radio.isChecked() and dialog.port.value() == 1
    assert dialog.password.text() == SECRET  # from the keyring, not retyped
    assert "拒绝连接" in dialog.host_error.text()
    dialog.grab().save("/tmp/shots/connection_repair.png")


@pytest.mark.postgres
def test_without_a_keyring_the_password_is_asked_at_start_and_never_written(
        qtbot, tasks, monkeypatch, config_dir, data_dir, no_keyring, pg_url):  # noqa: F811
    config = connection.config_from_url(pg_url)
    connection.save_config(config)

    def type_password(dialog):
        dialog.password.setText(SECRET)
        dialog.try_accept()
        return dialog.result()

    Shown(qtbot, type_password).patch(monkeypatch, PasswordDialog)
    engine, url, code = choose_database(tasks)
    assert code == 0 and connection.password_of(url) == SECRET  # in memory
    engine.dispose()
    assert _files_with([config_dir, data_dir], SECRET) == []


# ---------------------------------------------------------------------------- main window


def test_only_the_admin_reaches_the_connection_settings(qtbot, monkeypatch, make_ctx, users):
    shown = Shown(qtbot, lambda d: QDialog.DialogCode.Rejected)
    shown.patch(monkeypatch, ConnectionDialog)
    ctx = make_ctx(users["admin"])
    admin = MainWindow(ctx)
    qtbot.addWidget(admin)
    menus = [a.text() for a in admin.menuBar().actions()]
    assert "系统(&S)" in menus
    admin.connection_action.trigger()
    (dialog,) = shown.dialogs
    assert dialog.mode == ConnectionDialog.SETTINGS
    # Nothing saved yet: the form shows the database in use.
    assert dialog.config().kind == make_url(ctx.url).get_backend_name()
    reception = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(reception)
    assert "系统(&S)" not in [a.text() for a in reception.menuBar().actions()]
    assert not hasattr(reception, "connection_action")


def test_the_main_window_runs_the_live_feed_from_login_to_close(qtbot, make_ctx, users):
    window = MainWindow(make_ctx(users["reception"]))
    qtbot.addWidget(window)
    assert window.live.running
    qtbot.waitUntil(lambda: window.live.connected, timeout=5000)
    assert window.live_label.text() == "实时同步"
    window.close()
    assert not window.live.running and window.live_label.text() == "定时刷新"


def test_the_connection_dialog_has_a_screenshot(app, tmp_path, sqlite_url):
    from desktop.screenshots import render, screen_names

    assert {"connection", "users", "audit", "lock"} <= set(screen_names())
    out = render("connection", tmp_path / "connection.png", url=sqlite_url)
    assert out.stat().st_size > 10_000
