"""The plain data each case document is printed from (read in one session, no ORM objects out).

One reader per document; each returns a frozen dataclass, or ``None`` when the case has nothing
to print for that document (no agreement, no follow-up visit …). The layouts are in
:mod:`core.documents.case_docs`; the dossier (:mod:`core.dossier`) reads them all in one session.

ID numbers travel in full (:class:`core.agreements.AgreementParty`); each layout decides whether
to mask them (only the agreement and the 司法确认 papers print them in full, domain.md §8).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.agreements import AgreementData, AgreementParty, case_mediators, case_parties
from core.deadlines import Deadline, judicial_deadline, police_deadline
from core.intake import DocParty, IntakeDocument
from core.settings import get_settings
from db.codes import CASE_SOURCES, DISPUTE_TYPES, RATINGS
from db.models import (
    Attachment,
    Case,
    Committee,
    FollowUp,
    MediationSession,
    StatusChange,
    User,
)

__all__ = [
    "INVESTIGATION_PREFIXES",
    "AttachmentInfo",
    "CaseInfo",
    "CertificateData",
    "CoverData",
    "FollowupData",
    "JudicialData",
    "SessionInfo",
    "SessionsData",
    "TerminationData",
    "VisitInfo",
    "attachments_data",
    "case_info",
    "certificate_data",
    "cover_data",
    "default_court",
    "followup_data",
    "intake_data",
    "investigation_data",
    "is_investigation",
    "judicial_data",
    "session_record_data",
    "termination_data",
]

#: A mediation session whose matter starts with one of these is an investigation (调查记录):
#: the schema has no separate table, so the mediator records it as a session titled "调查：…".
INVESTIGATION_PREFIXES = ("调查", "走访", "现场勘查", "现场查看")


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True)
class CaseInfo:
    """The case's header: what every document of the case names."""

    case_id: int
    number: str
    year: int
    seq: int
    centre_name: str
    county_short: str
    committee: str
    committee_name: str
    committee_prefix: str
    dispute_type: str
    source: str
    status: str
    summary: str
    requests: tuple[str, ...]
    amount_claimed: Decimal | None
    received_at: datetime
    accepted_on: date | None
    concluded_on: date | None
    conclusion_reason: str
    received_by: str
    mediators: tuple[str, ...]
    parties: tuple[AgreementParty, ...]
    centre_address: str = ""
    centre_phone: str = ""

    @property
    def received_on(self) -> date:
        return self.received_at.date()

    @property
    def principals(self) -> tuple[AgreementParty, ...]:
        return tuple(p for p in self.parties if not p.is_agent)

    @property
    def applicants(self) -> tuple[AgreementParty, ...]:
        return tuple(p for p in self.principals if p.role == "applicant")

    @property
    def others(self) -> tuple[AgreementParty, ...]:
        return tuple(p for p in self.principals if p.role != "applicant")

    @property
    def dispute_type_name(self) -> str:
        return DISPUTE_TYPES.get(self.dispute_type, self.dispute_type)

    @property
    def source_name(self) -> str:
        return CASE_SOURCES.get(self.source, self.source)

    @property
    def between(self) -> str:
        """"张三与衢江区人民医院" (applicants and the other parties)."""
        a = "、".join(p.name for p in self.applicants)
        b = "、".join(p.name for p in self.others)
        return f"{a}与{b}" if a and b else (a or b)

    @property
    def matter(self) -> str:
        """"医疗纠纷" (the dispute type's name, "纠纷" for 其他)."""
        return "纠纷" if self.dispute_type == "99" else f"{self.dispute_type_name}纠纷"

    @property
    def volume_number(self) -> str:
        """卷号 "（2026）衢江医人调字第 12 号" (domain.md §4)."""
        return f"（{self.year}）{self.county_short}{self.committee_prefix}人调字第 {self.seq} 号"


def case_info(session: Session, case_id: int) -> CaseInfo:
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError("该案件已不存在")
    committee = session.get(Committee, case.committee_id)
    settings = get_settings(session)
    received_by = session.scalar(select(User.full_name).where(User.id == case.received_by_id)) \
        if case.received_by_id else None
    return CaseInfo(
        case_id=case.id, number=case.number, year=case.year, seq=case.seq,
        centre_name=settings.get("centre_name", ""), county_short=settings.get("county_short", ""),
        committee=committee.code, committee_name=committee.name, committee_prefix=committee.prefix,
        dispute_type=case.dispute_type, source=case.source, status=case.status, summary=case.summary or "",
        requests=tuple(case.requests or ()), amount_claimed=case.amount_claimed, received_at=case.received_at,
        accepted_on=case.accepted_on, concluded_on=case.concluded_on,
        conclusion_reason=case.conclusion_reason or "", received_by=received_by or "",
        mediators=case_mediators(session, case), parties=case_parties(session, case_id),
        centre_address=(settings.get("centre_address") or "").strip(),
        centre_phone=(settings.get("centre_phone") or "").strip())


# ------------------------------------------------------------------------------ intake papers


def intake_data(session: Session, info: CaseInfo) -> IntakeDocument:
    """The :class:`core.intake.IntakeDocument` the intake helper's 受理登记表 and 当事人权利义务告知书
    are built from (:mod:`core.documents.intake_docs`), read inside the caller's session."""
    case = session.get(Case, info.case_id)
    names = {p.case_party_id: p.name for p in info.parties}
    refusing = {cp.id for cp in case.parties if cp.refuses_mediation}
    parties = tuple(
        DocParty(role=p.role, kind=p.kind, name=p.name, sex=p.sex, ethnicity=p.ethnicity, birth_date=p.birth_date,
                 age=_age(p.birth_date, info.received_on), id_type=p.id_type, id_number=p.id_number,
                 occupation=p.occupation, workplace=p.workplace, phone=p.phone, address=p.address,
                 org_kind=p.org_kind, uscc=p.uscc, legal_representative=p.legal_representative,
                 represents=names.get(p.represents_id) if p.represents_id else None,
                 power_of_attorney=p.power_of_attorney, refuses_mediation=p.case_party_id in refusing)
        for p in info.parties)
    return IntakeDocument(
        case_id=info.case_id, number=info.number, centre_name=info.centre_name, committee=info.committee,
        committee_name=info.committee_name, dispute_type=info.dispute_type, source=info.source,
        status=info.status, summary=info.summary, requests=info.requests, amount_claimed=info.amount_claimed,
        is_group=bool(case.is_group), group_size=case.group_size, escalation_risk=bool(case.escalation_risk),
        escalation_notified_to=case.escalation_notified_to, escalation_notified_at=case.escalation_notified_at,
        medical_consent=case.medical_consent, received_at=info.received_at, received_by=info.received_by,
        conclusion_reason=info.conclusion_reason, parties=parties)


# ------------------------------------------------------------------------------ sessions


@dataclass(frozen=True)
class SessionInfo:
    started_at: datetime
    ended_at: datetime | None
    place: str
    matter: str
    participants: str
    present: tuple[AgreementParty, ...]
    public: bool
    statements: tuple[tuple[str, str, str], ...]  # (role name, name, text)
    verified_facts: str
    risk_notice: str
    outcome: str
    next_steps: str
    mediator: str
    recorder: str


@dataclass(frozen=True)
class SessionsData:
    """The 调解记录 (or 调查记录) of a case, oldest first."""

    case: CaseInfo
    sessions: tuple[SessionInfo, ...]


def is_investigation(matter: str) -> bool:
    return matter.strip().startswith(INVESTIGATION_PREFIXES)


def _sessions(session: Session, info: CaseInfo, investigations: bool) -> tuple[SessionInfo, ...]:
    by_id = {p.case_party_id: p for p in info.parties}
    rows = list(session.scalars(select(MediationSession).where(MediationSession.case_id == info.case_id)
                                .order_by(MediationSession.started_at, MediationSession.id)))
    user_ids = {u for s in rows for u in (s.mediator_id, s.recorder_id) if u}
    users = dict(session.execute(select(User.id, User.full_name).where(User.id.in_(user_ids))).all()) \
        if user_ids else {}
    out = []
    for s in rows:
        if is_investigation(s.matter or "") != investigations:
            continue
        present = tuple(by_id[int(i)] for i in (s.parties_present or []) if int(i) in by_id)
        statements = []
        for st in s.statements or []:
            p = by_id.get(int(st.get("case_party_id") or 0))
            text = str(st.get("text") or "").strip()
            if p is not None and text:
                statements.append((p.role_name, p.name, text))
        out.append(SessionInfo(
            started_at=s.started_at, ended_at=s.ended_at, place=s.place or "", matter=s.matter or "",
            participants=s.participants or "", present=present, public=bool(s.public),
            statements=tuple(statements), verified_facts=s.verified_facts or "", risk_notice=s.risk_notice or "",
            outcome=s.outcome or "", next_steps=s.next_steps or "", mediator=users.get(s.mediator_id, ""),
            recorder=users.get(s.recorder_id, "")))
    return tuple(out)


def session_record_data(session: Session, info: CaseInfo) -> SessionsData | None:
    found = _sessions(session, info, investigations=False)
    return SessionsData(info, found) if found else None


def investigation_data(session: Session, info: CaseInfo) -> SessionsData | None:
    found = _sessions(session, info, investigations=True)
    return SessionsData(info, found) if found else None


# ------------------------------------------------------------------------------ termination


@dataclass(frozen=True)
class TerminationData:
    """终止调解告知书: when and why mediation ended, and the remaining routes (人民调解法第二十六条)."""

    case: CaseInfo
    outcome: str  # failed | terminated
    terminated_on: date
    reason: str
    police_deadline: Deadline | None  # traffic: 道路交通事故处理程序规定第八十五条


def termination_data(session: Session, info: CaseInfo) -> TerminationData | None:
    """The case's failure or termination (also after it was archived), else None."""
    last = session.execute(
        select(StatusChange.to_status, StatusChange.at).where(
            StatusChange.case_id == info.case_id, StatusChange.to_status.in_(("failed", "terminated")))
        .order_by(StatusChange.at.desc(), StatusChange.id.desc()).limit(1)).first()
    outcome = info.status if info.status in ("failed", "terminated") else (last.to_status if last else None)
    if outcome is None:
        return None
    on = info.concluded_on or (last.at.date() if last else None)
    if on is None:
        return None
    police = None
    if info.committee == "traffic" or info.dispute_type == "14":
        from core.calendar_overrides import load_calendar

        police = police_deadline(on, load_calendar(session))
    reason = info.conclusion_reason or ("双方当事人经调解未能达成协议" if outcome == "failed" else "当事人要求终止调解")
    return TerminationData(info, outcome, on, reason, police)


# ------------------------------------------------------------------------------ 司法确认


def default_court(centre_name: str) -> str:
    """The basic court where the mediation organisation is (民事诉讼法第二百零五条): the county-level
    name in the centre's name + 人民法院 (衢州市衢江区专业调解中心 → 衢州市衢江区人民法院)."""
    found = [i for i in (centre_name.find("区"), centre_name.find("县")) if i > 0]
    if not found and centre_name.find("市") > 0:
        found = [centre_name.find("市")]
    return centre_name[: min(found) + 1] + "人民法院" if found else ""


@dataclass(frozen=True)
class CertificateData:
    """主持调解证明 (民诉法解释第三百五十四条)."""

    agreement: AgreementData
    case: CaseInfo
    issued_on: date


@dataclass(frozen=True)
class JudicialData:
    """司法确认申请书 bundle: the joint application, the certificate and the agreement."""

    agreement: AgreementData
    case: CaseInfo
    court: str
    deadline: Deadline  # 人民调解法第三十三条: 30 days from the agreement's effect
    issued_on: date


def _effective_written(agreement: AgreementData | None) -> bool:
    return agreement is not None and agreement.kind == "written" and agreement.effective_on is not None


def certificate_data(session: Session, info: CaseInfo, agreement: AgreementData | None, *,
                     today: date) -> CertificateData | None:
    if not _effective_written(agreement):
        return None
    return CertificateData(agreement, info, max(today, agreement.effective_on))


def judicial_data(session: Session, info: CaseInfo, agreement: AgreementData | None, *,
                  today: date) -> JudicialData | None:
    if not _effective_written(agreement):
        return None
    from core.calendar_overrides import load_calendar

    court = agreement.judicial_court or get_settings(session).get("judicial_court", "") or \
        default_court(info.centre_name)
    issued = agreement.judicial_applied_on or max(today, agreement.effective_on)
    return JudicialData(agreement, info, court, judicial_deadline(agreement.effective_on, load_calendar(session)),
                        issued)


# ------------------------------------------------------------------------------ follow-ups


@dataclass(frozen=True)
class VisitInfo:
    visited_on: date
    party: str
    phone: str
    visitor: str
    performance: str
    rating: int | None
    court_action: bool
    escalation_risk: bool
    action_taken: str

    @property
    def rating_name(self) -> str:
        return RATINGS.get(self.rating, "未评价") if self.rating is not None else "未评价"


@dataclass(frozen=True)
class FollowupData:
    """回访记录: the visits made after the agreement."""

    case: CaseInfo
    agreement_number: str
    agreement_kind: str
    terms: tuple[str, ...]
    visits: tuple[VisitInfo, ...]


def followup_data(session: Session, info: CaseInfo, agreement: AgreementData | None) -> FollowupData | None:
    by_id = {p.case_party_id: p for p in info.parties}
    rows = list(session.scalars(select(FollowUp).where(FollowUp.case_id == info.case_id,
                                                       FollowUp.visited_on.is_not(None))
                                .order_by(FollowUp.visited_on, FollowUp.id)))
    if not rows:
        return None
    visitors = dict(session.execute(select(User.id, User.full_name).where(
        User.id.in_({f.visitor_id for f in rows if f.visitor_id}))).all())
    visits = []
    for f in rows:
        p = by_id.get(f.party_id) if f.party_id else None
        visits.append(VisitInfo(
            visited_on=f.visited_on, party=p.name if p else "各方当事人", phone=(p.phone or "") if p else "",
            visitor=visitors.get(f.visitor_id, ""), performance=f.performance or "", rating=f.rating,
            court_action=bool(f.court_action), escalation_risk=bool(f.escalation_risk),
            action_taken=f.action_taken or ""))
    return FollowupData(info, info.number, agreement.kind if agreement else "",
                        agreement.terms if agreement else (), tuple(visits))


# ------------------------------------------------------------------------------ cover


@dataclass(frozen=True)
class CoverData:
    """卷宗封面 and 封底 (domain.md §4)."""

    case: CaseInfo
    title: str  # 卷名
    volume_number: str  # 卷号
    mediators: tuple[str, ...]
    mediated_from: date | None
    mediated_to: date | None
    filed_by: str  # 立卷人
    filed_on: date | None  # 立卷日期
    retention: str  # 保管期限
    note: str  # 备注


def cover_data(session: Session, info: CaseInfo) -> CoverData:
    first = session.scalar(select(MediationSession.started_at).where(MediationSession.case_id == info.case_id)
                           .order_by(MediationSession.started_at).limit(1))
    archived = session.execute(
        select(StatusChange.at, User.full_name).outerjoin(User, User.id == StatusChange.user_id)
        .where(StatusChange.case_id == info.case_id, StatusChange.to_status == "archived")
        .order_by(StatusChange.at.desc()).limit(1)).first()
    settings = get_settings(session)
    start = first.date() if first else info.accepted_on
    title = f"{info.between}{info.matter}" if info.between else info.matter
    return CoverData(
        case=info, title=title, volume_number=info.volume_number, mediators=info.mediators,
        mediated_from=start, mediated_to=info.concluded_on, filed_by=(archived[1] or "") if archived else "",
        filed_on=archived[0].date() if archived else None,
        retention=settings.get("dossier_retention", "") or "长期", note=settings.get("dossier_note", ""))


# ------------------------------------------------------------------------------ attachments


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    kind: str
    filename: str
    media_type: str
    added_at: datetime
    content: bytes


def attachments_data(session: Session, case_id: int, kinds: tuple[str, ...]) -> tuple[AttachmentInfo, ...]:
    """Scans and photos kept with the case (身份证明, 证据材料, 履行凭证), oldest first."""
    return tuple(AttachmentInfo(a.id, a.kind, a.filename, a.media_type, a.added_at, bytes(a.content))
                 for a in session.scalars(select(Attachment).where(Attachment.case_id == case_id,
                                                                  Attachment.kind.in_(kinds))
                                          .order_by(Attachment.added_at, Attachment.id)))

