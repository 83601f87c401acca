"""Starting the GUI: Qt application, bundled fonts, translations, style, database, login."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

import desktop.refcount_guard  # noqa: F401 — before any Qt call
from core.resources import resource_path

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
    app.setApplicationDisplayName("调解超市前台")
    app.setOrganizationName("tiaojie")
    app.setWindowIcon(QIcon(str(resource_path("icons", "tiaojie.png"))))
    load_fonts()
    install_translations(app)
    qss = resource_path("styles", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text("utf-8"))
    return app


def choose_database(tasks, cli_url: str | None = None):
    """Which database to work on, by precedence: ``--db`` > ``TIAOJIE_DB`` > the connection
    saved by the wizard (password from the keyring, or asked for and kept in memory) > the
    wizard itself on first start (SQLite in the per-user folder preselected). When the
    database cannot be opened, the connection dialog is offered. Returns (engine, url, 0), or
    (None, None, exit code) when the user gives up or a newer client's schema refuses us."""
    from core.database import open_database
    from db import connection, migrate
    from db.engine import ENV_DB, describe
    from desktop.connection_dialog import ConnectionDialog, PasswordDialog

    url = cli_url or os.environ.get(ENV_DB)
    config = None
    if not url:
        config = connection.load_config()
        if config is None:
            wizard = ConnectionDialog(tasks, mode=ConnectionDialog.WIZARD)
            if wizard.exec() != QDialog.DialogCode.Accepted or wizard.engine is None:
                return None, None, 0
            return wizard.engine, wizard.url, 0
        password = connection.get_password(config) if config.is_postgresql else None
        if config.is_postgresql and password is None:
            ask = PasswordDialog(config)
            if ask.exec() != QDialog.DialogCode.Accepted:
                return None, None, 0
            password = ask.value()
        url = connection.to_url(config, password)
    log.info("starting tiaojie on %s", describe(url))
    try:
        return open_database(url), url, 0
    except migrate.SchemaTooNewError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("App", "无法启动"), str(exc))
        return None, None, 2
    except Exception as exc:  # noqa: BLE001 — explained to the user, with the details logged
        log.exception("cannot open database %s", describe(url))
        dialog = ConnectionDialog(tasks, mode=ConnectionDialog.REPAIR, current_url=url,
                                  config=config or connection.config_from_url(url),
                                  error=connection.explain(exc, url))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.engine is None:
            return None, None, 2
        return dialog.engine, dialog.url, 0


def run_gui(url: str | None = None) -> int:
    from core.logs import setup_logging
    from core.settings import get_settings
    from core.uow import read_only
    from db.engine import describe
    from desktop.context import AppContext
    from desktop.housekeeping import DailyJobs
    from desktop.login import LoginDialog
    from desktop.main_window import MainWindow
    from desktop.tasks import TaskRunner

    setup_logging()
    app = create_application()
    tasks = TaskRunner(app)
    engine, url, code = choose_database(tasks, url)
    if engine is None:
        return code
    with read_only(engine) as session:
        centre = get_settings(session)["centre_name"]
    while True:
        login = LoginDialog(engine, centre_name=centre, where=describe(url))
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            return 0
        window = MainWindow(AppContext(engine, url, login.user, tasks), centre_name=centre)
        window.show()
        # Medical expiry (条例第三十八条) and the daily SQLite backup, as the system, once a day.
        jobs = DailyJobs(AppContext(engine, url, login.user, tasks), window)
        jobs.message.connect(lambda text, w=window: w.statusBar().showMessage(text, 30000))
        jobs.start()
        app.exec()
        tasks.wait()
        if not window.logged_out:
            return 0
