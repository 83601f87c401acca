"""数据库连接: where the data lives — the first-start wizard, the dialog offered when the
database cannot be opened at start, and the admin's settings (系统 → 数据库连接…).

Either a local SQLite file (one PC) or a LAN PostgreSQL server (several PCs). "测试连接" runs off
the GUI thread and shows the server version, or a Chinese explanation beside the field concerned.
The choice is saved as JSON in the per-user config directory; the password goes to the system
keyring — or, when there is none, is kept in memory and asked for at each start.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import connection
from db.connection import ConnectionConfig, ConnectionTestError
from db.engine import data_dir
from db.messages import message_of
from desktop.messages import tr_message
from desktop.widgets.field_errors import field_error, show_error

log = logging.getLogger(__name__)

FIELDS = ("sqlite_folder", "host", "port", "database", "user", "password", "sslmode")
SSL_MODE_NAMES = {
    "disable": QT_TRANSLATE_NOOP("ConnectionDialog", "不加密（disable）"),
    "prefer": QT_TRANSLATE_NOOP("ConnectionDialog", "服务器支持时加密（prefer）"),
    "require": QT_TRANSLATE_NOOP("ConnectionDialog", "必须加密（require）"),
    "verify-full": QT_TRANSLATE_NOOP("ConnectionDialog", "加密并校验服务器证书（verify-full）"),
}


def open_and_save(url: str, config: ConnectionConfig, password: str, remember: bool):
    """Off the GUI thread: open (migrate, seed) the chosen database, and only when that worked,
    save the choice — and the password in the keyring if asked to. Returns the engine."""
    from core.database import open_database

    engine = open_database(url)
    connection.save_config(config)
    if config.is_postgresql:
        if remember and password:
            connection.store_password(config, password)
        elif not remember:
            connection.forget_password(config)
    return engine


def test_and_save(url: str, config: ConnectionConfig, password: str, remember: bool) -> str:
    """The settings dialog: the connection must work before it is saved (for the next start)."""
    version = connection.test_connection(url)
    connection.save_config(config)
    if config.is_postgresql:
        if remember and password:
            connection.store_password(config, password)
        elif not remember:
            connection.forget_password(config)
    return version


class ConnectionDialog(QDialog):
    WIZARD = "wizard"  # first start: nothing chosen yet
    REPAIR = "repair"  # the database could not be opened at start
    SETTINGS = "settings"  # the admin, from the main window: effective at the next start

    def __init__(self, tasks, *, mode: str = WIZARD, current_url: str | None = None,
                 config: ConnectionConfig | None = None, error: str | BaseException | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connection")
        self.tasks = tasks
        self.mode = mode
        self.engine = None  # WIZARD/REPAIR: the opened database once accepted
        self.url: str | None = None
        self.version: str | None = None  # what the last successful test found
        self._busy = False
        self._generation = 0
        self.keyring = connection.keyring_available()
        if config is None:
            config = connection.load_config()
        if config is None and current_url:
            config = connection.config_from_url(current_url)
        config = config or ConnectionConfig()
        password = connection.password_of(current_url) if current_url else None
        if password is None and config.is_postgresql:
            password = connection.get_password(config)

        self.setWindowTitle({
            self.WIZARD: self.tr("首次使用：选择数据存放位置"),
            self.REPAIR: self.tr("无法打开数据库"),
            self.SETTINGS: self.tr("数据库连接"),
        }[mode])
        self.setMinimumWidth(560)

        intro = QLabel({
            self.WIZARD: self.tr("只有这一台电脑使用本程序时，选“本机数据文件”并直接点“完成”即可。"
                                 "几台电脑共用同一份数据时，请选“局域网数据库服务器”，并填写管理员提供的地址。"),
            self.REPAIR: self.tr("程序启动时无法打开数据库。请检查下面的设置（或网络、数据库服务器），然后点“连接”。"),
            self.SETTINGS: self.tr("更改本机使用的数据库。保存前会先测试连接。"),
        }[mode])
        intro.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.hide()

        # -- local SQLite --------------------------------------------------------------------
        self.sqlite_radio = QRadioButton(self.tr("本机数据文件（SQLite，单台电脑使用）"))
        self.sqlite_box = QFrame()
        self.sqlite_folder = QLineEdit(config.sqlite_folder)
        self.sqlite_folder.setPlaceholderText(str(data_dir()))
        self.browse_button = QPushButton(self.tr("选择文件夹…"))
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.sqlite_folder, 1)
        folder_row.addWidget(self.browse_button)
        self.sqlite_folder_error = field_error()
        sqlite_hint = QLabel(self.tr("留空即使用默认位置：%1。请勿放在网络共享文件夹中：多台电脑共用请选下面的数据库服务器。")
                             .replace("%1", str(data_dir())))
        sqlite_hint.setObjectName("hint")
        sqlite_hint.setWordWrap(True)
        sqlite_form = QFormLayout(self.sqlite_box)
        sqlite_form.setContentsMargins(24, 0, 0, 0)
        folder_label = QLabel(self.tr("文件夹(&F)"))
        folder_label.setBuddy(self.sqlite_folder)
        sqlite_form.addRow(folder_label, folder_row)
        sqlite_form.addRow("", self.sqlite_folder_error)
        sqlite_form.addRow("", sqlite_hint)

        # -- LAN PostgreSQL -------------------------------------------------------------------
        self.pg_radio = QRadioButton(self.tr("局域网数据库服务器（PostgreSQL，多台电脑共用）"))
        self.pg_box = QFrame()
        self.host = QLineEdit(config.host)
        self.host.setPlaceholderText(self.tr("例如 192.168.1.10 或 tiaojie-server"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(config.port))
        self.port.setMaximumWidth(100)
        self.database = QLineEdit(config.database)
        self.user = QLineEdit(config.user)
        self.password = QLineEdit(password or "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sslmode = QComboBox()
        for mode_code in connection.SSL_MODES:
            self.sslmode.addItem(QCoreApplication.translate("ConnectionDialog", SSL_MODE_NAMES[mode_code]),
                                 mode_code)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(config.sslmode)))
        self.remember = QCheckBox(self.tr("在本机的系统密钥环中保存密码"))
        if self.keyring:
            self.remember.setChecked(True)
        else:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setText(self.tr("本机没有可用的系统密钥环：密码不保存，每次启动时询问"))
        for name in FIELDS[1:]:
            setattr(self, f"{name}_error", field_error())
        pg_form = QFormLayout(self.pg_box)
        pg_form.setContentsMargins(24, 0, 0, 0)
        pg_form.addRow(self.tr("服务器地址(&H)"), self.host)
        pg_form.addRow("", self.host_error)
        pg_form.addRow(self.tr("端口"), self.port)
        pg_form.addRow("", self.port_error)
        pg_form.addRow(self.tr("数据库名(&D)"), self.database)
        pg_form.addRow("", self.database_error)
        pg_form.addRow(self.tr("用户名(&U)"), self.user)
        pg_form.addRow("", self.user_error)
        pg_form.addRow(self.tr("密码(&P)"), self.password)
        pg_form.addRow("", self.password_error)
        pg_form.addRow(self.tr("加密方式"), self.sslmode)
        pg_form.addRow("", self.sslmode_error)
        pg_form.addRow("", self.remember)

        self.kind = QButtonGroup(self)
        self.kind.addButton(self.sqlite_radio)
        self.kind.addButton(self.pg_radio)
        (self.pg_radio if config.is_postgresql else self.sqlite_radio).setChecked(True)
        self.kind.buttonToggled.connect(self._kind_changed)

        # -- test, status, buttons ------------------------------------------------------------
        self.test_button = QPushButton(self.tr("测试连接(&T)"))
        self.test_button.clicked.connect(self.test)
        self.status = QLabel()
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status, 1)
        self.error = field_error()  # what concerns no single field (e.g. a newer schema)
        note = QLabel(self.tr("更改在下次启动程序时生效。") if mode == self.SETTINGS else
                      self.tr("数据库服务器的密码不会写入任何文件。"))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.note = note

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText({self.WIZARD: self.tr("完成"), self.REPAIR: self.tr("连接"),
                                self.SETTINGS: self.tr("保存")}[mode])
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("取消") if mode == self.SETTINGS else self.tr("退出"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addSpacing(6)
        layout.addWidget(self.sqlite_radio)
        layout.addWidget(self.sqlite_box)
        layout.addWidget(self.pg_radio)
        layout.addWidget(self.pg_box)
        layout.addLayout(test_row)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._kind_changed()
        if error is not None:
            self.show_error(error)
        self.ok_button.setFocus()

    # -- the form --------------------------------------------------------------------------
    def config(self) -> ConnectionConfig:
        return ConnectionConfig(
            kind="postgresql" if self.pg_radio.isChecked() else "sqlite",
            sqlite_folder=self.sqlite_folder.text().strip(),
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            sslmode=self.sslmode.currentData(),
        )

    def url_of_form(self) -> str:
        return connection.to_url(self.config(), self.password.text() or None)

    def _kind_changed(self, *_args) -> None:
        pg = self.pg_radio.isChecked()
        self.pg_box.setEnabled(pg)
        self.sqlite_box.setEnabled(not pg)
        self._clear_errors()
        self.status.clear()

    def _browse(self) -> None:
        start = self.sqlite_folder.text().strip() or str(data_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择数据文件夹"), start)
        if folder:
            self.sqlite_folder.setText(str(Path(folder)))

    def _clear_errors(self) -> None:
        for name in FIELDS:
            show_error(getattr(self, f"{name}_error"), None)
        show_error(self.error, None)

    def _validate(self) -> bool:
        self._clear_errors()
        problems = connection.validate(self.config())
        for name, message in problems.items():
            label = getattr(self, f"{name}_error", self.error)
            show_error(label, message)  # db.connection's message, in the UI's language
        self._grow_to_fit()
        if problems:
            first = next(iter(problems))
            widget = getattr(self, first, None)
            if isinstance(widget, QWidget):
                widget.setFocus()
        return not problems

    def show_error(self, error: str | BaseException) -> None:
        """Beside the field it concerns (a ConnectionTestError knows which), else below."""
        self._place_error(error)
        self._grow_to_fit()

    def _place_error(self, error: str | BaseException) -> None:
        from db import migrate

        if isinstance(error, migrate.SchemaTooNewError):
            show_error(self.error, message_of(error))
            self.status.clear()
            return
        if isinstance(error, BaseException) and not isinstance(error, ConnectionTestError):
            error = connection.explain(error, self.url_of_form())
        if isinstance(error, ConnectionTestError):
            field = error.field if error.field in FIELDS else None
            if field == "sqlite_folder" or (field and self.pg_radio.isChecked()):
                show_error(getattr(self, f"{field}_error"), message_of(error))
                widget = getattr(self, field)
                widget.setFocus()
                return
        show_error(self.error, message_of(error) if isinstance(error, BaseException) else error)

    def _grow_to_fit(self) -> None:
        """A message under a field may wrap to several lines: make room for it (Qt squeezes the
        rows of a window rather than growing it)."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        for w in (self.test_button, self.ok_button, self.sqlite_box, self.pg_box, self.sqlite_radio,
                  self.pg_radio):
            w.setEnabled(not busy)
        if not busy:
            self._kind_changed_keep_messages()
        if message:
            self.status.setStyleSheet("color: #475467;")
            self.status.setText(message)

    def _kind_changed_keep_messages(self) -> None:
        pg = self.pg_radio.isChecked()
        self.pg_box.setEnabled(pg)
        self.sqlite_box.setEnabled(not pg)

    @property
    def busy(self) -> bool:
        return self._busy

    # -- actions ---------------------------------------------------------------------------
    def test(self) -> None:
        """测试连接, off the GUI thread."""
        if self._busy or not self._validate():
            return
        self._generation += 1
        generation = self._generation
        self._set_busy(True, self.tr("正在连接…"))

        def done(version: str) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            self.version = version
            self.status.setStyleSheet("color: #1e6b3a;")
            self.status.setText(self.tr("连接成功：") + tr_message(version))

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            self.status.clear()
            self.show_error(exc)

        self.tasks.run(connection.test_connection, self.url_of_form(), on_done=done, on_error=failed)

    def try_accept(self) -> None:
        """完成/连接: open the database (migrating it if needed), then save the choice.
        保存 (settings): test, then save for the next start."""
        if self._busy or not self._validate():
            return
        self._generation += 1
        generation = self._generation
        config, password, url = self.config(), self.password.text(), self.url_of_form()
        remember = self.remember.isChecked() and self.keyring

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._set_busy(False)
            self.status.clear()
            log.warning("connection refused: %s", exc)
            self.show_error(exc)

        if self.mode == self.SETTINGS:
            def saved(version: str) -> None:
                if generation != self._generation:
                    return
                self._set_busy(False)
                self.version = version
                self.url = url
                self.status.setStyleSheet("color: #1e6b3a;")
                self.status.setText(self.tr("已保存（%1）。更改在下次启动程序时生效。").replace("%1", tr_message(version)))
                self.accept()

            self._set_busy(True, self.tr("正在测试连接…"))
            self.tasks.run(test_and_save, url, config, password, remember, on_done=saved, on_error=failed)
            return

        def opened(engine) -> None:
            if generation != self._generation:
                engine.dispose()
                return
            self._set_busy(False)
            self.engine, self.url = engine, url
            self.accept()

        self._set_busy(True, self.tr("正在打开数据库（首次使用时会建立数据表，请稍候）…"))
        self.tasks.run(open_and_save, url, config, password, remember, on_done=opened, on_error=failed)

    def reject(self) -> None:
        self._generation += 1  # a late result is dropped
        super().reject()


class PasswordDialog(QDialog):
    """Asked at start when the password of the saved server is not in a keyring (there is
    none, or it was never stored). The password is kept in memory only, unless the user asks
    to keep it in the keyring."""

    def __init__(self, config: ConnectionConfig, *, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("db_password")
        self.config = config
        self.setWindowTitle(self.tr("数据库密码"))
        self.setMinimumWidth(420)
        where = QLabel(self.tr("数据库服务器：%1\n数据库用户：%2").replace(
            "%1", f"{config.host}:{config.port}/{config.database}").replace("%2", config.user))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = field_error()
        show_error(self.error, message)
        self.keyring = connection.keyring_available()
        self.remember = QCheckBox(self.tr("在本机的系统密钥环中保存密码"))
        self.remember.setVisible(self.keyring)
        hint = QLabel(self.tr("本机没有可用的系统密钥环：密码只在本次运行期间保存在内存中。") if not self.keyring
                      else "")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        hint.setVisible(not self.keyring)
        form = QFormLayout()
        form.addRow(where)
        form.addRow(self.tr("密码(&P)"), self.password)
        form.addRow("", self.error)
        form.addRow("", self.remember)
        form.addRow(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_accept(self) -> None:
        if not self.password.text():
            show_error(self.error, self.tr("请填写密码"))
            return
        show_error(self.error, None)
        if self.remember.isChecked() and self.keyring:
            connection.store_password(self.config, self.password.text())
        self.accept()

    def value(self) -> str:
        return self.password.text()
