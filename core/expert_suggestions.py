"""Who could take this case: mediators and experts ordered by fit, then by current load.

Fit: a mediator of the case's committee, one the parties chose (Art.19); an expert who serves
the case's committee and whose specialties appear in the dispute's type, summary or requests;
a lawyer on duty today. Load: open cases the person works on and sessions booked this week
(a single traffic mediator once settled 128 accidents in four months: load matters).
People with an un-overridden conflict of interest come last, with the reasons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, distinct, func, select
from sqlalchemy.orm import Session, selectinload

from core.auth import CurrentUser, PermissionDenied, case_scope_refusal, require, use_case
from core.conflicts import Conflict, conflicts_for, uncovered
from core.experts import LEGAL_KINDS, WEEKDAYS, split_list
from core.messages import code_label, msg
from core.uow import read_only
from db.codes import COMMITTEE_SHORT, DISPUTE_TYPES, EXPERT_KINDS, OPEN_STATUSES
from db.models import (
    Appointment,
    BookedResource,
    Case,
    CaseMediator,
    Committee,
    Consent,
    DutySlot,
    Expert,
    MediationSession,
    User,
)

# Specialty fragments too general to say anything about a case.
_STOP_BIGRAMS = frozenset({"纠纷", "调解", "管理", "法律", "工作", "服务", "咨询", "相关", "问题", "处理",
                           "事务", "政策", "法规", "业务", "综合"})


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "mediator", or the expert's kind (expert / lawyer / legal_worker)
    id: int
    name: str
    detail: str  # committees, or agency and title
    fit: int
    reasons: tuple[str, ...]
    open_cases: int
    sessions_this_week: int
    conflicts: tuple[Conflict, ...] = ()

    @property
    def kind_name(self) -> str:
        return "调解员" if self.kind == "mediator" else EXPERT_KINDS.get(self.kind, self.kind)

    @property
    def conflicted(self) -> bool:
        return bool(self.conflicts)

    @property
    def load_text(self) -> str:
        return msg("在办{open}件，本周{sessions}场", open=self.open_cases, sessions=self.sessions_this_week)


def week_of(day: date) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00 of the week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    start = datetime.combine(monday, datetime.min.time())
    return start, start + timedelta(days=7)


def workload(session: Session, resource_kind: str, ids: list[int], week: tuple[datetime, datetime]
             ) -> dict[int, tuple[int, int]]:
    """id → (open cases, sessions booked this week) for mediators (``"user"``) or experts."""
    if not ids:
        return {}
    open_cases: dict[int, set[int]] = {i: set() for i in ids}
    booked = (
        select(BookedResource.resource_id, Appointment.case_id)
        .join(Appointment, Appointment.id == BookedResource.appointment_id)
        .join(Case, Case.id == Appointment.case_id)
        .where(BookedResource.resource_kind == resource_kind, BookedResource.resource_id.in_(ids),
               BookedResource.active.is_(True), Case.status.in_(OPEN_STATUSES))
    )
    for rid, case_id in session.execute(booked):
        open_cases[rid].add(case_id)
    if resource_kind == "user":
        for uid, case_id in session.execute(
                select(Case.mediator_id, Case.id).where(Case.mediator_id.in_(ids), Case.status.in_(OPEN_STATUSES))):
            open_cases[uid].add(case_id)
        for uid, case_id in session.execute(
                select(CaseMediator.user_id, CaseMediator.case_id).join(Case, Case.id == CaseMediator.case_id)
                .where(CaseMediator.user_id.in_(ids), Case.status.in_(OPEN_STATUSES))):
            open_cases[uid].add(case_id)
    else:
        for eid, case_id in session.execute(
                select(Consent.expert_id, Consent.case_id).join(Case, Case.id == Consent.case_id)
                .where(Consent.kind == "expert", Consent.given.is_(True), Consent.expert_id.in_(ids),
                       Case.status.in_(OPEN_STATUSES))):
            open_cases[eid].add(case_id)
    sessions = dict(session.execute(
        select(BookedResource.resource_id, func.count(distinct(BookedResource.appointment_id)))
        .join(Appointment, Appointment.id == BookedResource.appointment_id)
        .where(BookedResource.resource_kind == resource_kind, BookedResource.resource_id.in_(ids),
               BookedResource.active.is_(True), Appointment.status != "cancelled",
               BookedResource.starts_at >= week[0], BookedResource.starts_at < week[1])
        .group_by(BookedResource.resource_id)
    ).all())
    if resource_kind == "user":
        # Sessions held this week without a booking (walk-in sessions) count too.
        for uid, n in session.execute(
                select(MediationSession.mediator_id, func.count(MediationSession.id))
                .where(MediationSession.mediator_id.in_(ids), MediationSession.appointment_id.is_(None),
                       MediationSession.started_at >= week[0], MediationSession.started_at < week[1])
                .group_by(MediationSession.mediator_id)):
            sessions[uid] = sessions.get(uid, 0) + n
    return {i: (len(open_cases[i]), int(sessions.get(i, 0))) for i in ids}


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def specialty_matches(specialties: tuple[str, ...], case_text: str,
                      case_bigrams: set[str] | None = None) -> list[str]:
    """Specialties that appear in the case's text, whole or by a telling two-character part
    ('医疗损害鉴定' ~ '……申请医疗损害鉴定'; '交通事故' ~ '发生交通事故')."""
    if case_bigrams is None:
        case_bigrams = _bigrams(case_text)
    found = []
    for s in specialties:
        if not s:
            continue
        if s in case_text:
            found.append(s)
            continue
        telling = {b for b in _bigrams(s) if b not in _STOP_BIGRAMS and b.strip()}
        if len(telling & case_bigrams) >= (1 if len(s) <= 3 else 2):
            found.append(s)
    return found


def _order(s: Suggestion) -> tuple:
    return (s.conflicted, -s.fit, s.open_cases + s.sessions_this_week, s.open_cases, s.name, s.id)


def suggest_people(session: Session, case_id: int, *, today: date) -> tuple[list[Suggestion], list[Suggestion]]:
    """(mediators, experts) for a case, best first: no conflict, then fit, then load."""
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError(msg("该案件已不存在"))
    code = session.scalar(select(Committee.code).where(Committee.id == case.committee_id)) or ""
    committee_name = COMMITTEE_SHORT.get(code, code)
    case_text = " ".join([DISPUTE_TYPES.get(case.dispute_type, ""), case.summary or "",
                          *(str(r) for r in (case.requests or []))])
    case_bigrams = _bigrams(case_text)
    week = week_of(today)

    # -- mediators --------------------------------------------------------------------------
    chosen: dict[int, int] = {}
    for uid in session.scalars(select(Consent.user_id).where(
            Consent.case_id == case_id, Consent.kind == "mediator_choice", Consent.given.is_(True))):
        chosen[uid] = chosen.get(uid, 0) + 1
    assigned = set(session.scalars(select(CaseMediator.user_id).where(CaseMediator.case_id == case_id)))
    if case.mediator_id:
        assigned.add(case.mediator_id)
    mediators = list(session.scalars(
        select(User).options(selectinload(User.committees))
        .where(User.role == "mediator", User.active.is_(True)).order_by(User.full_name, User.id)))
    in_committee = [m for m in mediators if code in {c.code for c in m.committees}]
    pool = {m.id: m for m in (in_committee or mediators)}
    for m in mediators:
        if m.id in chosen or m.id in assigned:
            pool[m.id] = m
    user_ids = list(pool)
    user_loads = workload(session, "user", user_ids, week)

    # -- experts ----------------------------------------------------------------------------
    experts = list(session.scalars(
        select(Expert).options(selectinload(Expert.committees))
        .where(Expert.active.is_(True)).order_by(Expert.name_pinyin, Expert.id)))
    expert_ids = [e.id for e in experts]
    expert_loads = workload(session, "expert", expert_ids, week)
    on_duty = set(session.scalars(select(DutySlot.expert_id).where(DutySlot.weekday == today.weekday())))
    consented = set(session.scalars(select(Consent.expert_id).where(
        Consent.case_id == case_id, Consent.kind == "expert", Consent.given.is_(True))))
    refused = set(session.scalars(select(Consent.expert_id).where(
        Consent.case_id == case_id, Consent.kind == "expert", Consent.given.is_(False))))

    found = conflicts_for(session, case_id, expert_ids=expert_ids, user_ids=user_ids)

    def open_conflicts(kind: str, pid: int) -> tuple[Conflict, ...]:
        conflicts = found.get((kind, pid), [])
        if kind == "expert":
            return tuple(uncovered(session, case_id, conflicts, expert_id=pid))
        return tuple(uncovered(session, case_id, conflicts, user_id=pid))

    out_mediators: list[Suggestion] = []
    for uid, m in pool.items():
        codes = [c.code for c in m.committees]
        fit, reasons = 0, []
        if code in codes:
            fit += 3
            reasons.append(msg("{committee}委员会调解员", committee=code_label(committee_name)))
        if uid in chosen:
            fit += 2 * chosen[uid]
            reasons.append(msg("{count}方当事人选定（人民调解法第十九条）", count=chosen[uid]))
        if uid in assigned:
            reasons.append(msg("已在办本案"))
        open_cases, sessions = user_loads.get(uid, (0, 0))
        out_mediators.append(Suggestion(
            "mediator", uid, m.full_name, "、".join(COMMITTEE_SHORT.get(c, c) for c in codes), fit,
            tuple(reasons), open_cases, sessions, open_conflicts("user", uid)))

    out_experts: list[Suggestion] = []
    for e in experts:
        codes = [c.code for c in e.committees]
        specialties = split_list(e.specialties or "")
        fit, reasons = 0, []
        if code in codes:
            fit += 3
            reasons.append(msg("服务{committee}委员会", committee=code_label(committee_name)))
        matched = specialty_matches(specialties, case_text, case_bigrams)
        if matched:
            fit += 2 * len(matched)
            reasons.append(msg("专长“{specialties}”与案情相符", specialties="”“".join(matched)))
        if e.kind in LEGAL_KINDS and e.id in on_duty:
            fit += 1
            reasons.append(msg("今天（{weekday}）值班", weekday=WEEKDAYS[today.weekday()]))
        if e.id in consented:
            reasons.append(msg("当事人已同意其参与"))
        if e.id in refused:
            fit -= 5
            reasons.append(msg("有当事人不同意其参与（人民调解法第二十条）"))
        open_cases, sessions = expert_loads.get(e.id, (0, 0))
        where = e.agency or (f"原{e.former_agency}" if e.former_agency else "")
        detail = "，".join(x for x in (where, e.title) if x)
        out_experts.append(Suggestion(
            e.kind, e.id, e.name, detail, fit, tuple(reasons), open_cases, sessions,
            open_conflicts("expert", e.id)))

    out_mediators.sort(key=_order)
    out_experts.sort(key=_order)
    return out_mediators, out_experts



@use_case
def suggestions_for_case(engine: Engine, user: CurrentUser, case_id: int, *, today: date | None = None
                         ) -> tuple[list[Suggestion], list[Suggestion]]:
    """:func:`suggest_people` for the experts screen: ``experts.read`` and, for a mediator, a case
    of his or her committees."""
    require(user, "experts.read")
    with read_only(engine) as session:
        code = session.scalar(select(Committee.code).join(Case, Case.committee_id == Committee.id)
                              .where(Case.id == case_id))
        refusal = case_scope_refusal(user, code or "", details=False)
        if refusal:
            raise PermissionDenied(refusal, permission="cases.scope", case_id=case_id)
        return suggest_people(session, case_id, today=today or date.today())
