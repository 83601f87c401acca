"""Centre-wide settings stored in the database (edited by the admin)."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core.auth import CurrentUser, use_case
from core.uow import read_only
from db.models import Setting
from db.seed import DEFAULT_SETTINGS


def get_settings(session: Session) -> dict[str, str]:
    values = dict(DEFAULT_SETTINGS)
    values.update({s.key: s.value for s in session.scalars(select(Setting))})
    return values


def get_setting(session: Session, key: str) -> str:
    value = session.get(Setting, key)
    return value.value if value is not None else DEFAULT_SETTINGS[key]


@use_case
def read_settings(engine: Engine, user: CurrentUser) -> dict[str, str]:
    """Every setting (defaults filled in): any signed-in user (the centre's name, working hours …)."""
    with read_only(engine) as session:
        return get_settings(session)

