"""Starting the GUI: Qt application, bundled fonts, translations, style, database, login."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
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


def run_gui(url: str | None = None) -> int:
    from core.database import open_database
    from core.logs import setup_logging
    from core.settings import get_settings
    from core.uow import read_only
    from db import migrate
    from db.engine import describe, resolve_url
    from desktop.context import AppContext
    from desktop.login import LoginDialog
    from desktop.main_window import MainWindow
    from desktop.tasks import TaskRunner

    setup_logging()
    app = create_application()
    url = resolve_url(url)
    log.info("starting tiaojie on %s", describe(url))
    try:
        engine = open_database(url)
    except migrate.SchemaTooNewError as exc:
        QMessageBox.critical(None, app.tr("无法启动"), str(exc))
        return 2
    except Exception as exc:  # noqa: BLE001 — shown to the user, with the details logged
        log.exception("cannot open database %s", describe(url))
        QMessageBox.critical(
            None,
            app.tr("无法连接数据库"),
            app.tr("无法打开数据库（%1）。\n请检查网络和数据库服务器，或联系系统管理员。\n\n%2")
            .replace("%1", describe(url))
            .replace("%2", str(exc)),
        )
        return 2
    with read_only(engine) as session:
        centre = get_settings(session)["centre_name"]
    tasks = TaskRunner(app)
    while True:
        login = LoginDialog(engine, centre_name=centre, where=describe(url))
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            return 0
        window = MainWindow(AppContext(engine, url, login.user, tasks), centre_name=centre)
        window.show()
        app.exec()
        tasks.wait()
        if not window.logged_out:
            return 0
