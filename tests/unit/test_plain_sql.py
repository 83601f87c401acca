"""db.plain_sql: what the driver returns (SQLite text and 0/1, PostgreSQL objects) read as the same
typed values the ORM gives."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from db.plain_sql import as_bool, as_date, as_json, as_yuan
from db.types import Money, fen_to_yuan


@given(st.dates())
def test_dates_from_either_driver(day):
    assert as_date(day) == as_date(day.isoformat()) == day
    assert as_date(datetime(day.year, day.month, day.day, 9, 30)) == day
    assert as_date(None) is None and as_date("") is None


@given(st.integers(-10**15, 10**15))
def test_fen_read_as_the_money_column_reads_them(fen):
    assert as_yuan(fen) == Money().process_result_value(fen, None) == fen_to_yuan(fen)
    assert as_yuan(fen) * 100 == fen and as_yuan(fen).as_tuple().exponent == -2
    assert as_yuan(None) is None and fen_to_yuan(None) == Decimal("0.00")


def test_booleans_and_json():
    assert (as_bool(1), as_bool(0), as_bool(True), as_bool(None)) == (True, False, True, False)
    value = [{"case_party_id": 3, "ratio": "70"}]
    assert as_json('[{"case_party_id": 3, "ratio": "70"}]') == value and as_json(value) is value
    assert as_json(None) is None
