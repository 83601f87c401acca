from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.types import Money, fen_to_yuan


@given(st.decimals(min_value=0, max_value=Decimal("99999999999.99"), places=2))
def test_money_round_trips_exactly(amount):
    m = Money()
    stored = m.process_bind_param(amount, None)
    assert isinstance(stored, int)
    assert m.process_result_value(stored, None) == amount
    assert fen_to_yuan(stored) == amount


def test_money_refuses_fractions_of_a_fen():
    with pytest.raises(ValueError, match="两位小数"):
        Money().process_bind_param(Decimal("1.005"), None)


def test_none_passes_through():
    assert Money().process_bind_param(None, None) is None
    assert Money().process_result_value(None, None) is None
