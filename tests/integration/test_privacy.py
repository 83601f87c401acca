"""Personal data (domain.md §8; 个人信息保护法, 居民身份证法第十三条) on both engines: masked ID numbers
and their logged reveal, medical details for the medical committee and the director only, the
anonymisation of long-archived cases (statistics unchanged) and the export of everything held about
one person."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from core import stats
from core.auth import MedicalDetailsRestricted, PermissionDenied
from core.cases import CaseFilter, list_cases
from core.identifiers import id_check_char, mask_id
from core.lifecycle import case_overview
from core.privacy import (
    ANONYMISED,
    anonymisable_cases,
    anonymise_cases,
    export_person,
    open_case_record,
    reveal_id_number,
)
from core.sessions import get_session
from core.uow import read_only, unit_of_work
from db.models import (
    Agreement,
    AgreementTerm,
    Attachment,
    AuditEntry,
    Case,
    CaseParty,
    FollowUp,
    Instalment,
    MediationSession,
    Party,
    Payment,
    QueueTicket,
    Setting,
    StatusChange,
)
from tests.conftest import make_user
from tests.factories import add_case_with_parties

TODAY = date(2026, 11, 20)


def resident_id(seq: int) -> str:
    first17 = f"33080219800101{seq:03d}"
    return first17 + id_check_char(first17)


ZHANG = resident_id(1)
LI = resident_id(2)


def audit_rows(engine, action: str) -> list[tuple]:
    with read_only(engine) as session:
        return list(session.execute(select(AuditEntry.user_id, AuditEntry.entity, AuditEntry.entity_id,
                                           AuditEntry.after).where(AuditEntry.action == action)
                                    .order_by(AuditEntry.id)))


@pytest.fixture()
def people(engine, users, _password_hash):
    """users + a mediator of the labour committee only (users["mediator"]: medical and traffic)."""
    return {**users, "labour": make_user(engine, "mediator", committees=("labour",), full_name="周劳动",
                                         password_hash=_password_hash)}


# ------------------------------------------------------------------------------ masking and revealing


def test_id_numbers_are_masked_and_a_reveal_is_logged(engine, people):
    """居民身份证法第十三条; domain.md §8: first 6 and last 4 in lists and screens."""
    case = add_case_with_parties(engine, ({"name": "张三", "id_number": ZHANG, "phone": "13812345678"},
                                          {"name": "衢江区人民医院", "kind": "organisation"}))
    mediator = people["mediator"]
    parties = case_overview(engine, mediator, case.case_id).parties
    assert parties[0].id_masked == mask_id(ZHANG) == ZHANG[:6] + "********" + ZHANG[-4:]
    rows = list_cases(engine, people["director"])
    assert ZHANG not in json.dumps([r.to_json() for r in rows], ensure_ascii=False)

    assert reveal_id_number(engine, mediator, parties[0].party_id) == ZHANG
    [(user_id, entity, entity_id, after)] = audit_rows(engine, "privacy.reveal_id")
    assert (user_id, entity, entity_id) == (mediator.id, "party", case.party_ids[0])
    assert after["masked"] == mask_id(ZHANG) and ZHANG not in json.dumps(after)

    # Reception may not see a medical case's parties; the admin sees no cases at all.
    with pytest.raises(MedicalDetailsRestricted):
        reveal_id_number(engine, people["reception"], case.party_ids[0])
    with pytest.raises(PermissionDenied):
        reveal_id_number(engine, people["admin"], case.party_ids[0])
    assert len(audit_rows(engine, "privacy.reveal_id")) == 1
    assert len(audit_rows(engine, "permission.denied")) == 2


def test_the_cases_command_prints_no_full_id_number(engine, users, db_url, capsys):
    from desktop.cli import main

    add_case_with_parties(engine, ({"name": "张三", "id_number": ZHANG}, {"name": "李四", "id_number": LI}),
                          committee="general", dispute_type="02")
    assert main(["cases", "--json", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "张三" in out and ZHANG not in out and LI not in out


def test_relatives_id_numbers_are_masked_for_those_who_only_read_the_pool(engine, people):
    """The experts' declared relations (回避) carry ID numbers: full for the admin who keeps them."""
    from core.experts import (
        ExpertForm,
        RelationRow,
        get_expert,
        list_relations,
        save_expert,
        save_user_relations,
    )

    admin = people["admin"]
    expert_id = save_expert(engine, admin, ExpertForm(name="姜金水", agency="衢江区卫生健康局",
                                                      relations=(RelationRow("姜某", "配偶", ZHANG),)))
    save_user_relations(engine, admin, people["mediator"].id, (RelationRow("李某", "配偶", LI),))
    assert get_expert(engine, admin, expert_id).relations[0].id_number == ZHANG
    assert get_expert(engine, people["reception"], expert_id).relations[0].id_number == mask_id(ZHANG)
    assert list_relations(engine, people["director"], user_id=people["mediator"].id)[0].id_number == mask_id(LI)


# ------------------------------------------------------------------------------ medical details


def test_reception_sees_medical_cases_in_the_list_but_not_their_details(engine, people):
    """个人信息保护法第二十八条: medical information is sensitive."""
    medical = add_case_with_parties(engine, ({"name": "张三", "phone": "13812345678"},
                                             {"name": "衢江区人民医院", "kind": "organisation"}),
                                    summary="阑尾炎术后切口感染")
    labour = add_case_with_parties(engine, ({"name": "王五"}, {"name": "衢江建材有限公司", "kind": "organisation"}),
                                   committee="labour", dispute_type="10", summary="拖欠三个月工资")
    reception, director = people["reception"], people["director"]

    rows = {r.id: r for r in list_cases(engine, reception)}
    assert (rows[medical.case_id].number, rows[medical.case_id].status) == (medical.number, "registered")
    assert rows[medical.case_id].summary == "" and rows[medical.case_id].amount_claimed is None
    assert rows[medical.case_id].party_names == "张三、衢江区人民医院"  # to find a returning visitor's case
    assert rows[labour.case_id].summary == "拖欠三个月工资" and "王五" in rows[labour.case_id].party_names
    # Found by number or name, not by what the case is about.
    assert [r.id for r in list_cases(engine, reception, CaseFilter(text="切口感染"))] == []
    assert [r.id for r in list_cases(engine, reception, CaseFilter(text="张三"))] == [medical.case_id]
    assert [r.id for r in list_cases(engine, reception, CaseFilter(text=medical.number))] == [medical.case_id]
    assert {r.id: r.summary for r in list_cases(engine, director)}[medical.case_id] == "阑尾炎术后切口感染"

    with pytest.raises(MedicalDetailsRestricted) as refused:
        case_overview(engine, reception, medical.case_id)
    assert (refused.value.number, refused.value.status) == (medical.number, "registered")
    assert case_overview(engine, reception, labour.case_id).header.summary == "拖欠三个月工资"
    assert case_overview(engine, director, medical.case_id).header.summary == "阑尾炎术后切口感染"
    with pytest.raises(PermissionDenied):
        case_overview(engine, people["labour"], medical.case_id)
    denied = audit_rows(engine, "permission.denied")
    assert [(u, e, i) for u, e, i, _ in denied] == [(reception.id, "case", medical.case_id),
                                                    (people["labour"].id, "case", medical.case_id)]
    assert denied[0][3]["permission"] == "cases.read_medical"


def test_opening_a_medical_case_is_logged_once_per_opening(engine, people):
    medical = add_case_with_parties(engine, ({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"}),
                                    status="mediating")
    labour = add_case_with_parties(engine, ({"name": "王五"}, {"name": "赵六"}), committee="labour",
                                   dispute_type="10")
    mediator, director = people["mediator"], people["director"]
    assert open_case_record(engine, mediator, medical.case_id).medical
    case_overview(engine, mediator, medical.case_id)  # refreshing the screen: not another opening
    assert not open_case_record(engine, director, labour.case_id).medical
    assert [(u, i, a["what"]) for u, _e, i, a in audit_rows(engine, "privacy.view_medical")] == [
        (mediator.id, medical.case_id, "detail")]

    with unit_of_work(engine) as session:
        row = MediationSession(case_id=medical.case_id, started_at=datetime(2026, 11, 10, 9, 30), matter="赔偿")
        session.add(row)
        session.flush()
        session_id = row.id
    get_session(engine, director, session_id)
    from core.dossier import build_document

    build_document(engine, "registration", medical.case_id, user=director, today=TODAY)
    build_document(engine, "registration", medical.case_id, today=TODAY)  # the command line: not logged
    assert [(u, a["what"]) for u, _e, _i, a in audit_rows(engine, "privacy.view_medical")][1:] == [
        (director.id, "session_record"), (director.id, "registration")]


# ------------------------------------------------------------------------------ anonymisation


@dataclass(frozen=True)
class OldCase:
    case_id: int
    number: str
    person_id: int
    org_id: int


def old_case(engine, *, person: dict, archived_at: datetime, received: date = date(2019, 5, 6),
             shared_party_id: int | None = None) -> OldCase:
    """A medical case from 2019 with everything a case holds: an agreement paid and performed, a
    session with statements, a rated visit, an attachment, the status history — archived."""
    added = add_case_with_parties(engine, (
        {"party_id": shared_party_id} if shared_party_id else person,
        {"name": f"衢江区第{received.day}人民医院", "kind": "organisation"},
    ), received=received, status="archived", summary="阑尾炎术后切口感染，张三要求赔偿医疗费。")
    with unit_of_work(engine) as session:
        case = session.get(Case, added.case_id)
        case.accepted_on, case.concluded_on = date(2019, 5, 7), date(2019, 5, 20)
        case.amount_claimed, case.escalation_risk = Decimal("50000.00"), True
        case.escalation_notified_to, case.conclusion_reason = "樟潭派出所张警官", ""
        case.requests = ["赔偿医疗费", "书面道歉"]
        person_cp, org_cp = session.scalars(select(CaseParty.id).where(CaseParty.case_id == case.id)
                                            .order_by(CaseParty.position)).all()
        party = session.get(Party, added.party_ids[0])
        if shared_party_id is None:
            party.address, party.birth_date, party.sex = "衢江区樟潭街道1号", date(1980, 1, 1), "M"
        org = session.get(Party, added.party_ids[1])
        org.legal_representative = "周院长"
        agreement = Agreement(case_id=case.id, kind="written", facts="张三术后感染", matters="赔偿",
                              responsibilities=[{"case_party_id": org_cp, "text": "医院承担主要责任", "ratio": "70%"}],
                              performance="一次性支付", amount=Decimal("20000.00"), formed_on=date(2019, 5, 20),
                              effective_on=date(2019, 5, 20), last_due_on=date(2019, 5, 31),
                              performed_on=date(2019, 5, 30))
        session.add(agreement)
        session.flush()
        session.add(AgreementTerm(agreement_id=agreement.id, position=1, text="医院赔偿张三20000元"))
        inst = Instalment(agreement_id=agreement.id, due_on=date(2019, 5, 31), amount=Decimal("20000.00"),
                          payer_id=org_cp, payee_id=person_cp, paid_in_full_on=date(2019, 5, 30))
        session.add(inst)
        session.flush()
        session.add(Payment(instalment_id=inst.id, amount=Decimal("20000.00"), paid_on=date(2019, 5, 30)))
        session.add(MediationSession(case_id=case.id, started_at=datetime(2019, 5, 10, 9, 30), place="医患纠纷调解室",
                                     matter="张三术后感染赔偿", parties_present=[person_cp, org_cp],
                                     statements=[{"case_party_id": person_cp, "text": "我叫张三，要求赔偿5万元"}],
                                     verified_facts="手术经过无异议", outcome="达成协议"))
        session.add(FollowUp(case_id=case.id, scheduled_on=date(2019, 6, 3), visited_on=date(2019, 6, 3),
                             party_id=person_cp, performance="张三确认已收到赔偿款", rating=4))
        session.add(Attachment(case_id=case.id, kind="id_proof", filename="张三身份证.png", media_type="image/png",
                               sha256="0" * 64, size_bytes=4, content=b"\x89PNG", added_at=datetime(2019, 5, 6)))
        for frm, to, at in ((None, "registered", datetime(2019, 5, 6, 9)), ("registered", "accepted",
                            datetime(2019, 5, 7, 9)), ("agreed", "performed", datetime(2019, 5, 30, 9)),
                            ("performed", "archived", archived_at)):
            session.add(StatusChange(case_id=case.id, from_status=frm, to_status=to, at=at, reason="张三"))
        ticket = QueueTicket(committee_id=case.committee_id, day=received, seq=received.day, label=f"医-{received.day:03d}",
                             status="done", taken_at=datetime.combine(received, datetime.min.time()))
        session.add(ticket)
        session.flush()
        case.ticket_id = ticket.id
    return OldCase(added.case_id, added.number, added.party_ids[0], added.party_ids[1])


def set_years(engine, value: str) -> None:
    """The admin's 系统设置 (core.settings_form) in one line."""
    with unit_of_work(engine) as session:
        session.merge(Setting(key="anonymise_after_years", value=value))


def test_anonymisation_of_long_archived_cases(engine, people):
    """个人信息保护法第十九条、第四十七条: kept no longer than necessary; the figures stay (§5)."""
    admin = people["admin"]
    old = old_case(engine, person={"name": "张三", "id_number": ZHANG, "phone": "13812345678"},
                   archived_at=datetime(2019, 6, 10, 9))
    # 李四 is in an old case and in a case still open: his record stays for the open case.
    li = add_case_with_parties(engine, ({"name": "李四", "id_number": LI, "phone": "13900001111"},
                                        {"name": "衢江区人民医院", "kind": "organisation"}))
    shared = old_case(engine, person={}, archived_at=datetime(2019, 7, 1, 9), received=date(2019, 5, 8),
                      shared_party_id=li.party_ids[0])
    recent = old_case(engine, person={"name": "王五"}, archived_at=datetime(2023, 1, 5, 9), received=date(2019, 5, 9))

    eligible = anonymisable_cases(engine, admin, today=TODAY)
    assert [c.case_id for c in eligible] == [old.case_id, shared.case_id]  # 5 years by default
    set_years(engine, "3")
    assert recent.case_id in {c.case_id for c in anonymisable_cases(engine, admin, today=TODAY)}
    set_years(engine, "5")

    before = stats.compute_stats(engine, date(2019, 5, 1), date(2019, 6, 30))
    before_month = stats.monthly_report_data(engine, 2019, 5, trend=False)
    t = before.total
    assert (t.received, t.successful, t.amount_agreed, t.ratings, t.escalation_persons, t.sessions) == (
        3, 3, Decimal("60000.00"), 3, 6, 3)
    result = anonymise_cases(engine, admin, [old.case_id, shared.case_id], today=TODAY)
    assert result.cases == (old.number, shared.number)
    assert (result.parties_split, result.attachments_deleted) == (1, 2)
    assert stats.compute_stats(engine, date(2019, 5, 1), date(2019, 6, 30)) == before
    assert stats.monthly_report_data(engine, 2019, 5, trend=False) == before_month

    with read_only(engine) as session:
        zhang = session.get(Party, old.person_id)
        assert (zhang.name, zhang.id_number, zhang.phone, zhang.address, zhang.birth_date, zhang.anonymised) == (
            "当事人甲", None, None, None, None, True)
        hospital = session.get(Party, old.org_id)
        assert hospital.name == "衢江区第6人民医院" and hospital.legal_representative is None
        case = session.get(Case, old.case_id)
        assert (case.summary, case.requests, case.escalation_notified_to) == (ANONYMISED, [ANONYMISED] * 2, ANONYMISED)
        s = session.scalars(select(MediationSession).where(MediationSession.case_id == old.case_id)).one()
        assert s.statements[0]["text"] == ANONYMISED and s.matter == ANONYMISED
        agreement = session.scalars(select(Agreement).where(Agreement.case_id == old.case_id)).one()
        assert (agreement.facts, agreement.amount) == (ANONYMISED, Decimal("20000.00"))
        assert session.scalars(select(AgreementTerm.text).where(AgreementTerm.agreement_id == agreement.id)).all() \
            == [ANONYMISED]
        visit = session.scalars(select(FollowUp).where(FollowUp.case_id == old.case_id)).one()
        assert (visit.performance, visit.rating) == (ANONYMISED, 4)
        assert session.scalar(select(func.count(Attachment.id)).where(
            Attachment.case_id.in_([old.case_id, shared.case_id]))) == 0
        # The shared party: untouched for the open case; the old case now names 当事人甲.
        li_row = session.get(Party, li.party_ids[0])
        assert (li_row.name, li_row.id_number, li_row.anonymised) == ("李四", LI, False)
        link = session.scalars(select(CaseParty).where(CaseParty.case_id == shared.case_id)
                               .order_by(CaseParty.position)).first()
        stand_in = session.get(Party, link.party_id)
        assert link.party_id != li_row.id and (stand_in.name, stand_in.anonymised) == ("当事人甲", True)
        assert session.scalars(select(CaseParty.party_id).where(CaseParty.case_id == li.case_id)).first() == li_row.id

    audited = audit_rows(engine, "privacy.anonymise")
    assert [(u, e, i) for u, e, i, _ in audited] == [(admin.id, "case", old.case_id), (admin.id, "case", shared.case_id)]
    assert [c.case_id for c in anonymisable_cases(engine, admin, today=TODAY)] == []
    with pytest.raises(ValueError, match="不符合匿名化条件"):
        anonymise_cases(engine, admin, [old.case_id], today=TODAY)
    with pytest.raises(PermissionDenied):
        anonymise_cases(engine, people["director"], [recent.case_id], today=TODAY)


# ------------------------------------------------------------------------------ export


def test_export_everything_held_about_one_person(engine, people, tmp_path, db_url):
    """个人信息保护法第四十五条: a person may see and copy what is held about them."""
    admin = people["admin"]
    old = old_case(engine, person={"name": "张三", "id_number": ZHANG, "phone": "13812345678"},
                   archived_at=datetime(2024, 6, 10, 9))
    other = add_case_with_parties(engine, ({"party_id": old.person_id}, {"name": "李四", "id_number": LI}),
                                  committee="general", dispute_type="02", summary="邻里漏水纠纷")
    reveal_id_number(engine, people["director"], old.person_id)

    out = tmp_path / "zhang.json"
    result = export_person(engine, admin, id_number=ZHANG.lower(), out=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert result.party_ids == (old.person_id,) and data == result.data
    assert [p["id_number"] for p in data["parties"]] == [ZHANG]
    cases = {c["number"]: c for c in data["cases"]}
    assert set(cases) == {old.number, other.number}
    mine = cases[old.number]
    assert mine["role"] == "applicant" and mine["requests"] == ["赔偿医疗费", "书面道歉"]
    assert mine["agreement"]["terms"] == ["医院赔偿张三20000元"] and mine["agreement"]["instalments"][0]["pays"] is False
    assert mine["sessions_attended"][0]["own_statements"] == ["我叫张三，要求赔偿5万元"]
    assert mine["followups"][0]["rating"] == 4
    assert [t["label"] for t in data["queue_tickets"]] == ["医-006"]
    assert [a["action"] for a in data["audit"]] == ["privacy.reveal_id"]
    assert LI not in out.read_text(encoding="utf-8")  # the other party of the neighbours' case is not exported
    [(user_id, entity, entity_id, after)] = audit_rows(engine, "privacy.export_person")
    assert (user_id, entity, entity_id, after["parties"]) == (admin.id, "party", old.person_id, [old.person_id])

    by_name = export_person(engine, admin, name="张三", phone="138 1234 5678")
    assert by_name.party_ids == (old.person_id,)
    with pytest.raises(LookupError):
        export_person(engine, admin, id_number=resident_id(99))
    with pytest.raises(PermissionDenied):
        export_person(engine, people["director"], id_number=ZHANG)

    from desktop.cli import main

    cli_out = tmp_path / "cli.json"
    assert main(["person-export", "--id-number", ZHANG, "--out", str(cli_out), "--db", db_url]) == 0
    assert json.loads(cli_out.read_text(encoding="utf-8"))["parties"][0]["name"] == "张三"
    assert main(["person-export", "--id-number", resident_id(98), "--out", str(tmp_path / "x.json"),
                 "--db", db_url]) == 1
