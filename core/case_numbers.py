"""Case numbers: per committee and year, gap-free, never duplicated across PCs.

The counter row is incremented by one atomic upsert inside the same transaction as the
case insert: if the registration rolls back, so does the number (no gaps), and two
clients cannot read the same value (the row lock / SQLite's write lock serialises them).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.messages import msg
from core.settings import get_settings
from db.models import CaseNumberCounter, Committee


def _upsert(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def next_sequence(session: Session, committee_id: int, year: int) -> int:
    insert = _upsert(session.get_bind().dialect.name)
    table = CaseNumberCounter.__table__
    statement = (
        insert(table)
        .values(committee_id=committee_id, year=year, last_seq=1)
        .on_conflict_do_update(
            index_elements=[table.c.committee_id, table.c.year],
            set_={"last_seq": table.c.last_seq + 1},
        )
        .returning(table.c.last_seq)
    )
    return session.execute(statement).scalar_one()


def format_case_number(fmt: str, *, county: str, prefix: str, year: int, seq: int) -> str:
    """``fmt`` uses {county}, {prefix}, {year} and {seq} (with format specs, e.g. {seq:03d})."""
    return fmt.format(county=county, prefix=prefix, year=year, seq=seq)


def validate_format(fmt: str) -> str | None:
    """A Chinese message if an admin's format cannot make unique numbers, else None."""
    try:
        a = format_case_number(fmt, county="衢江", prefix="医", year=2026, seq=1)
        b = format_case_number(fmt, county="衢江", prefix="医", year=2026, seq=2)
        c = format_case_number(fmt, county="衢江", prefix="交", year=2026, seq=1)
        d = format_case_number(fmt, county="衢江", prefix="医", year=2027, seq=1)
    except (KeyError, ValueError, IndexError) as exc:
        return msg("案号格式有误：{error}（可用 {{county}} {{prefix}} {{year}} {{seq}}）", error=str(exc))
    if len({a, b, c, d}) < 4:
        return msg("案号格式须包含 {{prefix}}、{{year}} 和 {{seq}}，否则案号会重复")
    return None


def allocate_case_number(session: Session, committee_id: int, year: int) -> tuple[int, str]:
    """Take the next number for this committee and year (call inside the registration's
    write unit of work)."""
    settings = get_settings(session)
    prefix = session.scalar(select(Committee.prefix).where(Committee.id == committee_id))
    seq = next_sequence(session, committee_id, year)
    number = format_case_number(
        settings["case_number_format"], county=settings["county_short"], prefix=prefix, year=year, seq=seq
    )
    return seq, number
