"""Registering cases at the counter, re-routing them and referring out-of-scope matters,
on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from core.auth import PermissionDenied
from core.identifiers import id_check_char, uscc_check_char
from core.intake import (
    IntakeError,
    IntakeForm,
    PartyForm,
    create_referral,
    intake_document,
    register_case,
    reroute_case,
)
from core.uow import read_only, unit_of_work
from db.models import (
    AuditEntry,
    Case,
    CaseMediator,
    CaseNumberCounter,
    CaseParty,
    Committee,
    Party,
    QueueTicket,
    Referral,
    StatusChange,
)

NOW = datetime(2026, 11, 2, 10, 0)
ZHANG_ID = "33080319850312123" + id_check_char("33080319850312123")
LAWYER_ID = "33080219800101222" + id_check_char("33080219800101222")
HOSPITAL_USCC = "12330803470123456" + uscc_check_char("12330803470123456")


def form(**kw) -> IntakeForm:
    base = dict(
        parties=(
            PartyForm(name="张三", id_number=ZHANG_ID, phone="13812345678", address="衢江区樟潭街道",
                      ethnicity="汉族", occupation="务工"),
            PartyForm(kind="organisation", role="respondent", name="衢江区人民医院", org_kind="hospital",
                      uscc=HOSPITAL_USCC, legal_representative="周院长", phone="0570-3012345"),
            PartyForm(kind="agent", name="李律师", id_number=LAWYER_ID, phone="13900001111", represents=0,
                      power_of_attorney=True),
        ),
        committee="medical", suggested_committee="medical", dispute_type="13",
        summary="阑尾炎手术后切口感染，家属认为医院有过错。", requests=("赔偿医疗费", "书面道歉"),
        amount="5万", medical_consent="both_applied", received_at="2026-11-02 09:30",
    )
    base.update(kw)
    return IntakeForm(**base)


def _audit(session, action: str) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_register_a_case_with_parties_and_an_agent(engine, users):
    case = register_case(engine, users["reception"], form(), now=NOW)
    assert case.number == "衢江医人调字〔2026〕第001号"
    assert (case.status, case.committee, case.repeat_visit) == ("registered", "medical", False)
    with read_only(engine) as session:
        row = session.get(Case, case.id)
        assert row.received_at == datetime(2026, 11, 2, 9, 30) and row.received_on == date(2026, 11, 2)
        assert row.amount_claimed == Decimal("50000.00")
        assert row.requests == ["赔偿医疗费", "书面道歉"]
        assert row.received_by_id == users["reception"].id
        assert row.medical_consent == "both_applied"
        links = list(session.scalars(select(CaseParty).where(CaseParty.case_id == case.id).order_by(CaseParty.position)))
        assert [link.role for link in links] == ["applicant", "respondent", "agent"]
        assert links[2].represents_id == links[0].id and links[2].power_of_attorney
        zhang = session.get(Party, links[0].party_id)
        assert (zhang.sex, zhang.birth_date, zhang.id_type) == ("M", date(1985, 3, 12), "resident_id")
        assert zhang.name_initials == "zs"
        hospital = session.get(Party, links[1].party_id)
        assert (hospital.kind, hospital.uscc, hospital.org_kind) == ("organisation", HOSPITAL_USCC, "hospital")
        changes = list(session.scalars(select(StatusChange).where(StatusChange.case_id == case.id)))
        assert [(c.from_status, c.to_status) for c in changes] == [(None, "registered")]
        registered = _audit(session, "case.register")
        assert registered[0].entity_id == case.id and registered[0].after["routing_overridden"] is False
        assert len(_audit(session, "party.create")) == 3


def test_a_returning_party_is_reused_and_contact_details_updated(engine, users):
    first = register_case(engine, users["reception"], form(), now=NOW)
    again = form(parties=(
        PartyForm(name="张三", id_number=ZHANG_ID.lower(), phone="13987654321", address="衢江区高家镇"),
        PartyForm(kind="organisation", role="respondent", name="衢江区人民医院", uscc=HOSPITAL_USCC,
                  org_kind="hospital"),
    ), summary="复诊费用争议，要求退还部分费用。")
    second = register_case(engine, users["reception"], again, now=NOW)
    assert second.number.endswith("第002号")
    assert set(second.party_ids) == set(first.party_ids[:2]) == set(second.reused_party_ids)
    assert second.repeat_visit
    with read_only(engine) as session:
        assert session.scalar(select(func.count()).select_from(Party)) == 3
        zhang = session.get(Party, first.party_ids[0])
        assert (zhang.phone, zhang.address, zhang.occupation) == ("13987654321", "衢江区高家镇", "务工")
        updates = _audit(session, "party.update")
        assert updates[0].before["phone"] == "13812345678" and updates[0].after["phone"] == "13987654321"
        assert session.get(Case, second.id).repeat_visit


def test_a_party_picked_from_the_matches_is_reused_without_its_number(engine, users):
    first = register_case(engine, users["reception"], form(), now=NOW)
    picked = form(parties=(
        PartyForm(name="张三", phone="13812345678", party_id=first.party_ids[0]),
        PartyForm(kind="person", role="respondent", name="王五"),
    ), committee="general", dispute_type="02", medical_consent="")
    second = register_case(engine, users["reception"], picked, now=NOW)
    assert second.party_ids[0] == first.party_ids[0]


def test_refusal_ends_the_case_at_once(engine, users):
    """人民调解法第十七条: a party clearly refuses → no mediation; the case ends `refused`."""
    parties = form().parties
    refusing = (parties[0], replace(parties[1], refuses_mediation=True))
    case = register_case(engine, users["reception"], form(parties=refusing), now=NOW)
    assert case.status == "refused"
    with read_only(engine) as session:
        row = session.get(Case, case.id)
        assert row.concluded_on == date(2026, 11, 2)
        assert "第十七条" in row.conclusion_reason and "衢江区人民医院" in row.conclusion_reason
        changes = list(session.scalars(select(StatusChange).where(StatusChange.case_id == case.id)
                                       .order_by(StatusChange.id)))
        assert [(c.from_status, c.to_status) for c in changes] == [(None, "registered"), ("registered", "refused")]
        assert session.scalar(select(CaseParty.refuses_mediation).where(CaseParty.role == "respondent"))


def test_escalation_and_group_flags_are_stored(engine, users):
    """人民调解法第二十五条: who was notified and when."""
    case = register_case(engine, users["reception"], form(
        is_group=True, group_size=12, escalation_risk=True, escalation_notified_to="樟潭派出所 王警官",
        escalation_notified_at="2026-11-02 09:45"), now=NOW)
    with read_only(engine) as session:
        row = session.get(Case, case.id)
        assert (row.is_group, row.group_size) == (True, 12)
        assert row.escalation_notified_to == "樟潭派出所 王警官"
        assert row.escalation_notified_at == datetime(2026, 11, 2, 9, 45)


def test_an_invalid_form_writes_nothing_and_takes_no_number(engine, users):
    with pytest.raises(IntakeError) as caught:
        register_case(engine, users["reception"], form(medical_consent=""), now=NOW)
    assert "第三十一条" in caught.value.errors["medical_consent"]
    with read_only(engine) as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0
        assert session.scalar(select(func.count()).select_from(Party)) == 0
        assert session.scalar(select(func.count()).select_from(CaseNumberCounter)) == 0
    assert register_case(engine, users["reception"], form(), now=NOW).number.endswith("第001号")


def test_only_reception_registers(engine, users):
    with pytest.raises(PermissionDenied):
        register_case(engine, users["mediator"], form(), now=NOW)
    with pytest.raises(PermissionDenied):
        create_referral(engine, users["director"], visitor_name="王五", summary="山林权属", reason="x", refer_to="y")


def test_the_queue_ticket_is_linked_and_marked_done(engine, users):
    from core.queue import take_ticket

    ticket = take_ticket(engine, users["reception"], "medical", now=datetime(2026, 11, 2, 9, 0))
    case = register_case(engine, users["reception"], form(ticket_id=ticket.id), now=NOW)
    with read_only(engine) as session:
        assert session.get(Case, case.id).ticket_id == ticket.id
        row = session.get(QueueTicket, ticket.id)
        assert (row.status, row.finished_at) == ("done", NOW)
    with pytest.raises(ValueError, match="号票不存在"):
        register_case(engine, users["reception"], form(ticket_id=999999), now=NOW)


def test_reroute_keeps_the_number_and_records_the_move(engine, users):
    case = register_case(engine, users["reception"], form(), now=NOW)
    with unit_of_work(engine) as session:
        session.add(CaseMediator(case_id=case.id, user_id=users["mediator"].id, assigned_at=NOW))
        session.get(Case, case.id).mediator_id = users["mediator"].id
    with pytest.raises(IntakeError, match="理由"):
        reroute_case(engine, users["reception"], case.id, "traffic", "  ")
    with pytest.raises(IntakeError, match="已在该委员会"):
        reroute_case(engine, users["reception"], case.id, "medical", "核对")
    moved = reroute_case(engine, users["reception"], case.id, "traffic", "实为交通事故致伤后的治疗费用争议")
    assert (moved.number, moved.from_committee, moved.to_committee) == (case.number, "medical", "traffic")
    with read_only(engine) as session:
        row = session.get(Case, case.id)
        assert row.number == case.number
        assert session.get(Committee, row.committee_id).code == "traffic"
        assert row.mediator_id is None
        assert session.scalar(select(func.count()).select_from(CaseMediator)) == 0
        change = session.scalars(select(StatusChange).where(StatusChange.case_id == case.id)
                                 .order_by(StatusChange.id.desc())).first()
        assert "医患 → 交通事故" in change.reason and "交通事故致伤" in change.reason
        entry = _audit(session, "case.reroute")[0]
        assert entry.before["committee"] == "medical" and entry.after["committee"] == "traffic"
        assert entry.before["mediators"] == [users["mediator"].id]
    # The medical sequence is untouched: the next medical case is 002, the traffic one 001.
    assert register_case(engine, users["reception"], form(), now=NOW).number.endswith("医人调字〔2026〕第002号")


def test_mediators_reroute_only_their_own_committees_cases(engine, users):
    case = register_case(engine, users["reception"], form(committee="labour", dispute_type="10",
                                                          medical_consent=""), now=NOW)
    with pytest.raises(PermissionDenied, match="本委员会"):
        reroute_case(engine, users["mediator"], case.id, "medical", "其实是医疗纠纷")
    medical = register_case(engine, users["reception"], form(), now=NOW)
    assert reroute_case(engine, users["mediator"], medical.id, "traffic", "交通事故").to_committee == "traffic"
    with pytest.raises(PermissionDenied):
        reroute_case(engine, users["director"], medical.id, "general", "x")


def test_a_concluded_case_is_not_rerouted(engine, users):
    parties = form().parties
    refused = register_case(engine, users["reception"],
                            form(parties=(parties[0], replace(parties[1], refuses_mediation=True))), now=NOW)
    with pytest.raises(ValueError, match="不能改派"):
        reroute_case(engine, users["reception"], refused.id, "general", "改到综合窗口")


def test_referral_for_a_land_rights_dispute(engine, users):
    """土地管理法第十四条: ownership and use-right disputes are for the government: 转办单."""
    from core.queue import take_ticket

    ticket = take_ticket(engine, users["reception"], "land", now=datetime(2026, 11, 2, 9, 0))
    with pytest.raises(IntakeError) as caught:
        create_referral(engine, users["reception"], visitor_name="", summary="", reason="", refer_to="",
                        visitor_phone="123")
    assert set(caught.value.errors) == {"visitor_name", "visitor_phone", "summary", "reason", "refer_to"}
    row = create_referral(
        engine, users["reception"], visitor_name="王 五", visitor_phone="139 1234 5678",
        summary="两个村为一片山林的所有权争了多年", reason="山林所有权争议，依土地管理法第十四条由人民政府处理",
        refer_to="乡（镇）人民政府", ticket_id=ticket.id, now=NOW)
    assert (row.visitor_name, row.visitor_phone, row.created_by) == ("王五", "13912345678", "王前台")
    assert row.number == f"转〔2026〕第{row.id:03d}号"
    assert row.centre_name == "衢州市衢江区专业调解中心"
    with read_only(engine) as session:
        stored = session.get(Referral, row.id)
        assert stored.refer_to == "乡（镇）人民政府" and stored.created_by_id == users["reception"].id
        assert session.get(QueueTicket, ticket.id).status == "done"
        assert _audit(session, "referral.create")[0].entity_id == row.id


def test_document_data_has_everything_the_forms_print(engine, users):
    case = register_case(engine, users["reception"], form(), now=NOW)
    doc = intake_document(engine, users["reception"], case.id)
    assert (doc.number, doc.committee_name, doc.received_by) == (case.number, "医疗纠纷人民调解委员会", "王前台")
    assert [p.role for p in doc.parties] == ["applicant", "respondent", "agent"]
    zhang = doc.parties[0]
    assert (zhang.age, zhang.id_number) == (41, ZHANG_ID)
    assert doc.agents[0].represents == "张三"
    assert doc.amount_claimed == Decimal("50000.00")
    with pytest.raises(PermissionDenied):
        intake_document(engine, users["admin"], case.id)


def _register_same_new_person(url: str, user, n: int) -> list[str]:
    from core.database import open_database

    engine = open_database(url)
    numbers = []
    for i in range(n):
        f = form(summary=f"第{i}次登记：术后感染，要求赔偿。")
        numbers.append(register_case(engine, user, f, now=NOW).number)
    engine.dispose()
    return numbers


def test_several_counters_registering_the_same_new_person(db_url, users):
    """Four PCs register cases for the same first-time visitor at once: one party row, and
    distinct, gap-free numbers (SQLite: write lock at BEGIN; PostgreSQL: unique key + retry)."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        results = pool.starmap(_register_same_new_person, [(db_url, users["reception"], 3)] * 4)
    numbers = sorted(n for chunk in results for n in chunk)
    assert len(set(numbers)) == 12
    from core.database import open_database

    engine = open_database(db_url)
    with read_only(engine) as session:
        assert session.scalar(select(func.count()).select_from(Party).where(Party.id_number == ZHANG_ID)) == 1
        assert session.scalar(select(func.count()).select_from(Party).where(Party.uscc == HOSPITAL_USCC)) == 1
        assert sorted(session.scalars(select(Case.seq))) == list(range(1, 13))
    engine.dispose()
