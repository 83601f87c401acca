"""What every screen gets: the engine, the logged-in user and the task runner.
Passed explicitly — no global main window, no global session."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine

from core.auth import CurrentUser
from desktop.tasks import TaskRunner


@dataclass(frozen=True)
class AppContext:
    engine: Engine
    url: str
    user: CurrentUser
    tasks: TaskRunner

    def with_user(self, user: CurrentUser) -> AppContext:
        return replace(self, user=user)
