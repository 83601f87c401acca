"""Screen lock (issue 7.3): after ``idle_lock_minutes`` (a Setting; 0 = never) without
keyboard or mouse input, or at once with Ctrl+Shift+L, the application is covered by
the lock screen until the same user types their password again — or chooses to switch
user, which logs out.

Nothing underneath is closed or reset while locked: forms keep what was typed, open
dialogs stay open (covered, too), and the focus returns where it was. The password is
checked with ``core.auth.login``, so wrong passwords count towards the usual five-try
lock-out of the account — intended: the lock screen is a login.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from core.auth import AuthError, login
from desktop.context import AppContext
from desktop.messages import error_text
from desktop.vocab import tr_code

DEFAULT_MINUTES = 10.0

# What counts as the user being there.
_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TabletPress,
})
# What must not reach the covered windows while locked.
_INPUT = _ACTIVITY | frozenset({
    QEvent.Type.KeyRelease, QEvent.Type.MouseButtonRelease, QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride,
    QEvent.Type.ContextMenu, QEvent.Type.TouchEnd, QEvent.Type.TabletRelease, QEvent.Type.DragEnter,
    QEvent.Type.Drop,
})


def idle_lock_minutes(engine: Engine) -> float:
    """The ``idle_lock_minutes`` setting; a value that is not a number means the default."""
    from core.settings import get_setting
    from core.uow import read_only

    with read_only(engine) as session:
        raw = get_setting(session, "idle_lock_minutes")
    try:
        return max(float(raw), 0.0)
    except ValueError:
        return DEFAULT_MINUTES


class LockScreen(QDialog):
    """Covers the main window; asks for the current user's password."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lock")
        self.ctx = ctx
        self.setWindowTitle(self.tr("屏幕已锁定 — 调解超市前台"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAutoFillBackground(True)
        self.setStyleSheet("QDialog#lock { background: #2f3b4c; }"
                           "QFrame#lockCard { background: #ffffff; border-radius: 10px; }"
                           "QLabel#lockTitle { font-size: 18pt; font-weight: bold; }"
                           "QLabel#lockUser { font-size: 12pt; }")

        title = QLabel(self.tr("屏幕已锁定"))
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        user = ctx.user
        who = QLabel(self.tr("%1（%2，用户名 %3）").replace("%1", user.full_name).replace("%2", tr_code(user.role_name))
                     .replace("%3", user.username))
        who.setObjectName("lockUser")
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("请输入密码继续工作，之前填写的内容都会保留。"))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("解锁(&U)"))
        self.unlock_button.setDefault(True)  # Enter in the password field unlocks
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton(self.tr("切换用户(&S)…"))
        self.switch_button.setToolTip(self.tr("注销当前用户：未保存的内容将丢失"))
        self.switch_button.clicked.connect(self.switch_user.emit)
        switch_hint = QLabel(self.tr("切换用户会注销当前用户，未保存的内容将丢失。"))
        switch_hint.setObjectName("hint")
        switch_hint.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(440)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 20)
        inner.setSpacing(10)
        inner.addWidget(title)
        inner.addWidget(who)
        inner.addWidget(hint)
        inner.addWidget(QLabel(self.tr("密码(&P)"), buddy=self.password))
        inner.addWidget(self.password)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        inner.addWidget(switch_hint)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.password, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.switch_button)

    def try_unlock(self) -> bool:
        password = self.password.text()
        if not password:
            self._error(self.tr("请输入密码"))
            return False
        try:
            user = login(self.ctx.engine, self.ctx.user.username, password)
        except AuthError as exc:
            self._error(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        self.password.clear()
        if user.id != self.ctx.user.id:  # the account was replaced meanwhile
            self._error(self.tr("账号已变更，请切换用户"))
            return False
        self._error("")
        self.unlocked.emit()
        return True

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def reject(self) -> None:  # Esc does not unlock
        pass


class _Cover(QWidget):
    """An opaque sheet over another open window (e.g. a dialog) while locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lockCover { background: #2f3b4c; }")
        self.setGeometry(window.rect())
        self.show()
        self.raise_()


class _Onlooker(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt name
        return False


def warm_up() -> None:
    """Pay in advance, while the login dialog waits for the user, what the idle lock's
    application-wide event filter costs the first main window: a Python filter makes PySide6
    wrap every object that receives an event, and the first time it meets a table view's
    parts it creates the Python types and enums of ~120 Qt classes at once (25–60 ms). A
    hidden table view shown once under a throw-away filter does it; nothing stays behind."""
    app = QApplication.instance()
    onlooker = _Onlooker()
    app.installEventFilter(onlooker)
    try:
        probe = QWidget()
        probe.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        probe.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        QVBoxLayout(probe).addWidget(QTableView())
        probe.show()
        probe.close()
        probe.deleteLater()
    finally:
        app.removeEventFilter(onlooker)


class IdleLock(QObject):
    """Watches the application's input; locks ``window`` after ``minutes`` idle."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, ctx: AppContext, minutes: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.screen: LockScreen | None = None
        self._covers: list[_Cover] = []
        self._focus: QWidget | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._idle)
        self.set_minutes(idle_lock_minutes(ctx.engine) if minutes is None else minutes)
        QApplication.instance().installEventFilter(self)  # removed by Qt when this object goes

    # -- configuration ---------------------------------------------------------------
    def set_minutes(self, minutes: float) -> None:
        """0 = never lock when idle. Fractions are allowed (tests use milliseconds)."""
        self.set_interval_ms(int(round(max(minutes, 0.0) * 60_000)))

    def set_interval_ms(self, msec: int) -> None:
        self._timer.stop()
        self._timer.setInterval(max(msec, 0))
        if msec > 0 and not self.is_locked:
            self._timer.start()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval() if self._timer.interval() > 0 else 0

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    # -- watching input --------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt name
        kind = event.type()
        if kind not in _INPUT:
            return False
        if self.screen is not None:
            # Input for anything but the lock screen is dropped (application-wide
            # shortcuts included: their receiver is the action, not a widget).
            if isinstance(obj, QWindow):
                return obj is not self.screen.windowHandle()
            return not (isinstance(obj, QWidget) and (obj is self.screen or self.screen.isAncestorOf(obj)))
        if kind in _ACTIVITY and self._timer.interval() > 0:
            self._timer.start()
        return False

    # -- locking ---------------------------------------------------------------------
    def _idle(self) -> None:
        # A window closed at logout stays alive a while: it must not lock the next session.
        if self.window.isVisible():
            self.lock_now()

    def lock_now(self) -> LockScreen:
        if self.screen is not None:
            return self.screen
        self._timer.stop()
        self._focus = QApplication.focusWidget()
        for other in QApplication.topLevelWidgets():
            if other is not self.window and other.isVisible() and not isinstance(other, _Cover):
                self._covers.append(_Cover(other))
        screen = LockScreen(self.ctx, self.window)
        screen.unlocked.connect(self.unlock)
        screen.switch_user.connect(self._switch_user)
        screen.setGeometry(self.window.frameGeometry() if self.window.isVisible() else self.window.geometry())
        self.screen = screen
        screen.show()
        screen.raise_()
        screen.activateWindow()
        screen.password.setFocus()
        self.locked_changed.emit(True)
        return screen

    def unlock(self) -> None:
        if self.screen is None:
            return
        screen, self.screen = self.screen, None
        screen.hide()
        screen.deleteLater()
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        if self._focus is not None:
            try:
                self._focus.window().activateWindow()
                self._focus.setFocus()
            except RuntimeError:  # the widget went away meanwhile
                pass
        self._focus = None
        if self._timer.interval() > 0:
            self._timer.start()
        self.locked_changed.emit(False)

    def _switch_user(self) -> None:
        self.unlock()
        logout = getattr(self.window, "_logout", None)
        if logout is not None:
            logout()
        else:
            self.window.close()
