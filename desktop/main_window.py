"""The main window: navigation by role on the left, the current screen on the right,
the database and the user in the status bar. It owns the live-update feed (other PCs'
changes refresh the screens showing shared data) from login to logout."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from core.auth import can
from db.engine import describe
from desktop import navigation
from desktop.context import AppContext
from desktop.live_updates import LiveUpdates
from desktop.messages import tr_message
from desktop.vocab import tr_code


class MainWindow(QMainWindow):
    logout_requested = Signal()

    def __init__(self, ctx: AppContext, *, centre_name: str = "", live: bool = True) -> None:
        super().__init__()
        self.setObjectName("main")
        self.ctx = ctx
        self.logged_out = False
        self.setWindowTitle(self.tr("调解超市前台") + (f" — {centre_name}" if centre_name else ""))
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+1…9 switch screens
        self.stack = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        self._screens = navigation.screens_for(ctx.user.role)
        for i, screen in enumerate(self._screens, start=1):
            item = QListWidgetItem(QCoreApplication.translate("Navigation", screen.title))
            item.setData(Qt.ItemDataRole.UserRole, screen.key)
            if i <= 9:
                item.setToolTip(f"Ctrl+{i}")
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        # As wide as the longest screen name needs (English ones are longer), never a scroll bar.
        self.nav.ensurePolished()
        self.nav.setFixedWidth(min(max(180, self.nav.sizeHintForColumn(0) + 12), 280))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Created after login (this window exists only for a logged-in user), stopped at close.
        self.live = LiveUpdates(ctx.url, self)
        self._build_menus()
        self._build_status_bar()
        from desktop.lock import IdleLock, idle_lock_minutes

        self.idle_lock = IdleLock(self, ctx, idle_lock_minutes(ctx.engine))
        ctx.tasks.error.connect(self._task_failed)
        if live:
            self.live.start()
        if self._screens:
            self.nav.setCurrentRow(0)

    # -- screens ---------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        screen = self._screens[row]
        widget = self._built.get(screen.key)
        if widget is None:
            widget = navigation.build(screen, self.ctx, self.stack)
            self._built[screen.key] = widget
            self.stack.addWidget(widget)
            self._wire(widget)
        self.stack.setCurrentWidget(widget)

    def _wire(self, widget: QWidget) -> None:
        """Hand-offs between screens: a called queue ticket becomes an intake form; screens
        showing shared data follow the live feed."""
        if hasattr(widget, "intake_requested"):
            widget.intake_requested.connect(self._start_intake)
        if hasattr(widget, "live_topics"):
            self.live.attach(widget)

    def _start_intake(self, ticket) -> None:
        intake = self.show_screen("intake")
        if intake is not None:
            intake.start_from_ticket(ticket)

    def show_screen(self, key: str) -> QWidget | None:
        for row, screen in enumerate(self._screens):
            if screen.key == key:
                self.nav.setCurrentRow(row)
                return self._built[key]
        return None

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    # -- chrome ----------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        logout = QAction(self.tr("注销(&L)"), self, shortcut=QKeySequence("Ctrl+L"))
        logout.triggered.connect(self._logout)
        quit_action = QAction(self.tr("退出(&X)"), self, shortcut=QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        lock = QAction(self.tr("锁定屏幕"), self, shortcut=QKeySequence("Ctrl+Shift+L"))
        lock.triggered.connect(lambda: self.idle_lock.lock_now())
        file_menu.addActions([lock, logout, quit_action])

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for i, screen in enumerate(self._screens[:9], start=1):
            action = QAction(QCoreApplication.translate("Navigation", screen.title), self, shortcut=QKeySequence(f"Ctrl+{i}"))
            action.triggered.connect(lambda _=False, row=i - 1: self.nav.setCurrentRow(row))
            view_menu.addAction(action)
        view_menu.addSeparator()
        refresh = QAction(self.tr("刷新(&R)"), self, shortcut=QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self._refresh_current)
        view_menu.addAction(refresh)

        if can(self.ctx.user, "settings"):  # the admin
            system = bar.addMenu(self.tr("系统(&S)"))
            connection = QAction(self.tr("数据库连接…"), self)
            connection.setObjectName("connectionAction")
            connection.triggered.connect(self._connection_settings)
            system.addAction(connection)
            self.connection_action = connection

        account = bar.addMenu(self.tr("账户(&A)"))
        change = QAction(self.tr("修改密码…"), self)
        change.triggered.connect(self._change_password)
        account.addAction(change)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        diagnostics = QAction(self.tr("导出诊断信息(&D)…"), self)
        diagnostics.triggered.connect(self._export_diagnostics)
        about = QAction(self.tr("关于(&A)…"), self)
        about.triggered.connect(self._about)
        help_menu.addActions([diagnostics, about])

    def _connection_settings(self):
        from desktop.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self.ctx.tasks, mode=ConnectionDialog.SETTINGS, current_url=self.ctx.url,
                                  parent=self)
        dialog.exec()
        return dialog

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.db_label = QLabel(self.tr("数据库：") + tr_message(describe(self.ctx.url)))
        self.user_label = QLabel(self.tr("%1（%2）").replace("%1", self.ctx.user.full_name)
                                 .replace("%2", tr_code(self.ctx.user.role_name)))
        self.busy_label = QLabel()
        self.live_label = QLabel()
        self.live_label.setObjectName("hint")
        self.live.connected_changed.connect(self._show_live)
        self._show_live(self.live.connected)
        status.addWidget(self.db_label)
        status.addWidget(self.live_label)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.user_label)
        # a bound method, so Qt disconnects it when this window is deleted (the runner outlives it)
        self.ctx.tasks.busy_changed.connect(self._show_busy)

    @Slot(bool)
    def _show_live(self, connected: bool) -> None:
        self.live_label.setText(self.tr("实时同步") if connected else self.tr("定时刷新"))
        self.live_label.setToolTip(
            self.tr("其他电脑的更改会立即显示") if connected
            else self.tr("暂时收不到其他电脑的更改通知，各界面每2秒刷新一次"))

    @Slot(bool)
    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("处理中…") if busy else "")

    def closeEvent(self, event) -> None:  # noqa: N802 — Qt API
        self.live.stop()  # logout and quit both close the window
        super().closeEvent(event)

    def _logout(self) -> None:
        self.logged_out = True
        self.logout_requested.emit()
        self.close()

    def _refresh_current(self) -> None:
        widget = self.stack.currentWidget()
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()

    def _change_password(self) -> None:
        from desktop.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.engine, self.ctx.user, parent=self)
        if dialog.exec():
            QMessageBox.information(self, self.tr("修改密码"), self.tr("密码已修改。"))

    def _about(self) -> None:
        from desktop.about import AboutDialog

        AboutDialog(self).exec()

    def _export_diagnostics(self) -> None:
        from datetime import datetime

        from PySide6.QtWidgets import QFileDialog

        from core.logs import export_diagnostics

        default = f"tiaojie-diagnostics-{datetime.now():%Y%m%d-%H%M}.zip"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出诊断信息"), default, "Zip (*.zip)")
        if not path:
            return

        def done(out) -> None:
            QMessageBox.information(self, self.tr("导出诊断信息"),
                                    self.tr("已导出（不含个人信息）：%1").replace("%1", str(out)))

        self.ctx.tasks.run(export_diagnostics, path, db_url=self.ctx.url, on_done=done)

    def _task_failed(self, message: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("操作未完成"), message, parent=self)
        box.setDetailedText(details)
        box.show()
