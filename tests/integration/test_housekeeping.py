"""The daily jobs the application runs by itself: medical expiry and the daily SQLite backup."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from core.housekeeping import run_daily_jobs
from core.uow import read_only, unit_of_work
from db.models import Case, Setting
from tests.integration.test_mediation_work import NOW, accepted


def _set(engine, key: str, value: str) -> None:
    with unit_of_work(engine) as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value


def test_daily_jobs_fail_expired_medical_cases_and_back_up(engine, db_url, users, tmp_path):
    """医疗纠纷预防和处理条例第三十八条: the expiry runs without anybody asking; the embedded
    database gets one backup a day, the last N kept."""
    expired = accepted(engine, users["mediator"], on=date(2026, 9, 1))
    _set(engine, "backup_folder", str(tmp_path / "backups"))
    _set(engine, "backup_keep", "2")

    report = run_daily_jobs(engine, db_url, today=NOW.date())
    assert report.failed_cases == (expired.number,)
    assert report.problems == ()
    with read_only(engine) as session:
        assert session.scalar(select(Case.status).where(Case.id == expired.case_id)) == "failed"
    assert "已按调解不成结案" in report.message

    if db_url.startswith("sqlite"):
        assert report.backup_file and report.backup_file.endswith(f"tiaojie-{NOW.date()}.zip")
        # the same day again: nothing new; three more days: only the last two kept
        assert run_daily_jobs(engine, db_url, today=NOW.date()).backup_file is None
        for day in (21, 22, 23):
            run_daily_jobs(engine, db_url, today=date(2026, 11, day))
        kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
        assert kept == ["tiaojie-2026-11-22.zip", "tiaojie-2026-11-23.zip"]
    else:
        assert report.backup_file is None  # a LAN server is backed up on the server


def test_a_failing_backup_is_reported_and_the_expiry_still_runs(engine, db_url, users, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    _set(engine, "backup_folder", str(blocker))
    expired = accepted(engine, users["mediator"], on=date(2026, 9, 1))
    report = run_daily_jobs(engine, db_url, today=NOW.date())
    assert report.failed_cases == (expired.number,)
    if db_url.startswith("sqlite"):
        assert len(report.problems) == 1 and "自动备份失败" in report.problems[0]
        assert "自动备份失败" in report.message
