"""The app runs the daily jobs by itself: at start and again when the date changes."""

from __future__ import annotations

from datetime import date

from core.uow import unit_of_work
from db.models import Setting
from desktop.housekeeping import DailyJobs
from tests.integration.test_mediation_work import NOW, accepted


def test_daily_jobs_run_once_a_day(app, qtbot, make_ctx, engine, users, tmp_path):
    """医疗纠纷预防和处理条例第三十八条: expired medical cases fail without anybody asking."""
    with unit_of_work(engine) as session:
        session.get(Setting, "backup_folder").value = str(tmp_path / "backups")
    expired = accepted(engine, users["mediator"], on=date(2026, 9, 1))
    today = [NOW.date()]
    jobs = DailyJobs(make_ctx(users["reception"]), today=lambda: today[0])
    reports, messages = [], []
    jobs.finished.connect(reports.append)
    jobs.message.connect(messages.append)

    jobs.start(first_delay_ms=0)
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10000)
    assert reports[0].failed_cases == (expired.number,)
    assert "调解不成" in messages[0]

    jobs.run_if_due()  # the same day: nothing
    qtbot.wait(100)
    assert len(reports) == 1

    today[0] = date(2026, 11, 21)  # the next morning, the PC still on
    jobs.run_if_due()
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=10000)
    assert reports[1].failed_cases == ()
    jobs.stop()


def test_the_main_window_starts_the_daily_jobs_after_it_shows(app, qtbot, engine, users, monkeypatch):
    """Nothing of the daily jobs is loaded before the main window is on screen (≈ 25 ms of a
    start); they start by themselves a moment later, their messages go to the status bar."""
    import sys

    from desktop import app as app_module
    from desktop.tasks import TaskRunner

    monkeypatch.delitem(sys.modules, "desktop.housekeeping")  # as in a fresh process
    monkeypatch.setattr(app_module, "DAILY_JOBS_AFTER_MS", 50)
    opened = app_module.OpenedDatabase(engine, "衢江区专业调解中心", "SQLite")
    tasks = TaskRunner()
    window = app_module.open_main_window(tasks, opened, engine.url.render_as_string(hide_password=False),
                                         users["reception"])
    qtbot.addWidget(window)
    assert window.isVisible() and "desktop.housekeeping" not in sys.modules

    def started():
        module = sys.modules.get("desktop.housekeeping")
        return module is not None and window.findChild(module.DailyJobs) is not None

    qtbot.waitUntil(started, timeout=5000)
    jobs = window.findChild(sys.modules["desktop.housekeeping"].DailyJobs)
    jobs.message.emit("每日例行任务：测试")
    assert window.statusBar().currentMessage() == "每日例行任务：测试"
    jobs.stop()
    window.close()
    tasks.wait()


def test_no_daily_jobs_for_a_window_closed_before_they_start(app, qtbot, engine, users, monkeypatch):
    """Logged out within that second: the window is closed, the next login starts its own."""
    from desktop import app as app_module
    from desktop.housekeeping import DailyJobs
    from desktop.tasks import TaskRunner

    monkeypatch.setattr(app_module, "DAILY_JOBS_AFTER_MS", 50)
    tasks = TaskRunner()
    window = app_module.open_main_window(tasks, app_module.OpenedDatabase(engine, "", "SQLite"),
                                         engine.url.render_as_string(hide_password=False), users["reception"])
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(200)
    assert window.findChild(DailyJobs) is None
    tasks.wait()

