"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

from db.plain_sql import as_yuan

_FEN = Decimal("0.01")


class Money(TypeDecorator[Decimal]):
    """Yuan as ``Decimal`` in Python, stored as whole fen (分) in a BIGINT.

    SQLite has no exact decimal type; integers keep sums exact on both engines and make
    the statistics' aggregates cheap. Raw SQL over these columns sees fen.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        amount = Decimal(value)
        if amount != amount.quantize(_FEN, rounding=ROUND_HALF_UP):
            raise ValueError(f"金额最多保留两位小数：{value}")
        return int(amount * 100)

    def process_result_value(self, value, dialect):
        return as_yuan(value)


def fen_to_yuan(fen: int | None) -> Decimal:
    """Convert an aggregate read with raw SQL (in fen) back to yuan."""
    return as_yuan(fen or 0)
