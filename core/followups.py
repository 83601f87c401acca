"""回访 (follow-up visits) after an agreement, the 好差评 rating and the bad-rating ledger.

The committee supervises performance (人民调解法第三十一条): when an agreement is reached, visits
are scheduled by themselves (:func:`schedule_after_agreement`):

* a satisfaction call to each party ``followup_call_workdays`` working days after the agreement
  took effect (default 3, *local practice*);
* a performance visit to the payee ``followup_after_due_days`` days after the last due date
  (default 7), moved to a working day, when the agreement has a later due date.

A visit records how the agreement was performed, the rating on the five 好差评 levels
(国办发〔2019〕51号; GB/T 39734-2020: 非常满意 5 · 满意 4 · 基本满意 3 · 不满意 2 · 非常不满意 1 — the
party may decline to rate), whether anyone went to court, any risk of escalation and what was
done about it (人民调解法第二十五条). A bad rating (2 or 1) opens a ledger entry (差评台账) that must
be answered within ``bad_rating_deadline_workdays`` working days (default 15, *local practice*,
configurable). Staff may not steer a rating and the rater's details stay confidential: the audit
log records that a rating was given, not who gave which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine, Select, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, PermissionDenied, can, require, use_case
from core.calendar_overrides import load_calendar
from core.lifecycle import load_case, principals
from core.messages import code_label, joined, msg
from core.settings import get_settings
from core.uow import read_only, unit_of_work
from db.codes import COMMITTEE_SHORT, RATINGS
from db.models import (
    Agreement,
    Case,
    CaseParty,
    Committee,
    FollowUp,
    Instalment,
    Party,
    RatingLedgerEntry,
    User,
)

ART25 = msg("《人民调解法》第二十五条")
BAD_RATING_MAX = 2  # 不满意 and 非常不满意
TEXT_MAX = 5000
DEFAULTS = {"bad_rating_deadline_workdays": 15, "followup_call_workdays": 3, "followup_after_due_days": 7}


def _int_setting(session: Session, key: str) -> int:
    try:
        return max(0, int(get_settings(session).get(key, DEFAULTS[key])))
    except ValueError:
        return DEFAULTS[key]


def rating_label(rating: int | None) -> str:
    return RATINGS.get(rating, "未评价") if rating is not None else "未评价"


def rating_group(rating: int | None) -> str:
    """好评 (5, 4), 中评 (3), 差评 (2, 1) — domain.md §6."""
    if rating is None:
        return ""
    return "好评" if rating >= 4 else ("中评" if rating == 3 else "差评")


# ------------------------------------------------------------------------------ scheduling


def schedule_after_agreement(session: Session, user: CurrentUser | None, case: Case, agreement: Agreement) -> int:
    """Schedule the follow-ups of a newly effective agreement inside the caller's unit of work.
    Returns how many were added (none if the case already has follow-ups)."""
    if agreement.effective_on is None:
        return 0
    if session.scalar(select(FollowUp.id).where(FollowUp.case_id == case.id).limit(1)) is not None:
        return 0
    cal = load_calendar(session)
    call_on = cal.add_workdays(agreement.effective_on, _int_setting(session, "followup_call_workdays")).day
    plan: list[tuple[date, int | None]] = [(call_on, cp_id) for cp_id, _r, _n in principals(session, case.id)]
    last_due = agreement.last_due_on or session.scalar(
        select(Instalment.due_on).where(Instalment.agreement_id == agreement.id)
        .order_by(Instalment.due_on.desc()).limit(1))
    if last_due is not None:
        visit_on = cal.roll_forward(last_due + timedelta(days=_int_setting(session, "followup_after_due_days"))).day
        if visit_on > call_on:
            payee = session.scalar(select(Instalment.payee_id).where(
                Instalment.agreement_id == agreement.id, Instalment.payee_id.is_not(None))
                .order_by(Instalment.due_on.desc()).limit(1))
            plan.append((visit_on, payee))
    for on, party in plan:
        session.add(FollowUp(case_id=case.id, scheduled_on=on, party_id=party))
    session.flush()
    audit.record(session, user, "followup.schedule", entity="case", entity_id=case.id,
                 after={"dates": sorted({on.isoformat() for on, _p in plan})}, detail=case.number)
    return len(plan)


@use_case
def schedule_followup(engine: Engine, user: CurrentUser, case_id: int, scheduled_on: date,
                      case_party_id: int | None = None) -> int:
    """Add one follow-up by hand (e.g. a second visit after a bad rating)."""
    require(user, "followups")
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True)
        if session.scalar(select(Agreement.id).where(Agreement.case_id == case_id)) is None:
            raise ValueError(msg("本案没有调解协议，无需回访"))
        if case_party_id is not None:
            cp = session.get(CaseParty, case_party_id)
            if cp is None or cp.case_id != case_id:
                raise ValueError(msg("该当事人不属于本案"))
        row = FollowUp(case_id=case_id, scheduled_on=scheduled_on, party_id=case_party_id)
        session.add(row)
        session.flush()
        audit.record(session, user, "followup.schedule", entity="followup", entity_id=row.id,
                     after={"scheduled_on": scheduled_on.isoformat()}, detail=case.number)
        return row.id


# ------------------------------------------------------------------------------ visits


@dataclass(frozen=True)
class VisitForm:
    visited_on: date | None
    performance: str = ""
    rating: int | None = None  # 1–5; None: the party declined to rate
    court_action: bool = False
    escalation_risk: bool = False
    action_taken: str = ""
    party_id: int | None = None  # case_party visited (keeps the scheduled one if None)


class VisitError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class VisitResult:
    followup_id: int
    ledger_entry_id: int | None
    ledger_due_on: date | None
    ledger_provisional: bool


def validate_visit(form: VisitForm, today: date, effective_on: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if form.visited_on is None:
        errors["visited_on"] = msg("请填写回访日期")
    elif form.visited_on > today:
        errors["visited_on"] = msg("回访日期不能晚于今天")
    elif effective_on is not None and form.visited_on < effective_on:
        errors["visited_on"] = msg("回访日期不能早于协议生效日（{day}）", day=effective_on.isoformat())
    if not form.performance.strip():
        errors["performance"] = msg("请填写协议履行情况")
    elif len(form.performance) > TEXT_MAX:
        errors["performance"] = msg("履行情况不超过{limit}个字", limit=TEXT_MAX)
    if form.rating is not None and form.rating not in RATINGS:
        errors["rating"] = msg("满意度应为五级评价之一（非常满意、满意、基本满意、不满意、非常不满意）")
    if form.escalation_risk and not form.action_taken.strip():
        errors["action_taken"] = msg("存在激化风险的，请填写已采取的措施（如已报告派出所，{law}）", law=ART25)
    elif len(form.action_taken) > TEXT_MAX:
        errors["action_taken"] = msg("处理情况不超过{limit}个字", limit=TEXT_MAX)
    return errors


@use_case
def record_visit(engine: Engine, user: CurrentUser, followup_id: int, form: VisitForm, *,
                 today: date | None = None) -> VisitResult:
    """Record a follow-up visit. A rating of 2 or 1 opens a ledger entry due in
    ``bad_rating_deadline_workdays`` working days. Raises :class:`VisitError` per field."""
    require(user, "followups")
    today = today or date.today()
    with unit_of_work(engine) as session:
        row = session.scalar(select(FollowUp).where(FollowUp.id == followup_id).with_for_update())
        if row is None:
            raise ValueError(msg("该回访已不存在"))
        case = load_case(session, user, row.case_id, write=True)
        if row.visited_on is not None:
            raise VisitError({"visited_on": msg("该回访已于{day}登记", day=row.visited_on.isoformat())})
        effective = session.scalar(select(Agreement.effective_on).where(Agreement.case_id == case.id))
        errors = validate_visit(form, today, effective)
        if form.party_id is not None:
            cp = session.get(CaseParty, form.party_id)
            if cp is None or cp.case_id != case.id:
                errors["party_id"] = msg("被回访人不属于本案")
        if errors:
            raise VisitError(errors)
        row.visited_on = form.visited_on
        row.visitor_id = user.id or None
        if form.party_id is not None:
            row.party_id = form.party_id
        row.performance = form.performance.strip()
        row.rating = form.rating
        row.court_action = form.court_action
        row.escalation_risk = form.escalation_risk
        row.action_taken = form.action_taken.strip()
        session.flush()
        # The rater stays confidential: the audit says a rating was given, not which.
        audit.record(session, user, "followup.visit", entity="followup", entity_id=row.id,
                     after={"visited_on": form.visited_on.isoformat(), "rated": form.rating is not None,
                            "court_action": form.court_action, "escalation_risk": form.escalation_risk},
                     detail=case.number)
        entry_id = due = None
        provisional = False
        if form.rating is not None and form.rating <= BAD_RATING_MAX:
            cal = load_calendar(session)
            result = cal.add_workdays(form.visited_on, _int_setting(session, "bad_rating_deadline_workdays"))
            due, provisional = result.day, result.provisional
            entry = RatingLedgerEntry(followup_id=row.id, opened_on=form.visited_on, due_on=due)
            session.add(entry)
            session.flush()
            entry_id = entry.id
            audit.record(session, user, "rating_ledger.open", entity="rating_ledger", entity_id=entry.id,
                         after={"opened_on": form.visited_on.isoformat(), "due_on": due.isoformat(),
                                "provisional": provisional}, detail=case.number)
        return VisitResult(row.id, entry_id, due, provisional)


@use_case
def answer_ledger_entry(engine: Engine, user: CurrentUser, entry_id: int, answer: str, *,
                        answered_on: date | None = None, today: date | None = None) -> None:
    """Close a bad rating: the party was called back, the matter put right and answered."""
    require(user, "followups")
    today = today or date.today()
    answered_on = answered_on or today
    answer = (answer or "").strip()
    errors: dict[str, str] = {}
    if not answer:
        errors["answer"] = msg("请填写整改及答复情况")
    elif len(answer) > TEXT_MAX:
        errors["answer"] = msg("答复不超过{limit}个字", limit=TEXT_MAX)
    if answered_on > today:
        errors["answered_on"] = msg("答复日期不能晚于今天")
    with unit_of_work(engine) as session:
        entry = session.scalar(select(RatingLedgerEntry).where(RatingLedgerEntry.id == entry_id).with_for_update())
        if entry is None:
            raise ValueError(msg("该差评台账记录已不存在"))
        followup = session.get(FollowUp, entry.followup_id)
        case = load_case(session, user, followup.case_id, write=True)
        if entry.answered_on is not None:
            raise VisitError({"answer": msg("该差评已于{day}答复", day=entry.answered_on.isoformat())})
        if answered_on < entry.opened_on:
            errors["answered_on"] = msg("答复日期不能早于差评登记日（{day}）", day=entry.opened_on.isoformat())
        if errors:
            raise VisitError(errors)
        entry.answered_on = answered_on
        entry.answer = answer
        audit.record(session, user, "rating_ledger.answer", entity="rating_ledger", entity_id=entry.id,
                     after={"answered_on": answered_on.isoformat(), "late": answered_on > entry.due_on},
                     detail=case.number)


# ------------------------------------------------------------------------------ lists


def _may_read(user: CurrentUser) -> None:
    if not (can(user, "followups") or can(user, "cases.read_all")):
        raise PermissionDenied(msg("{role}无权查看回访", role=code_label(user.role_name)), permission="followups")


def _scope(query, user: CurrentUser):
    if user.role == "mediator" and not can(user, "cases.read_all"):
        return query.where(Committee.code.in_(user.committee_codes))
    return query


@dataclass(frozen=True)
class FollowupRow:
    id: int
    case_id: int
    number: str
    committee: str
    scheduled_on: date
    visited_on: date | None
    party_id: int | None
    party: str
    phone: str
    visitor: str
    performance: str
    rating: int | None
    court_action: bool
    escalation_risk: bool
    action_taken: str
    overdue: bool  # not visited and the scheduled day has passed

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def rating_name(self) -> str:
        return rating_label(self.rating) if self.visited_on else ""


def _followup_rows(session: Session, conditions: list, today: date, user: CurrentUser) -> list[FollowupRow]:
    visitor = User.__table__.alias("visitor")
    # Plain columns, not FollowUp objects: the whole centre's list can run to thousands of rows.
    query = (select(FollowUp.id, FollowUp.case_id, FollowUp.scheduled_on, FollowUp.visited_on, FollowUp.party_id,
                    FollowUp.performance, FollowUp.rating, FollowUp.court_action, FollowUp.escalation_risk,
                    FollowUp.action_taken, Case.number, Committee.code, Party.name, Party.phone, visitor.c.full_name)
             .join(Case, Case.id == FollowUp.case_id)
             .join(Committee, Committee.id == Case.committee_id)
             .outerjoin(CaseParty, CaseParty.id == FollowUp.party_id)
             .outerjoin(Party, Party.id == CaseParty.party_id)
             .outerjoin(visitor, visitor.c.id == FollowUp.visitor_id)
             .where(*conditions))
    query = _scope(query, user)
    found = session.execute(query.order_by(FollowUp.scheduled_on, FollowUp.id)).all()
    # Chosen by the same query, not by a list of ids (more than SQLite takes as parameters).
    agents = agent_phones(session, query.with_only_columns(FollowUp.party_id)
                          .where(FollowUp.party_id.is_not(None))) if found else {}
    return [FollowupRow(
        id=fid, case_id=case_id, number=number, committee=code, scheduled_on=scheduled_on,
        visited_on=visited_on, party_id=party_id, party=name or "", phone=phone or agents.get(party_id, ""),
        visitor=vname or "", performance=performance or "", rating=rating, court_action=bool(court_action),
        escalation_risk=bool(escalation_risk), action_taken=action_taken or "",
        overdue=visited_on is None and scheduled_on < today)
        for (fid, case_id, scheduled_on, visited_on, party_id, performance, rating, court_action, escalation_risk,
             action_taken, number, code, name, phone, vname) in found]


def agent_phones(session: Session, case_party_ids: list[int] | Select) -> dict[int, str]:
    """A party without a phone of its own is reached through its agent. ``case_party_ids``: a
    list, or a query that selects them (for long lists)."""
    if isinstance(case_party_ids, list) and not case_party_ids:
        return {}
    out: dict[int, str] = {}
    for represents, name, phone in session.execute(
            select(CaseParty.represents_id, Party.name, Party.phone).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.represents_id.in_(case_party_ids), Party.phone.is_not(None))
            .order_by(CaseParty.position)):
        out.setdefault(represents, f"{phone}（代理人{name}）")
    return out


@use_case
def due_followups(engine: Engine, user: CurrentUser, today: date | None = None, *,
                  horizon_days: int = 14) -> list[FollowupRow]:
    """Follow-ups not yet made, scheduled up to ``horizon_days`` ahead (overdue ones first)."""
    _may_read(user)
    today = today or date.today()
    with read_only(engine) as session:
        return _followup_rows(session, [FollowUp.visited_on.is_(None),
                                        FollowUp.scheduled_on <= today + timedelta(days=horizon_days)], today, user)


@use_case
def followups_of_case(engine: Engine, user: CurrentUser, case_id: int, today: date | None = None) -> list[FollowupRow]:
    require(user, "cases.read")
    today = today or date.today()
    with read_only(engine) as session:
        load_case(session, user, case_id, write=False)
        return _followup_rows(session, [FollowUp.case_id == case_id], today, user)


@dataclass(frozen=True)
class LedgerRow:
    id: int
    followup_id: int
    case_id: int
    number: str
    committee: str
    party: str
    phone: str
    rating: int
    opened_on: date
    due_on: date
    answered_on: date | None
    answer: str
    overdue: bool  # open past its deadline, or answered late
    provisional: bool  # the deadline was counted through a year whose holidays are not known

    @property
    def rating_name(self) -> str:
        return rating_label(self.rating)

    @property
    def state(self) -> str:
        if self.answered_on is None:
            return "逾期未答复" if self.overdue else "待答复"
        return "逾期答复" if self.overdue else "已答复"


@use_case
def ledger(engine: Engine, user: CurrentUser, today: date | None = None, *, open_only: bool = False) -> list[LedgerRow]:
    """The bad-rating ledger (差评台账), open entries first, with the overdue flag."""
    _may_read(user)
    today = today or date.today()
    with read_only(engine) as session:
        cal = load_calendar(session)
        query = (select(RatingLedgerEntry, FollowUp, Case.number, Committee.code, Party.name, Party.phone)
                 .join(FollowUp, FollowUp.id == RatingLedgerEntry.followup_id)
                 .join(Case, Case.id == FollowUp.case_id)
                 .join(Committee, Committee.id == Case.committee_id)
                 .outerjoin(CaseParty, CaseParty.id == FollowUp.party_id)
                 .outerjoin(Party, Party.id == CaseParty.party_id))
        if open_only:
            query = query.where(RatingLedgerEntry.answered_on.is_(None))
        found = session.execute(_scope(query, user).order_by(
            sql_case((RatingLedgerEntry.answered_on.is_(None), 0), else_=1), RatingLedgerEntry.due_on, RatingLedgerEntry.id)).all()
        phones = agent_phones(session, [f.party_id for _e, f, *_ in found if f.party_id])
        rows = []
        for e, f, number, code, name, phone in found:
            late = (e.answered_on is None and today > e.due_on) or (e.answered_on is not None
                                                                     and e.answered_on > e.due_on)
            rows.append(LedgerRow(
                id=e.id, followup_id=f.id, case_id=f.case_id, number=number, committee=code, party=name or "",
                phone=phone or phones.get(f.party_id, ""), rating=f.rating or 0, opened_on=e.opened_on,
                due_on=e.due_on, answered_on=e.answered_on, answer=e.answer or "", overdue=late,
                provisional=cal.touches_unknown(e.opened_on, e.due_on)))
        return rows

