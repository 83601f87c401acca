"""Starting the GUI: Qt application, bundled fonts, translations, style, database, login."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import desktop.refcount_guard  # noqa: F401 — before any Qt call
from core.resources import resource_path

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

_FONT_FAMILIES: list[str] = []


def load_fonts() -> list[str]:
    """Register the bundled CJK font and its rare-character fallbacks, and make them the
    application font, so screens look the same on every PC (and never show boxes)."""
    if _FONT_FAMILIES:
        return _FONT_FAMILIES
    from core.resources import font_files

    fonts = font_files()
    # Latin first so digits and letters come from DejaVu, CJK falls through to the main
    # face, rare characters to the Hanazono subsets.
    for path in (fonts.latin, fonts.main, *fonts.rare):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        _FONT_FAMILIES.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in _FONT_FAMILIES)
    if _FONT_FAMILIES:
        font = QFont()
        font.setFamilies(_FONT_FAMILIES)
        font.setPointSize(10)
        QApplication.setFont(font)
    return _FONT_FAMILIES


def install_translations(app: QApplication, language: str | None = None) -> str:
    """Chinese is the source language of the UI; English comes from our .qm. Qt's own
    strings (OK/Cancel, context menus) come from Qt's translations."""
    language = language or os.environ.get("TIAOJIE_LANG") or "zh_CN"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    bundled_qt = resource_path("translations")
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", str(bundled_qt)) or translator.load(f"{name}_{language}", qt_dir):
            app.installTranslator(translator)
    if not language.startswith("zh"):
        ours = QTranslator(app)
        if ours.load(f"tiaojie_{language}", str(resource_path("translations"))):
            app.installTranslator(ours)
        else:
            log.warning("no translation tiaojie_%s.qm", language)
    QLocale.setDefault(QLocale(language))
    return language


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("tiaojie")
    app.setOrganizationName("tiaojie")
    app.setWindowIcon(QIcon(str(resource_path("icons", "tiaojie.png"))))
    load_fonts()
    install_translations(app)
    # After the translators: the name in window titles and the task bar is in the UI's language.
    app.setApplicationDisplayName(QCoreApplication.translate("App", "调解超市前台"))
    qss = resource_path("styles", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text("utf-8"))
    return app


class OpenedDatabase(NamedTuple):
    """What the login dialog shows once the database is open."""

    engine: Engine
    centre_name: str
    where: str


def open_for_login(url: str, engine: Engine | None = None) -> OpenedDatabase:
    """Open (connect, migrate, seed) the database and read the centre's name. Runs on a worker
    while the login dialog is already on screen: it is also where the ORM gets imported."""
    from core.database import open_database
    from core.settings import get_settings
    from core.uow import read_only
    from db.engine import describe

    log.info("starting tiaojie on %s", describe(url))
    engine = engine or open_database(url)
    with read_only(engine) as session:
        centre = get_settings(session)["centre_name"]
    import argon2  # noqa: F401 — checking the password, next

    return OpenedDatabase(engine, centre, describe(url))


def preload_screens(stop: threading.Event) -> bool:
    """While the user is still typing: import what building the main window imports (its idle
    lock, the window, every role's home screen and the case list), one module after another.
    Stops between two as soon as ``stop`` is set: a login that goes ahead meanwhile stops it
    before its window is built, and the window imports what it still needs in the GUI thread
    (the login itself imports nothing more once the database is open). True when everything
    was imported."""
    import importlib

    from desktop.navigation import home_modules

    for module in ("desktop.lock", "desktop.main_window", *home_modules(), "desktop.screens.cases"):
        if stop.is_set():
            return False
        importlib.import_module(module)
    return True


class _Preload:
    """The main window's modules, imported on a worker once the database is open and the user
    is still typing; then the imports are settled and the idle lock's cost paid in advance.
    A login that was waiting for the database does not wait for this too (≈ 0.1–0.2 s of
    screens of other roles): it stops it, and its imports are settled after the window shows."""

    def __init__(self, tasks) -> None:
        self.tasks = tasks
        self.stop = threading.Event()
        self.settled = False

    def start(self) -> None:
        self.tasks.run(preload_screens, self.stop, on_done=self._done)

    def _done(self, complete: bool) -> None:
        if complete and not self.stop.is_set():
            settle_imports()
            from desktop.lock import warm_up  # imported by preload_screens

            warm_up()
            self.settled = True

    def finish(self) -> None:
        """The login dialog has closed: stop (between two imports) and wait for every task."""
        self.stop.set()
        self.tasks.wait()
        if not self.settled:
            _unsettled.append(True)


def _open_now(url: str, engine: Engine) -> OpenedDatabase:
    """An engine the connection dialog opened: the rest of the opening before the login shows."""
    opened = open_for_login(url, engine)
    preload_screens(threading.Event())
    settle_imports()
    return opened


def settle_imports() -> None:
    """The modules are loaded: collect once (here, in the GUI thread: see desktop.gc_guard),
    then move what is left — mostly the imports' ~100,000 objects, alive as long as the
    process — out of the collector's sight, so that full collections during the session do
    not walk them again and again (≈ 50 ms each; the first would fall in the main window's
    first paint)."""
    from desktop import gc_guard

    gc.collect()
    gc.freeze()
    gc_guard.release()
    _unsettled.clear()


#: Whether the latest imports still wait for :func:`settle_imports` (a login that was waiting
#: for the database goes ahead first: the main window shows, then they are settled).
_unsettled: list[bool] = []

#: After the main window's first paint and first page of data, before the user's first click.
SETTLE_AFTER_MS = 1500


def choose_target(tasks, cli_url: str | None = None):
    """Which database to work on, by precedence: ``--db`` > ``TIAOJIE_DB`` > the connection
    saved by the wizard (password from the keyring, or asked for and kept in memory) > the
    wizard itself on first start (SQLite in the per-user folder preselected; it opens the
    database itself). Returns (url, config, engine or None, 0), or (None, None, None, 0) when
    the user gives up. Imports nothing heavy unless the wizard or the password dialog shows."""
    from db import connection
    from db.engine import ENV_DB

    url = cli_url or os.environ.get(ENV_DB)
    if url:
        return url, None, None, 0
    config = connection.load_config()
    if config is None:
        from desktop.connection_dialog import ConnectionDialog

        wizard = ConnectionDialog(tasks, mode=ConnectionDialog.WIZARD)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.engine is None:
            return None, None, None, 0
        return wizard.url, None, wizard.engine, 0
    password = connection.get_password(config) if config.is_postgresql else None
    if config.is_postgresql and password is None:
        from desktop.connection_dialog import PasswordDialog

        ask = PasswordDialog(config)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return None, None, None, 0
        password = ask.value()
    return connection.to_url(config, password), config, None, 0


def repair_database(tasks, url: str, config, exc: BaseException):
    """The database at ``url`` could not be opened: a newer client's schema ends the start
    (exit code 2), anything else offers the connection dialog. Returns (engine, url, 0) or
    (None, None, exit code)."""
    from db import connection, migrate
    from db.engine import describe
    from desktop.connection_dialog import ConnectionDialog

    if isinstance(exc, migrate.SchemaTooNewError):
        from desktop.messages import error_text

        QMessageBox.critical(None, QCoreApplication.translate("App", "无法启动"), error_text(exc))
        return None, None, 2
    log.error("cannot open database %s", describe(url), exc_info=exc)
    dialog = ConnectionDialog(tasks, mode=ConnectionDialog.REPAIR, current_url=url,
                              config=config or connection.config_from_url(url), error=connection.explain(exc, url))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.engine is None:
        return None, None, 2
    return dialog.engine, dialog.url, 0


def choose_database(tasks, cli_url: str | None = None):
    """:func:`choose_target`, then open it here and now (with the repair dialog when that
    fails). Returns (engine, url, 0), or (None, None, exit code)."""
    from core.database import open_database

    url, config, engine, code = choose_target(tasks, cli_url)
    if url is None:
        return None, None, code
    if engine is not None:
        return engine, url, 0
    try:
        return open_database(url), url, 0
    except Exception as exc:  # noqa: BLE001 — explained to the user, with the details logged
        return repair_database(tasks, url, config, exc)


def run_gui(url: str | None = None) -> int:
    """The application. The login dialog is the first window, shown as soon as Qt is up; the
    database is opened (and SQLAlchemy's ORM imported, ≈ 0.5 s) on a worker behind it, while
    the user types. A login submitted before that waits for it."""
    from core.logs import setup_logging
    from desktop import gc_guard
    from desktop.login import LoginDialog
    from desktop.tasks import TaskRunner

    gc_guard.hold()  # until settle_imports (or the end, when the user quits at the login)
    try:
        setup_logging()
        app = create_application()
        tasks = TaskRunner(app)
        try:
            return _sessions(app, tasks, url, LoginDialog)
        finally:
            tasks.wait()  # the database may still be opening when the user quits at the login
    finally:
        gc_guard.release()


def _sessions(app: QApplication, tasks, cli_url: str | None, login_dialog) -> int:
    url, config, engine, code = choose_target(tasks, cli_url)
    if url is None:
        return code
    opened = _open_now(url, engine) if engine is not None else None
    while True:
        login = login_dialog(opened.engine if opened else None, centre_name=opened.centre_name if opened else "",
                             where=opened.where if opened else QCoreApplication.translate("App", "正在打开…"),
                             tasks=tasks, url=url)
        if opened is None:
            holder: list[OpenedDatabase] = []
            preload = _Preload(tasks)

            def arrived(result: OpenedDatabase, dialog=login, holder=holder, preload=preload) -> None:
                holder.append(result)
                waiting = dialog.waiting
                dialog.set_database(result.engine, result.centre_name, result.where)  # a waiting login goes ahead
                if not waiting and not preload.stop.is_set():  # the user is still typing
                    preload.start()

            tasks.run(open_for_login, url, on_done=arrived, on_error=login.database_failed, owner=login)
        accepted = login.exec() == QDialog.DialogCode.Accepted and login.user is not None
        if opened is None:
            preload.finish()  # and a dialog closed early: the opening is finished (or failed) before we go on
            if login.failure is not None:
                engine, url, code = repair_database(tasks, url, config, login.failure)
                if engine is None:
                    return code
                opened = _open_now(url, engine)
                continue
            opened = holder[0] if holder else None
        if not accepted or opened is None:
            return 0
        if not _main_window(app, tasks, opened, url, login.user):
            return 0


def _main_window(app: QApplication, tasks, opened: OpenedDatabase, url: str, user) -> bool:
    """Run the main window for ``user`` until it closes; True if the user logged out (so the
    login dialog shows again)."""
    window = open_main_window(tasks, opened, url, user)
    app.exec()
    tasks.wait()
    return window.logged_out


#: After the window's first paint and the home screen's data: the daily jobs' module (medical
#: expiry, deadlines, backup: ≈ 25 ms of imports) is not loaded before the window shows.
DAILY_JOBS_AFTER_MS = 1000


def open_main_window(tasks, opened: OpenedDatabase, url: str, user):
    """Build and show the main window; the imports still unsettled and the daily jobs follow
    once it is on screen."""
    from desktop.context import AppContext
    from desktop.main_window import MainWindow

    window = MainWindow(AppContext(opened.engine, url, user, tasks), centre_name=opened.centre_name)
    window.show()
    if _unsettled:
        QTimer.singleShot(SETTLE_AFTER_MS, window, settle_imports)
    QTimer.singleShot(DAILY_JOBS_AFTER_MS, window,
                      lambda: start_daily_jobs(window, AppContext(opened.engine, url, user, tasks)))
    return window


def start_daily_jobs(window, ctx):
    """Medical expiry (条例第三十八条) and the daily SQLite backup, as the system, once a day;
    their messages go to the window's status bar."""
    if not window.isVisible():  # logged out in that second: the next login starts its own
        return None
    from desktop.housekeeping import FIRST_RUN_DELAY_MS, DailyJobs

    jobs = DailyJobs(ctx, window)
    jobs.message.connect(lambda text, w=window: w.statusBar().showMessage(text, 30000))
    jobs.start(max(0, FIRST_RUN_DELAY_MS - DAILY_JOBS_AFTER_MS))
    return jobs
