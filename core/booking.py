"""Booking mediation sessions: one conflict check over the room and every person at once,
the next free slots, booking, rescheduling, cancelling, attendance, and the day/week/today
views (Qt-free).

How double booking is prevented
-------------------------------
Each appointment holds its room, its mediators and its experts through ``booked_resources``
rows (kind, id, time range, active). Three layers guard them:

1. :func:`check_booking` — the one check the booking dialog runs live as fields change. It
   also refuses rest days (holidays and 调休 from :mod:`core.calendar_overrides`), times
   outside working hours or across the lunch break, and times already past.
2. :func:`book` repeats that check *inside* its write transaction. On SQLite the unit of work
   begins with ``BEGIN IMMEDIATE`` (the write lock), so two PCs' check-then-insert steps
   cannot interleave: the second one sees the first one's rows.
3. On PostgreSQL two transactions can still both pass the check (READ COMMITTED); the
   exclusion constraint ``booked_resources_no_overlap`` (migration 0002: same kind and id,
   overlapping ``[starts_at, ends_at)``, active rows only) refuses the second insert and
   :func:`book` turns that into :class:`BookingConflict` with the clashes and alternatives.

The buffer between sessions
---------------------------
``booking_buffer_minutes`` (default 15) must separate two sessions that share a room
(turnover, airing) or a person (notes, a break). Appointments store the *real* session times;
each ``booked_resources`` row stores the real start and the real end **plus the buffer**.
Two padded ranges ``[s1, e1+b)`` and ``[s2, e2+b)`` overlap exactly when the sessions are
less than ``b`` apart, so the database constraint enforces the buffer too, not only the raw
overlap. The application check compares the appointments' real times with the buffer on
both sides, so it is also right for rows written without padding (the demo generator's) and
after an admin changes the buffer. Resource rows are inserted in one canonical order
(kind, id) so that two concurrent bookings never wait on each other in a cycle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import (
    DateTime,
    Engine,
    Integer,
    String,
    and_,
    bindparam,
    cast,
    exists,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy import text as sql_text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, PermissionDenied, case_scope_refusal, require, use_case
from core.calendar_overrides import WEEKDAYS, Calendar, OverrideRow, load_calendar
from core.messages import code_label, joined, msg
from core.uow import read_only, unit_of_work
from db.codes import APPOINTMENT_STATUSES, CASE_PARTY_ROLES, CASE_STATUSES, OPEN_STATUSES
from db.models import (
    Appointment,
    BookedResource,
    CalendarOverride,
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    Consent,
    Expert,
    Invitation,
    Party,
    Room,
    Setting,
    User,
    expert_committees,
    user_committees,
)
from db.seed import DEFAULT_SETTINGS

OVERLAP_CONSTRAINT = "booked_resources_no_overlap"
MIN_MINUTES = 15
MAX_BUFFER = timedelta(hours=2)  # the buffer setting is capped at this
MAX_MINUTES = 8 * 60
SLOT_STEP = timedelta(minutes=30)
DEFAULT_HOURS = "08:30-12:00,14:00-17:30"
ATTENDANCE = {"invited": "已邀请", "present": "到场", "no_show": "未到"}
KIND_LABEL = {"room": "", "user": "调解员", "expert": "专家"}
PURPOSE_MAX = 200
REASON_MAX = 500


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class BookingRequest:
    """What the booking dialog collects. ``invited_party_ids`` are case-party ids."""

    case_id: int | None
    starts_at: datetime
    minutes: int
    room_id: int | None
    mediator_ids: tuple[int, ...] = ()
    expert_ids: tuple[int, ...] = ()
    invited_party_ids: tuple[int, ...] = ()
    purpose: str = ""

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)

    def resources(self) -> list[tuple[str, int]]:
        """Every (kind, id) the session holds, in the canonical insert order."""
        keys = {("user", i) for i in self.mediator_ids} | {("expert", i) for i in self.expert_ids}
        if self.room_id is not None:
            keys.add(("room", self.room_id))
        return sorted(keys)

    def at(self, starts_at: datetime, room_id: int | None = None) -> BookingRequest:
        return replace(self, starts_at=starts_at, room_id=self.room_id if room_id is None else room_id)


@dataclass(frozen=True)
class Clash:
    """One reason the requested session cannot take place, in Chinese.

    ``kind``: room / user / expert (another session holds it), calendar (rest day), hours
    (outside working hours or across lunch), past. ``field``: the form field the message
    belongs beside (starts_at, room, mediators, experts)."""

    kind: str
    message: str
    field: str
    resource_id: int | None = None
    name: str = ""
    appointment_id: int | None = None
    case_number: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None


@dataclass(frozen=True)
class Slot:
    """A free alternative: the same people at another time, in the same or another room."""

    starts_at: datetime
    ends_at: datetime
    room_id: int
    room_name: str
    same_room: bool

    @property
    def label(self) -> str:
        text = msg("{day} {time} {room}", day=day_label(self.starts_at.date()),
                   time=time_range(self.starts_at, self.ends_at), room=self.room_name)
        return text if self.same_room else msg("{slot}（换调解室）", slot=text)


@dataclass(frozen=True)
class PersonRef:
    kind: str  # user / expert
    id: int
    name: str


@dataclass(frozen=True)
class InvitedParty:
    invitation_id: int
    case_party_id: int
    party_id: int
    name: str
    role: str
    kind: str  # person / organisation
    attendance: str

    @property
    def role_name(self) -> str:
        return CASE_PARTY_ROLES.get(self.role, self.role)

    @property
    def attendance_name(self) -> str:
        return ATTENDANCE.get(self.attendance, self.attendance)

    @property
    def label(self) -> str:
        mark = {"present": "✓", "no_show": "✗"}.get(self.attendance, "")
        return f"{self.name}{mark}"


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    case_id: int
    case_number: str
    committee: str
    starts_at: datetime
    ends_at: datetime
    room_id: int
    room_name: str
    status: str
    purpose: str
    cancel_reason: str
    rescheduled_from_id: int | None
    mediators: tuple[PersonRef, ...] = ()
    experts: tuple[PersonRef, ...] = ()
    parties: tuple[InvitedParty, ...] = ()

    @property
    def status_name(self) -> str:
        return APPOINTMENT_STATUSES.get(self.status, self.status)

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def time_label(self) -> str:
        return time_range(self.starts_at, self.ends_at)

    @property
    def mediator_names(self) -> str:
        return "、".join(p.name for p in self.mediators)

    @property
    def expert_names(self) -> str:
        return "、".join(p.name for p in self.experts)

    @property
    def party_names(self) -> str:
        return "、".join(p.name for p in self.parties)

    @property
    def parties_label(self) -> str:
        """Names with ✓ (present) / ✗ (no-show) marks, for the reception list."""
        return "、".join(p.label for p in self.parties)

    def holds(self, kind: str, resource_id: int) -> bool:
        if kind == "room":
            return self.room_id == resource_id
        return any(p.kind == kind and p.id == resource_id for p in (*self.mediators, *self.experts))


@dataclass(frozen=True)
class BookingRules:
    periods: tuple[tuple[time, time], ...]
    buffer: timedelta
    default_minutes: int

    @property
    def hours_label(self) -> str:
        return joined((f"{a:%H:%M}–{b:%H:%M}" for a, b in self.periods), "、")


@dataclass(frozen=True)
class Assessment:
    """Everything the booking dialog's live panel shows for one state of the form."""

    errors: dict[str, str] = field(default_factory=dict)
    clashes: tuple[Clash, ...] = ()
    alternatives: tuple[Slot, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def bookable(self) -> bool:
        return not self.errors and not self.clashes


class BookingError(ValueError):
    """The form is incomplete or wrong: ``errors`` maps fields to Chinese messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = dict(errors)


class BookingConflict(Exception):
    """The room or a person is taken (or the time is not bookable); nothing was written."""

    def __init__(self, clashes: Iterable[Clash], alternatives: Iterable[Slot] = ()) -> None:
        self.clashes = tuple(clashes)
        self.alternatives = tuple(alternatives)
        super().__init__(joined(c.message for c in self.clashes) if self.clashes else msg("所选时间不能预约"))

    def __reduce__(self):  # picklable across processes
        return (BookingConflict, (self.clashes, self.alternatives))


# --------------------------------------------------------------------------- helpers


# The months as messages, so that a day's label reads "Monday 16 Nov" in the English UI.
_MONTHS = (msg("1月"), msg("2月"), msg("3月"), msg("4月"), msg("5月"), msg("6月"), msg("7月"), msg("8月"),
           msg("9月"), msg("10月"), msg("11月"), msg("12月"))


def day_label(d: date) -> str:
    return msg("{month}{day}日（{weekday}）", month=_MONTHS[d.month - 1], day=d.day, weekday=WEEKDAYS[d.weekday()])


def time_range(start: datetime, end: datetime) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


def parse_working_hours(text: str) -> tuple[tuple[time, time], ...]:
    """"08:30-12:00,14:00-17:30" → ((08:30, 12:00), (14:00, 17:30)); ValueError if malformed,
    unordered or overlapping."""
    periods = []
    for part in text.replace("，", ",").replace("–", "-").replace("—", "-").split(","):
        part = part.strip()
        if not part:
            continue
        a, sep, b = part.partition("-")
        if not sep:
            raise ValueError(msg("工作时间格式不正确：{part}", part=part))
        start, end = time.fromisoformat(a.strip()), time.fromisoformat(b.strip())
        if start >= end:
            raise ValueError(msg("工作时间段开始应早于结束：{part}", part=part))
        periods.append((start, end))
    if not periods:
        raise ValueError(msg("未设置工作时间"))
    periods.sort()
    for (_, e1), (s2, _) in zip(periods, periods[1:], strict=False):
        if s2 < e1:
            raise ValueError(msg("工作时间段重叠"))
    return tuple(periods)


_RULE_KEYS = ("working_hours", "booking_buffer_minutes", "session_minutes_default")
_RULES_SQL = select(Setting.key, Setting.value).where(Setting.key.in_(_RULE_KEYS))


def load_rules(session: Session) -> BookingRules:
    return _rules_from(dict(session.execute(_RULES_SQL).all()))


def _parse_datetime(value) -> datetime:
    """A timestamp read back as text (PostgreSQL "2026-11-23 09:00:00", SQLite
    "2026-11-23 09:00:00.000000"), or already a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


@lru_cache(maxsize=16)
def _periods(text: str) -> tuple[tuple[time, time], ...]:
    return parse_working_hours(text)


def booking_rules(engine: Engine) -> BookingRules:
    with read_only(engine) as session:
        return load_rules(session)


def _session_of(session_or_engine):
    if isinstance(session_or_engine, Session):
        return _Borrowed(session_or_engine)
    return read_only(session_or_engine)


class _Borrowed:
    def __init__(self, session: Session) -> None:
        self.session = session

    def __enter__(self) -> Session:
        return self.session

    def __exit__(self, *exc) -> None:
        return None


def _hours_clashes(rules: BookingRules, start: datetime, end: datetime) -> list[Clash]:
    hours = msg("工作时间为{hours}", hours=rules.hours_label)
    when = time_range(start, end)
    if end.date() != start.date() and end != datetime.combine(start.date() + timedelta(days=1), time()):
        return [Clash("hours", msg("调解不能跨日（{hours}）", hours=hours), "starts_at")]
    s, e = start.time(), (end - timedelta(microseconds=1)).time()
    for a, b in rules.periods:
        if a <= s and end <= datetime.combine(start.date(), b):
            return []
    first, last = rules.periods[0][0], rules.periods[-1][1]
    if s < first or end > datetime.combine(start.date(), last):
        return [Clash("hours", msg("{time}超出工作时间（{hours}）", time=when, hours=hours), "starts_at")]
    for (_, b), (a, _) in zip(rules.periods, rules.periods[1:], strict=False):
        if s < a and e >= b:
            return [Clash("hours", msg("{time}与午休时间（{lunch}）冲突，请安排在{hours}之内", time=when,
                                       lunch=f"{b:%H:%M}–{a:%H:%M}", hours=rules.hours_label), "starts_at")]
    return [Clash("hours", msg("{time}不在工作时间内（{hours}）", time=when, hours=hours), "starts_at")]


def _calendar_clashes(calendar: Calendar, start: datetime) -> list[Clash]:
    info = calendar.info(start.date())
    if info.workday:
        return []
    d = start.date()
    return [Clash("calendar", msg("{year}年{day}是{rest}，不安排调解", year=d.year, day=day_label(d),
                                  rest=rest_phrase(info.label)), "starts_at")]


def rest_phrase(label: str) -> str:
    """"休息日" for a weekend, "国庆节假期" for a holiday, an admin's own name as entered."""
    if not label or label in WEEKDAYS or label == "休息日":
        return msg("休息日")
    if label == "放假":
        return msg("放假日")
    if label.endswith(("假", "假期", "休", "放假")):
        return label
    return msg("{name}假期", name=label)


_BUSY_SQL: dict[tuple[tuple[str, ...], bool], object] = {}


def _busy_statement(kinds: tuple[str, ...], exclude: bool):
    """Built once per combination of kinds (bound parameters, SQLAlchemy caches the SQL)."""
    key = (kinds, exclude)
    statement = _BUSY_SQL.get(key)
    if statement is None:
        br, a = BookedResource, Appointment
        statement = (
            select(br.resource_kind, br.resource_id, a.id, a.starts_at, a.ends_at, Case.number)
            .join(a, a.id == br.appointment_id)
            .join(Case, Case.id == a.case_id)
            .where(
                br.active.is_(True),
                a.status != "cancelled",
                or_(*[and_(br.resource_kind == kind, br.resource_id.in_(bindparam(f"ids_{kind}", expanding=True)))
                      for kind in kinds]),
                br.starts_at < bindparam("end"),
                br.ends_at > bindparam("start"),
            )
            .order_by(a.starts_at)
        )
        if exclude:
            statement = statement.where(a.id != bindparam("exclude"))
        _BUSY_SQL[key] = statement
    return statement


def _busy(session: Session, keys: Iterable[tuple[str, int]], start: datetime, end: datetime,
          *, exclude: int | None = None) -> list[tuple[str, int, int, datetime, datetime, str]]:
    """(kind, id, appointment id, real start, real end, case number) of every active booking
    of ``keys`` whose resource row comes within ``[start, end)``."""
    groups: dict[str, list[int]] = defaultdict(list)
    for kind, rid in keys:
        groups[kind].append(rid)
    if not groups:
        return []
    kinds = tuple(sorted(groups))
    params = {f"ids_{k}": groups[k] for k in kinds} | {"start": start, "end": end}
    if exclude is not None:
        params["exclude"] = exclude
    return [tuple(r) for r in session.connection().execute(_busy_statement(kinds, exclude is not None), params)]


def _names(session: Session, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    groups: dict[str, set[int]] = defaultdict(set)
    for kind, rid in keys:
        groups[kind].add(rid)
    out: dict[tuple[str, int], str] = {}
    for kind, model, column in (("room", Room, Room.name), ("user", User, User.full_name),
                                ("expert", Expert, Expert.name)):
        if groups.get(kind):
            for rid, name in session.execute(select(model.id, column).where(model.id.in_(groups[kind]))):
                out[(kind, rid)] = name
    return out


def _resource_clashes(session: Session, request: BookingRequest, rules: BookingRules, *,
                      exclude: int | None = None, names: dict[tuple[str, int], str] | None = None,
                      busy: list | None = None) -> list[Clash]:
    start, end, buf = request.starts_at, request.ends_at, rules.buffer
    if busy is None:
        rows = _busy(session, request.resources(), start - buf, end + buf, exclude=exclude)
    else:  # preloaded by _context over a wider window
        rows = [r for r in busy if r[2] != exclude]
    # The resource rows may be padded (or not): decide on the appointments' real times.
    rows = [r for r in rows if r[3] < end + buf and start < r[4] + buf]
    if not rows:
        return []
    names = dict(names or {})
    missing = {(r[0], r[1]) for r in rows} - set(names)
    if missing:
        names.update(_names(session, missing))
    clashes = []
    seen = set()
    for kind, rid, appointment_id, s, e, number in rows:
        if (kind, rid, appointment_id) in seen:
            continue
        seen.add((kind, rid, appointment_id))
        name = names.get((kind, rid), f"#{rid}")
        who = {"user": msg("调解员{name}", name=name), "expert": msg("专家{name}", name=name)}.get(kind, name)
        overlap = s < end and start < e
        busy = msg("已安排调解") if kind == "room" else msg("已有调解安排")
        message = msg("{who}：{time} {busy}（{number}）", who=who, time=time_range(s, e), busy=busy, number=number)
        if not overlap:
            minutes = int(buf.total_seconds() // 60)
            message = msg("{clash}，前后须间隔{minutes}分钟", clash=message, minutes=minutes)
        clashes.append(Clash(kind, message, {"room": "room", "user": "mediators", "expert": "experts"}[kind],
                             rid, names.get((kind, rid), ""), appointment_id, number, s, e))
    return clashes


def _time_clashes(request: BookingRequest, rules: BookingRules, calendar: Calendar,
                  now: datetime) -> list[Clash]:
    clashes = []
    if request.starts_at < now:
        clashes.append(Clash("past", msg("{at:%Y-%m-%d %H:%M} 已过，请选择以后的时间", at=request.starts_at),
                             "starts_at"))
    clashes += _calendar_clashes(calendar, request.starts_at)
    clashes += _hours_clashes(rules, request.starts_at, request.ends_at)
    return clashes


def check_booking(session_or_engine: Session | Engine, request: BookingRequest, *,
                  now: datetime | None = None, exclude_appointment_id: int | None = None) -> list[Clash]:
    """The one conflict check: the day (rest days, 调休), the hours (working hours, lunch),
    and the room plus every mediator and expert at once, buffers included. Empty = bookable."""
    now = now or datetime.now()
    if request.minutes <= 0:
        return [Clash("hours", msg("请填写调解时长"), "starts_at")]
    with _session_of(session_or_engine) as session:
        rules = load_rules(session)
        calendar = load_calendar(session)
        return (_time_clashes(request, rules, calendar, now)
                + _resource_clashes(session, request, rules, exclude=exclude_appointment_id))


# ------------------------------------------------------------------------ free slots


def _candidate_rooms(session: Session, request: BookingRequest) -> list[tuple[int, str]]:
    """The requested room first, then the other mediation rooms this case may use: its own
    committee's, then the shared ones."""
    committee_id = None
    if request.case_id is not None:
        committee_id = session.scalar(select(Case.committee_id).where(Case.id == request.case_id))
    rooms = session.execute(
        select(Room.id, Room.name, Room.committee_id)
        .where(Room.active.is_(True), Room.kind == "mediation",
               or_(Room.committee_id.is_(None), Room.committee_id == committee_id))
        .order_by(Room.id)
    ).all()
    ordered = sorted(rooms, key=lambda r: (r.committee_id is None, r.id))
    out = [(r.id, r.name) for r in ordered if r.id != request.room_id]
    if request.room_id is not None:
        name = session.scalar(select(Room.name).where(Room.id == request.room_id))
        if name is not None:
            out.insert(0, (request.room_id, name))
    return out


def free_slots(session_or_engine: Session | Engine, request: BookingRequest, *, count: int = 5,
               days: int = 10, now: datetime | None = None,
               exclude_appointment_id: int | None = None) -> list[Slot]:
    """The next ``count`` times, from the requested one on, within ``days`` working days, when
    the same mediators and experts are all free — in the requested room if it is free too,
    else in another mediation room (``same_room`` False)."""
    now = now or datetime.now()
    minutes = max(request.minutes, MIN_MINUTES)
    length = timedelta(minutes=minutes)
    with _session_of(session_or_engine) as session:
        rules = load_rules(session)
        calendar = load_calendar(session)
        rooms = _candidate_rooms(session, request)
        if not rooms:
            return []
        earliest = max(request.starts_at, now)
        # Round up to the next 5 minutes: suggestions read as times people write down.
        extra = (-(earliest.minute % 5) % 5)
        earliest = (earliest + timedelta(minutes=extra)).replace(second=0, microsecond=0)
        workdays: list[date] = []
        d = earliest.date()
        while len(workdays) < days and d <= earliest.date() + timedelta(days=max(days * 3, 14)):
            if calendar.is_workday(d):
                workdays.append(d)
            d += timedelta(days=1)
        if not workdays:
            return []
        span_start = datetime.combine(workdays[0], time()) - rules.buffer
        span_end = datetime.combine(workdays[-1], time()) + timedelta(days=1) + rules.buffer
        people = [k for k in request.resources() if k[0] != "room"]
        keys = people + [("room", rid) for rid, _ in rooms]
        busy: dict[tuple[str, int], list[tuple[datetime, datetime]]] = defaultdict(list)
        for kind, rid, _aid, s, e, _n in _busy(session, keys, span_start, span_end,
                                               exclude=exclude_appointment_id):
            busy[(kind, rid)].append((s, e))

    buf = rules.buffer

    def free(key, s, e) -> bool:
        return all(not (bs < e + buf and s < be + buf) for bs, be in busy.get(key, ()))

    slots: list[Slot] = []
    for day in workdays:
        for a, b in rules.periods:
            p_start, p_end = datetime.combine(day, a), datetime.combine(day, b)
            candidates = set()
            t = p_start
            while t + length <= p_end:
                candidates.add(t)
                t += SLOT_STEP
            # Right after a session ends (plus the buffer) is the earliest a person is free.
            for key in keys:
                for _bs, be in busy.get(key, ()):
                    t = be + buf
                    t += timedelta(minutes=-(t.minute % 5) % 5)
                    if p_start <= t and t + length <= p_end:
                        candidates.add(t)
            for t in sorted(candidates):
                if t < earliest or (slots and t < slots[-1].ends_at):
                    continue  # offer a spread, not five overlapping variants of one slot
                end = t + length
                if not all(free(k, t, end) for k in people):
                    continue
                room = next(((rid, name) for rid, name in rooms if free(("room", rid), t, end)), None)
                if room is None:
                    continue
                slots.append(Slot(t, end, room[0], room[1], room[0] == request.room_id))
                if len(slots) >= count:
                    return slots
    return slots


# ------------------------------------------------------------------------ validation


@dataclass
class _Loaded:
    case_number: str = ""
    committee: str = ""
    names: dict[tuple[str, int], str] = field(default_factory=dict)
    parties: dict[int, tuple[int, str, str, str]] = field(default_factory=dict)  # cp id → party id, name, role, kind


def _context_statement():
    """One round trip for everything a booking needs to know: the case, the room, the
    mediators, the experts, the invited parties, the booking settings, the calendar overrides
    and every live booking of the room and the people near the requested time, as tagged rows
    (tag, id, t1, t2, t3, t4, t5, n1, n2). The busy window is widened by :data:`MAX_BUFFER`;
    the caller applies the real buffer."""
    text_null, int_null = cast(null(), String), cast(null(), Integer)
    t3 = (text_null, text_null, text_null)

    def tag(name: str):
        return literal_column(f"'{name}'", String)

    br, a = BookedResource, Appointment
    return union_all(
        select(tag("case"), Case.id, Case.number, Case.status, Committee.code, text_null, text_null, int_null,
               int_null)
        .join(Committee, Committee.id == Case.committee_id).where(Case.id == bindparam("case_id")),
        select(tag("room"), Room.id, Room.name, *t3, text_null, cast(Room.active, Integer), int_null)
        .where(Room.id == bindparam("room_id")),
        select(tag("user"), User.id, User.full_name, User.role, text_null, text_null, text_null,
               cast(User.active, Integer), int_null)
        .where(User.id.in_(bindparam("user_ids", expanding=True))),
        select(tag("expert"), Expert.id, Expert.name, *t3, text_null, cast(Expert.active, Integer), int_null)
        .where(Expert.id.in_(bindparam("expert_ids", expanding=True))),
        select(tag("party"), CaseParty.id, Party.name, CaseParty.role, Party.kind, text_null, text_null,
               CaseParty.case_id, Party.id)
        .join(Party, Party.id == CaseParty.party_id).where(CaseParty.id.in_(bindparam("party_ids", expanding=True))),
        select(tag("setting"), int_null, Setting.key, Setting.value, *t3, int_null, int_null)
        .where(or_(*[Setting.key == literal_column(f"'{key}'", String) for key in _RULE_KEYS])),
        select(tag("override"), int_null, cast(CalendarOverride.day, String), CalendarOverride.name, *t3,
               cast(CalendarOverride.workday, Integer), int_null),
        select(tag("busy"), a.id, br.resource_kind, Case.number, cast(a.starts_at, String), cast(a.ends_at, String),
               text_null, br.resource_id, int_null)
        .join(a, a.id == br.appointment_id).join(Case, Case.id == a.case_id)
        .where(br.active.is_(True), a.status != "cancelled",
               or_(and_(br.resource_kind == "room", br.resource_id == bindparam("room_id")),
                   and_(br.resource_kind == "user", br.resource_id.in_(bindparam("user_ids", expanding=True))),
                   and_(br.resource_kind == "expert", br.resource_id.in_(bindparam("expert_ids", expanding=True)))),
               br.starts_at < bindparam("busy_end"), br.ends_at > bindparam("busy_start")),
    )


_CONTEXT_SQL = _context_statement()


@dataclass
class _Context:
    errors: dict[str, str]
    loaded: _Loaded
    rules: BookingRules
    calendar: Calendar
    busy: list[tuple[str, int, int, datetime, datetime, str]]  # as :func:`_busy` returns them


def _rules_from(settings: dict[str, str]) -> BookingRules:
    values = {k: DEFAULT_SETTINGS.get(k, "") for k in _RULE_KEYS} | settings
    try:
        periods = _periods(values.get("working_hours") or DEFAULT_HOURS)
    except ValueError:
        periods = _periods(DEFAULT_HOURS)
    try:
        buffer = min(max(0, int(values.get("booking_buffer_minutes") or 0)), int(MAX_BUFFER.total_seconds() // 60))
    except ValueError:
        buffer = 15
    try:
        minutes = int(values.get("session_minutes_default") or 90)
    except ValueError:
        minutes = 90
    return BookingRules(periods, timedelta(minutes=buffer), min(max(minutes, MIN_MINUTES), MAX_MINUTES))


def _context(session: Session, user: CurrentUser | None, request: BookingRequest) -> _Context:
    rows: dict[str, list] = defaultdict(list)
    for row in session.connection().execute(_CONTEXT_SQL, {
            "case_id": request.case_id if request.case_id is not None else -1,
            "room_id": request.room_id if request.room_id is not None else -1,
            "user_ids": list(request.mediator_ids), "expert_ids": list(request.expert_ids),
            "party_ids": list(request.invited_party_ids),
            "busy_start": request.starts_at - MAX_BUFFER, "busy_end": request.ends_at + MAX_BUFFER}):
        rows[row[0]].append(row[1:])
    rules = _rules_from({key: value for _, key, value, *_ in rows["setting"]})
    calendar = Calendar([OverrideRow(date.fromisoformat(day[:10]), bool(workday), name or "")
                         for _, day, name, _, _, _, workday, _ in rows["override"]])
    busy = [(kind, rid, aid, _parse_datetime(s), _parse_datetime(e), number)
            for aid, kind, number, s, e, _, rid, _ in rows["busy"]]
    errors: dict[str, str] = {}
    loaded = _Loaded()
    if request.case_id is None:
        errors["case"] = msg("请选择案件")
    elif not rows["case"]:
        errors["case"] = msg("该案件已不存在")
    else:
        _, number, status, code, *_ = rows["case"][0]
        loaded.case_number, loaded.committee = number, code
        if status not in OPEN_STATUSES:
            errors["case"] = msg("案件已{status}，不能再预约调解", status=code_label(CASE_STATUSES.get(status, status)))
        if case_scope_refusal(user, code, write=True):
            raise PermissionDenied(msg("调解员只能为本委员会的案件预约调解"), permission="cases.scope",
                                   case_id=request.case_id)
    if request.minutes < MIN_MINUTES:
        errors["minutes"] = msg("调解时长至少{minutes}分钟", minutes=MIN_MINUTES)
    elif request.minutes > MAX_MINUTES:
        errors["minutes"] = msg("调解时长不超过8小时")
    if request.room_id is None:
        errors["room"] = msg("请选择调解室")
    elif not rows["room"]:
        errors["room"] = msg("该调解室已不存在")
    else:
        name, active = rows["room"][0][1], rows["room"][0][6]
        loaded.names[("room", request.room_id)] = name
        if not active:
            errors["room"] = msg("{name}已停用", name=name)
    if not request.mediator_ids:
        errors["mediators"] = msg("请至少选择一名调解员（人民调解法第十九条）")
    else:
        found = {r[0]: r for r in rows["user"]}
        for uid in request.mediator_ids:
            u = found.get(uid)
            if u is None:
                errors["mediators"] = msg("所选调解员已不存在")
            elif u[2] != "mediator":
                errors["mediators"] = msg("{name}不是调解员", name=u[1])
            elif not u[6]:
                errors["mediators"] = msg("调解员{name}的账号已停用", name=u[1])
            else:
                loaded.names[("user", uid)] = u[1]
    found = {r[0]: r for r in rows["expert"]}
    for eid in request.expert_ids:
        e = found.get(eid)
        if e is None:
            errors["experts"] = msg("所选专家已不存在")
        elif not e[6]:
            errors["experts"] = msg("专家{name}已不在专家库中", name=e[1])
        else:
            loaded.names[("expert", eid)] = e[1]
    if not request.invited_party_ids:
        errors["invited"] = msg("请至少邀请一方当事人")
    elif request.case_id is not None:
        for cp_id, name, role, kind, _, _, case_id, party_id in rows["party"]:
            if case_id == request.case_id:
                loaded.parties[cp_id] = (party_id, name, role, kind)
        if set(request.invited_party_ids) - set(loaded.parties):
            errors["invited"] = msg("所邀请的当事人不属于本案")
    if len(request.purpose.strip()) > PURPOSE_MAX:
        errors["purpose"] = msg("事由不超过{limit}个字", limit=PURPOSE_MAX)
    return _Context(errors, loaded, rules, calendar, busy)


def _validate(session: Session, user: CurrentUser | None, request: BookingRequest) -> tuple[dict[str, str], _Loaded]:
    context = _context(session, user, request)
    return context.errors, context.loaded


def validate_request(session_or_engine: Session | Engine, request: BookingRequest,
                     user: CurrentUser | None = None) -> dict[str, str]:
    """Field → Chinese message for every problem in the form (no time conflicts)."""
    with _session_of(session_or_engine) as session:
        return _validate(session, user, request)[0]


def _warnings(session: Session, request: BookingRequest, calendar: Calendar,
              names: dict[tuple[str, int], str]) -> list[str]:
    out = []
    if not calendar.is_known(request.starts_at.date()):
        out.append(msg("{year}年的放假调休安排尚未录入，按周末和法定节假日推算，"
                       "请管理员在日历调整表中录入国务院公布的安排", year=request.starts_at.year))
    if request.expert_ids and request.case_id is not None:
        consented = set(session.scalars(select(Consent.expert_id).where(
            Consent.case_id == request.case_id, Consent.kind == "expert", Consent.given.is_(True))))
        for eid in request.expert_ids:
            if eid not in consented:
                name = names.get(("expert", eid), f"#{eid}")
                out.append(msg("专家{name}参与调解须经当事人同意（人民调解法第二十条），本案尚未记录同意", name=name))
    return out


@use_case
def assess(engine: Engine, user: CurrentUser | None, request: BookingRequest, *,
           now: datetime | None = None, alternatives: int = 5,
           exclude_appointment_id: int | None = None) -> Assessment:
    """Validation, the one conflict check, the next free slots (when there is a clash) and
    warnings — what the booking dialog shows as the user edits the form."""
    if user is not None:
        require(user, "booking")
    now = now or datetime.now()
    with read_only(engine) as session:
        context = _context(session, user, request)
        errors, loaded, rules, calendar = context.errors, context.loaded, context.rules, context.calendar
        time_errors = {k: v for k, v in errors.items() if k == "minutes"}
        clashes: list[Clash] = []
        if not time_errors:
            clashes = (_time_clashes(request, rules, calendar, now)
                       + _resource_clashes(session, request, rules, exclude=exclude_appointment_id,
                                           names=loaded.names, busy=context.busy))
            warnings = _warnings(session, request, calendar, loaded.names)
        else:
            warnings = []
        slots: list[Slot] = []
        if clashes and alternatives and not time_errors and (request.room_id or request.resources()):
            slots = free_slots(session, request, count=alternatives, now=now,
                               exclude_appointment_id=exclude_appointment_id)
    return Assessment(errors, tuple(clashes), tuple(slots), tuple(warnings))


# --------------------------------------------------------------------------- writing


def _is_overlap(exc: DBAPIError) -> bool:
    orig = getattr(exc, "orig", None)
    diag = getattr(orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    return name == OVERLAP_CONSTRAINT or OVERLAP_CONSTRAINT in str(exc)


def _is_retryable(exc: DBAPIError) -> bool:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in ("40P01", "40001")  # deadlock detected, serialization failure


_INSERT_APPOINTMENT = insert(Appointment.__table__).returning(Appointment.__table__.c.id)
_INSERT_RESOURCE = insert(BookedResource.__table__)
_INSERT_INVITATION = insert(Invitation.__table__).returning(
    Invitation.__table__.c.id, Invitation.__table__.c.case_party_id, sort_by_parameter_order=True)
# PostgreSQL: the appointment, its resource rows (in the canonical order, see the module
# docstring) and its invitations in one statement; returns (invitation id, case party id,
# appointment id) per invitation.
_INSERT_ALL_PG = sql_text(
    "WITH a AS (INSERT INTO appointments (case_id, starts_at, ends_at, room_id, status, purpose, booked_by_id, "
    " rescheduled_from_id, created_at, updated_at) VALUES (:case_id, :starts_at, :ends_at, :room_id, :status, "
    " :purpose, :booked_by_id, :rescheduled_from_id, :created_at, :updated_at) RETURNING id), "
    "r AS (INSERT INTO booked_resources (appointment_id, resource_kind, resource_id, starts_at, ends_at, active) "
    " SELECT a.id, u.kind, u.rid, :starts_at, :padded_end, true FROM a, "
    " unnest(CAST(:kinds AS varchar[]), CAST(:resource_ids AS integer[])) WITH ORDINALITY AS u(kind, rid, n) "
    " ORDER BY u.n) "
    "INSERT INTO invitations (appointment_id, case_party_id, attendance) "
    "SELECT a.id, v.cp, 'invited' FROM a, unnest(CAST(:party_ids AS integer[])) WITH ORDINALITY AS v(cp, n) "
    "ORDER BY v.n RETURNING id, case_party_id, appointment_id"
).bindparams(bindparam("starts_at", type_=DateTime()), bindparam("ends_at", type_=DateTime()),
             bindparam("padded_end", type_=DateTime()), bindparam("created_at", type_=DateTime()),
             bindparam("updated_at", type_=DateTime()))


def _insert(session: Session, user: CurrentUser, request: BookingRequest, rules: BookingRules,
            loaded: _Loaded, *, rescheduled_from: int | None = None) -> AppointmentRow:
    now = datetime.now()
    purpose = request.purpose.strip()
    conn = session.connection()
    padded_end = request.ends_at + rules.buffer
    invited = list(dict.fromkeys(request.invited_party_ids))
    resources = request.resources()
    appointment = {
        "case_id": request.case_id, "starts_at": request.starts_at, "ends_at": request.ends_at,
        "room_id": request.room_id, "status": "booked", "purpose": purpose, "booked_by_id": user.id or None,
        "rescheduled_from_id": rescheduled_from, "created_at": now, "updated_at": now}
    if conn.dialect.name == "postgresql":
        # One round trip instead of three (the booking is the hot path of a busy desk).
        ids = conn.execute(_INSERT_ALL_PG, appointment | {
            "padded_end": padded_end, "kinds": [k for k, _ in resources], "resource_ids": [r for _, r in resources],
            "party_ids": invited}).all()
        appointment_id = ids[0][2]
    else:
        appointment_id = conn.execute(_INSERT_APPOINTMENT, appointment).scalar_one()
        conn.execute(_INSERT_RESOURCE, [
            {"appointment_id": appointment_id, "resource_kind": kind, "resource_id": rid,
             "starts_at": request.starts_at, "ends_at": padded_end, "active": True}
            for kind, rid in resources
        ])
        ids = conn.execute(_INSERT_INVITATION, [
            {"appointment_id": appointment_id, "case_party_id": cp, "attendance": "invited"} for cp in invited
        ]).all()
    by_cp = {row[1]: row[0] for row in ids}
    after = {"case_id": request.case_id, "starts_at": request.starts_at.isoformat(timespec="minutes"),
             "ends_at": request.ends_at.isoformat(timespec="minutes"), "room_id": request.room_id,
             "mediators": list(request.mediator_ids), "experts": list(request.expert_ids),
             "invited": invited, "rescheduled_from": rescheduled_from}
    audit.record(session, user, "appointment.book", entity="appointment", entity_id=appointment_id,
                 after=after, detail=loaded.case_number)
    return AppointmentRow(
        id=appointment_id, case_id=request.case_id, case_number=loaded.case_number,
        committee=loaded.committee, starts_at=request.starts_at, ends_at=request.ends_at,
        room_id=request.room_id, room_name=loaded.names.get(("room", request.room_id), ""),
        status="booked", purpose=purpose, cancel_reason="",
        rescheduled_from_id=rescheduled_from,
        mediators=tuple(PersonRef("user", i, loaded.names.get(("user", i), "")) for i in request.mediator_ids),
        experts=tuple(PersonRef("expert", i, loaded.names.get(("expert", i), "")) for i in request.expert_ids),
        parties=tuple(InvitedParty(by_cp[cp], cp, loaded.parties[cp][0], loaded.parties[cp][1],
                                   loaded.parties[cp][2], loaded.parties[cp][3], "invited") for cp in invited),
    )


class _Refused(Exception):
    def __init__(self, clashes: list[Clash]) -> None:
        self.clashes = clashes


def _run_booking(engine: Engine, request: BookingRequest, now: datetime, work,
                 exclude: int | None = None) -> AppointmentRow:
    """Run ``work(session)`` in one write unit of work; turn clashes found inside it, and the
    PostgreSQL exclusion violation, into :class:`BookingConflict` with alternatives."""
    for attempt in range(3):
        try:
            with unit_of_work(engine) as session:
                return work(session)
        except _Refused as refused:
            clashes = refused.clashes
        except IntegrityError as exc:
            if not _is_overlap(exc):
                raise
            # Another PC's booking committed between our check and our insert.
            clashes = check_booking(engine, request, now=now, exclude_appointment_id=exclude) or [
                Clash("room", msg("所选时间刚被其他工作站预约，请另选时间"), "starts_at")]
        except DBAPIError as exc:
            if _is_retryable(exc) and attempt < 2:
                continue
            raise
        resource = [c for c in clashes if c.kind != "past"]
        slots = free_slots(engine, request, now=now, exclude_appointment_id=exclude) if resource else []
        raise BookingConflict(clashes, slots)
    raise AssertionError("unreachable")


@use_case
def book(engine: Engine, user: CurrentUser, request: BookingRequest, *,
         now: datetime | None = None) -> AppointmentRow:
    """Book a session: validate, re-check inside the write transaction, insert the appointment,
    its resources and invitations. Raises :class:`BookingError` (form problems) or
    :class:`BookingConflict` (taken or not bookable; with the next free slots)."""
    require(user, "booking")
    now = now or datetime.now()

    def work(session: Session) -> AppointmentRow:
        context = _context(session, user, request)
        if context.errors:
            raise BookingError(context.errors)
        rules, loaded = context.rules, context.loaded
        clashes = (_time_clashes(request, rules, context.calendar, now)
                   + _resource_clashes(session, request, rules, names=loaded.names, busy=context.busy))
        if clashes:
            raise _Refused(clashes)
        return _insert(session, user, request, rules, loaded)

    return _run_booking(engine, request, now, work)


def _locked_appointment(session: Session, appointment_id: int) -> Appointment:
    appointment = session.scalar(select(Appointment).where(Appointment.id == appointment_id).with_for_update())
    if appointment is None:
        raise ValueError(msg("该预约已不存在"))
    return appointment


def _require_case_scope(session: Session, user: CurrentUser, case_id: int) -> None:
    code = session.scalar(select(Committee.code).join(Case, Case.committee_id == Committee.id)
                          .where(Case.id == case_id))
    if case_scope_refusal(user, code or "", write=True):
        raise PermissionDenied(msg("调解员只能处理本委员会案件的预约"), permission="cases.scope", case_id=case_id)


def _deactivate(session: Session, appointment: Appointment, reason: str) -> None:
    appointment.status = "cancelled"
    appointment.cancel_reason = reason
    session.execute(update(BookedResource).where(BookedResource.appointment_id == appointment.id)
                    .values(active=False))


def _clean_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise BookingError({"reason": msg("请填写{what}原因", what=what)})
    if len(reason) > REASON_MAX:
        raise BookingError({"reason": msg("{what}原因不超过{limit}个字", what=what, limit=REASON_MAX)})
    return reason


@use_case
def reschedule(engine: Engine, user: CurrentUser, appointment_id: int, new_start: datetime,
               minutes: int, reason: str, *, room_id: int | None = None,
               now: datetime | None = None) -> AppointmentRow:
    """Move a booked session: the old one is cancelled ("改期：reason") and a new one with the
    same people, room (unless ``room_id``) and invitations is booked, linked through
    ``rescheduled_from_id`` — both in one transaction, so either both happen or neither."""
    require(user, "booking")
    reason = _clean_reason(reason, msg("改期"))
    now = now or datetime.now()
    with read_only(engine) as session:
        original = _appointment_rows(session, [Appointment.id == appointment_id])
    if not original:
        raise ValueError(msg("该预约已不存在"))
    old = original[0]
    request = BookingRequest(
        case_id=old.case_id, starts_at=new_start, minutes=minutes,
        room_id=room_id if room_id is not None else old.room_id,
        mediator_ids=tuple(p.id for p in old.mediators), expert_ids=tuple(p.id for p in old.experts),
        invited_party_ids=tuple(p.case_party_id for p in old.parties), purpose=old.purpose,
    )

    def work(session: Session) -> AppointmentRow:
        appointment = _locked_appointment(session, appointment_id)
        _require_case_scope(session, user, appointment.case_id)
        if appointment.status != "booked":
            raise ValueError(msg("该预约{status}，不能改期",
                                 status=code_label(APPOINTMENT_STATUSES.get(appointment.status, ""))))
        context = _context(session, user, request)
        if context.errors:
            raise BookingError(context.errors)
        rules, loaded = context.rules, context.loaded
        before = {"starts_at": appointment.starts_at.isoformat(timespec="minutes"),
                  "ends_at": appointment.ends_at.isoformat(timespec="minutes"),
                  "room_id": appointment.room_id, "status": appointment.status}
        _deactivate(session, appointment, f"改期：{reason}")
        session.flush()
        clashes = (_time_clashes(request, rules, context.calendar, now)
                   + _resource_clashes(session, request, rules, exclude=appointment_id, names=loaded.names,
                                       busy=context.busy))
        if clashes:
            raise _Refused(clashes)
        row = _insert(session, user, request, rules, loaded, rescheduled_from=appointment_id)
        audit.record(session, user, "appointment.reschedule", entity="appointment", entity_id=appointment_id,
                     before=before, after={"status": "cancelled", "new_appointment": row.id,
                                           "starts_at": new_start.isoformat(timespec="minutes"),
                                           "reason": reason}, detail=loaded.case_number)
        return row

    return _run_booking(engine, request, now, work, exclude=appointment_id)


@use_case
def cancel(engine: Engine, user: CurrentUser, appointment_id: int, reason: str) -> AppointmentRow:
    """Cancel a booked session with a reason; its room and people are free again at once."""
    require(user, "booking")
    reason = _clean_reason(reason, msg("取消"))
    with unit_of_work(engine) as session:
        appointment = _locked_appointment(session, appointment_id)
        _require_case_scope(session, user, appointment.case_id)
        if appointment.status != "booked":
            raise ValueError(msg("该预约{status}，不能取消",
                                 status=code_label(APPOINTMENT_STATUSES.get(appointment.status, ""))))
        before = {"status": appointment.status}
        _deactivate(session, appointment, reason)
        audit.record(session, user, "appointment.cancel", entity="appointment", entity_id=appointment_id,
                     before=before, after={"status": "cancelled", "reason": reason})
        session.flush()
        return _appointment_rows(session, [Appointment.id == appointment_id])[0]


@use_case
def mark_attendance(engine: Engine, user: CurrentUser, invitation_id: int, attendance: str, *,
                    now: datetime | None = None) -> InvitedParty:
    """Record that an invited party came (``present``) or did not (``no_show``); ``invited``
    undoes a mark made by mistake. Only on or after the session's day."""
    require(user, "booking")
    if attendance not in ATTENDANCE:
        raise ValueError(msg("未知的到场情况：{attendance}", attendance=attendance))
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        row = session.execute(
            select(Invitation, Appointment.starts_at, Appointment.status, Appointment.case_id)
            .join(Appointment, Appointment.id == Invitation.appointment_id)
            .where(Invitation.id == invitation_id)
        ).first()
        if row is None:
            raise ValueError(msg("该邀请记录已不存在"))
        invitation, starts_at, status, case_id = row
        _require_case_scope(session, user, case_id)
        if status == "cancelled":
            raise ValueError(msg("该预约已取消，不能登记到场情况"))
        if starts_at.date() > now.date():
            raise ValueError(msg("调解定于{day:%Y-%m-%d}，当天才能登记到场情况", day=starts_at))
        before = {"attendance": invitation.attendance}
        invitation.attendance = attendance
        audit.record(session, user, "invitation.attendance", entity="invitation", entity_id=invitation_id,
                     before=before, after={"attendance": attendance})
        session.flush()
        party = session.execute(
            select(CaseParty.id, Party.id, Party.name, CaseParty.role, Party.kind)
            .join(Party, Party.id == CaseParty.party_id).where(CaseParty.id == invitation.case_party_id)
        ).one()
        return InvitedParty(invitation.id, party[0], party[1], party[2], party[3], party[4], attendance)


# ----------------------------------------------------------------------------- views


def _appointment_rows(session: Session, conditions: list, *, include_cancelled: bool = True) -> list[AppointmentRow]:
    a = Appointment
    query = (
        select(a.id, a.case_id, Case.number, Committee.code, a.starts_at, a.ends_at, a.room_id, Room.name,
               a.status, a.purpose, a.cancel_reason, a.rescheduled_from_id)
        .join(Case, Case.id == a.case_id)
        .join(Committee, Committee.id == Case.committee_id)
        .join(Room, Room.id == a.room_id)
        .where(*conditions)
        .order_by(a.starts_at, Room.id, a.id)
    )
    if not include_cancelled:
        query = query.where(a.status != "cancelled")
    base = session.execute(query).all()
    if not base:
        return []
    ids = [r.id for r in base]
    held: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for aid, kind, rid in session.execute(
            select(BookedResource.appointment_id, BookedResource.resource_kind, BookedResource.resource_id)
            .where(BookedResource.appointment_id.in_(ids), BookedResource.resource_kind != "room")
            .order_by(BookedResource.id)):
        if (kind, rid) not in held[aid]:
            held[aid].append((kind, rid))
    names = _names(session, {k for keys in held.values() for k in keys})
    invited: dict[int, list[InvitedParty]] = defaultdict(list)
    for iid, aid, cp, pid, name, role, kind, attendance in session.execute(
            select(Invitation.id, Invitation.appointment_id, CaseParty.id, Party.id, Party.name, CaseParty.role,
                   Party.kind, Invitation.attendance)
            .join(CaseParty, CaseParty.id == Invitation.case_party_id)
            .join(Party, Party.id == CaseParty.party_id)
            .where(Invitation.appointment_id.in_(ids))
            .order_by(CaseParty.position, CaseParty.id)):
        invited[aid].append(InvitedParty(iid, cp, pid, name, role, kind, attendance))
    rows = []
    for r in base:
        keys = held.get(r.id, [])
        rows.append(AppointmentRow(
            id=r.id, case_id=r.case_id, case_number=r.number, committee=r.code, starts_at=r.starts_at,
            ends_at=r.ends_at, room_id=r.room_id, room_name=r.name, status=r.status, purpose=r.purpose or "",
            cancel_reason=r.cancel_reason or "", rescheduled_from_id=r.rescheduled_from_id,
            mediators=tuple(PersonRef(k, i, names.get((k, i), "")) for k, i in keys if k == "user"),
            experts=tuple(PersonRef(k, i, names.get((k, i), "")) for k, i in keys if k == "expert"),
            parties=tuple(invited.get(r.id, ())),
        ))
    return rows


def _range_view(engine: Engine, start: date, days: int, *, room_id: int | None,
                person: tuple[str, int] | None, include_cancelled: bool,
                user: CurrentUser | None) -> list[AppointmentRow]:
    if user is not None:
        require(user, "cases.read")
    begin = datetime.combine(start, time())
    conditions = [Appointment.starts_at >= begin, Appointment.starts_at < begin + timedelta(days=days)]
    if room_id is not None:
        conditions.append(Appointment.room_id == room_id)
    if person is not None:
        kind, pid = person
        if kind not in ("user", "expert"):
            raise ValueError(f"unknown person kind {kind!r}")
        conditions.append(exists().where(BookedResource.appointment_id == Appointment.id,
                                         BookedResource.resource_kind == kind,
                                         BookedResource.resource_id == pid))
    with read_only(engine) as session:
        return _appointment_rows(session, conditions, include_cancelled=include_cancelled)


@use_case
def day_view(engine: Engine, day: date, *, room_id: int | None = None, person: tuple[str, int] | None = None,
             include_cancelled: bool = True, user: CurrentUser | None = None) -> list[AppointmentRow]:
    """The sessions of one day, by start time; optionally of one room or one person
    (``("user", id)`` for a mediator, ``("expert", id)``)."""
    return _range_view(engine, day, 1, room_id=room_id, person=person, include_cancelled=include_cancelled,
                       user=user)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@use_case
def week_view(engine: Engine, day: date, *, room_id: int | None = None, person: tuple[str, int] | None = None,
              include_cancelled: bool = True, user: CurrentUser | None = None) -> list[AppointmentRow]:
    """The sessions of the week (Monday–Sunday) that contains ``day``."""
    return _range_view(engine, week_start(day), 7, room_id=room_id, person=person,
                       include_cancelled=include_cancelled, user=user)


@use_case
def today_list(engine: Engine, day: date | None = None, *, user: CurrentUser | None = None) -> list[AppointmentRow]:
    """Reception's list: every session of the day (cancelled ones too, marked as such) with
    time, case number, room, mediators, experts, the invited parties and the status."""
    return day_view(engine, day or date.today(), user=user)


@use_case
def appointment(engine: Engine, appointment_id: int, *, user: CurrentUser | None = None) -> AppointmentRow | None:
    if user is not None:
        require(user, "cases.read")
    with read_only(engine) as session:
        rows = _appointment_rows(session, [Appointment.id == appointment_id])
    return rows[0] if rows else None


# ----------------------------------------------------------- choices for the screens


@dataclass(frozen=True)
class Resource:
    """A row of the calendar grid: a room or a person."""

    kind: str  # room / user / expert
    id: int
    name: str
    detail: str = ""


@dataclass(frozen=True)
class RoomOption:
    id: int
    name: str
    kind: str
    committee: str | None


@dataclass(frozen=True)
class PersonOption:
    id: int
    name: str
    detail: str = ""
    preferred: bool = False  # the case's committee / assigned to the case


@dataclass(frozen=True)
class PartyOption:
    case_party_id: int
    name: str
    role: str
    kind: str

    @property
    def label(self) -> str:
        return f"{self.name}（{CASE_PARTY_ROLES.get(self.role, self.role)}）"


@dataclass(frozen=True)
class CaseOptions:
    case_id: int
    number: str
    committee: str
    status: str
    summary: str
    parties: tuple[PartyOption, ...]
    mediators: tuple[PersonOption, ...]  # the committee's first (preferred), then everyone else
    assigned: tuple[int, ...]  # mediators already on the case
    room_id: int | None  # the committee's own room, if it has one
    purpose: str  # "第N次调解"


def list_rooms(engine: Engine, *, active_only: bool = True) -> list[RoomOption]:
    with read_only(engine) as session:
        query = (select(Room.id, Room.name, Room.kind, Committee.code)
                 .outerjoin(Committee, Committee.id == Room.committee_id).order_by(Room.id))
        if active_only:
            query = query.where(Room.active.is_(True))
        return [RoomOption(*r) for r in session.execute(query)]


@use_case
def case_options(engine: Engine, case_id: int, *, user: CurrentUser | None = None) -> CaseOptions:
    """What the booking form offers for the case. ``user``: needs ``booking`` and, for a mediator,
    a case of his or her committees (``None``: the system)."""
    if user is not None:
        require(user, "booking")
    with read_only(engine) as session:
        if user is not None:
            _require_case_scope(session, user, case_id)
        case = session.execute(
            select(Case.id, Case.number, Case.status, Case.summary, Case.committee_id, Case.mediator_id,
                   Committee.code)
            .join(Committee, Committee.id == Case.committee_id).where(Case.id == case_id)).first()
        if case is None:
            raise ValueError(msg("该案件已不存在"))
        parties = tuple(PartyOption(*r) for r in session.execute(
            select(CaseParty.id, Party.name, CaseParty.role, Party.kind)
            .join(Party, Party.id == CaseParty.party_id).where(CaseParty.case_id == case_id)
            .order_by(CaseParty.position, CaseParty.id)))
        assigned = list(session.scalars(select(CaseMediator.user_id).where(CaseMediator.case_id == case_id)))
        if case.mediator_id and case.mediator_id not in assigned:
            assigned.insert(0, case.mediator_id)
        own = set(session.scalars(select(user_committees.c.user_id)
                                  .where(user_committees.c.committee_id == case.committee_id)))
        people = session.execute(select(User.id, User.full_name).where(User.role == "mediator",
                                                                       User.active.is_(True))
                                 .order_by(User.full_name)).all()
        mediators = sorted(
            (PersonOption(uid, name, msg("本委员会") if uid in own else "", uid in own or uid in assigned)
             for uid, name in people),
            key=lambda p: (p.id not in assigned, not p.preferred, p.name))
        room_id = session.scalar(select(Room.id).where(Room.committee_id == case.committee_id,
                                                       Room.active.is_(True), Room.kind == "mediation")
                                 .order_by(Room.id).limit(1))
        count = session.scalar(select(func.count(Appointment.id)).where(
            Appointment.case_id == case_id, Appointment.status != "cancelled")) or 0
        return CaseOptions(case.id, case.number, case.code, case.status, case.summary or "", parties,
                           tuple(mediators), tuple(assigned), room_id, f"第{count + 1}次调解")


@use_case
def search_experts(engine: Engine, text: str, *, committee: str | None = None, limit: int = 30,
                   user: CurrentUser | None = None) -> list[PersonOption]:
    """Experts and lawyers by name, pinyin, initials, specialty or agency; the case's committee
    first."""
    if user is not None:
        require(user, "experts.read")
    text = text.strip()
    with read_only(engine) as session:
        query = select(Expert.id, Expert.name, Expert.title, Expert.agency, Expert.specialties).where(
            Expert.active.is_(True))
        if text:
            like = f"%{text}%"
            low = f"%{text.lower()}%"
            query = query.where(or_(Expert.name.like(like), Expert.name_pinyin.like(low),
                                    Expert.name_initials.like(low), Expert.specialties.like(like),
                                    Expert.agency.like(like), Expert.former_agency.like(like)))
        own: set[int] = set()
        if committee:
            own = set(session.scalars(
                select(expert_committees.c.expert_id).join(Committee, Committee.id == expert_committees.c.committee_id)
                .where(Committee.code == committee)))
        rows = session.execute(query.order_by(Expert.name).limit(400)).all()
    options = [PersonOption(r.id, r.name, "，".join(x for x in (r.title, r.agency) if x)[:40], r.id in own)
               for r in rows]
    options.sort(key=lambda p: (not p.preferred, p.name))
    return options[:limit]


def calendar_resources(engine: Engine, mode: str, rows: Iterable[AppointmentRow] = ()) -> list[Resource]:
    """The grid's rows: every active room (``mode="room"``), or every active mediator plus the
    experts who appear in ``rows`` (``mode="person"``)."""
    with read_only(engine) as session:
        if mode == "room":
            return [Resource("room", rid, name, detail) for rid, name, detail in session.execute(
                select(Room.id, Room.name, Committee.short_name).outerjoin(Committee, Committee.id == Room.committee_id)
                .where(Room.active.is_(True)).order_by(Room.id))]
        if mode != "person":
            raise ValueError(f"unknown mode {mode!r}")
        first_committee: dict[int, tuple[int, str]] = {}
        for uid, order, short in session.execute(
                select(user_committees.c.user_id, Committee.sort_order, Committee.short_name)
                .join(Committee, Committee.id == user_committees.c.committee_id)
                .order_by(Committee.sort_order)):
            first_committee.setdefault(uid, (order, short))
        people = session.execute(select(User.id, User.full_name).where(User.role == "mediator",
                                                                       User.active.is_(True))).all()
    out = sorted((Resource("user", uid, name, first_committee.get(uid, (99, ""))[1]) for uid, name in people),
                 key=lambda r: (first_committee.get(r.id, (99, ""))[0], r.name))
    experts: dict[int, str] = {}
    for row in rows:
        for p in row.experts:
            experts.setdefault(p.id, p.name)
    out += [Resource("expert", eid, name, "专家") for eid, name in sorted(experts.items(), key=lambda x: x[1])]
    return out
