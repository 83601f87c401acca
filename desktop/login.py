"""登录 and 修改密码 dialogs. Errors appear beside the field they concern."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.messages import error_text, tr_message
from desktop.widgets.field_errors import field_error, show_error

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from core.auth import CurrentUser
    from core.passwords import PasswordCheck
    from desktop.tasks import TaskRunner

# core.auth (and with it SQLAlchemy's ORM) is imported when a password is checked, not here:
# the login dialog is the first window and is shown while the database opens behind it.


class LoginDialog(QDialog):
    """登录. ``engine`` may be ``None`` while the database is still being opened (desktop.app
    opens it on a worker as soon as this dialog shows): a login typed before it is ready waits
    for :meth:`set_database` and then goes ahead by itself; :meth:`database_failed` closes the
    dialog with the error in ``failure`` for the start-up code to deal with. With ``tasks`` and
    ``url``, the password of such a login is checked meanwhile on a worker (core.passwords)."""

    def __init__(self, engine: Engine | None, *, centre_name: str, where: str, parent: QWidget | None = None,
                 tasks: TaskRunner | None = None, url: str | None = None):
        super().__init__(parent)
        self.setObjectName("login")
        self.engine = engine
        self.user: CurrentUser | None = None
        self.failure: BaseException | None = None
        self._waiting = False  # a login was asked for before the database was open
        self._tasks, self._url = tasks, url
        self._checking = False  # its password is being checked ahead, on a worker
        self.checked: PasswordCheck | None = None
        self.setWindowTitle(self.tr("登录 — 调解超市前台"))
        self.setMinimumWidth(420)

        title = QLabel(centre_name)
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The centre's name comes with the database: keep its line so the dialog does not jump.
        title.ensurePolished()
        title.setMinimumHeight(title.fontMetrics().height())
        self.title = title
        subtitle = QLabel(self.tr("调解超市前台"))
        subtitle.setObjectName("loginSubtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("用户名"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.error = field_error()

        form = QFormLayout()
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("密码(&P)"), self.password)
        form.addRow("", self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        where_label = QLabel(self.tr("数据库：%1").replace("%1", tr_message(where)))
        where_label.setObjectName("hint")
        self.where_label = where_label

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(buttons)
        layout.addWidget(where_label)
        self.username.setFocus()

    @property
    def waiting(self) -> bool:
        """A login was submitted before the database was open and goes ahead once it is."""
        return self._waiting

    def set_database(self, engine: Engine, centre_name: str, where: str) -> None:
        """The database is open: name the centre and the database, and finish a waiting login."""
        self.engine = engine
        self.title.setText(centre_name)
        self.where_label.setText(self.tr("数据库：%1").replace("%1", where))
        self._go_ahead()

    def _go_ahead(self) -> None:
        """Finish a waiting login once the database is open and its password check (if one was
        started) has come back."""
        if self._waiting and self.engine is not None and not self._checking:
            self._waiting = False
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            self.try_login()

    def _check_ahead(self) -> None:
        if self._tasks is None or self._url is None or self._checking:
            return
        self._checking = True
        self._tasks.run(_check_password_ahead, self._url, self.username.text(), self.password.text(),
                        on_done=self._checked_ahead, on_error=lambda _exc: self._checked_ahead(None), owner=self)

    def _checked_ahead(self, check: PasswordCheck | None) -> None:
        self._checking = False
        self.checked = check  # used by login() only for the very hash and password it checked
        self._go_ahead()

    def database_failed(self, exc: BaseException) -> None:
        self.failure = exc
        self.reject()

    def try_login(self) -> None:
        if not self.username.text().strip():
            show_error(self.error, self.tr("请输入用户名"))
            self.username.setFocus()
            return
        if self.engine is None:
            # Typed faster than the database opened (a second or so on a cold start): wait.
            self._waiting = True
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)  # 退出 still works
            show_error(self.error, None)
            self.where_label.setText(self.tr("正在打开数据库，稍候自动登录…"))
            self._check_ahead()
            return
        from core.auth import AuthError, login

        checked, self.checked = self.checked, None  # once: it holds the password
        try:
            self.user = login(self.engine, self.username.text(), self.password.text(), checked=checked)
        except AuthError as exc:
            show_error(self.error, error_text(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        if self.user.must_change_password:
            dialog = ChangePasswordDialog(self.engine, self.user, forced=True, old_password=self.password.text(), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                self.user = None
                show_error(self.error, self.tr("首次登录须修改初始密码"))
                return
            self.user = dialog.user
        self.accept()


def _check_password_ahead(url: str, username: str, password: str) -> PasswordCheck | None:
    """On a worker, beside the one opening the database (core.passwords imports no SQLAlchemy)."""
    from core.passwords import check_ahead

    return check_ahead(url, username, password)


class ChangePasswordDialog(QDialog):
    def __init__(
        self,
        engine: Engine,
        user: CurrentUser,
        *,
        forced: bool = False,
        old_password: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("change_password")
        self.engine = engine
        self.user = user
        self.setWindowTitle(self.tr("修改密码"))
        self.old = QLineEdit(old_password)
        self.new = QLineEdit()
        self.confirm = QLineEdit()
        for edit in (self.old, self.new, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.old_error, self.new_error, self.confirm_error = field_error(), field_error(), field_error()

        form = QFormLayout()
        if forced:
            notice = QLabel(self.tr("这是首次登录或密码已被重置，请设置新密码（至少8位，含字母和数字）。"))
            notice.setWordWrap(True)
            form.addRow(notice)
        form.addRow(self.tr("原密码"), self.old)
        form.addRow("", self.old_error)
        form.addRow(self.tr("新密码"), self.new)
        form.addRow("", self.new_error)
        form.addRow(self.tr("确认新密码"), self.confirm)
        form.addRow("", self.confirm_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        (self.new if old_password else self.old).setFocus()

    def try_change(self) -> None:
        from core.auth import AuthError, change_password, validate_new_password

        show_error(self.old_error, None)
        show_error(self.confirm_error, None)
        problem = validate_new_password(self.new.text(), username=self.user.username)
        show_error(self.new_error, problem)
        if problem:
            return
        if self.new.text() != self.confirm.text():
            show_error(self.confirm_error, self.tr("两次输入的新密码不一致"))
            return
        try:
            self.user = change_password(self.engine, self.user, self.old.text(), self.new.text())
        except AuthError as exc:
            show_error(self.old_error, error_text(exc))
            return
        self.accept()
