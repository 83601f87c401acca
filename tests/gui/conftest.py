from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QTranslator

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


@pytest.fixture()
def english(app):
    """Compile the .qm and install the English translator; take it out again afterwards
    (translators are process-wide, other tests expect Chinese)."""
    from desktop import i18n

    built = i18n.release()
    assert built and all(qm.exists() and qm.stat().st_size > 0 for qm in built)
    from desktop.app import install_translations

    before = set(app.findChildren(QTranslator))
    locale = QLocale()
    install_translations(app, "en")
    added = [t for t in app.findChildren(QTranslator) if t not in before]
    assert any(not t.isEmpty() and t.language().startswith("en") for t in added)
    yield app
    for translator in added:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)
