"""Reference data every centre starts with: the eleven routing targets, the rooms and
the default settings. Idempotent: run at every start, it only adds what is missing, so
an admin's edits (names, prefixes, rooms) are kept."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.codes import COMMITTEE_SHORT, COMMITTEES
from db.models import Committee, Room, Setting

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

# (name, kind, committee code of a room that belongs to one committee)
DEFAULT_ROOMS: list[tuple[str, str, str | None]] = [
    ("接待室", "reception", None),
    ("律师值班室", "lawyer", None),
    ("第一调解室", "mediation", None),
    ("第二调解室", "mediation", None),
    ("第三调解室", "mediation", None),
    ("第四调解室", "mediation", None),
    ("医患纠纷调解室", "mediation", "medical"),
    ("交通事故调解室", "mediation", "traffic"),
    ("方少华工作室", "mediation", "legal"),
]


def seed_reference_data(session: Session) -> None:
    have = set(session.scalars(select(Committee.code)))
    for order, (code, (name, prefix)) in enumerate(COMMITTEES.items(), start=1):
        if code not in have:
            session.add(
                Committee(
                    code=code,
                    name=name,
                    short_name=COMMITTEE_SHORT[code],
                    prefix=prefix,
                    sort_order=order,
                    active=True,
                )
            )
    session.flush()
    if session.scalar(select(Room.id).limit(1)) is None:
        by_code = {c.code: c.id for c in session.scalars(select(Committee))}
        for name, kind, committee in DEFAULT_ROOMS:
            session.add(Room(name=name, kind=kind, committee_id=by_code.get(committee or "")))
    have_settings = set(session.scalars(select(Setting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in have_settings:
            session.add(Setting(key=key, value=value))
    session.flush()
