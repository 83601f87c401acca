"""Centre-wide settings stored in the database (edited by the admin)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting
from db.seed import DEFAULT_SETTINGS


def get_settings(session: Session) -> dict[str, str]:
    values = dict(DEFAULT_SETTINGS)
    values.update({s.key: s.value for s in session.scalars(select(Setting))})
    return values


def get_setting(session: Session, key: str) -> str:
    value = session.get(Setting, key)
    return value.value if value is not None else DEFAULT_SETTINGS[key]
