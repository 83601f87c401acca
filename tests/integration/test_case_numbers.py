"""Case numbers: per committee and year, gap-free, no duplicates across processes."""

from __future__ import annotations

import multiprocessing
from datetime import date

import pytest
from sqlalchemy import select

from core.case_numbers import format_case_number, validate_format
from core.uow import read_only
from db.models import Case
from tests.factories import add_case


def test_default_format_like_the_centres_papers(engine):
    number = add_case(engine, committee="medical", received=date(2026, 3, 5))
    assert number == "衢江医人调字〔2026〕第001号"
    assert add_case(engine, committee="medical", received=date(2026, 4, 1)) == "衢江医人调字〔2026〕第002号"
    assert add_case(engine, committee="traffic", dispute_type="14") == "衢江交人调字〔2026〕第001号"
    assert add_case(engine, committee="medical", received=date(2027, 1, 2)) == "衢江医人调字〔2027〕第001号"


def test_format_is_validated():
    assert validate_format("{county}{prefix}人调字〔{year}〕第{seq:03d}号") is None
    assert "重复" in validate_format("{county}人调字第{seq}号")
    assert "格式有误" in validate_format("{county}{prefix}{year}{nope}")
    assert format_case_number("{prefix}{year}-{seq:04d}", county="", prefix="医", year=2026, seq=7) == "医2026-0007"


def test_a_rolled_back_registration_leaves_no_gap(engine):
    from core.case_numbers import allocate_case_number
    from core.uow import unit_of_work

    add_case(engine)
    with pytest.raises(RuntimeError), unit_of_work(engine) as session:
        allocate_case_number(session, 2, 2026)
        raise RuntimeError("dialog cancelled")
    assert add_case(engine).endswith("第002号")


def _register_many(url: str, n: int) -> list[str]:
    from core.database import open_database

    engine = open_database(url)
    return [add_case(engine, committee="medical") for _ in range(n)]


def _concurrent(url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.starmap(_register_many, [(url, 10)] * 4)
    numbers = [n for chunk in results for n in chunk]
    assert len(numbers) == len(set(numbers)) == 40
    from core.database import open_database

    with read_only(open_database(url)) as session:
        seqs = sorted(session.scalars(select(Case.seq)))
    assert seqs == list(range(1, 41))  # gap-free


@pytest.mark.postgres
def test_no_duplicates_with_several_clients_on_postgres(pg_engine, pg_url):
    _concurrent(pg_url)


def test_no_duplicates_with_several_clients_on_sqlite(sqlite_engine, sqlite_url):
    _concurrent(sqlite_url)
