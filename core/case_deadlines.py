"""A case's mediation deadline, its pauses and extensions, the due-soon/overdue lists and the
daily expiry of medical cases.

Which deadline (domain.md §3; the counting itself is :mod:`core.deadlines`):

* medical committee — 30 working days from acceptance (医疗纠纷预防和处理条例第三十八条); periods
  of 医疗损害鉴定 (``deadline_pauses``) do not count, a running pause counts up to today (the
  clock is stopped, so the case never becomes overdue while it lasts); agreed extensions
  (``deadline_extensions``) add working days; expiry without agreement = mediation failed
  (:func:`expire_medical_cases`);
* labour committee, or a labour dispute (type 10) anywhere — 15 days from receiving the
  application (劳动争议调解仲裁法第十四条), statutory: no pause, no extension;
* everything else — one month from acceptance (人民调解工作若干规定第三十三条), extendable with both
  parties' recorded consent (*local practice*).

A deadline whose counting touched a year that neither chinese-calendar nor the admin's override
table knows is ``provisional``: shown as "（暂定）", and never used to fail a case by itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, can, require, use_case
from core.calendar_overrides import load_calendar
from core.deadlines import (
    KIND_LABELS,
    Deadline,
    DeadlineStatus,
    compute,
    days_left,
    deadline_status,
    police_deadline,
)
from core.lifecycle import (
    TransitionError,
    TransitionResult,
    committee_code,
    conclude_in,
    consenting_parties,
    load_case,
    principals,
)
from core.messages import code_label, msg
from core.settings import get_settings
from core.uow import read_only, unit_of_work
from core.workdays import WorkCalendar
from db.codes import CASE_STATUSES, COMMITTEE_SHORT
from db.models import (
    Appointment,
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    DeadlineExtension,
    DeadlinePause,
    Party,
    User,
)

MEDICAL_ART38 = msg("《医疗纠纷预防和处理条例》第三十八条")
LABOUR_ART14 = msg("《劳动争议调解仲裁法》第十四条")
RUNNING = ("accepted", "mediating")  # the statuses in which a mediation deadline runs
EXTENSION_MAX_DAYS = 90
PAUSE_REASON_DEFAULT = "医疗损害鉴定"
PROVISIONAL_MARK = "（暂定）"

#: The words of the deadline texts shown on screen, as templates: the core and the documents use
#: them as they are; desktop.vocab hands in their translation for the English UI.
DEADLINE_WORDS: dict[str, str] = {
    "working_days": "{n}个工作日",
    "days": "{n}日",
    "left": "还剩{amount}{mark}",
    "overdue": "逾期{amount}{mark}",
    "today": "今日届满{mark}",
    "paused": "暂停计算（鉴定中）",
    "provisional": PROVISIONAL_MARK,
    "limit_medical": "30个工作日",
    "limit_labour": "15日",
    "limit_general": "1个月",
}


def deadline_kind(committee: str, dispute_type: str) -> str:
    """Which deadline a case has: "medical", "labour" or "general"."""
    if committee == "medical":
        return "medical"
    if committee == "labour" or dispute_type == "10":
        return "labour"
    return "general"


@dataclass(frozen=True)
class CaseDeadline(Deadline):
    """A case's deadline (a :class:`core.deadlines.Deadline`) and how it came about."""

    kind: str = "general"
    start: date | None = None
    paused_since: date | None = None  # a 医疗损害鉴定 pause still running
    extended_days: int = 0

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def short_label(self) -> str:
        return limit_text(self)

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def due_text(self) -> str:
        return due_text(self)


def limit_text(deadline: CaseDeadline, words: dict[str, str] = DEADLINE_WORDS) -> str:
    """"30个工作日", "1个月+15" (days added by the parties' consent)."""
    key = f"limit_{deadline.kind}" if deadline.kind in ("medical", "labour") else "limit_general"
    return words[key] + (f"+{deadline.extended_days}" if deadline.extended_days else "")


def due_text(deadline: CaseDeadline, words: dict[str, str] = DEADLINE_WORDS) -> str:
    return deadline.due.isoformat() + (words["provisional"] if deadline.provisional else "")


@dataclass(frozen=True)
class _Facts:
    pauses: tuple[tuple[date, date | None], ...] = ()
    extension_days: int = 0


def _compute(kind: str, case_start: date | None, received: date, facts: _Facts, end_of_running: date,
             cal: WorkCalendar) -> CaseDeadline | None:
    if kind == "labour":
        d = compute("labour", received, cal=cal)
        return CaseDeadline(d.due, d.working_days, d.provisional, d.basis, kind="labour", start=received)
    if case_start is None:
        return None
    if kind == "medical":
        running = next((a for a, b in facts.pauses if b is None), None)
        spans = [(a, b if b is not None else max(a, end_of_running)) for a, b in facts.pauses]
        d = compute("medical", case_start, pauses=spans, extend_days=facts.extension_days, cal=cal)
        basis = d.basis
        if running is not None:
            basis += f"；鉴定自{running.isoformat()}起进行中，期限暂停计算"
        return CaseDeadline(d.due, d.working_days, d.provisional, basis, kind="medical", start=case_start,
                            paused_since=running, extended_days=facts.extension_days)
    d = compute("general", case_start, extend_days=facts.extension_days, cal=cal)
    return CaseDeadline(d.due, d.working_days, d.provisional, d.basis, kind="general", start=case_start,
                        extended_days=facts.extension_days)


_NO_FACTS = _Facts()

#: Ids given as a list at most this many at a time (SQLite takes 32,766 parameters by default,
#: older builds 999).
_ID_BATCH = 900


def _batches(case_ids: Iterable[int]) -> list[list[int]]:
    """Ids in batches a SQLite of any build takes as ``IN`` parameters."""
    ids = list(case_ids)
    return [ids[i:i + _ID_BATCH] for i in range(0, len(ids), _ID_BATCH)]


def _facts(session: Session, case_ids: Iterable[int]) -> dict[int, _Facts]:
    """The pauses and extensions of the cases that have any (others: ``_NO_FACTS``)."""
    pauses: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    extensions: dict[int, int] = {}
    for chosen in _batches(case_ids):
        for case_id, starts, ends in session.execute(
                select(DeadlinePause.case_id, DeadlinePause.starts, DeadlinePause.ends)
                .where(DeadlinePause.case_id.in_(chosen)).order_by(DeadlinePause.starts, DeadlinePause.id)):
            pauses[case_id].append((starts, ends))
        extensions.update(session.execute(
            select(DeadlineExtension.case_id, func.sum(DeadlineExtension.days))
            .where(DeadlineExtension.case_id.in_(chosen)).group_by(DeadlineExtension.case_id)).all())
    return {i: _Facts(tuple(pauses.get(i, ())), int(extensions.get(i) or 0)) for i in {*pauses, *extensions}}


def case_deadline(session: Session, case: Case, *, today: date | None = None,
                  cal: WorkCalendar | None = None) -> CaseDeadline | None:
    """The case's mediation deadline, or None when it has not started (not accepted yet; a
    labour case's runs from the day the application was received)."""
    today = today or date.today()
    cal = cal or load_calendar(session)
    kind = deadline_kind(committee_code(session, case), case.dispute_type)
    facts = _facts(session, [case.id]).get(case.id, _NO_FACTS)
    return _compute(kind, case.accepted_on, case.received_on, facts, case.concluded_on or today, cal)


def police_window(session: Session, case: Case, cal: WorkCalendar | None = None) -> Deadline | None:
    """For a terminated traffic case: the last day to apply together for police mediation
    (道路交通事故处理程序规定第八十五条), from the termination date."""
    if case.status != "terminated" or case.concluded_on is None or committee_code(session, case) != "traffic":
        return None
    return police_deadline(case.concluded_on, cal or load_calendar(session))


@use_case
def police_mediation_deadline(engine: Engine, user: CurrentUser, case_id: int) -> Deadline | None:
    """:func:`police_window` for one case (the termination notice prints it)."""
    require(user, "cases.read")
    with read_only(engine) as session:
        return police_window(session, load_case(session, user, case_id, write=False))


def left_text(deadline: CaseDeadline | None, left: int | None, words: dict[str, str] = DEADLINE_WORDS) -> str:
    """"还剩3个工作日" / "今日届满" / "逾期2日" / "暂停计算（鉴定中）" — in the deadline's own unit,
    with "（暂定）" when the count is provisional (``words``: the templates, translated or not)."""
    if deadline is None or left is None:
        return ""
    if deadline.paused:
        return words["paused"]
    amount = words["working_days" if deadline.working_days else "days"].format(n=abs(left))
    mark = words["provisional"] if deadline.provisional else ""
    if left < 0:
        return words["overdue"].format(amount=amount, mark=mark)
    if left == 0:
        return words["today"].format(mark=mark)
    return words["left"].format(amount=amount, mark=mark)


# ------------------------------------------------------------------------------ pauses and extensions


@dataclass(frozen=True)
class PauseRow:
    id: int
    starts: date
    ends: date | None
    reason: str


@dataclass(frozen=True)
class ExtensionRow:
    id: int
    days: int
    consented_on: date
    note: str


@dataclass(frozen=True)
class DeadlineInfo:
    """What the case screen shows about the deadline."""

    deadline: CaseDeadline | None
    pauses: tuple[PauseRow, ...]
    extensions: tuple[ExtensionRow, ...]
    kind: str
    can_pause: bool  # medical only
    can_extend: bool  # not for statutory periods (labour)
    police: Deadline | None  # terminated traffic cases (Art.85)
    days_left: int | None = None
    running: bool = False  # the case is accepted or mediating: the deadline counts

    @property
    def left_text(self) -> str:
        return left_text(self.deadline, self.days_left) if self.running else ""


@use_case
def deadline_info(engine: Engine, user: CurrentUser, case_id: int, today: date | None = None) -> DeadlineInfo:
    require(user, "cases.read")
    today = today or date.today()
    with read_only(engine) as session:
        case = load_case(session, user, case_id, write=False)
        cal = load_calendar(session)
        kind = deadline_kind(committee_code(session, case), case.dispute_type)
        pauses = tuple(PauseRow(p.id, p.starts, p.ends, p.reason or "") for p in session.scalars(
            select(DeadlinePause).where(DeadlinePause.case_id == case_id).order_by(DeadlinePause.starts)))
        extensions = tuple(ExtensionRow(e.id, e.days, e.consented_on, e.note or "") for e in session.scalars(
            select(DeadlineExtension).where(DeadlineExtension.case_id == case_id)
            .order_by(DeadlineExtension.consented_on, DeadlineExtension.id)))
        deadline = case_deadline(session, case, today=today, cal=cal)
        running = case.status in RUNNING or (case.status == "registered" and kind == "labour")
        left = days_left(deadline, today, cal) if deadline is not None and running else None
        return DeadlineInfo(deadline, pauses, extensions, kind, kind == "medical", kind != "labour",
                            police_window(session, case, cal), left, running)


def _running_case(session: Session, user: CurrentUser, case_id: int) -> tuple[Case, str]:
    case = load_case(session, user, case_id, write=True, lock=True)
    if case.status not in RUNNING:
        raise TransitionError(msg("案件{status}，调解期限不再计算",
                                  status=code_label(CASE_STATUSES.get(case.status, case.status))))
    return case, deadline_kind(committee_code(session, case), case.dispute_type)


@use_case
def pause_deadline(engine: Engine, user: CurrentUser, case_id: int, starts: date,
                   reason: str = PAUSE_REASON_DEFAULT, *, today: date | None = None) -> PauseRow:
    """Stop a medical case's clock from ``starts`` for 医疗损害鉴定 (条例第三十四条、第三十八条)."""
    require(user, "cases.mediate")
    today = today or date.today()
    reason = (reason or "").strip() or PAUSE_REASON_DEFAULT
    if len(reason) > 200:
        raise ValueError(msg("暂停原因不超过200个字"))
    with unit_of_work(engine) as session:
        case, kind = _running_case(session, user, case_id)
        if kind != "medical":
            raise TransitionError(msg("只有医疗纠纷的调解期限可因医疗损害鉴定暂停计算（{law}）", law=MEDICAL_ART38))
        if starts > today:
            raise ValueError(msg("暂停开始日不能晚于今天"))
        if case.accepted_on is None or starts < case.accepted_on:
            raise ValueError(msg("暂停开始日不能早于受理日（{day}）", day=case.accepted_on))
        last = session.scalar(select(DeadlinePause).where(DeadlinePause.case_id == case_id)
                              .order_by(DeadlinePause.starts.desc(), DeadlinePause.id.desc()).limit(1))
        if last is not None and last.ends is None:
            raise TransitionError(msg("鉴定期间自{day}起尚未结束，请先登记鉴定结束", day=last.starts.isoformat()))
        if last is not None and starts <= last.ends:
            raise ValueError(msg("暂停开始日须晚于上次鉴定结束日（{day}）", day=last.ends.isoformat()))
        row = DeadlinePause(case_id=case_id, starts=starts, ends=None, reason=reason)
        session.add(row)
        session.flush()
        audit.record(session, user, "deadline.pause", entity="case", entity_id=case_id,
                     after={"starts": starts.isoformat(), "reason": reason}, detail=case.number)
        return PauseRow(row.id, row.starts, None, reason)


@use_case
def resume_deadline(engine: Engine, user: CurrentUser, case_id: int, ends: date, *,
                    today: date | None = None) -> PauseRow:
    """The assessment is over: the running pause ends on ``ends`` (that day does not count
    either) and the clock runs again from the next day."""
    require(user, "cases.mediate")
    today = today or date.today()
    with unit_of_work(engine) as session:
        case, _kind = _running_case(session, user, case_id)
        pause = session.scalar(select(DeadlinePause).where(
            DeadlinePause.case_id == case_id, DeadlinePause.ends.is_(None)).with_for_update())
        if pause is None:
            raise TransitionError(msg("本案没有进行中的鉴定期间"))
        if ends > today:
            raise ValueError(msg("鉴定结束日不能晚于今天"))
        if ends < pause.starts:
            raise ValueError(msg("鉴定结束日不能早于开始日（{day}）", day=pause.starts.isoformat()))
        pause.ends = ends
        audit.record(session, user, "deadline.resume", entity="case", entity_id=case_id,
                     before={"ends": None}, after={"starts": pause.starts.isoformat(), "ends": ends.isoformat()},
                     detail=case.number)
        return PauseRow(pause.id, pause.starts, ends, pause.reason or "")


@use_case
def extend_deadline(engine: Engine, user: CurrentUser, case_id: int, days: int, *,
                    consented_on: date | None = None, note: str = "", today: date | None = None) -> ExtensionRow:
    """Extend the mediation period by ``days`` (calendar days for the one-month period, working
    days for medical cases) with both sides' consent: every applicant and respondent must have
    a given ``extension`` consent on record, dated no later than ``consented_on`` and after the
    previous extension's date (one consent per extension; a later refusal withdraws it). The period must not have expired.
    Labour periods are statutory (劳动争议调解仲裁法第十四条) and cannot be extended."""
    require(user, "cases.mediate")
    today = today or date.today()
    consented_on = consented_on or today
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= EXTENSION_MAX_DAYS:
        raise ValueError(msg("延长天数应为1至{limit}", limit=EXTENSION_MAX_DAYS))
    if consented_on > today:
        raise ValueError(msg("同意日期不能晚于今天"))
    note = note.strip()
    if len(note) > 200:
        raise ValueError(msg("说明不超过200个字"))
    with unit_of_work(engine) as session:
        case, kind = _running_case(session, user, case_id)
        if kind == "labour":
            raise TransitionError(msg("劳动争议调解期限为法定期间，不能延长（{law}）", law=LABOUR_ART14))
        cal = load_calendar(session)
        current = case_deadline(session, case, today=today, cal=cal)
        if current is not None and consented_on > current.due:
            # current.due_text, its mark translatable
            due = msg("{day}（暂定）", day=current.due.isoformat()) if current.provisional else current.due.isoformat()
            raise TransitionError(
                msg("调解期限已于{due}届满，不能再延长（{law}：期满未达成协议的视为调解不成）", due=due, law=MEDICAL_ART38)
                if kind == "medical" else msg("调解期限已于{due}届满，不能再延长", due=due))
        previous = session.scalar(select(func.max(DeadlineExtension.consented_on)).where(
            DeadlineExtension.case_id == case_id))
        missing = _missing_extension_consent(session, case_id, consented_on, previous)
        if missing:
            raise TransitionError(msg("延长调解期限须经双方当事人同意；尚未记录同意：{names}", names=list(missing)))
        row = DeadlineExtension(case_id=case_id, days=days, consented_on=consented_on,
                                note=note or "双方当事人同意延长调解期限")
        session.add(row)
        session.flush()
        unit = "个工作日" if kind == "medical" else "日"
        audit.record(session, user, "deadline.extend", entity="case", entity_id=case_id,
                     after={"days": days, "unit": unit, "consented_on": consented_on.isoformat()},
                     detail=case.number)
        return ExtensionRow(row.id, days, consented_on, row.note)


def _missing_extension_consent(session: Session, case_id: int, on: date, previous: date | None) -> list[str]:
    from db.models import Consent

    current = consenting_parties(session, case_id, "extension")
    dated: set[int] = set()
    parties = {cp.id: cp for cp in session.scalars(select(CaseParty).where(CaseParty.case_id == case_id))}
    for c in session.scalars(select(Consent).where(
            Consent.case_id == case_id, Consent.kind == "extension", Consent.given.is_(True),
            Consent.given_on <= on)):
        if previous is not None and c.given_on <= previous:
            continue  # given for an earlier extension
        cp = parties.get(c.case_party_id)
        if cp is not None:
            dated.add(cp.represents_id if cp.role == "agent" and cp.represents_id else cp.id)
    return [name for cp_id, role, name in principals(session, case_id)
            if role in ("applicant", "respondent") and not (cp_id in current and cp_id in dated)]


# ------------------------------------------------------------------------------ lists


@dataclass(frozen=True)
class DeadlineRow:
    case_id: int
    number: str
    committee: str
    status: str
    parties: str
    mediator: str
    mediator_id: int | None
    accepted_on: date | None
    deadline: CaseDeadline | None
    days_left: int | None
    flag: str  # DeadlineStatus value, or "" when there is no running deadline
    next_appointment: datetime | None

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)

    @property
    def due_text(self) -> str:
        return self.deadline.due_text if self.deadline else ""

    @property
    def left_text(self) -> str:
        return left_text(self.deadline, self.days_left)


def _rows(session: Session, user: CurrentUser, today: date, *, only_mine: bool, warn_days: int,
          cal: WorkCalendar, flags: frozenset[str] | None = None) -> list[DeadlineRow]:
    """The rows of the open cases in the user's scope; ``flags``: only those whose deadline has
    one of these states (their names and appointments are then read for them alone)."""
    query = (select(Case.id, Case.number, Case.status, Case.dispute_type, Case.accepted_on, Case.received_on,
                    Case.mediator_id, Committee.code, User.full_name)
             .join(Committee, Committee.id == Case.committee_id)
             .outerjoin(User, User.id == Case.mediator_id)
             .where(Case.status.in_(("registered", *RUNNING))))
    if user.role == "mediator" and not can(user, "cases.read_all"):
        query = query.where(Committee.code.in_(user.committee_codes))
    if only_mine:
        mine = select(CaseMediator.case_id).where(CaseMediator.user_id == user.id)
        # Cases waiting to be accepted in the mediator's committees are the mediator's work too.
        query = query.where(or_(Case.mediator_id == user.id, Case.id.in_(mine),
                                (Case.status == "registered") & Case.mediator_id.is_(None)))
    found = session.execute(query.order_by(Case.received_on, Case.id)).all()
    # Their facts, names and appointments by their ids, in batches (a whole centre's open cases
    # can be more than SQLite takes as parameters; running the query again for each would cost
    # more, a mediator's "mine" most).
    facts = _facts(session, [case.id for case in found])
    computed = []
    for case in found:
        kind = deadline_kind(case.code, case.dispute_type)
        d = _compute(kind, case.accepted_on, case.received_on, facts.get(case.id, _NO_FACTS), today, cal)
        left = flag = None
        if d is not None:
            left = days_left(d, today, cal)
            flag = deadline_status(d, today, cal, warn_days=warn_days).value
            if d.paused:
                flag = DeadlineStatus.OK.value
        if flags is None or (flag or "") in flags:
            computed.append((case, d, left, flag))
    chosen = [case.id for case, *_ in computed]
    names = _names(session, chosen)
    upcoming = _next_appointments(session, chosen, datetime.combine(today, datetime.min.time()))
    return [DeadlineRow(
        case_id=case.id, number=case.number, committee=case.code, status=case.status,
        parties="、".join(names.get(case.id, ())), mediator=case.full_name or "", mediator_id=case.mediator_id,
        accepted_on=case.accepted_on, deadline=d, days_left=left, flag=flag or "",
        next_appointment=upcoming.get(case.id))
        for case, d, left, flag in computed]


def _names(session: Session, case_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for chosen in _batches(case_ids):
        for case_id, name in session.execute(
                select(CaseParty.case_id, Party.name).join(Party, Party.id == CaseParty.party_id)
                .where(CaseParty.case_id.in_(chosen), CaseParty.role != "agent")
                .order_by(CaseParty.case_id, CaseParty.position, CaseParty.id)):
            out[case_id].append(name)
    return out


def _next_appointments(session: Session, case_ids: list[int], since: datetime) -> dict[int, datetime]:
    out: dict[int, datetime] = {}
    for chosen in _batches(case_ids):
        out.update(session.execute(
            select(Appointment.case_id, func.min(Appointment.starts_at))
            .where(Appointment.case_id.in_(chosen), Appointment.status == "booked", Appointment.starts_at >= since)
            .group_by(Appointment.case_id)).all())
    return out


def warn_days_setting(session: Session) -> int:
    try:
        return max(0, int(get_settings(session).get("deadline_warn_days", "5")))
    except ValueError:
        return 5


@use_case
def open_case_rows(engine: Engine, user: CurrentUser, today: date | None = None, *,
                   only_mine: bool = True) -> list[DeadlineRow]:
    """The open cases (registered, accepted, mediating) a user works on, with their deadlines
    and next appointment, the most urgent first. ``only_mine``: the mediator's own cases and
    the unassigned ones waiting for acceptance in his or her committees."""
    require(user, "cases.read")
    today = today or date.today()
    with read_only(engine) as session:
        cal = load_calendar(session)
        rows = _rows(session, user, today, only_mine=only_mine and user.role == "mediator",
                     warn_days=warn_days_setting(session), cal=cal)
    return sorted(rows, key=_urgency)


def _urgency(row: DeadlineRow):
    if row.deadline is None:
        return (2, 0, row.number)
    return (1 if row.deadline.paused else 0, row.days_left if row.days_left is not None else 0,
            row.deadline.due.isoformat())


@use_case
def deadline_lists(engine: Engine, user: CurrentUser, today: date | None = None
                   ) -> tuple[list[DeadlineRow], list[DeadlineRow]]:
    """(due soon, overdue): running deadlines within ``deadline_warn_days`` of their end, and
    past it — for a mediator the cases of his or her committees, for the director all."""
    require(user, "cases.read")
    today = today or date.today()
    with read_only(engine) as session:
        cal = load_calendar(session)
        rows = _rows(session, user, today, only_mine=False, warn_days=warn_days_setting(session), cal=cal,
                     flags=frozenset({DeadlineStatus.DUE_SOON.value, DeadlineStatus.OVERDUE.value}))
    due_soon = sorted((r for r in rows if r.flag == DeadlineStatus.DUE_SOON.value), key=_urgency)
    overdue = sorted((r for r in rows if r.flag == DeadlineStatus.OVERDUE.value), key=_urgency)
    return due_soon, overdue


# ------------------------------------------------------------------------------ expiry


@dataclass(frozen=True)
class ExpiryReport:
    failed: tuple[TransitionResult, ...]
    # Expired only by a provisional count: listed for a person to check, never failed by guess.
    provisional: tuple[str, ...]


def expiry_reason(deadline: CaseDeadline) -> str:
    return (f"自受理之日起30个工作日内（期限至{deadline.due.isoformat()}，鉴定期间不计入）未达成调解协议，"
            f"依照{MEDICAL_ART38}视为调解不成")


@use_case
def expire_medical_cases(engine: Engine, user: CurrentUser | None, today: date | None = None, *,
                         now: datetime | None = None) -> ExpiryReport:
    """Mark failed every accepted or mediating medical case whose 30 working days (pauses not
    counted, extensions added) ended before ``today`` without agreement (条例第三十八条).

    Called at start-up and daily by the app (``user=None``: the system, all committees) or by a
    mediator (his or her committees). The case concludes on the first day after the deadline
    (or today, if earlier). Cases in a running pause never expire; provisional deadlines are
    reported, not acted on."""
    if user is not None:
        require(user, "cases.mediate")
    today = today or date.today()
    now = (now or datetime.combine(today, datetime.now().time())).replace(microsecond=0)
    with read_only(engine) as session:
        cal = load_calendar(session)
        query = (select(Case.id, Case.accepted_on, Case.received_on)
                 .join(Committee, Committee.id == Case.committee_id)
                 .where(Committee.code == "medical", Case.status.in_(RUNNING), Case.accepted_on.is_not(None))
                 .order_by(Case.accepted_on, Case.id))
        if user is not None and user.role == "mediator":
            query = query.where(Committee.code.in_(user.committee_codes))
        found = session.execute(query).all()
        facts = _facts(session, [c.id for c in found])
        candidates = []
        for c in found:
            d = _compute("medical", c.accepted_on, c.received_on, facts.get(c.id, _NO_FACTS), today, cal)
            if d is not None and not d.paused and d.due < today:
                candidates.append(c.id)
    failed, provisional = [], []
    for case_id in candidates:
        # One unit of work per expired case, the deadline recomputed under the case's lock: a
        # pause or an agreement recorded meanwhile on another PC is respected.
        with unit_of_work(engine) as session:
            case = load_case(session, user, case_id, write=True, lock=True)
            if case.status not in RUNNING:
                continue
            d = case_deadline(session, case, today=today)
            if d is None or d.paused or d.due >= today:
                continue
            if d.provisional:
                provisional.append(case.number)
                continue
            on = min(today, d.due + timedelta(days=1))
            failed.append(conclude_in(session, user, case, "fail_mediation", expiry_reason(d), on=on, now=now))
    return ExpiryReport(tuple(failed), tuple(provisional))
