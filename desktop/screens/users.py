"""用户管理 (admin): accounts, roles, committees, password resets, locking."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import AuthError
from core.users import (
    UserForm,
    UserRow,
    add_user,
    list_users,
    reset_password,
    set_active,
    update_user,
    validate_user_form,
)
from desktop.context import AppContext
from desktop.drafts import FormDraft
from desktop.messages import error_text, tr_message
from desktop.models.user_table import UserTableModel
from desktop.vocab import COMMITTEE_SHORT, ROLES
from desktop.widgets.field_errors import field_error


class UsersScreen(QWidget):
    title = "用户管理"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users")
        self.ctx = ctx
        self.model = UserTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.edit_selected)

        self.add_button = QPushButton(self.tr("新增用户(&N)"))
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_button = QPushButton(self.tr("编辑(&E)"))
        self.reset_button = QPushButton(self.tr("重置密码(&R)"))
        self.toggle_button = QPushButton(self.tr("停用/启用(&D)"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.reset_button, self.toggle_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_users(self.ctx.engine, self.ctx.user))

    def selected(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        dialog = UserDialog(self.ctx, None, self)
        if dialog.exec():
            self.refresh()

    def edit_selected(self) -> None:
        user = self.selected()
        if user and UserDialog(self.ctx, user, self).exec():
            self.refresh()

    def reset_selected(self) -> None:
        user = self.selected()
        if not user:
            return
        temporary, ok = QInputDialog.getText(
            self, self.tr("重置密码"),
            self.tr("为 %1 设置临时密码（至少8位，含字母和数字；对方首次登录须修改）：").replace("%1", user.full_name),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return
        try:
            reset_password(self.ctx.engine, self.ctx.user, user.id, temporary)
        except AuthError as exc:
            QMessageBox.warning(self, self.tr("重置密码"), error_text(exc))
            return
        self.refresh()

    def toggle_selected(self) -> None:
        user = self.selected()
        if not user:
            return
        try:
            set_active(self.ctx.engine, self.ctx.user, user.id, not user.active or user.locked)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("停用账号"), error_text(exc))
            return
        self.refresh()


class UserDialog(QDialog):
    """Create or edit an account; each problem is shown under its field."""

    def __init__(self, ctx: AppContext, user: UserRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.setWindowTitle(self.tr("编辑用户") if user else self.tr("新增用户"))
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = QComboBox()
        for code, name in ROLES.items():
            self.role.addItem(name, code)
        if user:
            self.role.setCurrentIndex(list(ROLES).index(user.role))
        self.committee_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (code, name) in enumerate(COMMITTEE_SHORT.items()):
            box = QCheckBox(name)
            box.setChecked(bool(user and code in user.committees))
            self.committee_boxes[code] = box
            grid.addWidget(box, i // 4, i % 4)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {k: field_error() for k in ("username", "full_name", "role", "committees", "password")}

        form = QFormLayout(self)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow("", self.errors["username"])
        form.addRow(self.tr("姓名"), self.full_name)
        form.addRow("", self.errors["full_name"])
        form.addRow(self.tr("角色"), self.role)
        form.addRow("", self.errors["role"])
        form.addRow(self.tr("所属委员会"), grid)
        form.addRow("", self.errors["committees"])
        if user is None:
            form.addRow(self.tr("初始密码"), self.password)
            form.addRow("", self.errors["password"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # the password is never written to a draft
        self.draft = FormDraft(self, {"username": self.username, "full_name": self.full_name, "role": self.role,
                                      **{f"committee_{c}": b for c, b in self.committee_boxes.items()}},
                               f"user_{user.id if user else 'new'}", ctx.user.username)

    def form(self) -> UserForm:
        return UserForm(
            username=self.username.text(),
            full_name=self.full_name.text(),
            role=self.role.currentData(),
            committees=tuple(c for c, b in self.committee_boxes.items() if b.isChecked()),
            password=self.password.text(),
        )

    def save(self) -> None:
        form = self.form()
        errors = validate_user_form(form, creating=self.user is None)
        for key, label in self.errors.items():
            label.setText(tr_message(errors.get(key, "")))
            label.setVisible(key in errors)
        if errors:
            return
        try:
            if self.user is None:
                add_user(self.ctx.engine, self.ctx.user, form)
            else:
                update_user(self.ctx.engine, self.ctx.user, self.user.id, form)
        except ValueError as exc:
            self.errors["username"].setText(error_text(exc))
            self.errors["username"].show()
            return
        self.accept()
