"""Rendering named screens offscreen (``tiaojie screenshot``), for the manual, the
README and for looking at what we build."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from core.auth import CurrentUser, current_user_of
from core.uow import read_only
from db.codes import COMMITTEES, ROLES
from db.models import User


def screen_names() -> list[str]:
    from desktop import navigation

    return ["login", "main", "lock", "connection", *[s.key for s in navigation.SCREENS]]


def user_for_role(engine, role: str) -> CurrentUser:
    """The first active account with this role, or a stand-in (nothing is written)."""
    with read_only(engine) as session:
        user = session.scalar(
            select(User).where(User.role == role, User.active.is_(True)).order_by(User.id).limit(1)
        )
        if user is not None:
            return current_user_of(user)
    committees = tuple(COMMITTEES) if role == "mediator" else ()
    return CurrentUser(id=0, username=role, full_name=ROLES[role], role=role, committee_codes=committees)


def render(name: str, out: Path, *, url: str | None = None, role: str | None = None,
           size: tuple[int, int] = (1280, 800)) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from core.database import open_database
    from core.settings import get_settings
    from db.engine import describe, resolve_url
    from desktop import navigation
    from desktop.app import create_application
    from desktop.context import AppContext
    from desktop.tasks import TaskRunner

    if name not in screen_names():
        raise ValueError(f"未知界面：{name}（可用：{', '.join(screen_names())}）")
    app = create_application()
    tasks = None
    url = resolve_url(url)
    engine = open_database(url)
    with read_only(engine) as session:
        centre = get_settings(session)["centre_name"]
    if name == "login":
        from desktop.login import LoginDialog

        widget = LoginDialog(engine, centre_name=centre, where=describe(url))
        widget.username.setText("qiantai1")
    elif name == "connection":  # the admin's 数据库连接 dialog, filled in for a LAN server
        from db.connection import ConnectionConfig
        from desktop.connection_dialog import ConnectionDialog

        tasks = TaskRunner(app)
        widget = ConnectionDialog(tasks, mode=ConnectionDialog.SETTINGS, config=ConnectionConfig(
            kind="postgresql", host="192.168.1.10", port=5432, database="tiaojie", user="tiaojie_app",
            sslmode="require"))
        widget.password.setText("example-password")  # shown masked
    else:
        from desktop.main_window import MainWindow

        screen = navigation.screen_by_key(name)
        if role is None:
            role = screen.roles[0] if screen else "reception"
        if screen and role not in screen.roles:
            raise ValueError(f"角色 {role} 看不到界面 {name}")
        tasks = TaskRunner(app)
        widget = MainWindow(AppContext(engine, url, user_for_role(engine, role), tasks), centre_name=centre)
        widget.resize(*size)
        if screen:
            widget.show_screen(name)
    widget.show()
    for _ in range(3):
        app.processEvents()
    if tasks is not None:
        tasks.wait()
    if name == "lock":  # the lock screen, covering the main window
        widget = widget.idle_lock.lock_now()
    # QPdfView renders its pages on a thread of its own after the document has loaded.
    _settle(app, 2.5 if name == "print_preview" else 0.3)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise OSError(f"无法保存截图：{out}")
    widget.close()
    QApplication.processEvents()
    if tasks is not None:
        # A task a timer started while settling (a debounced search …) must finish before Qt
        # is torn down at exit, or its result is emitted from a deleted object.
        tasks.wait()
    return out


def _settle(app, seconds: float) -> None:
    """Let timers, queued signals and background renderers finish before the grab."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
