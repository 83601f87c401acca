"""The 调解协议书 printed straight from the SQLite file, without the ORM.

``tiaojie print agreement`` is run from scripts, often for several cases in a row; importing
SQLAlchemy's ORM with the models, migrating and seeding would take longer than reading the
case and laying out its copies. When the database is a SQLite file already at this client's
schema, the agreement is read with :mod:`core.agreement_reader` — the same SQL the application
runs in its sessions — on a read-only connection, and printed with the same story as
everywhere else. In every other situation (PostgreSQL, an older schema, no such case, no
written agreement) :func:`agreement_pdf_from_file` returns ``None`` and the caller takes the
ordinary way, which migrates or says what is missing.
"""

from __future__ import annotations

import os
import sqlite3
from typing import BinaryIO

from core.agreement_reader import case_id_by_number, read_agreement
from db.plain_sql import SqliteRows, open_current_sqlite

__all__ = ["agreement_pdf_from_file"]


def agreement_pdf_from_file(url: str, number: str, *,
                            out: str | os.PathLike | BinaryIO | None = None) -> bytes | None:
    """The agreement of case ``number`` (parties + 1 copies), or ``None`` when this way does
    not apply. Raises :class:`core.documents.fonts.MissingGlyphError` like every document."""
    conn = open_current_sqlite(url)
    if conn is None:
        return None
    try:
        rows = SqliteRows(conn)
        case_id = case_id_by_number(rows, number)
        data = read_agreement(rows, case_id) if case_id is not None else None
    except sqlite3.Error:  # e.g. a file that is not ours after all: the ordinary way explains
        return None
    finally:
        conn.close()
    if data is None or data.kind != "written":
        return None
    from core.documents.case_docs import agreement_pdf

    return agreement_pdf(data, out=out)
