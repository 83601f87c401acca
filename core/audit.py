"""Recording who did what. Every write use case calls ``record`` inside its own unit of
work, so the audit entry commits (or rolls back) together with the change itself."""

from __future__ import annotations

import socket
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry

_WORKSTATION = socket.gethostname()[:60]


def record(
    session: Session,
    actor: Any | None,
    action: str,
    *,
    entity: str = "",
    entity_id: int | None = None,
    before: dict | None = None,
    after: dict | None = None,
    detail: str = "",
) -> None:
    """``actor`` is a ``CurrentUser`` (or None for system actions such as seeding)."""
    session.add(
        AuditEntry(
            at=datetime.now(),
            user_id=getattr(actor, "id", None),
            username=getattr(actor, "username", "system"),
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=_jsonable(before),
            after=_jsonable(after),
            detail=detail,
            workstation=_WORKSTATION,
        )
    )


def _jsonable(data: dict | None) -> dict | None:
    if data is None:
        return None
    return {k: (v if isinstance(v, (str, int, float, bool, type(None), list, dict)) else str(v)) for k, v in data.items()}
