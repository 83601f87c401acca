from __future__ import annotations

import pytest

from desktop.context import AppContext
from desktop.tasks import TaskRunner


@pytest.fixture()
def app(qapp):
    """The QApplication set up as the real one is (fonts, translations, style)."""
    from desktop.app import create_application

    return create_application()


@pytest.fixture()
def make_ctx(app, engine):
    runners = []

    def make(user) -> AppContext:
        tasks = TaskRunner()
        runners.append(tasks)
        return AppContext(engine, engine.url.render_as_string(hide_password=False), user, tasks)

    yield make
    for tasks in runners:
        tasks.wait()
