"""关于 dialog: versions, and the licences of the bundled fonts and libraries."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.resources import resource_path

# The libraries shipped in the bundle and their licences (for the About dialog and the
# installer's notice).
LIBRARY_LICENCES: tuple[tuple[str, str], ...] = (
    ("PySide6 / Qt 6", QT_TRANSLATE_NOOP("AboutDialog", "LGPL-3.0（动态链接）")),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("psycopg 3", "LGPL-3.0"),
    ("ReportLab", "BSD"),
    ("openpyxl", "MIT"),
    ("keyring", "MIT"),
    ("platformdirs", "MIT"),
    ("pypinyin", "MIT"),
    ("chinesecalendar", "MIT"),
    ("phonenumbers", "Apache-2.0"),
    ("argon2-cffi", "MIT"),
    ("python-escpos", "MIT"),
)


def versions_text() -> str:
    import platform
    import sys

    import PySide6
    import sqlalchemy

    from core.version import version

    return (
        QCoreApplication.translate("AboutDialog", "调解超市前台 %1").replace("%1", version()) + "\n"
        f"Python {sys.version.split()[0]} · Qt/PySide6 {PySide6.__version__} · SQLAlchemy {sqlalchemy.__version__}\n"
        f"{platform.platform()}"
    )


def fonts_notice() -> str:
    """The fonts' licence notice, headed by the fonts this installation actually has: a bundle
    may leave out the large rare-character font (installers/tiaojie.spec)."""
    from core.resources import RARE_FONT_FILES, font_files
    from desktop.texts import join_list

    translate = QCoreApplication.translate
    # The notice itself (LICENSES.md) is one Chinese document; the head says what this bundle has.
    notice = resource_path("fonts", "LICENSES.md")
    text = notice.read_text("utf-8") if notice.exists() else translate("AboutDialog", "（未找到字体许可说明）")
    files = font_files()
    present = [files.main.name, files.latin.name, *(p.name for p in files.rare)]
    missing = [name for name in RARE_FONT_FILES if name not in present]
    head = (translate("AboutDialog", "**本安装包附带的字体：** %1")
            .replace("%1", join_list(f"`{name}`" for name in present)) + "\n\n")
    if missing:
        head += (translate("AboutDialog", "**未附带：** %1（下文中关于它的说明不适用于本安装包；其中的生僻字打印时会提示缺字）")
                 .replace("%1", join_list(f"`{name}`" for name in missing)) + "\n\n")
    return head + text


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("关于调解超市前台"))
        self.resize(640, 480)
        header = QLabel(versions_text())
        header.setWordWrap(True)
        tabs = QTabWidget()
        fonts = QTextBrowser()
        fonts.setOpenExternalLinks(False)
        fonts.setMarkdown(fonts_notice())
        tabs.addTab(fonts, self.tr("字体许可"))
        libraries = QTextBrowser()
        component, licence = self.tr("组件"), self.tr("许可证")
        rows = "\n".join(f"| {n} | {self.tr(lic)} |" for n, lic in LIBRARY_LICENCES)
        libraries.setMarkdown(f"| {component} | {licence} |\n| --- | --- |\n{rows}")
        tabs.addTab(libraries, self.tr("第三方组件"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
