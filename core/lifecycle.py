"""The life of a case: a state machine over its statuses, one named operation per transition.

::

    registered ─accept_case→ accepted ─start_mediation→ mediating ─record_agreement_reached→ agreed
        │                       │                           │                                  │
        │                       ├─ fail_mediation ──────────┼→ failed                mark_performed
        │                       ├─ terminate_mediation ─────┼→ terminated                      ↓
        ├─ withdraw_case ───────┼───────────────────────────┴→ withdrawn                  performed
        └─ refuse_mediation ────┴→ refused                                                     │
    failed | terminated | withdrawn | refused | performed ─archive_case→ archived ←────────────┘

Every operation checks, in the core: the permission ``cases.mediate`` (reception registers a
case; accepting it is the committee's mediators' work), that a mediator acts only on cases of
the committees he or she belongs to, that the case is in a status the operation starts from, and
the operation's own preconditions. It writes a ``status_changes`` row and an audit entry in the
same unit of work. An illegal transition raises :class:`TransitionError` with the reason in
Chinese.

Rules, with their sources (domain.md):

* 人民调解法第十七条: a party who clearly refuses mediation → no mediation (``refused``); a case
  with a refusing party cannot be accepted.
* 医疗纠纷预防和处理条例第三十一条: a medical dispute is accepted only when both sides applied, or
  one applied and the other consented (recorded as a ``medical_application`` consent).
* 人民调解法第二十七条: mediation is recorded — an agreement is reached in ``mediating``, i.e. after
  a 调解记录 exists (recording the first session starts mediation).
* 人民调解法第二十九条: a written agreement takes effect when every party has signed (sealed,
  fingerprinted) and the mediator has signed; it takes effect on the last of those days.
* 人民调解法第二十八条、第三十条: an oral agreement needs its content recorded by the mediator and
  takes effect on the day it is reached.
* 人民调解法第二十六条: failure or termination ends mediation with a stated reason (printed on the
  notice); 道路交通事故处理程序规定第八十五条: after a traffic case is terminated the parties have
  3 days to apply together for police mediation — the date is noted on the transition.
* 人民调解法第三十一条: the committee supervises performance; the agreement is ``performed`` only
  once every instalment is paid in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from core import audit
from core.agreement_facts import SignatureState
from core.agreement_reader import read_signature_state
from core.auth import (
    MEDICAL,
    MEDICAL_NOTICE,
    CurrentUser,
    MedicalDetailsRestricted,
    PermissionDenied,
    can,
    case_scope_refusal,
    require,
    sees_medical_details,
    use_case,
)
from core.deadlines import Deadline, judicial_deadline, police_deadline
from core.identifiers import mask_id
from core.messages import code_label, msg, series
from core.uow import read_only, unit_of_work
from db.codes import (
    AGREEMENT_KINDS,
    CASE_PARTY_ROLES,
    CASE_STATUSES,
    COMMITTEE_SHORT,
    DISPUTE_TYPES,
)
from db.models import (
    Agreement,
    AgreementTerm,
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    Consent,
    Instalment,
    Party,
    StatusChange,
    User,
)
from db.plain_sql import SessionRows

# Messages, so that the refusals citing them read in the UI's language (their text is unchanged).
ART17 = msg("《人民调解法》第十七条")
ART26 = msg("《人民调解法》第二十六条")
ART27 = msg("《人民调解法》第二十七条")
ART28 = msg("《人民调解法》第二十八条")
ART29 = msg("《人民调解法》第二十九条")
ART30 = msg("《人民调解法》第三十条")
ART31 = msg("《人民调解法》第三十一条")
MEDICAL_ART31 = msg("《医疗纠纷预防和处理条例》第三十一条")
TRAFFIC_ART85 = msg("《道路交通事故处理程序规定》第八十五条")

REASON_MAX = 500

#: How a medical dispute came to mediation (医疗纠纷预防和处理条例第三十一条); same codes as the intake.
MEDICAL_CONSENTS: dict[str, str] = {
    "both_applied": "双方共同申请",
    "consented": "一方申请，另一方同意",
}

#: Kinds of recorded party consent this module writes (the consents table allows these).
CONSENT_KINDS: dict[str, str] = {
    "public": "公开调解",
    "extension": "延长调解期限",
    "medical_application": "同意医疗纠纷人民调解",
}
CONSENT_FORMS: dict[str, str] = {"written": "书面", "oral": "口头"}
#: How every kind of consent on file reads (the others are recorded by core.conflicts).
CONSENT_LABELS: dict[str, str] = {**CONSENT_KINDS, "expert": "专家参与调解", "mediator_choice": "选定调解员"}


class TransitionError(ValueError):
    """A transition refused, with the reason in Chinese (shown to the user as it is). When the
    refusal is about one input (``field``: "reason", "on" …), ``errors`` maps it to the reason
    so a form can show it beside that field."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field
        self.errors: dict[str, str] = {field: reason} if field else {}


@dataclass(frozen=True)
class Operation:
    name: str
    label: str  # the button's text
    sources: tuple[str, ...]
    target: str
    needs_reason: bool


OPERATIONS: dict[str, Operation] = {
    op.name: op
    for op in (
        Operation("accept_case", "受理", ("registered",), "accepted", False),
        Operation("start_mediation", "开始调解", ("accepted",), "mediating", False),
        Operation("record_agreement_reached", "达成协议", ("mediating",), "agreed", False),
        Operation("fail_mediation", "调解不成", ("accepted", "mediating"), "failed", True),
        Operation("terminate_mediation", "终止调解", ("accepted", "mediating"), "terminated", True),
        Operation("withdraw_case", "撤回申请", ("registered", "accepted", "mediating"), "withdrawn", True),
        Operation("refuse_mediation", "拒绝调解", ("registered", "accepted"), "refused", True),
        Operation("mark_performed", "履行完毕", ("agreed",), "performed", False),
        Operation("archive_case", "立卷归档",
                  ("failed", "terminated", "withdrawn", "refused", "performed"), "archived", False),
    )
}

# Why an operation cannot start from a status, when the generic message would not help.
_HINTS: dict[tuple[str, str], str] = {
    ("record_agreement_reached", "accepted"): msg("尚无调解记录：请先填写调解记录（{law}）", law=ART27),
    ("record_agreement_reached", "registered"): msg("案件尚未受理"),
    ("archive_case", "agreed"): msg("调解协议尚未履行完毕，履行完毕后才能归档"),
    ("mark_performed", "performed"): msg("协议已登记为履行完毕"),
    ("accept_case", "accepted"): msg("案件已受理"),
    ("refuse_mediation", "mediating"): msg("调解已开始：当事人要求终止调解的，请使用“终止调解”（{law}）", law=ART26),
}


def check_transition(operation: str, status: str) -> Operation:
    """The operation, if it may start from ``status``; else :class:`TransitionError`."""
    op = OPERATIONS.get(operation)
    if op is None:
        raise TransitionError(msg("未知的案件操作：{operation}", operation=operation))
    if status not in op.sources:
        hint = _HINTS.get((operation, status))
        message = msg("案件当前状态为“{status}”，不能执行“{operation}”（只能从{allowed}状态执行）",
                      status=code_label(CASE_STATUSES.get(status, status)),
                      operation=code_label(op.label, "Operations"),
                      allowed=series(code_label(CASE_STATUSES[s]) for s in op.sources))
        raise TransitionError(msg("{message}：{hint}", message=message, hint=hint) if hint else message)
    return op


def operations_from(status: str) -> list[Operation]:
    """The operations that may start from ``status``, in lifecycle order."""
    return [op for op in OPERATIONS.values() if status in op.sources]


@dataclass(frozen=True)
class TransitionResult:
    case_id: int
    number: str
    committee: str
    from_status: str
    to_status: str
    on: date
    reason: str
    # Traffic cases after termination: the Art.85 3-day window for police mediation.
    police_deadline: Deadline | None = None
    # After an agreement: the 30 days to apply for 司法确认 (人民调解法第三十三条).
    judicial_deadline: Deadline | None = None
    followups_scheduled: int = 0

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.to_status, self.to_status)


# ------------------------------------------------------------------------------ scope


def committee_code(session: Session, case: Case) -> str:
    return session.scalar(select(Committee.code).where(Committee.id == case.committee_id)) or ""


def load_case(session: Session, user: CurrentUser | None, case_id: int, *, write: bool,
              lock: bool = False, details: bool = True) -> Case:
    """The case, if ``user`` may see it (``write=False``) or work on it (``write=True``).

    Mediators act only on the cases of their own committees, and see only those unless they
    may read all; a medical case's details (``details``) only the medical committee and the
    director see (:func:`core.auth.case_scope_refusal`). ``user=None`` is the system (the daily
    expiry run). Permissions themselves are checked by the caller (``require``)."""
    query = select(Case).where(Case.id == case_id)
    if lock:
        query = query.with_for_update()
    case = session.scalar(query)
    if case is None:
        raise ValueError(msg("该案件已不存在"))
    if user is None:
        return case
    code = committee_code(session, case)
    refusal = case_scope_refusal(user, code, write=write, details=details)
    if refusal == MEDICAL_NOTICE:
        raise MedicalDetailsRestricted(refusal, case_id=case.id, number=case.number, status=case.status,
                                       received_on=case.received_on)
    if refusal:
        raise PermissionDenied(msg("{refusal}（{committee}委员会的案件{number}）", refusal=refusal,
                                   committee=code_label(COMMITTEE_SHORT.get(code, code)), number=case.number),
                               permission="cases.scope", case_id=case.id)
    return case


def _user_id(user: CurrentUser | None) -> int | None:
    return (user.id or None) if user is not None else None


def _clean_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(msg("请填写{what}的原因", what=code_label(what, "Operations")), "reason")
    if len(reason) > REASON_MAX:
        raise TransitionError(msg("{what}原因不超过{limit}个字", what=code_label(what, "Operations"),
                                  limit=REASON_MAX), "reason")
    return reason


def _check_day(case: Case, on: date, today: date) -> None:
    if on > today:
        raise TransitionError(msg("日期不能晚于今天（{today}）", today=today.isoformat()), "on")
    if on < case.received_on:
        raise TransitionError(msg("日期不能早于登记日（{day}）", day=case.received_on.isoformat()), "on")


def apply_transition(session: Session, user: CurrentUser | None, case: Case, operation: str, *,
                     at: datetime, reason: str = "", note: str = "", detail: dict | None = None) -> Operation:
    """Move ``case`` along ``operation`` inside the caller's unit of work: the status, a
    ``status_changes`` row and the audit entry. Preconditions are the caller's."""
    op = check_transition(operation, case.status)
    before = case.status
    case.status = op.target
    text = reason
    if note:
        text = f"{reason}（{note}）" if reason else note
    session.add(StatusChange(case_id=case.id, from_status=before, to_status=op.target, at=at,
                             user_id=_user_id(user), reason=text))
    after = {"status": op.target}
    if reason:
        after["reason"] = reason
    after.update(detail or {})
    audit.record(session, user, f"case.{operation}", entity="case", entity_id=case.id,
                 before={"status": before}, after=after, detail=case.number)
    session.flush()
    return op


def _result(session: Session, case: Case, before: str, on: date, reason: str, **extra) -> TransitionResult:
    return TransitionResult(case_id=case.id, number=case.number, committee=committee_code(session, case),
                            from_status=before, to_status=case.status, on=on, reason=reason, **extra)


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def _calendar(session: Session):
    from core.calendar_overrides import load_calendar

    return load_calendar(session)


# ------------------------------------------------------------------------------ consents


@use_case
def record_party_consent(engine: Engine, user: CurrentUser, case_id: int, case_party_id: int, kind: str, *,
                         given: bool = True, form: str = "written", given_on: date | None = None,
                         note: str = "", today: date | None = None) -> int:
    """Record a party's consent (or refusal): to mediate in public (人民调解法第二十三条; medical:
    第四十二条 of the regulation), to extend the deadline, or the other side's consent to a medical
    application (条例第三十一条). An agent's consent counts for the party represented."""
    require(user, "cases.mediate")
    if kind not in CONSENT_KINDS:
        raise ValueError(msg("未知的同意事项：{kind}", kind=kind))
    if form not in CONSENT_FORMS:
        raise ValueError(msg("形式应为口头或书面"))
    today = today or date.today()
    given_on = given_on or today
    if given_on > today:
        raise ValueError(msg("同意日期不能晚于今天"))
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True)
        if given_on < case.received_on:
            raise ValueError(msg("同意日期不能早于登记日（{day}）", day=case.received_on.isoformat()))
        cp = session.get(CaseParty, case_party_id)
        if cp is None or cp.case_id != case_id:
            raise ValueError(msg("该当事人不属于本案"))
        name = session.scalar(select(Party.name).where(Party.id == cp.party_id))
        default = f"{'同意' if given else '不同意'}{CONSENT_KINDS[kind]}"
        row = Consent(case_id=case_id, case_party_id=case_party_id, kind=kind, given=given, form=form,
                      given_on=given_on, note=note.strip()[:500] or default, recorded_by_id=_user_id(user))
        session.add(row)
        session.flush()
        audit.record(session, user, f"consent.{kind}", entity="case", entity_id=case_id,
                     after={"party": name, "given": given, "form": form, "on": given_on.isoformat()},
                     detail=case.number)
        return row.id


def consenting_parties(session: Session, case_id: int, kind: str) -> set[int]:
    """Principal case-party ids whose latest consent of ``kind`` is given (an agent's consent
    is counted for the party it represents; a later refusal withdraws an earlier consent)."""
    parties = {cp.id: cp for cp in session.scalars(select(CaseParty).where(CaseParty.case_id == case_id))}
    latest: dict[int, tuple[date, int, bool]] = {}
    for c in session.scalars(select(Consent).where(Consent.case_id == case_id, Consent.kind == kind)):
        cp = parties.get(c.case_party_id)
        if cp is None:
            continue
        principal = cp.represents_id if cp.role == "agent" and cp.represents_id else cp.id
        key = (c.given_on, c.id, bool(c.given))
        if principal not in latest or key[:2] > latest[principal][:2]:
            latest[principal] = key
    return {pid for pid, (_d, _i, given) in latest.items() if given}


def principals(session: Session, case_id: int) -> list[tuple[int, str, str]]:
    """(case_party_id, role, name) of the parties themselves (agents excluded), in order."""
    return [(cp_id, role, name) for cp_id, role, name in session.execute(
        select(CaseParty.id, CaseParty.role, Party.name).join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id == case_id, CaseParty.role != "agent")
        .order_by(CaseParty.position, CaseParty.id))]


# ------------------------------------------------------------------------------ operations


@use_case
def accept_case(engine: Engine, user: CurrentUser, case_id: int, *, on: date | None = None,
                mediator_id: int | None = None, medical_consent: str | None = None,
                consenting_party_id: int | None = None, consent_form: str = "written",
                now: datetime | None = None) -> TransitionResult:
    """registered → accepted, by a mediator of the case's committee, who becomes the case's
    mediator (or ``mediator_id``, another active mediator of that committee).

    A party who clearly refuses blocks acceptance (人民调解法第十七条). A medical dispute needs
    both sides' application or the other side's consent (医疗纠纷预防和处理条例第三十一条): when the
    case has none on file, pass ``medical_consent="both_applied"``, or ``"consented"`` with the
    consenting party (recorded as a ``medical_application`` consent)."""
    require(user, "cases.mediate")
    now = _now(now)
    on = on or now.date()
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        check_transition("accept_case", case.status)
        _check_day(case, on, now.date())
        refusing = session.scalars(
            select(Party.name).join(CaseParty, CaseParty.party_id == Party.id)
            .where(CaseParty.case_id == case_id, CaseParty.refuses_mediation.is_(True))).all()
        if refusing:
            raise TransitionError(msg("当事人{names}明确拒绝调解，不能受理（{law}）", names=list(refusing), law=ART17))
        code = committee_code(session, case)
        detail: dict = {}
        if code == "medical":
            _medical_consent(session, user, case, medical_consent, consenting_party_id, consent_form, on)
            detail["medical_consent"] = case.medical_consent
        mediator = _mediator_for(session, user, case, code, mediator_id)
        case.mediator_id = mediator.id
        case.accepted_on = on
        if session.get(CaseMediator, (case.id, mediator.id)) is None:
            session.add(CaseMediator(case_id=case.id, user_id=mediator.id, chosen_by_parties=False,
                                     assigned_at=now))
        detail.update({"accepted_on": on.isoformat(), "mediator": mediator.full_name})
        apply_transition(session, user, case, "accept_case", at=now, reason="经当事人同意，受理调解",
                         detail=detail)
        return _result(session, case, "registered", on, "")


def _medical_consent(session: Session, user: CurrentUser, case: Case, medical_consent: str | None,
                     consenting_party_id: int | None, form: str, on: date) -> None:
    if case.medical_consent in MEDICAL_CONSENTS and not medical_consent:
        return
    if medical_consent not in MEDICAL_CONSENTS:
        raise TransitionError(msg(
            "医疗纠纷须双方当事人共同申请，或一方申请、另一方同意后方可受理（{law}）："
            "请记录双方申请或另一方的同意", law=MEDICAL_ART31), "medical_consent")
    if medical_consent == "consented":
        cp = session.get(CaseParty, consenting_party_id) if consenting_party_id else None
        if cp is None or cp.case_id != case.id:
            raise TransitionError(msg("请选择表示同意调解的当事人（{law}）", law=MEDICAL_ART31), "consenting_party_id")
        if form not in CONSENT_FORMS:
            raise TransitionError(msg("同意的形式应为口头或书面"))
        session.add(Consent(case_id=case.id, case_party_id=cp.id, kind="medical_application", given=True,
                            form=form, given_on=on, recorded_by_id=_user_id(user),
                            note=f"一方申请调解，另一方同意（{MEDICAL_ART31}）"))
    case.medical_consent = medical_consent


def _mediator_for(session: Session, user: CurrentUser, case: Case, code: str, mediator_id: int | None) -> User:
    wanted = mediator_id or case.mediator_id or (user.id if user.role == "mediator" else None)
    mediator = session.get(User, wanted) if wanted else None
    if mediator is None:
        raise TransitionError(msg("请指定承办调解员"))
    if mediator.role != "mediator" or not mediator.active:
        raise TransitionError(msg("{name}不是在岗调解员", name=mediator.full_name))
    if code not in {c.code for c in mediator.committees}:
        raise TransitionError(msg("{name}不是{committee}委员会的调解员", name=mediator.full_name,
                                  committee=code_label(COMMITTEE_SHORT.get(code, code))))
    return mediator


@use_case
def start_mediation(engine: Engine, user: CurrentUser, case_id: int, *, on: date | None = None,
                    now: datetime | None = None) -> TransitionResult:
    """accepted → mediating (recording the first 调解记录 does this by itself)."""
    require(user, "cases.mediate")
    now = _now(now)
    on = on or now.date()
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        check_transition("start_mediation", case.status)
        _check_day(case, on, now.date())
        apply_transition(session, user, case, "start_mediation", at=now, reason="开始调解")
        return _result(session, case, "accepted", on, "")


def signature_state(session: Session, case: Case, agreement: Agreement) -> SignatureState:
    """Who has and who has not signed the written agreement yet (人民调解法第二十九条)."""
    return read_signature_state(SessionRows(session), case.id, case.mediator_id, agreement.id)


@use_case
def record_agreement_reached(engine: Engine, user: CurrentUser, case_id: int, *, on: date | None = None,
                             now: datetime | None = None) -> TransitionResult:
    """mediating → agreed, once the agreement is recorded.

    A written agreement needs every party's signature (seal, fingerprint; an agent with a power
    of attorney signs for the party) and the mediator's, and takes effect on the last of those
    days (人民调解法第二十九条). An oral agreement needs its content recorded by the mediator
    (第二十八条) and takes effect on the day it is reached (第三十条): its ``formed_on``, else ``on``.
    The case is concluded on the day the agreement takes effect; follow-up visits are scheduled."""
    require(user, "cases.mediate")
    now = _now(now)
    on = on or now.date()
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        check_transition("record_agreement_reached", case.status)
        _check_day(case, on, now.date())
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
        if agreement is None:
            raise TransitionError(msg("尚未制作调解协议：请先填写协议内容（{law}）", law=ART29))
        if agreement.kind == "oral":
            terms = [t for t in session.scalars(select(AgreementTerm.text).where(
                AgreementTerm.agreement_id == agreement.id)) if t.strip()]
            if not terms and not agreement.performance.strip():
                raise TransitionError(msg("口头协议须由调解员记录协议内容（{law}）：请先登记协议内容", law=ART28))
            effective = agreement.formed_on or on
            if effective > now.date():
                raise TransitionError(msg("协议达成日期不能晚于今天"))
            basis = ART30
        else:
            state = signature_state(session, case, agreement)
            if state.missing:
                raise TransitionError(msg(
                    "书面调解协议须经各方当事人签名（盖章或按指印）、调解员签名后生效（{law}）；"
                    "尚未签名：{names}", law=ART29, names=list(state.missing)))
            effective = state.effective_on
            if effective > now.date():
                raise TransitionError(msg("签名日期不能晚于今天"))
            basis = ART29
        if effective < (case.accepted_on or case.received_on):
            raise TransitionError(msg("协议生效日期不能早于受理日"))
        agreement.formed_on = agreement.formed_on or effective
        agreement.effective_on = effective
        case.concluded_on = effective
        case.conclusion_reason = ""
        from core.followups import schedule_after_agreement

        scheduled = schedule_after_agreement(session, user, case, agreement)
        # 司法确认 is applied for with the written agreement (人民调解法第三十三条).
        judicial = judicial_deadline(effective, _calendar(session)) if agreement.kind == "written" else None
        apply_transition(session, user, case, "record_agreement_reached", at=now, reason="双方达成调解协议",
                         detail={"agreement_kind": agreement.kind, "effective_on": effective.isoformat(),
                                 "basis": basis, "followups": scheduled})
        return _result(session, case, "mediating", effective, "", judicial_deadline=judicial,
                       followups_scheduled=scheduled)


def _conclude(engine: Engine, user: CurrentUser | None, case_id: int, operation: str, reason: str, *,
              on: date | None, now: datetime | None, what: str) -> TransitionResult:
    if user is not None:
        require(user, "cases.mediate")
    now = _now(now)
    on = on or now.date()
    reason = _clean_reason(reason, what)
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        return conclude_in(session, user, case, operation, reason, on=on, now=now)


def conclude_in(session: Session, user: CurrentUser | None, case: Case, operation: str, reason: str, *,
                on: date, now: datetime) -> TransitionResult:
    """Fail, terminate, withdraw or refuse inside the caller's unit of work."""
    before = case.status
    check_transition(operation, case.status)
    _check_day(case, on, now.date())
    if case.accepted_on and on < case.accepted_on:
        raise TransitionError(msg("日期不能早于受理日（{day}）", day=case.accepted_on.isoformat()), "on")
    police = None
    note = ""
    code = committee_code(session, case)
    if operation == "terminate_mediation" and code == "traffic":
        police = police_deadline(on, _calendar(session))
        mark = "（暂定）" if police.provisional else ""
        note = (f"当事人可于{police.due.isoformat()}{mark}前共同书面申请公安机关交通管理部门调解"
                f"（{TRAFFIC_ART85}）")
    case.concluded_on = on
    case.conclusion_reason = reason
    detail = {"concluded_on": on.isoformat()}
    if police is not None:
        detail["police_mediation_due"] = police.due.isoformat()
        detail["police_mediation_provisional"] = police.provisional
    apply_transition(session, user, case, operation, at=now, reason=reason, note=note, detail=detail)
    return _result(session, case, before, on, reason, police_deadline=police)


@use_case
def fail_mediation(engine: Engine, user: CurrentUser | None, case_id: int, reason: str, *,
                   on: date | None = None, now: datetime | None = None) -> TransitionResult:
    """accepted | mediating → failed (调解不成), with the reason for the notice (人民调解法第二十六条).
    ``user=None`` is the system's daily expiry of medical cases (条例第三十八条)."""
    return _conclude(engine, user, case_id, "fail_mediation", reason, on=on, now=now, what="调解不成")


@use_case
def terminate_mediation(engine: Engine, user: CurrentUser, case_id: int, reason: str, *,
                        on: date | None = None, now: datetime | None = None) -> TransitionResult:
    """accepted | mediating → terminated (终止调解, 人民调解法第二十三条、第二十六条). For a traffic
    case the result carries the Art.85 3-day window for police mediation."""
    return _conclude(engine, user, case_id, "terminate_mediation", reason, on=on, now=now, what="终止调解")


@use_case
def withdraw_case(engine: Engine, user: CurrentUser, case_id: int, reason: str = "申请人撤回调解申请", *,
                  on: date | None = None, now: datetime | None = None) -> TransitionResult:
    """registered | accepted | mediating → withdrawn (the applicant withdraws)."""
    return _conclude(engine, user, case_id, "withdraw_case", reason, on=on, now=now, what="撤回申请")


@use_case
def refuse_mediation(engine: Engine, user: CurrentUser, case_id: int, reason: str = "", *,
                     case_party_id: int | None = None, on: date | None = None,
                     now: datetime | None = None) -> TransitionResult:
    """registered | accepted → refused: a party clearly refuses mediation (人民调解法第十七条).
    The refusing party (``case_party_id``) is marked on the case; the default reason names them."""
    require(user, "cases.mediate")
    now = _now(now)
    on = on or now.date()
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        if case_party_id is not None:
            cp = session.get(CaseParty, case_party_id)
            if cp is None or cp.case_id != case_id:
                raise TransitionError(msg("该当事人不属于本案"))
            cp.refuses_mediation = True
            if not reason.strip():
                name = session.scalar(select(Party.name).where(Party.id == cp.party_id))
                reason = f"当事人{name}明确拒绝调解，依照《中华人民共和国人民调解法》第十七条不予调解"
        reason = _clean_reason(reason, "拒绝调解")
        return conclude_in(session, user, case, "refuse_mediation", reason, on=on, now=now)


def unpaid_instalments(session: Session, agreement_id: int) -> list[Instalment]:
    return list(session.scalars(select(Instalment).where(
        Instalment.agreement_id == agreement_id, Instalment.paid_in_full_on.is_(None))))


def mark_performed_in(session: Session, user: CurrentUser | None, case: Case, *, on: date | None,
                      now: datetime) -> TransitionResult:
    """agreed → performed inside the caller's unit of work (the payment use case calls this)."""
    check_transition("mark_performed", case.status)
    agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
    if agreement is None:
        raise TransitionError(msg("本案没有调解协议"))
    unpaid = unpaid_instalments(session, agreement.id)
    if unpaid:
        dues = [i.due_on.isoformat() for i in sorted(unpaid, key=lambda i: i.due_on)]
        raise TransitionError(msg("尚有{count}期款项未付清（应付日：{dues}），不能登记履行完毕（{law}）",
                                  count=len(unpaid), dues=dues, law=ART31))
    paid_days = [d for d in session.scalars(select(Instalment.paid_in_full_on).where(
        Instalment.agreement_id == agreement.id)) if d is not None]
    performed = on or (max(paid_days) if paid_days else now.date())
    if performed > now.date():
        raise TransitionError(msg("履行日期不能晚于今天"))
    if agreement.effective_on and performed < agreement.effective_on and not paid_days:
        raise TransitionError(msg("履行日期不能早于协议生效日"))
    agreement.performed_on = performed
    apply_transition(session, user, case, "mark_performed", at=now, reason="协议履行完毕",
                     detail={"performed_on": performed.isoformat()})
    return _result(session, case, "agreed", performed, "")


@use_case
def mark_performed(engine: Engine, user: CurrentUser, case_id: int, *, on: date | None = None,
                   now: datetime | None = None) -> TransitionResult:
    """agreed → performed: only when every instalment is paid in full (recording the last
    payment does this by itself); an agreement without money terms is marked by hand."""
    require(user, "cases.mediate")
    now = _now(now)
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        return mark_performed_in(session, user, case, on=on, now=now)


@use_case
def archive_case(engine: Engine, user: CurrentUser, case_id: int, *, on: date | None = None,
                 now: datetime | None = None) -> TransitionResult:
    """A concluded case (or a performed agreement) → archived (立卷归档, 人民调解法第二十七条)."""
    require(user, "cases.mediate")
    now = _now(now)
    on = on or now.date()
    with unit_of_work(engine) as session:
        case = load_case(session, user, case_id, write=True, lock=True)
        before = case.status
        check_transition("archive_case", case.status)
        _check_day(case, on, now.date())
        apply_transition(session, user, case, "archive_case", at=now, reason="立卷归档",
                         detail={"archived_on": on.isoformat()})
        return _result(session, case, before, on, "")


#: The public operation of each transition, for screens that dispatch on the name.
FUNCTIONS = {
    "accept_case": accept_case,
    "start_mediation": start_mediation,
    "record_agreement_reached": record_agreement_reached,
    "fail_mediation": fail_mediation,
    "terminate_mediation": terminate_mediation,
    "withdraw_case": withdraw_case,
    "refuse_mediation": refuse_mediation,
    "mark_performed": mark_performed,
    "archive_case": archive_case,
}


# ------------------------------------------------------------------------------ reading a case


@dataclass(frozen=True)
class CaseHeader:
    id: int
    number: str
    committee: str
    status: str
    dispute_type: str
    source: str
    summary: str
    requests: tuple[str, ...]
    amount_claimed: Decimal | None
    received_on: date
    accepted_on: date | None
    concluded_on: date | None
    conclusion_reason: str
    mediator: str
    mediator_id: int | None
    medical_consent: str | None
    escalation_risk: bool
    escalation_notified_to: str
    escalation_notified_at: datetime | None

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)

    @property
    def dispute_type_name(self) -> str:
        return DISPUTE_TYPES.get(self.dispute_type, self.dispute_type)


@dataclass(frozen=True)
class PartyRow:
    case_party_id: int
    role: str
    name: str
    kind: str
    id_masked: str
    phone: str
    address: str
    represents: str
    refuses_mediation: bool
    party_id: int = 0  # for core.privacy.reveal_id_number

    @property
    def role_name(self) -> str:
        return CASE_PARTY_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    from_status: str | None
    to_status: str
    user: str
    reason: str

    @property
    def change(self) -> str:
        to = code_label(CASE_STATUSES.get(self.to_status, self.to_status))
        if self.from_status is None:
            return msg("{status}", status=to)
        if self.from_status == self.to_status:
            return msg("{status}（改派）", status=to)
        return msg("{before} → {after}", before=code_label(CASE_STATUSES.get(self.from_status, self.from_status)),
                   after=to)


@dataclass(frozen=True)
class ConsentRow:
    id: int
    kind: str
    party: str
    given: bool
    form: str
    given_on: date
    note: str

    @property
    def kind_name(self) -> str:
        return CONSENT_LABELS.get(self.kind, self.kind)


def _header(session: Session, case: Case) -> CaseHeader:
    mediator = session.scalar(select(User.full_name).where(User.id == case.mediator_id)) if case.mediator_id \
        else None
    return CaseHeader(
        id=case.id, number=case.number, committee=committee_code(session, case), status=case.status,
        dispute_type=case.dispute_type, source=case.source, summary=case.summary or "",
        requests=tuple(case.requests or ()), amount_claimed=case.amount_claimed, received_on=case.received_on,
        accepted_on=case.accepted_on, concluded_on=case.concluded_on,
        conclusion_reason=case.conclusion_reason or "", mediator=mediator or "", mediator_id=case.mediator_id,
        medical_consent=case.medical_consent, escalation_risk=bool(case.escalation_risk),
        escalation_notified_to=case.escalation_notified_to or "",
        escalation_notified_at=case.escalation_notified_at)


def _party_rows(session: Session, case_id: int) -> tuple[PartyRow, ...]:
    rows = session.execute(
        select(CaseParty, Party).join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id == case_id).order_by(CaseParty.position, CaseParty.id)).all()
    names = {cp.id: p.name for cp, p in rows}
    out = []
    for cp, p in rows:
        number = p.uscc if p.kind == "organisation" and p.uscc else p.id_number
        out.append(PartyRow(
            case_party_id=cp.id, role=cp.role, name=p.name, kind=p.kind,
            # Organisation codes are public; personal ID numbers are masked (居民身份证法第十三条).
            id_masked=(number or "") if p.kind == "organisation" else (mask_id(number) if number else ""),
            phone=p.phone or "", address=p.address or "",
            represents=names.get(cp.represents_id, "") if cp.represents_id else "",
            refuses_mediation=bool(cp.refuses_mediation), party_id=p.id))
    return tuple(out)


@dataclass(frozen=True)
class CaseOverview:
    header: CaseHeader
    parties: tuple[PartyRow, ...]
    history: tuple[HistoryRow, ...]
    consents: tuple[ConsentRow, ...]
    operations: tuple[str, ...]  # the transitions this user may start now
    can_mediate: bool


@use_case
def case_overview(engine: Engine, user: CurrentUser, case_id: int) -> CaseOverview:
    """Everything the case screen's header, parties and history tabs show, in one read."""
    require(user, "cases.read")
    with read_only(engine) as session:
        case = load_case(session, user, case_id, write=False)
        header = _header(session, case)
        history = tuple(HistoryRow(at, frm, to, name or "", reason or "") for at, frm, to, name, reason in
                        session.execute(
                            select(StatusChange.at, StatusChange.from_status, StatusChange.to_status,
                                   User.full_name, StatusChange.reason)
                            .outerjoin(User, User.id == StatusChange.user_id)
                            .where(StatusChange.case_id == case_id)
                            .order_by(StatusChange.at, StatusChange.id)))
        consents = tuple(ConsentRow(c.id, c.kind, name, bool(c.given), c.form, c.given_on, c.note or "")
                         for c, name in session.execute(
                             select(Consent, Party.name).join(CaseParty, CaseParty.id == Consent.case_party_id)
                             .join(Party, Party.id == CaseParty.party_id)
                             .where(Consent.case_id == case_id).order_by(Consent.given_on, Consent.id)))
        in_scope = user.role != "mediator" or header.committee in user.committee_codes
        may = can(user, "cases.mediate") and in_scope
        ops = tuple(op.name for op in operations_from(case.status)) if may else ()
        return CaseOverview(header, _party_rows(session, case_id), history, consents, ops, may)


@dataclass(frozen=True)
class AgreementSummary:
    id: int
    kind: str
    amount: Decimal | None
    formed_on: date | None
    effective_on: date | None
    last_due_on: date | None
    performed_on: date | None
    facts: str
    terms: tuple[str, ...]
    signatures: SignatureState
    judicial_applied_on: date | None
    judicial_court: str
    judicial_confirmed_on: date | None
    judicial_deadline: Deadline | None

    @property
    def kind_name(self) -> str:
        return AGREEMENT_KINDS.get(self.kind, self.kind)


@use_case
def agreement_summary(engine: Engine, user: CurrentUser, case_id: int) -> AgreementSummary | None:
    """The case's agreement as the case screen shows it, with who still has to sign."""
    require(user, "cases.read")
    with read_only(engine) as session:
        case = load_case(session, user, case_id, write=False)
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case_id))
        if agreement is None:
            return None
        terms = tuple(session.scalars(select(AgreementTerm.text).where(
            AgreementTerm.agreement_id == agreement.id).order_by(AgreementTerm.position)))
        judicial = judicial_deadline(agreement.effective_on, _calendar(session)) \
            if agreement.effective_on and agreement.kind == "written" else None
        return AgreementSummary(
            id=agreement.id, kind=agreement.kind, amount=agreement.amount, formed_on=agreement.formed_on,
            effective_on=agreement.effective_on, last_due_on=agreement.last_due_on,
            performed_on=agreement.performed_on, facts=agreement.facts or "", terms=terms,
            signatures=signature_state(session, case, agreement),
            judicial_applied_on=agreement.judicial_applied_on, judicial_court=agreement.judicial_court or "",
            judicial_confirmed_on=agreement.judicial_confirmed_on, judicial_deadline=judicial)


@use_case
def most_recent_case(engine: Engine, user: CurrentUser, *, statuses: tuple[str, ...] | None = None) -> int | None:
    """The case of the user's committees (all cases for those who read all) that changed last —
    what the case screen shows when opened from the navigation."""
    require(user, "cases.read")
    with read_only(engine) as session:
        last = (select(StatusChange.case_id, func.max(StatusChange.id).label("last"))
                .group_by(StatusChange.case_id).subquery())
        query = (select(Case.id).join(Committee, Committee.id == Case.committee_id)
                 .outerjoin(last, last.c.case_id == Case.id)
                 .order_by(func.coalesce(last.c.last, 0).desc(), Case.id.desc()).limit(1))
        if user.role == "mediator" and not can(user, "cases.read_all"):
            query = query.where(Committee.code.in_(user.committee_codes))
        if not sees_medical_details(user):  # reception: a case whose details it may open
            query = query.where(Committee.code != MEDICAL)
        if statuses:
            query = query.where(Case.status.in_(statuses))
        return session.scalar(query)


@use_case
def find_case(engine: Engine, user: CurrentUser, text: str) -> int | None:
    """The newest case in the user's scope whose number or party name contains ``text``."""
    from core.cases import CaseFilter, fetch_cases, scoped

    text = text.strip()
    if not text:
        return None
    with read_only(engine) as session:
        rows = fetch_cases(session, scoped(user, CaseFilter(text=text)), limit=1)
    return rows[0].id if rows else None
