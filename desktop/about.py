"""关于 dialog: versions, and the licences of the bundled fonts and libraries."""

from __future__ import annotations

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
    ("PySide6 / Qt 6", "LGPL-3.0（动态链接）"),
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
        f"调解超市前台 {version()}\n"
        f"Python {sys.version.split()[0]} · Qt/PySide6 {PySide6.__version__} · SQLAlchemy {sqlalchemy.__version__}\n"
        f"{platform.platform()}"
    )


def fonts_notice() -> str:
    """The fonts' licence notice, headed by the fonts this installation actually has: a bundle
    may leave out the large rare-character font (installers/tiaojie.spec)."""
    from core.resources import RARE_FONT_FILES, font_files

    notice = resource_path("fonts", "LICENSES.md")
    text = notice.read_text("utf-8") if notice.exists() else "（未找到字体许可说明）"
    files = font_files()
    present = [files.main.name, files.latin.name, *(p.name for p in files.rare)]
    missing = [name for name in RARE_FONT_FILES if name not in present]
    head = "**本安装包附带的字体：** " + "、".join(f"`{name}`" for name in present) + "\n\n"
    if missing:
        head += ("**未附带：** " + "、".join(f"`{name}`" for name in missing)
                 + "（下文中关于它的说明不适用于本安装包；其中的生僻字打印时会提示缺字）\n\n")
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
        libraries.setMarkdown(
            "| 组件 | 许可证 |\n| --- | --- |\n" + "\n".join(f"| {n} | {lic} |" for n, lic in LIBRARY_LICENCES)
        )
        tabs.addTab(libraries, self.tr("第三方组件"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
