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
