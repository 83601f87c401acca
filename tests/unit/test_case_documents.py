"""The case documents: the data each is built from (golden), the agreement's rules (人民调解法
第二十八条至第三十一条), and text checks on every PDF (pdftotext): key phrases, numbers, masked vs
full ID numbers (domain.md §8), copies = parties + 1 (第二十九条), the Art.26 routes and the
traffic 3-day window (道路交通事故处理程序规定第八十五条), the 30 days for 司法确认 (第三十三条),
no line starting with closing punctuation, and every character of names like 𠮷 䶮 鿏 in the
cmap of the embedded font it is drawn with."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from core.agreements import (
    AgreementError,
    AgreementForm,
    InstalmentInfo,
    InstalmentLine,
    ResponsibilityInfo,
    ResponsibilityLine,
    agreement_data,
    amount_in_words,
    parse_ratio,
    record_oral_agreement,
    record_signatures,
    save_agreement,
    validate_agreement,
)
from core.deadlines import compute
from core.documents import fonts
from core.documents.case_data import case_info, cover_data, default_court, termination_data
from core.documents.case_docs import (
    agreement_copy_labels,
    agreement_story,
    captured_story,
    cn_number,
)
from core.documents.linebreak import NO_LINE_START
from core.dossier import (
    DOCUMENT_KINDS,
    DocumentUnavailable,
    build_document,
    read_sources,
    save_documents_with_case,
)
from core.lifecycle import accept_case, record_agreement_reached, terminate_mediation
from core.resources import font_files
from core.sessions import SessionForm, record_session
from core.uow import read_only, unit_of_work
from db.models import Agreement, Attachment, CaseParty, FollowUp, Party
from tests.conftest import make_user
from tests.factories import add_case_with_parties

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")

ZHANG_ID = "11010519491231002X"  # domain.md §7's valid example
LIU_ID = "330803198503121230"
INSURER_USCC = "91330800687667345J"
TODAY = date(2026, 11, 22)


# ------------------------------------------------------------------------------ a case from intake to 回访


@dataclass(frozen=True)
class Scenario:
    case_id: int
    number: str
    cp: dict[str, int]  # name → case_party_id
    mediator: object
    recorder: object
    terminated_id: int
    terminated_number: str
    oral_id: int
    oral_number: str


def _new_case(engine, parties, committee="traffic", dispute_type="14"):
    added = add_case_with_parties(engine, parties, committee=committee, dispute_type=dispute_type,
                                  received=date(2026, 11, 2), summary="2026年10月30日两车在樟潭街道相撞，双方就赔偿协商未果。")
    with read_only(engine) as session:
        cps = {name: cp for cp, name in session.execute(
            select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id == added.case_id))}
    return added, cps


def _session(engine, mediator, recorder, case_id, present, *, matter="车辆损失赔偿", day=5):
    return record_session(engine, mediator, case_id, SessionForm(
        started_at=datetime(2026, 11, day, 9, 30), ended_at=datetime(2026, 11, day, 11, 0), place="交通事故调解室",
        matter=matter, participants="交警大队民警（应邀）", parties_present=tuple(present),
        statements=tuple((cp, f"陈述{i}：要求对方赔偿车辆维修费") for i, cp in enumerate(present, 1)),
        verified_facts="事故认定书认定刘䶮负主要责任", risk_notice="已告知调解不成可以诉讼",
        outcome="双方同意按责任比例赔偿", next_steps="起草调解协议", mediator_id=mediator.id,
        recorder_id=recorder.id))


def build_scenario(engine) -> Scenario:
    """A traffic case with rare-character names, an insurer and an agent: accepted, investigated,
    mediated, a written agreement with ratios and two instalments, signed, effective, visited, and
    applied for 司法确认; plus a terminated traffic case and an oral agreement."""
    mediator = make_user(engine, "mediator", committees=("traffic",), full_name="徐调解")
    recorder = make_user(engine, "mediator", committees=("traffic",), full_name="何记录")
    added, cp = _new_case(engine, (
        {"name": "张𠮷", "id_number": ZHANG_ID, "phone": "13812345678"},
        {"name": "刘䶮", "id_number": LIU_ID, "phone": "13900001111"},
        {"name": "鿏华财产保险股份有限公司", "kind": "organisation", "uscc": INSURER_USCC, "role": "third_party"},
    ))
    with unit_of_work(engine) as session:
        for party_id, sex, born, address in ((added.party_ids[0], "F", date(1949, 12, 31), "衢江区樟潭街道樟树潭村5号"),
                                            (added.party_ids[1], "M", date(1985, 3, 12), "衢江区全旺镇殿前村202号")):
            p = session.get(Party, party_id)
            p.sex, p.birth_date, p.address, p.ethnicity = sex, born, address, "汉族"
        insurer = session.get(Party, added.party_ids[2])
        insurer.address, insurer.legal_representative, insurer.phone = "衢州市柯城区锦江路321号", "龚桂", "0570-4730763"
        agent = Party(kind="person", name="王代理", id_type="resident_id", id_number="330802198001012222",
                      phone="13700002222")
        session.add(agent)
        session.flush()
        link = CaseParty(case_id=added.case_id, party_id=agent.id, role="agent", position=9,
                         represents_id=cp["张𠮷"], power_of_attorney=True)
        session.add(link)
        session.flush()
        cp["王代理"] = link.id
    accept_case(engine, mediator, added.case_id, on=date(2026, 11, 3))
    _session(engine, mediator, recorder, added.case_id, [cp["张𠮷"]], matter="调查：走访交警大队了解事故认定情况", day=4)
    _session(engine, mediator, recorder, added.case_id, [cp["张𠮷"], cp["刘䶮"], cp["王代理"]])
    saved = save_agreement(engine, mediator, added.case_id, AgreementForm(
        kind="written", facts="2026年10月30日，刘䶮驾驶小型轿车与张𠮷驾驶的电动车相撞，致张𠮷受伤、车辆受损。",
        matters="医疗费、误工费及车辆损失的赔偿数额",
        responsibilities=(ResponsibilityLine(cp["张𠮷"], "承担事故次要责任", "30"),
                          ResponsibilityLine(cp["刘䶮"], "承担事故主要责任", "70%"),
                          ResponsibilityLine(cp["鿏华财产保险股份有限公司"], "在交强险限额内先行赔付", "0")),
        terms=("刘䶮赔偿张𠮷医疗费、误工费及车辆损失共计人民币12000元", "张𠮷收到全部款项后，双方就本次事故再无其他争议"),
        performance="银行转账，分两期支付", amount="12,000", formed_on=date(2026, 11, 10),
        instalments=(InstalmentLine(date(2026, 11, 20), "5000", cp["刘䶮"], cp["张𠮷"]),
                     InstalmentLine(date(2026, 12, 20), Decimal("7000.00"), cp["刘䶮"], cp["张𠮷"]))),
        today=TODAY)
    record_signatures(engine, mediator, saved.id, [cp["王代理"], cp["刘䶮"], cp["鿏华财产保险股份有限公司"]], True,
                      date(2026, 11, 12), today=TODAY)
    record_agreement_reached(engine, mediator, added.case_id, on=date(2026, 11, 12))
    from core.followups import VisitForm, record_visit

    with read_only(engine) as session:
        first = session.scalar(select(FollowUp.id).where(FollowUp.case_id == added.case_id).order_by(FollowUp.id))
    record_visit(engine, mediator, first, VisitForm(visited_on=date(2026, 11, 18), performance="第一期尚未到期，双方无异议",
                                                    rating=5), today=TODAY)
    with unit_of_work(engine) as session:
        a = session.scalar(select(Agreement).where(Agreement.case_id == added.case_id))
        a.judicial_applied_on = date(2026, 11, 19)

    # A traffic case terminated (人民调解法第二十六条; 3-day window, 第八十五条).
    t_added, t_cp = _new_case(engine, ({"name": "方福炳", "id_number": "330803197810140437"},
                                       {"name": "石彩芳", "id_number": "330802199903030627"}))
    accept_case(engine, mediator, t_added.case_id, on=date(2026, 11, 3))
    _session(engine, mediator, recorder, t_added.case_id, list(t_cp.values()))
    terminate_mediation(engine, mediator, t_added.case_id, "双方对赔偿数额分歧较大，申请人要求终止调解",
                        on=date(2026, 11, 13))

    # An oral agreement (第二十八条、第三十条).
    o_added, o_cp = _new_case(engine, ({"name": "郑云仙", "id_number": "330803196710110308"},
                                       {"name": "何良", "id_number": "330803200101250064"}))
    accept_case(engine, mediator, o_added.case_id, on=date(2026, 11, 3))
    _session(engine, mediator, recorder, o_added.case_id, list(o_cp.values()))
    record_oral_agreement(engine, mediator, o_added.case_id, AgreementForm(
        terms=("何良当场赔偿郑云仙车辆修理费人民币680元",), performance="当场现金支付", amount="680",
        formed_on=date(2026, 11, 6)), reached_on=date(2026, 11, 6), now=datetime(2026, 11, 6, 16, 0))
    return Scenario(added.case_id, added.number, cp, mediator, recorder, t_added.case_id, t_added.number,
                    o_added.case_id, o_added.number)


@pytest.fixture()
def scenario(sqlite_engine) -> Scenario:
    return build_scenario(sqlite_engine)


# ------------------------------------------------------------------------------ golden data


def test_agreement_data_golden(sqlite_engine, scenario):
    """What the 调解协议书 is built from: 人民调解法第二十九条's contents, read back exactly."""
    with read_only(sqlite_engine) as session:
        data = agreement_data(session, scenario.case_id)
    cp = scenario.cp
    assert (data.kind, data.number, data.committee, data.committee_name) == (
        "written", scenario.number, "traffic", "交通事故纠纷人民调解委员会")
    assert data.responsibilities == (
        ResponsibilityInfo(cp["张𠮷"], "张𠮷", "承担事故次要责任", Decimal(30)),
        ResponsibilityInfo(cp["刘䶮"], "刘䶮", "承担事故主要责任", Decimal(70)),
        ResponsibilityInfo(cp["鿏华财产保险股份有限公司"], "鿏华财产保险股份有限公司", "在交强险限额内先行赔付", Decimal(0)))
    assert data.terms == ("刘䶮赔偿张𠮷医疗费、误工费及车辆损失共计人民币12000元", "张𠮷收到全部款项后，双方就本次事故再无其他争议")
    assert data.instalments == (
        InstalmentInfo(date(2026, 11, 20), Decimal("5000.00"), "刘䶮", "张𠮷", cp["刘䶮"], cp["张𠮷"]),
        InstalmentInfo(date(2026, 12, 20), Decimal("7000.00"), "刘䶮", "张𠮷", cp["刘䶮"], cp["张𠮷"]))
    assert (data.amount, data.formed_on, data.effective_on, data.last_due_on) == (
        Decimal("12000.00"), date(2026, 11, 10), date(2026, 11, 12), date(2026, 12, 20))
    assert data.mediators == ("徐调解",) and data.recorder == "何记录" and data.place == "交通事故调解室"
    assert [p.name for p in data.principals] == ["张𠮷", "刘䶮", "鿏华财产保险股份有限公司"]
    assert [(p.name, p.represents, p.power_of_attorney) for p in data.agents] == [("王代理", "张𠮷", True)]
    assert data.principals[0].id_number == ZHANG_ID  # full here (domain.md §8)
    assert data.copies == 4 and data.uses_ratios and data.missing_signatures == ()
    assert data.judicial_applied_on == date(2026, 11, 19)


def test_other_documents_data_golden(sqlite_engine, scenario):
    with read_only(sqlite_engine) as session:
        src = read_sources(session, scenario.case_id, today=TODAY)
        t_info = case_info(session, scenario.terminated_id)
        term = termination_data(session, t_info)
        cover = cover_data(session, src.info)
    info = src.info
    assert (info.volume_number, info.between, info.matter) == (
        "（2026）衢江交人调字第 1 号", "张𠮷与刘䶮、鿏华财产保险股份有限公司", "道路交通事故纠纷")
    # 调查记录 and 调解记录 are told apart by the matter ("调查：…").
    assert [s.matter for s in src.investigation.sessions] == ["调查：走访交警大队了解事故认定情况"]
    record = src.sessions.sessions[0]
    assert (record.place, record.mediator, record.recorder, record.public) == ("交通事故调解室", "徐调解", "何记录", False)
    assert [p.name for p in record.present] == ["张𠮷", "刘䶮", "王代理"]
    assert record.statements[0] == ("申请人", "张𠮷", "陈述1：要求对方赔偿车辆维修费")
    # Art.26 / Art.85: the termination's date, reason and the police window from core.deadlines.
    assert (term.outcome, term.terminated_on, term.reason) == (
        "terminated", date(2026, 11, 13), "双方对赔偿数额分歧较大，申请人要求终止调解")
    assert term.police_deadline.due == compute("police", date(2026, 11, 13)).due
    # 司法确认: 30 days from the agreement's effect (人民调解法第三十三条), to the court where the
    # mediation organisation is (民事诉讼法第二百零五条).
    assert src.judicial.deadline.due == compute("judicial", date(2026, 11, 12)).due == date(2026, 12, 14)
    assert src.judicial.court == "衢州市衢江区人民法院"
    assert src.certificate.issued_on == TODAY
    assert [(v.visited_on, v.rating_name, v.party) for v in src.followup.visits] == [
        (date(2026, 11, 18), "非常满意", "张𠮷")]
    assert asdict(cover)["title"] == "张𠮷与刘䶮、鿏华财产保险股份有限公司道路交通事故纠纷"
    assert (cover.mediated_from, cover.mediated_to, cover.retention) == (date(2026, 11, 4), date(2026, 11, 12), "长期")


def test_default_court():
    assert default_court("衢州市衢江区专业调解中心") == "衢州市衢江区人民法院"
    assert default_court("常山县人民调解中心") == "常山县人民法院"
    assert default_court("江山市调解中心") == "江山市人民法院"
    assert default_court("调解中心") == ""


# ------------------------------------------------------------------------------ the agreement's rules

P1, P2, P3 = 11, 12, 13


def _form(**kw) -> AgreementForm:
    base = dict(kind="written", facts="两车相撞", terms=("赔偿1000元",), formed_on=date(2026, 11, 10))
    base.update(kw)
    return AgreementForm(**base)


def _errors(form: AgreementForm, committee: str = "traffic", principals=(P1, P2)) -> dict[str, str]:
    return validate_agreement(form, committee=committee, principals=principals, today=TODAY,
                              earliest=date(2026, 11, 3))


def test_valid_agreement_has_no_errors():
    form = _form(responsibilities=(ResponsibilityLine(P1, "次要", "30"), ResponsibilityLine(P2, "主要", "70")),
                 amount="1000", instalments=(InstalmentLine(date(2026, 11, 10), "400", P2, P1),
                                             InstalmentLine(date(2026, 12, 1), "600.00", P2, P1)))
    assert _errors(form) == {}


def test_terms_required_art29_and_oral_content_art28():
    assert "terms" in _errors(_form(terms=("", "  ")))
    assert "第二十八条" in _errors(_form(kind="oral", terms=()))["terms"]
    assert "facts" in _errors(_form(facts=""))  # a written agreement states the facts (Art.29)
    assert "facts" not in _errors(_form(kind="oral", facts=""))


def test_liability_ratios_traffic_art93():
    """Ratios 0–100 summing to 100, every party with a line (道路交通事故处理程序规定第九十三条)."""
    two = (ResponsibilityLine(P1, "", "30"), ResponsibilityLine(P2, "", "60"))
    assert "100%" in _errors(_form(responsibilities=two))["responsibilities"]
    assert "responsibilities.12.ratio" in _errors(_form(responsibilities=(ResponsibilityLine(P1, "", "30"),
                                                                         ResponsibilityLine(P2, "", "170"))))
    missing = _errors(_form(responsibilities=(ResponsibilityLine(P1, "", "100"),)), principals=(P1, P2, P3))
    assert set(missing) >= {"responsibilities.12.ratio", "responsibilities.13.ratio"}
    assert "只有交通事故、医疗纠纷" in _errors(_form(responsibilities=two), committee="labour")["responsibilities"]
    assert _errors(_form(responsibilities=(ResponsibilityLine(P1, "全部责任", ""),)), committee="labour") == {}
    assert "responsibilities.99" in _errors(_form(responsibilities=(ResponsibilityLine(99, "x", ""),)))


def test_instalments_sum_dates_and_parties():
    one = InstalmentLine(date(2026, 11, 9), "500", P2, P1)
    errors = _errors(_form(amount="1000", instalments=(one,)))
    assert "应付日期不能早于协议达成日期" in errors["instalments.0.due_on"]
    assert "与各期合计 500.00 元不一致" in errors["amount"]
    errors = _errors(_form(amount=None, instalments=(InstalmentLine(date(2026, 11, 20), "500", P1, P1),)))
    assert "请填写协议金额" in errors["amount"] and "同一当事人" in errors["instalments.0.payee"]
    errors = _errors(_form(instalments=(InstalmentLine(None, "abc", None, 77),)))
    assert set(errors) >= {"instalments.0.due_on", "instalments.0.amount", "instalments.0.payer",
                           "instalments.0.payee"}
    assert "formed_on" in _errors(_form(formed_on=date(2026, 11, 23)))
    assert "受理日" in _errors(_form(formed_on=date(2026, 11, 1)))["formed_on"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10_000_000), min_size=1, max_size=12))
def test_amount_must_equal_the_instalments_total(fens):
    lines = tuple(InstalmentLine(date(2026, 11, 10 + i % 15), f"{Decimal(f) / 100:.2f}", P2, P1)
                  for i, f in enumerate(fens))
    total = Decimal(sum(fens)) / 100
    assert "amount" not in _errors(_form(amount=f"{total:,.2f}", instalments=lines))
    assert "amount" in _errors(_form(amount=str(total + Decimal("0.01")), instalments=lines))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=8))
def test_parse_ratio_never_crashes(text):
    try:
        value = parse_ratio(text)
    except ValueError as exc:
        assert "责任比例" in str(exc)
    else:
        assert value is None or 0 <= value <= 100


def test_amount_in_words():
    cases = {"12345.60": "壹万贰仟叁佰肆拾伍元陆角", "100": "壹佰元整", "100001": "壹拾万零壹元整",
             "12.05": "壹拾贰元零伍分", "0.05": "伍分", "0": "零元整", "1010": "壹仟零壹拾元整",
             "10000100": "壹仟万零壹佰元整", "100000000": "壹亿元整", "20500.5": "贰万零伍佰元伍角",
             "12000": "壹万贰仟元整"}
    assert {k: amount_in_words(Decimal(k)) for k in cases} == cases
    assert [cn_number(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]


def test_effective_agreement_is_not_edited_art31(sqlite_engine, scenario):
    with pytest.raises(AgreementError) as exc:
        save_agreement(sqlite_engine, scenario.mediator, scenario.case_id, _form(), today=TODAY)
    assert "已于2026-11-12生效" in str(exc.value)
    reception = make_user(sqlite_engine, "reception")
    from core.auth import PermissionDenied

    with pytest.raises(PermissionDenied):
        save_agreement(sqlite_engine, reception, scenario.terminated_id, _form(), today=TODAY)


def test_changed_content_clears_signatures_and_agents_need_attorney(sqlite_engine):
    mediator = make_user(sqlite_engine, "mediator", committees=("traffic",))
    recorder = make_user(sqlite_engine, "mediator", committees=("traffic",), full_name="何记录")
    added, cp = _new_case(sqlite_engine, ({"name": "甲"}, {"name": "乙"}))
    accept_case(sqlite_engine, mediator, added.case_id, on=date(2026, 11, 3))
    _session(sqlite_engine, mediator, recorder, added.case_id, list(cp.values()))
    form = _form(terms=("乙赔偿甲100元",))
    saved = save_agreement(sqlite_engine, mediator, added.case_id, form, today=TODAY)
    state = record_signatures(sqlite_engine, mediator, saved.id, [cp["甲"]], False, date(2026, 11, 11), today=TODAY)
    assert state.missing == ("乙", "调解员")
    again = save_agreement(sqlite_engine, mediator, added.case_id, form, today=TODAY)
    assert not again.signatures_cleared  # same text: the signatures stand
    changed = save_agreement(sqlite_engine, mediator, added.case_id, _form(terms=("乙赔偿甲200元",)), today=TODAY)
    assert changed.signatures_cleared
    with pytest.raises(AgreementError) as exc:
        record_signatures(sqlite_engine, mediator, saved.id, [cp["甲"]], True, date(2026, 11, 9), today=TODAY)
    assert "签名日期不能早于协议达成日期" in str(exc.value)


# ------------------------------------------------------------------------------ the PDFs


def _pdftotext(pdf: bytes, tmp_path: Path, *args: str) -> str:
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    return subprocess.run(["pdftotext", *args, str(src), "-"], check=True, capture_output=True,
                          text=True).stdout


def _flat(text: str) -> str:
    return "".join(text.split())


_PAGE_LINE = re.compile(r"(第\s*\d+\s*页\s*共\s*\d+\s*页|本份第\s*\d+\s*页\s*共\s*\d+\s*页)")


def _kinsoku_violations(text: str) -> list[str]:
    """Lines (pdftotext -layout, each column cell separately) starting with closing punctuation."""
    bad = []
    for line in text.splitlines():
        for cell in re.split(r"\s{2,}", line.strip()):
            if cell and cell[0] in NO_LINE_START and not _PAGE_LINE.search(cell):
                bad.append(cell)
    return bad


@needs_poppler
@pytest.mark.parametrize("kind,case,phrases,absent", [
    ("application", "main", ["人民调解申请书", "申请人：张𠮷", "纠纷简要情况", "一、赔偿损失",
                             "自愿申请交通事故纠纷人民调解委员会调解"], [ZHANG_ID]),
    ("registration", "main", ["人民调解受理登记表", "110105********002X", "道路交通事故（14）"], [ZHANG_ID]),
    ("rights_notice", "main", ["当事人权利义务告知书", "第二十三条", "第二十四条"], [ZHANG_ID]),
    ("investigation", "main", ["调查记录", "调查：走访交警大队了解事故认定情况", "被调查人"], [ZHANG_ID]),
    ("session_record", "main", ["调解记录", "交通事故调解室", "何记录", "陈述1：要求对方赔偿车辆维修费", "当事人确认无误",
                                "不公开调解"], [ZHANG_ID]),
    ("agreement", "main", ["人民调解协议书", ZHANG_ID, LIU_ID, "330802198001012222", INSURER_USCC, "30%", "70%",
                           "12,000.00元（大写：壹万贰仟元整）", "2026年12月20日", "7,000.00",
                           "本协议一式4份，各方当事人各执一份", "本协议自各方当事人签名、盖章或按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。",
                           "（人民调解委员会印章）", "按指印", "盖章", "协议生效日期：2026年11月12日", "徐调解", "何记录"], []),
    ("oral_agreement", "oral", ["口头调解协议登记表", "何良当场赔偿郑云仙车辆修理费人民币680元", "第三十条",
                                "330803********0308", "自各方当事人达成协议之日（2026年11月6日）起生效"], ["330803196710110308"]),
    ("termination_notice", "terminated", ["终止调解告知书", "2026年11月13日决定终止调解", "第二十六条", "仲裁途径", "行政途径",
                                          "司法途径", "第八十五条", "双方对赔偿数额分歧较大"], []),
    ("mediation_certificate", "main", ["主持调解证明", "第三百五十四条", "于2026年11月12日生效", "特此证明"], [ZHANG_ID]),
    ("judicial_application", "main", ["司法确认申请书", ZHANG_ID, LIU_ID, "衢州市衢江区人民法院", "第二百零五条", "第三十三条",
                                      "即最迟于2026年12月14日前提出", "主持调解证明", "提交人民法院", "人民调解协议书"], []),
    ("followup", "main", ["人民调解回访记录", "非常满意", "第一期尚未到期，双方无异议", "2026年11月18日"], [ZHANG_ID]),
    ("cover", "main", ["人民调解卷宗", "（2026）衢江交人调字第1号", "徐调解", "自2026年11月4日至2026年11月12日", "长期"], []),
])
def test_document_texts(sqlite_engine, scenario, tmp_path, kind, case, phrases, absent):
    number = {"main": scenario.number, "oral": scenario.oral_number, "terminated": scenario.terminated_number}[case]
    pdf = build_document(sqlite_engine, kind, number, today=TODAY)
    text = _pdftotext(pdf, tmp_path)
    body = _flat(text)
    for phrase in phrases:
        assert _flat(phrase) in body, (kind, phrase)
    for phrase in absent:
        assert phrase not in body, (kind, phrase)
    assert _kinsoku_violations(_pdftotext(pdf, tmp_path, "-layout")) == [], kind


@needs_poppler
def test_termination_notice_names_the_police_window_art85(sqlite_engine, scenario, tmp_path):
    body = _flat(_pdftotext(build_document(sqlite_engine, "termination_notice", scenario.terminated_number,
                                           today=TODAY), tmp_path))
    due = compute("police", date(2026, 11, 13)).due
    assert f"最后一日为{due.year}年{due.month}月{due.day}日" in body
    assert "自终止调解之日起3日内" in body


@needs_poppler
def test_agreement_copies_are_parties_plus_one_art29(sqlite_engine, scenario, tmp_path):
    pdf = build_document(sqlite_engine, "agreement", scenario.number, today=TODAY)
    text = _pdftotext(pdf, tmp_path)
    pages = text.split("\f")[:-1]
    labels = ["第1份 共4份 · 当事人张𠮷执", "第2份 共4份 · 当事人刘䶮执", "第3份 共4份 · 当事人鿏华财产保险股份有限公司执",
              "第4份 共4份 · 调解委员会存档"]
    per_copy = len(pages) // 4
    assert len(pages) == 4 * per_copy and per_copy >= 1
    for i in range(4):
        copy = "".join(pages[i * per_copy:(i + 1) * per_copy])
        assert _flat(f"第{i + 1}份共4份") in _flat(copy)
        assert _flat(f"本份第{per_copy}页共{per_copy}页") in _flat(copy)
        assert _flat("人民调解协议书") in _flat(copy)
    with read_only(sqlite_engine) as session:
        data = agreement_data(session, scenario.case_id)
    assert agreement_copy_labels(data) == labels
    assert build_document(sqlite_engine, "agreement", scenario.number, today=TODAY).count(b"/Type /Page\n") == len(pages)


def test_unavailable_kinds_say_why_in_chinese(sqlite_engine, scenario):
    with pytest.raises(DocumentUnavailable, match="口头协议"):
        build_document(sqlite_engine, "agreement", scenario.oral_number)
    with pytest.raises(DocumentUnavailable, match="书面协议"):
        build_document(sqlite_engine, "oral_agreement", scenario.number)
    with pytest.raises(DocumentUnavailable, match="未终止调解"):
        build_document(sqlite_engine, "termination_notice", scenario.number)
    with pytest.raises(DocumentUnavailable, match="没有调解协议"):
        build_document(sqlite_engine, "mediation_certificate", scenario.terminated_number)
    with pytest.raises(DocumentUnavailable, match="没有编号为"):
        build_document(sqlite_engine, "cover", "衢江交人调字〔2026〕第999号")
    # the number as typed with ASCII brackets finds the case too
    assert build_document(sqlite_engine, "cover", scenario.number.replace("〔", "(").replace("〕", ")"))


# ------------------------------------------------------------------------------ glyphs


@cache
def _cmap(font_name: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    files = font_files()
    by_name = {fonts.FONT_MAIN: files.main, fonts.FONT_LATIN: files.latin}
    for p in files.rare:
        by_name[fonts.FONT_RARE if p.name == "TJRareHanA.ttf" else fonts.FONT_RARE2] = p
    return frozenset(TTFont(by_name[font_name], lazy=True).getBestCmap())


def _paragraphs(flowables):
    from reportlab.platypus import Paragraph, Table
    from reportlab.platypus.flowables import KeepTogether

    for f in flowables:
        if isinstance(f, Paragraph):
            yield f
        elif isinstance(f, Table):
            for row in f._cellvalues:
                for cell in row:
                    yield from _paragraphs(cell if isinstance(cell, list | tuple) else [cell])
        elif isinstance(f, KeepTogether):
            yield from _paragraphs(f._content)


def test_every_character_of_rare_names_is_in_its_embedded_fonts_cmap(sqlite_engine, scenario):
    """张𠮷 刘䶮 鿏华: each character is drawn with a bundled font whose cmap has it (ReportLab would
    silently drop it otherwise)."""
    for ch in "𠮷䶮鿏":
        assert fonts.missing_glyphs(ch) == set()
        assert ord(ch) in _cmap(fonts.font_for(ch))
    with read_only(sqlite_engine) as session:
        src = read_sources(session, scenario.case_id, today=TODAY)
    stories = [agreement_story(src.agreement, label="x")]
    stories += [DOCUMENT_KINDS[k].story(src) for k in ("application", "registration", "judicial_application",
                                                         "session_record", "followup", "cover")]
    seen = set()
    for story in stories:
        for p in _paragraphs(story):
            for frag in p.frags:
                for ch in getattr(frag, "text", ""):
                    assert ord(ch) in _cmap(frag.fontName), f"{ch!r} not in {frag.fontName}"
                    seen.add(ch)
    assert {"𠮷", "䶮", "鿏"} <= seen


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils missing")
@pytest.mark.parametrize("kind,case", [("agreement", "main"), ("dossier", "main"), ("termination_notice", "terminated")])
def test_all_fonts_embedded(sqlite_engine, scenario, tmp_path, kind, case):
    number = scenario.number if case == "main" else scenario.terminated_number
    path = tmp_path / "a.pdf"
    path.write_bytes(build_document(sqlite_engine, kind, number, today=TODAY))
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), listing  # embedded subsets
    if case == "main":
        assert any("TJRare" in row[0] for row in rows)  # 𠮷 䶮 鿏 come from the rare-character fonts


def test_captured_story_reuses_the_intake_builders(sqlite_engine, scenario):
    from core.documents import intake_docs

    with read_only(sqlite_engine) as session:
        src = read_sources(session, scenario.case_id, today=TODAY)
    story = captured_story(intake_docs.registration_form, src.intake)
    assert story and intake_docs.render is not None  # the module itself is untouched
    assert intake_docs.registration_form(src.intake).startswith(b"%PDF-")


# ------------------------------------------------------------------------------ kept with the case


def test_save_documents_with_case_keeps_the_pdf_once(sqlite_engine, scenario):
    pdf = build_document(sqlite_engine, "agreement", scenario.number, today=TODAY)
    first = save_documents_with_case(sqlite_engine, scenario.mediator, scenario.case_id, "agreement", pdf)
    again = save_documents_with_case(sqlite_engine, scenario.mediator, scenario.case_id, "agreement", pdf)
    assert first == again
    with read_only(sqlite_engine) as session:
        row = session.get(Attachment, first)
        assert (row.kind, row.media_type, row.size_bytes) == ("document", "application/pdf", len(pdf))
        import hashlib

        assert row.sha256 == hashlib.sha256(pdf).hexdigest() and bytes(row.content) == pdf
        assert row.filename.startswith(f"人民调解协议书（{scenario.number}）")
    with pytest.raises(ValueError):
        save_documents_with_case(sqlite_engine, scenario.mediator, scenario.case_id, "agreement", b"not a pdf")


def test_cli_kinds_match_document_kinds():
    from desktop.commands.print import KINDS

    assert {k: v.title for k, v in DOCUMENT_KINDS.items()} == KINDS
