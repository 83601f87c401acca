"""Reference data every centre starts with: the eleven routing targets, the rooms and
the default settings. Idempotent: run at every start, it only adds what is missing, so
an admin's edits (names, prefixes, rooms) are kept."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.codes import COMMITTEE_SHORT, COMMITTEES
from db.defaults import DEFAULT_SETTINGS
from db.models import Committee, Room, Setting

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
