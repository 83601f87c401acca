"""The case list's text search (migration 0005, db.search, core.cases): the same rows as a plain
substring match over names, numbers and — from 2 characters — summaries, through the window
walk and through the search indexes, kept in step by the database's triggers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update

from core import cases as case_list
from core.cases import CaseFilter, count_cases, fetch_cases
from core.uow import unit_of_work
from db import bulk_load
from db.models import Case, CaseParty, Committee, Party
from tests.factories import add_case, add_case_with_parties


def _found(engine, value: str, *, limit: int = 500) -> set[str]:
    with unit_of_work(engine) as session:
        rows = fetch_cases(session, CaseFilter(text=value), limit=limit)
        assert count_cases(session, CaseFilter(text=value)) == len(rows)
    return {r.number for r in rows}


@pytest.fixture(params=["window", "indexes"])
def path(request, monkeypatch) -> str:
    """Both ways to a page: the first WINDOW rows read in order, or (window too small to hold a
    page) the search indexes."""
    if request.param == "indexes":
        monkeypatch.setattr(case_list, "WINDOW", 1)
    return request.param


@pytest.fixture
def sample(engine) -> dict[str, str]:
    numbers = {
        "wang": add_case(engine, parties=(("王秀英", "person"), ("衢州市衢江区中医医院", "organisation")),
                         summary="术后感染，双方就赔偿数额协商未果。"),
        "zhang": add_case(engine, committee="traffic", dispute_type="11",
                          parties=(("张伟", "person"), ("李秀", "person")),
                          summary="楼上漏水致楼下天花板受损。"),
        "ouyang": add_case(engine, committee="traffic", dispute_type="11",
                           parties=(("欧阳娜娜", "person"), ("周强", "person")),
                           summary="张某驾驶电动车与欧阳某碰撞。"),
    }
    return numbers


def test_names_by_one_two_three_or_more_characters(engine, sample, path):
    assert _found(engine, "王秀英") == {sample["wang"]}
    assert _found(engine, "秀英") == {sample["wang"]}  # the end of a name
    assert _found(engine, "秀") == {sample["wang"], sample["zhang"]}  # 王秀英, 李秀
    assert _found(engine, "阳娜") == {sample["ouyang"]}  # the middle of a name
    assert _found(engine, "中医") == {sample["wang"]}  # inside an organisation's name
    assert _found(engine, "衢江区中医医院") == {sample["wang"]}
    # One character: names and numbers only — 张某 in ouyang's summary is not looked at.
    assert _found(engine, "张") == {sample["zhang"]}
    assert _found(engine, "张伟") == {sample["zhang"]}
    assert _found(engine, "没有这个人") == set()


def test_numbers_and_summaries(engine, sample, path):
    wang = sample["wang"]
    assert _found(engine, wang) == {wang}
    assert _found(engine, "第001号") == {wang, sample["zhang"]}  # a fragment: both committees' first case
    assert _found(engine, "医人调字〔2026〕第0") == {wang}
    assert _found(engine, "交人调字") == {sample["zhang"], sample["ouyang"]}
    assert _found(engine, "漏水") == {sample["zhang"]}  # a 2-character word of a summary
    assert _found(engine, "受损。") == {sample["zhang"]}
    assert _found(engine, "损。") == {sample["zhang"]}  # the last two characters
    assert _found(engine, "1号") == {sample["wang"], sample["zhang"]}
    assert _found(engine, "楼上漏水致") == {sample["zhang"]}
    assert _found(engine, "欧阳某") == {sample["ouyang"]}
    assert _found(engine, "%") == set()  # LIKE's wildcards are plain characters
    assert _found(engine, "_") == set()


def test_a_renamed_or_anonymised_party_is_no_longer_found(engine, sample, path):
    with unit_of_work(engine) as session:
        session.execute(update(Party).where(Party.name == "王秀英").values(name="当事人甲"))
        session.execute(update(Case).where(Case.number == sample["zhang"]).values(summary="已匿名化处理。"))
    assert _found(engine, "王秀英") == set()
    assert _found(engine, "秀英") == set()
    assert _found(engine, "当事人甲") == {sample["wang"]}
    assert _found(engine, "漏水") == set()
    assert _found(engine, "匿名化") == {sample["zhang"]}


def test_anonymisation_leaves_no_name_in_the_search(engine, users):
    from core.privacy import anonymise_cases
    from tests.integration.test_privacy import TODAY, old_case

    old = old_case(engine, person={"name": "慕容秋雪"}, archived_at=datetime(2019, 6, 10, 9))
    assert _found(engine, "慕容秋雪") == {old.number}
    anonymise_cases(engine, users["admin"], [old.case_id], today=TODAY)
    assert _found(engine, "慕容秋雪") == set()
    assert _found(engine, "慕容") == set()
    assert _found(engine, "秋雪") == set()


def test_a_new_case_and_a_deleted_party_at_once(engine, sample, path):
    added = add_case_with_parties(engine, ({"name": "诸葛明"}, {"name": "司马光"}), summary="邻里宅基地纠纷。")
    assert _found(engine, "诸葛") == {added.number}
    assert _found(engine, "宅基地") == {added.number}
    with unit_of_work(engine) as session:
        session.execute(text("DELETE FROM case_parties WHERE party_id = :p"), {"p": added.party_ids[1]})
        session.execute(text("DELETE FROM parties WHERE id = :p"), {"p": added.party_ids[1]})
    assert _found(engine, "司马") == set()
    with unit_of_work(engine) as session:
        suffixes = session.execute(text("SELECT count(*) FROM party_name_suffixes WHERE party_id = :p"),
                                   {"p": added.party_ids[1]}).scalar()
    assert suffixes == 0


def test_the_window_and_the_indexes_page_alike(engine, monkeypatch):
    """Many matches: pages through the window; with a tiny window the same pages come from the
    indexes."""
    day = date(2026, 1, 1)
    for i in range(30):
        add_case(engine, committee="traffic", dispute_type="11", received=day + timedelta(days=i % 7),
                 parties=((f"赵{'甲乙丙'[i % 3]}", "person"), ("钱多", "person")), summary=f"第{i}次纠纷。")

    def pages(value: str) -> list[list[str]]:
        with unit_of_work(engine) as session:
            return [[r.number for r in fetch_cases(session, CaseFilter(text=value), offset=o, limit=7)]
                    for o in range(0, 35, 7)]

    for value in ("赵", "赵甲", "钱多", "纠纷。"):
        wide = pages(value)
        monkeypatch.setattr(case_list, "WINDOW", 5)
        assert pages(value) == wide
        monkeypatch.setattr(case_list, "WINDOW", 20_000)
    assert sum(len(p) for p in pages("赵甲")) == 10


ALPHABET = "张王秀英第号0%"


@pytest.fixture
def random_cases(engine) -> list[tuple[str, str, list[str]]]:
    """A small database of names, numbers and summaries over ALPHABET (plain inserts)."""
    import random

    rnd = random.Random(5)

    def word(lo: int, hi: int) -> str:
        return "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(lo, hi)))

    made = []
    with unit_of_work(engine) as session:
        committee_id = session.scalar(select(Committee.id).where(Committee.code == "traffic"))
        for i in range(40):
            number, summary = f"号{i}{word(0, 3)}", word(0, 12)
            case = Case(number=number, year=2026, seq=i + 1, committee_id=committee_id, dispute_type="11",
                        source="application", status="registered", summary=summary, requests=[],
                        received_on=date(2026, 3, 1 + i % 28), received_at=datetime(2026, 3, 1))
            session.add(case)
            session.flush()
            names = [word(1, 4) for _ in range(rnd.randint(1, 3))]
            for position, name in enumerate(names):
                party = Party(kind="person", name=name)
                session.add(party)
                session.flush()
                session.add(CaseParty(case_id=case.id, party_id=party.id, role="applicant", position=position))
            made.append((number, summary, names))
    return made


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(alphabet=ALPHABET, min_size=1, max_size=4), window=st.sampled_from([1, 20_000]))
def test_search_is_the_substring_match(engine, random_cases, monkeypatch, value, window):
    monkeypatch.setattr(case_list, "WINDOW", window)
    expected = {number for number, summary, names in random_cases
                if value in number or any(value in n for n in names)
                or (len(value) >= case_list.SUMMARY_MIN_CHARS and value in summary)}
    assert _found(engine, value) == expected


def test_upgrade_from_0004_fills_the_search(empty_db_url):
    from alembic import command

    from db import migrate
    from db.engine import make_engine

    engine = make_engine(empty_db_url)
    with engine.begin() as conn:
        config = migrate._config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
    from sqlalchemy.orm import Session

    from db.seed import seed_reference_data

    with Session(engine) as session, session.begin():
        seed_reference_data(session)
    number = add_case(engine, parties=(("东方未明", "person"), ("衢江区人民医院", "organisation")),
                      summary="牙科治疗后出现并发症。")
    assert migrate.upgrade(engine) is True
    assert _found(engine, "东方") == {number}
    assert _found(engine, "并发症") == {number}
    engine.dispose()


def test_a_bulk_load_rebuilds_the_search(engine, sample):
    with engine.begin() as conn:
        bulk_load.suspend_indexes(conn, ("parties", "cases", "case_parties"))
    late = add_case(engine, parties=(("上官婉儿", "person"), ("衢江区人民医院", "organisation")),
                    summary="针灸后局部感染。")
    with engine.begin() as conn:
        bulk_load.restore_indexes(conn)
    assert _found(engine, "上官") == {late}
    assert _found(engine, "针灸后") == {late}
    assert _found(engine, "王秀英") == {sample["wang"]}
    renamed = add_case(engine, parties=(("令狐冲", "person"), ("衢江区人民医院", "organisation")))
    assert _found(engine, "令狐") == {renamed}  # the triggers are back


def test_reception_finds_a_medical_case_by_name_not_by_what_it_is_about(engine, sample, path):
    with unit_of_work(engine) as session:
        def found(value: str) -> set[str]:
            f = CaseFilter(text=value, redact_medical=True)
            rows = fetch_cases(session, f, limit=50)
            assert count_cases(session, f) == len(rows)
            return {r.number for r in rows}

        assert found("王秀英") == {sample["wang"]}
        assert found("术后感染") == set()  # the medical case's summary
        assert found("感染") == set()
        assert found("漏水") == {sample["zhang"]}


def test_without_fts5_the_rows_are_read(engine, sample, monkeypatch):
    """An SQLite without FTS5's trigram tokenizer has no cases_fts: the same rows, read one by one."""
    monkeypatch.setattr(case_list, "WINDOW", 1)
    monkeypatch.setattr(case_list.search, "has_fts", lambda conn: False)
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    assert _found(engine, "漏水") == {sample["zhang"]}
    assert _found(engine, "秀") == {sample["wang"], sample["zhang"]}
    assert _found(engine, "中医医院") == {sample["wang"]}


def test_latin_letters_match_as_the_engines_like_does(engine, path):
    """SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's does not: the search keeps each."""
    number = add_case(engine, parties=(("ABC Trading 有限公司", "organisation"), ("Ärzte Müller", "person")),
                      summary="IT服务合同纠纷。")
    with engine.connect() as conn:
        def plain(value: str) -> set[str]:
            return set(conn.execute(text(
                "SELECT c.number FROM cases c WHERE c.number LIKE :v OR c.summary LIKE :v OR EXISTS (SELECT 1 "
                "FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = c.id AND p.name LIKE :v)"
            ), {"v": f"%{value}%"}).scalars())

        for value in ("abc", "ABC", "trading", "c t", "ärzte", "Ärzte", "MÜLLER", "it服务", "IT服务", "IT", "it", "T",
                      "t", "Ä", "ä", "Är"):
            assert _found(engine, value) == plain(value), value
    assert _found(engine, "ABC") == {number}
