"""The case lifecycle: every legal and illegal transition, and each operation's preconditions
with the article it comes from (domain.md §2–§3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from core.auth import PermissionDenied
from core.lifecycle import (
    OPERATIONS,
    TransitionError,
    accept_case,
    archive_case,
    check_transition,
    fail_mediation,
    mark_performed,
    operations_from,
    record_agreement_reached,
    refuse_mediation,
    start_mediation,
    terminate_mediation,
    withdraw_case,
)
from core.uow import read_only, unit_of_work
from db.codes import CASE_STATUSES
from db.models import (
    Agreement,
    AgreementTerm,
    AuditEntry,
    Case,
    CaseParty,
    Consent,
    FollowUp,
    Instalment,
    Party,
    Signature,
    StatusChange,
)
from tests.conftest import make_user
from tests.factories import add_case_with_parties

# The lifecycle of the issue, written out independently of core.lifecycle.OPERATIONS:
# registered → accepted → mediating → agreed | failed | terminated | withdrawn | refused,
# then agreed → performed → archived (concluded cases are archived too).
LEGAL: dict[tuple[str, str], str] = {
    ("accept_case", "registered"): "accepted",
    ("start_mediation", "accepted"): "mediating",
    ("record_agreement_reached", "mediating"): "agreed",
    ("fail_mediation", "accepted"): "failed",
    ("fail_mediation", "mediating"): "failed",
    ("terminate_mediation", "accepted"): "terminated",
    ("terminate_mediation", "mediating"): "terminated",
    ("withdraw_case", "registered"): "withdrawn",
    ("withdraw_case", "accepted"): "withdrawn",
    ("withdraw_case", "mediating"): "withdrawn",
    ("refuse_mediation", "registered"): "refused",
    ("refuse_mediation", "accepted"): "refused",
    ("mark_performed", "agreed"): "performed",
    ("archive_case", "performed"): "archived",
    ("archive_case", "failed"): "archived",
    ("archive_case", "terminated"): "archived",
    ("archive_case", "withdrawn"): "archived",
    ("archive_case", "refused"): "archived",
}
ALL_PAIRS = [(op, status) for op in OPERATIONS for status in CASE_STATUSES]

NOW = datetime(2026, 11, 20, 16, 0)


@pytest.mark.parametrize(("operation", "status"), [p for p in ALL_PAIRS if p in LEGAL])
def test_every_legal_transition(operation, status):
    assert check_transition(operation, status).target == LEGAL[(operation, status)]


@pytest.mark.parametrize(("operation", "status"), [p for p in ALL_PAIRS if p not in LEGAL])
def test_every_illegal_transition_is_refused_with_a_reason(operation, status):
    with pytest.raises(TransitionError) as refused:
        check_transition(operation, status)
    message = refused.value.reason
    assert f"当前状态为“{CASE_STATUSES[status]}”" in message
    assert OPERATIONS[operation].label in message


def test_operations_offered_per_status_follow_the_table():
    for status in CASE_STATUSES:
        offered = {op.name for op in operations_from(status)}
        assert offered == {op for op, s in LEGAL if s == status}
    assert operations_from("archived") == []


def test_unknown_operation_refused():
    with pytest.raises(TransitionError, match="未知"):
        check_transition("delete_case", "registered")


# ----------------------------------------------------------------------------- with a database


@dataclass(frozen=True)
class Built:
    case_id: int
    number: str
    cps: dict[str, int]  # party name → case_party id


def build(engine, *, committee="medical", dispute_type="13", received=date(2026, 11, 2),
          medical_consent: str | None = "both_applied", parties=None) -> Built:
    parties = parties or ({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"})
    added = add_case_with_parties(engine, parties, committee=committee, dispute_type=dispute_type,
                                  received=received)
    with unit_of_work(engine) as session:
        case = session.get(Case, added.case_id)
        case.medical_consent = medical_consent if committee == "medical" else None
        cps = {name: cp_id for cp_id, name in session.execute(
            select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id == added.case_id))}
    return Built(added.case_id, added.number, cps)


@pytest.fixture()
def people(sqlite_engine, _password_hash):
    def user(role, name, **kw):
        return make_user(sqlite_engine, role, username=name, password_hash=_password_hash, **kw)

    return {
        "mediator": user("mediator", "med", committees=("medical", "traffic")),
        "other": user("mediator", "lab", committees=("labour",), full_name="孙劳动"),
        "reception": user("reception", "rec"),
        "director": user("director", "dir"),
    }


def status_of(engine, case_id: int) -> str:
    with read_only(engine) as session:
        return session.get(Case, case_id).status


def add_agreement(engine, built: Built, *, kind="written", signed_by=(), mediator_id=None,
                  signed_on=date(2026, 11, 10), terms=("被申请人赔偿申请人人民币30000元",),
                  instalments=(), formed_on=None) -> int:
    with unit_of_work(engine) as session:
        agreement = Agreement(case_id=built.case_id, kind=kind, facts="术后感染", amount=Decimal("30000.00"),
                              formed_on=formed_on, last_due_on=max((d for d, _a in instalments), default=None))
        session.add(agreement)
        session.flush()
        for pos, text in enumerate(terms, start=1):
            session.add(AgreementTerm(agreement_id=agreement.id, position=pos, text=text))
        for name in signed_by:
            session.add(Signature(agreement_id=agreement.id, case_party_id=built.cps[name], signed_on=signed_on))
        if mediator_id:
            session.add(Signature(agreement_id=agreement.id, user_id=mediator_id, signed_on=signed_on))
        for due, amount in instalments:
            session.add(Instalment(agreement_id=agreement.id, due_on=due, amount=Decimal(amount),
                                   payer_id=built.cps["衢江区人民医院"], payee_id=built.cps["张三"]))
        return agreement.id


def to_mediating(engine, built: Built, user) -> None:
    accept_case(engine, user, built.case_id, on=date(2026, 11, 3), now=NOW)
    start_mediation(engine, user, built.case_id, on=date(2026, 11, 4), now=NOW)


def test_whole_path_writes_status_changes_and_audit(sqlite_engine, people):
    """registered → accepted → mediating → agreed → performed → archived, each step recorded."""
    m = people["mediator"]
    built = build(sqlite_engine)
    to_mediating(sqlite_engine, built, m)
    add_agreement(sqlite_engine, built, signed_by=("张三", "衢江区人民医院"), mediator_id=m.id)
    result = record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    assert result.to_status == "agreed" and result.on == date(2026, 11, 10)
    assert result.judicial_deadline.due == date(2026, 12, 10)  # 人民调解法第三十三条: 30 days
    mark_performed(sqlite_engine, m, built.case_id, on=date(2026, 11, 12), now=NOW)
    archive_case(sqlite_engine, m, built.case_id, now=NOW)
    with read_only(sqlite_engine) as session:
        changes = [(c.from_status, c.to_status) for c in session.scalars(
            select(StatusChange).where(StatusChange.case_id == built.case_id).order_by(StatusChange.id))]
        actions = list(session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity == "case", AuditEntry.entity_id == built.case_id).order_by(AuditEntry.id)))
        case = session.get(Case, built.case_id)
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == built.case_id))
        case_facts = (case.status, case.accepted_on, case.concluded_on, case.mediator_id)
        agreement_days = (agreement.effective_on, agreement.performed_on)
    assert changes == [("registered", "accepted"), ("accepted", "mediating"), ("mediating", "agreed"),
                       ("agreed", "performed"), ("performed", "archived")]
    assert [a for a in actions if a.startswith("case.")] == [
        "case.accept_case", "case.start_mediation", "case.record_agreement_reached", "case.mark_performed",
        "case.archive_case"]
    assert case_facts == ("archived", date(2026, 11, 3), date(2026, 11, 10), m.id)
    assert agreement_days == (date(2026, 11, 10), date(2026, 11, 12))


def test_an_illegal_transition_writes_nothing(sqlite_engine, people):
    built = build(sqlite_engine)
    with pytest.raises(TransitionError, match="不能执行“立卷归档”"):
        archive_case(sqlite_engine, people["mediator"], built.case_id, now=NOW)
    with pytest.raises(TransitionError, match="不能执行“达成协议”"):
        record_agreement_reached(sqlite_engine, people["mediator"], built.case_id, now=NOW)
    with read_only(sqlite_engine) as session:
        assert session.scalar(select(StatusChange.id).where(StatusChange.case_id == built.case_id)) is None
    assert status_of(sqlite_engine, built.case_id) == "registered"


def test_reception_and_director_may_not_move_cases(sqlite_engine, people):
    """Reception registers; accepting is the committee's mediators' work (issue 5)."""
    built = build(sqlite_engine)
    for role in ("reception", "director"):
        with pytest.raises(PermissionDenied):
            accept_case(sqlite_engine, people[role], built.case_id, now=NOW)
    assert status_of(sqlite_engine, built.case_id) == "registered"


def test_mediator_acts_only_on_own_committees_cases(sqlite_engine, people):
    built = build(sqlite_engine)
    with pytest.raises(PermissionDenied, match="本委员会"):
        accept_case(sqlite_engine, people["other"], built.case_id, now=NOW)


def test_medical_case_needs_both_sides_application_or_consent(sqlite_engine, people):
    """医疗纠纷预防和处理条例第三十一条: both sides apply, or one applies and the other consents."""
    m = people["mediator"]
    built = build(sqlite_engine, medical_consent=None)
    with pytest.raises(TransitionError, match="第三十一条"):
        accept_case(sqlite_engine, m, built.case_id, now=NOW)
    with pytest.raises(TransitionError, match="请选择表示同意调解的当事人"):
        accept_case(sqlite_engine, m, built.case_id, medical_consent="consented", now=NOW)
    accept_case(sqlite_engine, m, built.case_id, medical_consent="consented",
                consenting_party_id=built.cps["衢江区人民医院"], consent_form="oral", now=NOW)
    with read_only(sqlite_engine) as session:
        consent = session.scalar(select(Consent).where(Consent.case_id == built.case_id))
        assert session.get(Case, built.case_id).medical_consent == "consented"
        assert (consent.kind, consent.form) == ("medical_application", "oral")
        assert consent.case_party_id == built.cps["衢江区人民医院"]


def test_non_medical_case_needs_no_medical_consent(sqlite_engine, people):
    built = build(sqlite_engine, committee="traffic", dispute_type="14")
    assert accept_case(sqlite_engine, people["mediator"], built.case_id, now=NOW).to_status == "accepted"


def test_a_refusing_party_blocks_acceptance_and_refusal_ends_the_case(sqlite_engine, people):
    """人民调解法第十七条: when one party clearly refuses, there is no mediation."""
    m = people["mediator"]
    built = build(sqlite_engine)
    with unit_of_work(sqlite_engine) as session:
        session.get(CaseParty, built.cps["衢江区人民医院"]).refuses_mediation = True
    with pytest.raises(TransitionError, match="第十七条"):
        accept_case(sqlite_engine, m, built.case_id, now=NOW)
    other = build(sqlite_engine)
    result = refuse_mediation(sqlite_engine, m, other.case_id, case_party_id=other.cps["衢江区人民医院"],
                              on=date(2026, 11, 3), now=NOW)
    assert result.to_status == "refused" and "第十七条" in result.reason
    with read_only(sqlite_engine) as session:
        case = session.get(Case, other.case_id)
        assert session.get(CaseParty, other.cps["衢江区人民医院"]).refuses_mediation
        assert case.concluded_on == date(2026, 11, 3) and "衢江区人民医院" in case.conclusion_reason


def test_refusal_after_mediation_started_is_termination(sqlite_engine, people):
    """人民调解法第二十三条、第二十六条: once mediating, a party asks to end it → 终止调解."""
    built = build(sqlite_engine)
    to_mediating(sqlite_engine, built, people["mediator"])
    with pytest.raises(TransitionError, match="终止调解"):
        refuse_mediation(sqlite_engine, people["mediator"], built.case_id, "拒绝", now=NOW)


def test_agreement_needs_a_session_record_first(sqlite_engine, people):
    """人民调解法第二十七条: the mediation is recorded — no agreement straight from 已受理."""
    m = people["mediator"]
    built = build(sqlite_engine)
    accept_case(sqlite_engine, m, built.case_id, on=date(2026, 11, 3), now=NOW)
    with pytest.raises(TransitionError, match="调解记录"):
        record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)


def test_agreement_row_required(sqlite_engine, people):
    built = build(sqlite_engine)
    to_mediating(sqlite_engine, built, people["mediator"])
    with pytest.raises(TransitionError, match="尚未制作调解协议"):
        record_agreement_reached(sqlite_engine, people["mediator"], built.case_id, now=NOW)


def test_written_agreement_needs_every_party_and_the_mediator_to_sign(sqlite_engine, people):
    """人民调解法第二十九条: effective once every party and the mediator have signed — on the
    last of those days."""
    m = people["mediator"]
    built = build(sqlite_engine)
    to_mediating(sqlite_engine, built, m)
    agreement_id = add_agreement(sqlite_engine, built, signed_by=("张三",))
    with pytest.raises(TransitionError, match="尚未签名：衢江区人民医院、调解员"):
        record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    with unit_of_work(sqlite_engine) as session:
        session.add(Signature(agreement_id=agreement_id, case_party_id=built.cps["衢江区人民医院"],
                              signed_on=date(2026, 11, 11)))
    with pytest.raises(TransitionError, match="尚未签名：调解员"):
        record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    with unit_of_work(sqlite_engine) as session:
        session.add(Signature(agreement_id=agreement_id, user_id=m.id, signed_on=date(2026, 11, 12)))
    result = record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    assert result.on == date(2026, 11, 12)  # the last signature
    with read_only(sqlite_engine) as session:
        agreement = session.get(Agreement, agreement_id)
        assert session.get(Case, built.case_id).concluded_on == date(2026, 11, 12)
        followups = session.scalars(select(FollowUp).where(FollowUp.case_id == built.case_id)).all()
        assert agreement.effective_on == date(2026, 11, 12) and agreement.formed_on == date(2026, 11, 12)
    assert len(followups) == 2 and result.followups_scheduled == 2  # a call to each party (人民调解法第三十一条)


def test_an_agent_with_power_of_attorney_signs_for_the_party(sqlite_engine, people):
    """Art.29 signatures: a legal person signs through its representative or authorised agent."""
    m = people["mediator"]
    built = build(sqlite_engine, parties=({"name": "张三"}, {"name": "衢江区人民医院", "kind": "organisation"},
                                          {"name": "李律师", "role": "agent"}))
    with unit_of_work(sqlite_engine) as session:
        agent = session.get(CaseParty, built.cps["李律师"])
        agent.represents_id = built.cps["衢江区人民医院"]
        agent.power_of_attorney = True
    to_mediating(sqlite_engine, built, m)
    add_agreement(sqlite_engine, built, signed_by=("张三", "李律师"), mediator_id=m.id)
    assert record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW).to_status == "agreed"


def test_oral_agreement_needs_its_content_and_takes_effect_when_reached(sqlite_engine, people):
    """人民调解法第二十八条 (the mediator records an oral agreement's content) and 第三十条 (it
    takes effect on the day it is reached)."""
    m = people["mediator"]
    built = build(sqlite_engine, committee="traffic", dispute_type="14")
    to_mediating(sqlite_engine, built, m)
    add_agreement(sqlite_engine, built, kind="oral", terms=(), formed_on=date(2026, 11, 6))
    with pytest.raises(TransitionError, match="第二十八条"):
        record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    with unit_of_work(sqlite_engine) as session:
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == built.case_id))
        session.add(AgreementTerm(agreement_id=agreement.id, position=1, text="双方互不追究"))
    result = record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    assert result.on == date(2026, 11, 6) and result.judicial_deadline is None


def test_fail_and_terminate_need_a_reason(sqlite_engine, people):
    """人民调解法第二十六条: ending mediation states why (the notice prints it)."""
    m = people["mediator"]
    built = build(sqlite_engine)
    to_mediating(sqlite_engine, built, m)
    for op in (fail_mediation, terminate_mediation):
        with pytest.raises(TransitionError, match="原因"):
            op(sqlite_engine, m, built.case_id, "  ", now=NOW)
    result = fail_mediation(sqlite_engine, m, built.case_id, "双方对赔偿数额分歧较大", on=date(2026, 11, 18), now=NOW)
    with read_only(sqlite_engine) as session:
        case = session.get(Case, built.case_id)
        concluded = (case.conclusion_reason, case.concluded_on)
    assert result.to_status == "failed" and result.police_deadline is None
    assert concluded == ("双方对赔偿数额分歧较大", date(2026, 11, 18))


def test_traffic_termination_notes_the_three_day_police_window(sqlite_engine, people):
    """道路交通事故处理程序规定第八十五条: within 3 days of termination the parties may apply
    together for police mediation; the last day, a Sunday here, moves to Monday (民法典第二百零三条)."""
    m = people["mediator"]
    built = build(sqlite_engine, committee="traffic", dispute_type="14",
                  parties=({"name": "王五"}, {"name": "赵六"}))
    to_mediating(sqlite_engine, built, m)
    result = terminate_mediation(sqlite_engine, m, built.case_id, "被申请人要求终止调解", on=date(2026, 11, 5),
                                 now=NOW)
    assert result.to_status == "terminated"
    assert result.police_deadline.due == date(2026, 11, 9) and not result.police_deadline.provisional
    with read_only(sqlite_engine) as session:
        reason = session.scalar(select(StatusChange.reason).where(StatusChange.case_id == built.case_id,
                                                                  StatusChange.to_status == "terminated"))
    assert "2026-11-09" in reason and "第八十五条" in reason


def test_withdraw_from_any_open_status(sqlite_engine, people):
    m = people["mediator"]
    for steps in (0, 1, 2):
        built = build(sqlite_engine)
        if steps >= 1:
            accept_case(sqlite_engine, m, built.case_id, on=date(2026, 11, 3), now=NOW)
        if steps == 2:
            start_mediation(sqlite_engine, m, built.case_id, on=date(2026, 11, 3), now=NOW)
        assert withdraw_case(sqlite_engine, m, built.case_id, now=NOW).to_status == "withdrawn"


def test_performed_only_when_every_instalment_is_paid(sqlite_engine, people):
    """人民调解法第三十一条: the committee supervises performance; 履行完毕 only when all is paid."""
    m = people["mediator"]
    built = build(sqlite_engine)
    to_mediating(sqlite_engine, built, m)
    add_agreement(sqlite_engine, built, signed_by=("张三", "衢江区人民医院"), mediator_id=m.id,
                  instalments=((date(2026, 11, 15), "10000.00"), (date(2026, 12, 15), "20000.00")))
    record_agreement_reached(sqlite_engine, m, built.case_id, now=NOW)
    with pytest.raises(TransitionError, match="尚有2期款项未付清"):
        mark_performed(sqlite_engine, m, built.case_id, now=NOW)
    with unit_of_work(sqlite_engine) as session:
        for inst in session.scalars(select(Instalment)):
            inst.paid_in_full_on = date(2026, 11, 14)
    assert mark_performed(sqlite_engine, m, built.case_id, now=NOW).on == date(2026, 11, 14)


def test_dates_in_the_future_or_before_registration_refused(sqlite_engine, people):
    built = build(sqlite_engine)
    with pytest.raises(TransitionError, match="不能晚于今天"):
        accept_case(sqlite_engine, people["mediator"], built.case_id, on=NOW.date() + timedelta(days=1), now=NOW)
    with pytest.raises(TransitionError, match="不能早于登记日"):
        accept_case(sqlite_engine, people["mediator"], built.case_id, on=date(2026, 10, 1), now=NOW)
