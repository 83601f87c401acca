"""Start-up: the login dialog is the first window and does not wait for the database — it is
opened (and the ORM imported) on a worker behind the dialog; a login typed before that waits
for it and then goes ahead by itself (desktop.app.run_gui)."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop import app as app_module
from desktop.login import LoginDialog
from desktop.tasks import TaskRunner
from tests.conftest import TEST_PASSWORD

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def unfreeze():
    """The start-up freezes what is alive (desktop.app.settle_imports, also reached through
    _sessions): give the test session's objects back to the collector afterwards."""
    yield
    gc.unfreeze()


def test_the_first_window_imports_no_sqlalchemy(tmp_path):
    """What runs before the login dialog shows (logging, Qt, fonts, the worker helper, the dialog
    itself, choosing the database) must not import SQLAlchemy: ≈ 0.4 s the user would wait for."""
    code = (
        "import sys\n"
        "import core.logs, desktop.app, desktop.login, desktop.tasks, db.connection, db.engine\n"
        "from desktop.app import create_application\n"
        "create_application()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab', 'argon2'))\n"
        "print(heavy[:5])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "TIAOJIE_DATA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_login_typed_before_the_database_is_open_waits_for_it(app, qtbot, engine, users):
    dialog = LoginDialog(None, centre_name="", where="正在打开…")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title.text() == "" and dialog.title.height() > 0  # its line is kept for the name
    qtbot.keyClicks(dialog.username, "qiantai")
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.user is None and dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()  # quitting still works
    assert dialog.where_label.text() == "正在打开数据库，稍候自动登录…"

    dialog.set_database(engine, "衢州市衢江区专业调解中心", "SQLite 测试库")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.role == "reception"
    assert dialog.title.text() == "衢州市衢江区专业调解中心"
    assert dialog.where_label.text() == "数据库：SQLite 测试库"


def test_the_password_of_a_login_typed_early_is_checked_while_the_database_opens(app, qtbot, engine, users,
                                                                                   monkeypatch):
    """core.passwords.check_ahead runs on a worker as soon as Enter is pressed; the database
    arriving first waits for it, and login() then takes its answer instead of running argon2
    again (on PostgreSQL there is nothing to read ahead: login() checks, as always)."""
    import threading

    import core.auth as auth
    import core.passwords as passwords

    gate, ahead, again = threading.Event(), [], []
    real_ahead, real_verify = passwords.check_ahead, auth.verify_password

    def gated_check_ahead(*args):
        gate.wait(10)
        ahead.append(real_ahead(*args))
        return ahead[-1]

    monkeypatch.setattr(passwords, "check_ahead", gated_check_ahead)
    monkeypatch.setattr(auth, "verify_password", lambda *args: again.append(args) or real_verify(*args))
    tasks = TaskRunner()
    dialog = LoginDialog(None, centre_name="", where="正在打开…", tasks=tasks,
                         url=engine.url.render_as_string(hide_password=False))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "qiantai")
    qtbot.keyClicks(dialog.password, TEST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.waiting
    dialog.set_database(engine, "中心", "SQLite")  # opened before the check came back: wait for it
    assert dialog.waiting and dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    tasks.wait()
    assert dialog.user.username == "qiantai"
    assert dialog.checked is None  # used once: it held the password
    if engine.dialect.name == "sqlite":
        assert ahead[0].ok and again == []  # argon2 ran once, on the worker
    else:
        assert ahead == [None] and len(again) == 1


def test_the_database_opening_behind_the_dialog_is_not_waited_for_when_it_is_there(app, qtbot, engine, users):
    dialog = LoginDialog(None, centre_name="", where="正在打开…")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_database(engine, "中心", "SQLite")  # opened while the user was still typing
    qtbot.keyClicks(dialog.username, "zhuren")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.try_login()
    assert dialog.error.isVisible() and dialog.buttons.isEnabled()  # a wrong password, said at once
    assert dialog.result() != QDialog.DialogCode.Accepted


class _TypingLogin(LoginDialog):
    """The user types their name and password the moment the dialog shows (a fast typist: the
    database is still opening), then the dialog runs modally as in the application."""

    seen: list[LoginDialog] = []
    username_typed = "zhuren"

    def exec(self) -> int:
        self.seen.append(self)
        self.show()
        self.username.setText(self.username_typed)
        self.password.setText(TEST_PASSWORD)
        self.try_login()
        QTimer.singleShot(30000, self.reject)  # a test that goes wrong fails instead of hanging
        return super().exec()


def test_run_gui_opens_the_database_behind_the_login_and_starts_the_main_window(app, qtbot, engine, users,
                                                                                  monkeypatch):
    db_url = engine.url.render_as_string(hide_password=False)
    started = []
    monkeypatch.setattr(app_module, "_main_window",
                        lambda _app, _tasks, opened, url, user: started.append((opened, url, user)) or False)
    _TypingLogin.seen = []
    tasks = TaskRunner()
    assert app_module._sessions(app, tasks, db_url, _TypingLogin) == 0
    tasks.wait()
    (opened, url, user), = started
    assert url == db_url and user.username == "zhuren" and user.role == "director"
    assert opened.centre_name and opened.where.split()[0] == engine.dialect.name.replace("sqlite", "SQLite").replace(
        "postgresql", "PostgreSQL")
    opened.engine.dispose()
    dialog = _TypingLogin.seen[0]
    assert dialog.title.text() == opened.centre_name  # filled in once the database was open
    # The login was waiting: the imports are settled after the main window's first paint, not before.
    assert app_module._unsettled == [True] and gc.get_freeze_count() == 0
    app_module.settle_imports()
    assert app_module._unsettled == []


class _LateLogin(_TypingLogin):
    """The user types once the database is open and the main window's modules are loaded behind
    the dialog (as everyone does: typing takes seconds)."""

    def exec(self) -> int:
        self.seen.append(self)
        QTimer.singleShot(30000, self.reject)
        return QDialog.exec(self)

    def set_database(self, *args) -> None:
        super().set_database(*args)
        self.poll = QTimer(self, interval=20)
        self.poll.timeout.connect(self.type_when_settled)
        self.poll.start()

    def type_when_settled(self) -> None:
        if gc.get_freeze_count() == 0:
            return
        self.poll.stop()
        self.username.setText(self.username_typed)
        self.password.setText(TEST_PASSWORD)
        self.try_login()


def test_the_main_window_is_loaded_and_settled_while_the_user_types(app, qtbot, engine, users, monkeypatch):
    import sys

    monkeypatch.setattr(app_module, "_main_window", lambda *_args: False)
    _LateLogin.seen = []
    tasks = TaskRunner()
    assert app_module._sessions(app, tasks, engine.url.render_as_string(hide_password=False), _LateLogin) == 0
    assert _LateLogin.seen[0].user.username == "zhuren"
    assert app_module._unsettled == []  # settled before Enter, not after the window shows
    assert {"desktop.main_window", "desktop.screens.stats", "desktop.screens.queue"} <= set(sys.modules)


def test_loading_the_main_window_stops_when_asked():
    import threading

    stop = threading.Event()
    stop.set()
    assert app_module.preload_screens(stop) is False
    assert app_module.preload_screens(threading.Event()) is True


def test_a_database_that_cannot_be_opened_goes_to_the_repair_dialog(app, qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    bad_url = f"sqlite:///{blocker}/tiaojie.sqlite3"
    repaired = []

    def repair(tasks, url, config, exc):
        repaired.append((url, exc))
        return None, None, 2

    monkeypatch.setattr(app_module, "repair_database", repair)
    _TypingLogin.seen = []
    tasks = TaskRunner()
    assert app_module._sessions(app, tasks, bad_url, _TypingLogin) == 2
    tasks.wait()
    (url, exc), = repaired
    assert url == bad_url and isinstance(exc, Exception)
    assert _TypingLogin.seen[0].failure is exc


def test_none_true_and_false_can_never_be_deallocated_and_the_guard_costs_nothing():
    """desktop.refcount_guard (PySide6 on Python 3.11 drops references to None/True/False): their
    counts are raised in place at import — no memory held, nothing left to add later."""
    code = (
        "import sys, tracemalloc\n"
        "tracemalloc.start()\n"
        "from desktop import refcount_guard as g\n"
        "if sys.version_info >= (3, 12):\n"
        "    print('immortal'); raise SystemExit\n"
        "size, _ = tracemalloc.get_traced_memory()\n"
        "counts = [sys.getrefcount(obj) for obj in (None, True, False)]\n"
        "g.guard_singletons()  # a second call adds nothing\n"
        "again = [sys.getrefcount(obj) for obj in (None, True, False)]\n"
        "print(g.held(), min(counts), max(abs(a - b) for a, b in zip(counts, again)), size, g._HELD == [])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60,
                          env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    if done.stdout.strip() != "immortal":
        held, lowest, changed, size, in_place = done.stdout.split()
        assert int(held) == 1 << 40 and int(lowest) >= 1 << 40
        assert int(changed) < 1_000 and in_place == "True"
        assert int(size) < 1_000_000  # the list reserve was 48 MB


def test_settling_the_imports_keeps_them_out_of_later_collections():
    import weakref

    class Node:
        """An object that can refer to itself."""

    garbage = Node()
    garbage.me = garbage  # a cycle only the collector can free
    gone = weakref.ref(garbage)
    del garbage
    alive = Node()
    alive.me = alive
    app_module.settle_imports()
    assert gone() is None  # collected first: no garbage is frozen for good
    assert gc.get_freeze_count() > 0 and gc.get_count()[2] == 0


def test_the_warm_up_leaves_no_window_or_event_filter_behind(app, qtbot):
    from PySide6.QtWidgets import QApplication

    from desktop import lock

    before = set(QApplication.topLevelWidgets())
    lock.warm_up()
    qtbot.waitUntil(lambda: set(QApplication.topLevelWidgets()) <= before)  # the probe is deleted
    assert not [o for o in gc.get_objects() if isinstance(o, lock._Onlooker)]  # and its filter with it
