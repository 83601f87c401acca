"""The settings a new database is seeded with (and what a reader assumes for a missing key).

Plain data, no SQLAlchemy: the readers that run without the ORM (``db.plain_sql``) use it too.
"""

from __future__ import annotations

__all__ = ["DEFAULT_SETTINGS"]

DEFAULT_SETTINGS: dict[str, str] = {
    "centre_name": "衢州市衢江区专业调解中心",
    "county_short": "衢江",
    # Placeholders: {county}, {prefix} (the committee's character), {year}, {seq}.
    "case_number_format": "{county}{prefix}人调字〔{year}〕第{seq:03d}号",
    "queue_missed_after_calls": "3",
    "session_minutes_default": "90",
    "working_hours": "08:30-12:00,14:00-17:30",
    "booking_buffer_minutes": "15",
    "bad_rating_deadline_workdays": "15",
    "deadline_warn_days": "5",
    "idle_lock_minutes": "10",
    # The ID card reader at the reception desks: none, simulator, termb or termb:<path of termb.dll>
    # (a PC with a different reader sets TIAOJIE_IDCARD_READER).
    "idcard_reader": "none",
    # The embedded SQLite file's daily backup: folder (empty: backups/ in the data directory), copies kept.
    "backup_folder": "",
    "backup_keep": "30",
    # 个人信息保护法第十九条、第四十七条: cases archived this many years ago may be anonymised (core.privacy).
    "anonymise_after_years": "5",
}
