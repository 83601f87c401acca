"""What the application does by itself once a day: fail the medical cases whose 30 working days
ran out (医疗纠纷预防和处理条例第三十八条) and keep a daily backup of an embedded SQLite file.

Several PCs may start at the same moment; the expiry is safe to run twice (each case is re-checked
under its lock) and the backup writes one file per day, so no coordination beyond that is needed.
A LAN PostgreSQL server is backed up on the server (docs/deployment.md), not by each client."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from core.backup import daily_backup
from core.case_deadlines import expire_medical_cases
from core.messages import joined, message_of, msg
from core.settings import get_settings
from core.uow import read_only
from db.engine import data_dir

log = logging.getLogger(__name__)

DEFAULT_KEEP = 30


@dataclass(frozen=True)
class DailyReport:
    day: date
    failed_cases: tuple[str, ...]  # case numbers concluded as failed by expiry
    provisional_cases: tuple[str, ...]  # expired only by a provisional count: for a person to check
    backup_file: str | None  # written today by this run
    problems: tuple[str, ...]  # Chinese, for the status bar and the log

    @property
    def message(self) -> str:
        parts = []
        if self.failed_cases:
            parts.append(msg("{count} 件医疗纠纷超过30个工作日未达成协议，已按调解不成结案",
                             count=len(self.failed_cases)))
        if self.provisional_cases:
            parts.append(msg("{count} 件医疗纠纷的期限为临时计算，请人工核对", count=len(self.provisional_cases)))
        if self.backup_file:
            parts.append(msg("已完成今日自动备份"))
        parts.extend(self.problems)
        return joined(parts)


def backup_folder(settings: dict[str, str]) -> Path:
    folder = settings.get("backup_folder", "").strip()
    return Path(folder) if folder else data_dir() / "backups"


def backup_keep(settings: dict[str, str]) -> int:
    try:
        return max(1, int(settings.get("backup_keep", str(DEFAULT_KEEP))))
    except ValueError:
        return DEFAULT_KEEP


def run_daily_jobs(engine: Engine, url: str, *, today: date | None = None) -> DailyReport:
    """Run the day's jobs as the system (no user). Each job's failure is reported, not raised:
    one job failing must not stop the other, nor the start of the application."""
    today = today or date.today()
    problems: list[str] = []
    failed: tuple[str, ...] = ()
    provisional: tuple[str, ...] = ()
    try:
        report = expire_medical_cases(engine, None, today)
        failed = tuple(r.number for r in report.failed)
        provisional = report.provisional
    except Exception as exc:  # noqa: BLE001 — reported to the user, logged with the traceback
        log.exception("medical case expiry failed")
        problems.append(msg("医疗纠纷期限检查失败：{error}", error=message_of(exc)))

    written = None
    if make_url(url).get_backend_name() == "sqlite" and make_url(url).database not in (None, "", ":memory:"):
        with read_only(engine) as session:
            settings = get_settings(session)
        folder = backup_folder(settings)
        try:
            info = daily_backup(url, folder, keep=backup_keep(settings), today=today)
            written = str(info.path) if info is not None else None
        except Exception as exc:  # noqa: BLE001
            log.exception("daily backup to %s failed", folder)
            problems.append(msg("自动备份失败（{folder}）：{error}", folder=str(folder), error=message_of(exc)))
    if failed or provisional or written or problems:
        log.info("daily jobs %s: %s", today, "; ".join(filter(None, [
            f"failed {', '.join(failed)}" if failed else "",
            f"provisional {', '.join(provisional)}" if provisional else "",
            f"backup {written}" if written else "", *problems])))
    return DailyReport(today, failed, provisional, written, tuple(problems))
