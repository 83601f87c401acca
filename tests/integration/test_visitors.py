"""Repeat visitors (issue 3 item 5): matching persons while typing, flagging open cases
(重复来访), and catching the same dispute registered twice — on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, update

from core.identifiers import id_check_char, uscc_check_char
from core.uow import read_only, unit_of_work
from core.visitors import (
    OPEN_COUNT_CAP,
    find_matching_parties,
    name_initials,
    open_cases_of,
    possible_duplicates,
    refresh_name_initials,
    summary_similarity,
)
from db.models import Party
from tests.factories import add_case_with_parties

TODAY = date(2026, 11, 20)


def rid(first17: str) -> str:
    return first17 + id_check_char(first17)


def uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


ZHANG_ID = rid("33080319850412001")
LI_ID = rid("33082119780930002")
HOSPITAL = uscc("12330803MB1234567")


def find(engine, **kwargs):
    with read_only(engine) as session:
        return find_matching_parties(session, **kwargs)


# --- Pinyin initials -------------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [
    ("张三", "zs"),
    ("曾小贤", "zxx"),  # surname reading zeng, not ceng
    ("单田芳", "stf"),  # shan
    ("衢江区人民医院", "qjqrmyy"),
    ("重庆医科大学附属医院", "cqykdxfsyy"),  # context: chong, not zhong
    ("𠮷星宇", "jxy"),  # pypinyin has no reading for 𠮷
    ("王䶮", "wy"),
    ("ABC物业 John Smith", "abcwyjs"),
    ("", ""),
])
def test_name_initials(name, expected):
    assert name_initials(name) == expected


def test_organisation_names_get_no_surname_reading():
    assert name_initials("曾家村村民委员会", person=False) == "cjccmwyh"
    assert name_initials("曾家村村民委员会") == "zjccmwyh"


@settings(deadline=None)  # the first call loads pypinyin's dictionaries (~0.5 s)
@given(st.text(max_size=300))
def test_name_initials_never_raises(text):
    result = name_initials(text)
    assert re.fullmatch(r"[a-z]{0,40}", result)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x3400, max_codepoint=0x2FFFF), max_size=60))
def test_name_initials_on_cjk_and_rare_planes(text):
    assert re.fullmatch(r"[a-z]{0,40}", name_initials(text, person=False))


# --- Finding parties -------------------------------------------------------------------------


@pytest.fixture()
def visitors(engine):
    """张三 (ID, phone) with an open medical case against the hospital, and a finished one;
    张三丰 (phone 0570 landline); 章山; 李四 anonymised."""
    open_case = add_case_with_parties(engine, (
        {"name": "张三", "id_number": ZHANG_ID, "phone": "13812345678"},
        {"name": "衢江区人民医院", "kind": "organisation", "uscc": HOSPITAL, "phone": "0570-3012345"},
    ), received=date(2026, 11, 2))
    zhang, hospital = open_case.party_ids
    add_case_with_parties(engine, (
        {"party_id": zhang}, {"name": "王五", "id_number": rid("33080319700101003")},
    ), committee="general", dispute_type="02", status="agreed", received=date(2026, 3, 1))
    feng = add_case_with_parties(engine, (
        {"name": "张三丰", "phone": "0570-8765432"}, {"party_id": hospital},
    ), status="mediating", received=date(2026, 10, 1)).party_ids[0]
    shan = add_case_with_parties(engine, (
        {"name": "章山", "id_number": rid("33080219900307004")},
        {"name": "徐律师", "role": "agent"},
    ), committee="traffic", dispute_type="14", received=date(2026, 11, 10)).party_ids[0]
    li = add_case_with_parties(engine, (
        {"name": "李四", "id_number": LI_ID, "phone": "13900001111", "anonymised": True},
    ), committee="general", dispute_type="99", status="archived", received=date(2020, 1, 1)).party_ids[0]
    return {"zhang": zhang, "hospital": hospital, "feng": feng, "shan": shan, "li": li,
            "open_number": open_case.number}


def test_same_id_number_comes_first_and_is_masked(engine, visitors):
    [first, *_] = find(engine, id_number=ZHANG_ID.lower(), name="张三")
    assert first.party_id == visitors["zhang"]
    assert first.rank == 0
    assert first.why == "身份证号相同、姓名相同"
    assert first.id_number_masked == ZHANG_ID[:6] + "********" + ZHANG_ID[-4:]
    assert ZHANG_ID not in repr(first)


def test_legacy_15_digit_number_finds_the_18_digit_one(engine, visitors):
    legacy = ZHANG_ID[:6] + ZHANG_ID[8:17]
    [match] = find(engine, id_number=legacy)
    assert match.party_id == visitors["zhang"]


def test_same_phone_whatever_the_formatting(engine, visitors):
    [match] = find(engine, phone="+86 138-1234-5678")
    assert (match.party_id, match.why, match.rank) == (visitors["zhang"], "手机号相同", 1)
    [landline] = find(engine, phone="057087654321"[:-1])  # 0570 8765432 typed without the hyphen
    assert (landline.party_id, landline.why) == (visitors["feng"], "电话号码相同")


def test_organisation_by_uscc(engine, visitors):
    [match] = find(engine, uscc=HOSPITAL.lower())
    assert (match.party_id, match.why, match.kind) == (visitors["hospital"], "统一社会信用代码相同", "organisation")
    [same] = find(engine, id_number=HOSPITAL)  # a USCC typed into the number field
    assert same.party_id == visitors["hospital"]


def test_exact_name_before_prefix(engine, visitors):
    matches = find(engine, name="张三")
    assert [m.party_id for m in matches] == [visitors["zhang"], visitors["feng"]]
    assert [m.why for m in matches] == ["姓名相同", "姓名以“张三”开头"]
    assert [m.rank for m in matches] == [2, 3]


def test_one_character_is_not_offered_as_a_prefix(engine, visitors):
    assert find(engine, name="张") == []


def test_pinyin_initials_after_refresh(engine, visitors):
    assert find(engine, name="zs") == []  # intake-made parties have no initials yet
    with unit_of_work(engine) as session:
        ids = [visitors[k] for k in ("zhang", "feng", "shan", "hospital")]
        assert refresh_name_initials(session, ids) == 4
        assert refresh_name_initials(session, ids) == 0  # nothing left to change
    matches = find(engine, name="ZS")
    # zs: 张三 and 章山, then 张三丰 (zsf) — shortest initials first
    assert {m.party_id for m in matches[:2]} == {visitors["zhang"], visitors["shan"]}
    assert matches[2].party_id == visitors["feng"]
    assert all(m.why == "姓名拼音首字母 zs" and m.rank == 4 for m in matches)
    [feng] = find(engine, name="zsf")
    assert feng.party_id == visitors["feng"]
    [hospital] = find(engine, name="qjq")
    assert (hospital.party_id, hospital.why) == (visitors["hospital"], "名称拼音首字母 qjq")


def test_best_first_and_limit(engine, visitors):
    with unit_of_work(engine) as session:
        refresh_name_initials(session, [visitors["zhang"], visitors["feng"], visitors["shan"]])
    matches = find(engine, id_number=rid("33080219900307004"), phone="0570-8765432", name="张三")
    assert [m.party_id for m in matches] == [visitors["shan"], visitors["feng"], visitors["zhang"]]
    assert [m.rank for m in matches] == [0, 1, 2]
    assert matches[1].why == "电话号码相同、姓名以“张三”开头"
    assert len(find(engine, id_number=rid("33080219900307004"), phone="0570-8765432", name="张三",
                    limit=2)) == 2
    assert find(engine, name="张三", limit=0) == []


def test_open_cases_are_flagged_as_repeat_visits(engine, visitors):
    [zhang] = find(engine, id_number=ZHANG_ID)
    assert zhang.repeat_visit and zhang.flag == "重复来访"
    assert zhang.open_case_count == 1
    [(number, committee, status)] = zhang.open_cases  # the agreed general case is not open
    assert (number, committee, status) == (visitors["open_number"], "医患", "registered")
    assert zhang.open_cases[0].status_name == "已登记"
    [hospital] = find(engine, uscc=HOSPITAL)
    assert hospital.open_case_count == 2
    assert [c.status for c in hospital.open_cases] == ["registered", "mediating"]  # newest first


def test_a_busy_organisation_counts_up_to_the_cap(engine, visitors):
    for day in range(1, OPEN_COUNT_CAP + 3):
        add_case_with_parties(engine, ({"name": f"患者{day}"}, {"party_id": visitors["hospital"]}),
                              received=date(2026, 8, day % 28 + 1))
    [hospital] = find(engine, uscc=HOSPITAL)
    assert hospital.open_case_count == OPEN_COUNT_CAP  # shown as "20+"
    assert len(hospital.open_cases) == 5
    assert len({c.number for c in hospital.open_cases}) == 5
    assert {c.status for c in hospital.open_cases} <= {"registered", "mediating"}
    with read_only(engine) as session:
        assert len(open_cases_of(session, [visitors["hospital"]])[visitors["hospital"]]) == OPEN_COUNT_CAP + 4
        limited = open_cases_of(session, [visitors["hospital"], visitors["zhang"]], limit_per_party=2)
    assert [len(limited[visitors["hospital"]]), len(limited[visitors["zhang"]])] == [2, 1]


def test_agents_are_not_flagged_by_their_clients_cases(engine, visitors):
    with read_only(engine) as session:
        agent = session.scalar(select(Party.id).where(Party.name == "徐律师"))
        cases = open_cases_of(session, [agent, visitors["shan"], 999_999])
    assert cases[agent] == []
    assert [c.committee for c in cases[visitors["shan"]]] == ["交通事故"]
    assert cases[999_999] == []


def test_anonymised_parties_are_never_offered(engine, visitors):
    assert find(engine, id_number=LI_ID, phone="13900001111", name="李四") == []


def test_like_wildcards_in_typed_names_are_literal(engine, visitors):
    assert find(engine, name="张%") == []
    assert find(engine, name="z_") == []


# --- The same dispute twice --------------------------------------------------------------------


@pytest.fixture()
def dispute(engine):
    case = add_case_with_parties(engine, (
        {"name": "张三", "id_number": ZHANG_ID},
        {"name": "衢江区人民医院", "kind": "organisation", "uscc": HOSPITAL},
        {"name": "徐律师", "role": "agent"},
    ), summary="2026年10月在衢江区人民医院做阑尾手术后切口感染，要求医院赔偿医疗费和误工费。",
        received=date(2026, 11, 2))
    return case


def dupes(engine, **kwargs):
    args = {"party_keys": [ZHANG_ID, HOSPITAL], "dispute_type": "13", "committee_code": "medical",
            "summary": "", "today": TODAY} | kwargs
    with read_only(engine) as session:
        return possible_duplicates(session, **args)


def test_same_parties_type_and_committee_is_a_strong_hint(engine, dispute):
    [hint] = dupes(engine, summary="阑尾手术后切口感染，要求赔偿医疗费、误工费")
    assert (hint.case_id, hint.number, hint.strong) == (dispute.case_id, dispute.number, True)
    assert hint.same_dispute_type and hint.same_committee
    assert 0.5 < hint.similarity <= 1
    assert dispute.number in hint.reason and "纠纷类型相同（医疗）" in hint.reason
    assert hint.committee_name == "医患" and hint.status_name == "已登记"


def test_parties_by_party_id_or_mixed_keys(engine, dispute):
    applicant, hospital, _agent = dispute.party_ids
    assert [h.case_id for h in dupes(engine, party_keys=[applicant, hospital])] == [dispute.case_id]
    assert [h.case_id for h in dupes(engine, party_keys=[hospital, ZHANG_ID.lower()])] == [dispute.case_id]


def test_different_set_of_parties_is_no_duplicate(engine, dispute):
    assert dupes(engine, party_keys=[ZHANG_ID]) == []  # only one of the two
    other = rid("33080319600101005")
    add_case_with_parties(engine, ({"name": "赵六", "id_number": other},), committee="general",
                          dispute_type="99")
    assert dupes(engine, party_keys=[ZHANG_ID, HOSPITAL, other]) == []  # one more
    assert dupes(engine, party_keys=[ZHANG_ID, rid("33080319991231006")]) == []  # nobody on file
    assert dupes(engine, party_keys=[]) == []


def test_only_open_recent_cases_of_the_same_kind(engine, dispute):
    assert dupes(engine, today=date(2027, 3, 1)) == []  # received more than 90 days before
    assert len(dupes(engine, today=date(2027, 3, 1), within_days=150)) == 1
    assert dupes(engine, dispute_type="02", committee_code="general") == []  # neither alike
    with unit_of_work(engine) as session:
        from db.models import Case

        session.execute(update(Case).where(Case.id == dispute.case_id).values(status="agreed"))
    assert dupes(engine) == []  # concluded: a new case is legitimate


def test_same_committee_other_type_is_weak_unless_the_story_matches(engine, dispute):
    [weak] = dupes(engine, dispute_type="06", summary="邻居家装修漏水，要求赔偿")
    assert not weak.strong and not weak.same_dispute_type and weak.same_committee
    [strong] = dupes(engine, dispute_type="06",
                     summary="2026年10月在衢江区人民医院做阑尾手术后切口感染，要求医院赔偿医疗费。")
    assert strong.strong and strong.similarity >= 0.6


def test_strongest_hint_first(engine, dispute):
    second = add_case_with_parties(engine, (
        {"party_id": dispute.party_ids[0]}, {"party_id": dispute.party_ids[1]},
    ), dispute_type="06", summary="住院期间财物丢失", received=date(2026, 11, 10))
    hints = dupes(engine, dispute_type="13", summary="阑尾手术后切口感染")
    assert [h.case_id for h in hints] == [dispute.case_id, second.case_id]
    assert [h.strong for h in hints] == [True, False]


def test_summary_similarity():
    assert summary_similarity("", "任何") == 0.0
    assert summary_similarity("双方，协商 未果。", "双方协商未果") == 1.0
    assert 0 < summary_similarity("术后感染要求赔偿", "术后感染") < 1


# --- Indexes -------------------------------------------------------------------------------------


def test_sqlite_lookups_use_the_indexes(sqlite_engine):
    """Every party lookup is an index search, never a scan of parties (1M-case databases)."""
    statements: list[tuple[str, tuple]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if "FROM parties" in statement:
            statements.append((statement, parameters))

    add_case_with_parties(sqlite_engine, ({"name": "张三", "id_number": ZHANG_ID},
                                          {"name": "医院", "kind": "organisation", "uscc": HOSPITAL}))
    event.listen(sqlite_engine, "before_cursor_execute", remember)
    try:
        find(sqlite_engine, id_number=ZHANG_ID, phone="13812345678", name="张三", uscc=HOSPITAL)
        find(sqlite_engine, name="zs")
        dupes(sqlite_engine)
    finally:
        event.remove(sqlite_engine, "before_cursor_execute", remember)
    assert len(statements) >= 6
    with sqlite_engine.connect() as conn:
        for statement, parameters in statements:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            details = " | ".join(row[-1] for row in plan)
            assert not re.search(r"SCAN parties(?! USING)", details), (statement, details)
