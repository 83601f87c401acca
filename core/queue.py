"""The walk-in queue (取号叫号): take a number per service, call, recall, skip, transfer,
serve, and the waiting-time statistics.

Rules this module implements (the choices the brief left open are marked *decision*):

* **Numbers.** One sequence per service (committee, studio or the general desk) per day;
  the label is the committee's prefix and three digits: ``医-003``. Allocation is
  race-free across PCs: on SQLite the unit of work holds the write lock from BEGIN; on
  PostgreSQL the service's ``committees`` row is locked (``SELECT … FOR UPDATE``) before
  ``max(seq)`` is read, so concurrent takers of the same service queue up on that row
  lock and different services do not block each other. The unique constraint
  (committee, day, seq) stays as the last safeguard.
* **Order of calling** (*decision*). A ticket's place is decided by how often it has
  already been called, then by the time it was taken: tickets never called come first,
  oldest first; a skipped ticket (called, not present, ``call_count`` < N) goes back
  behind every ticket called fewer times. A visitor who was skipped and comes back is
  not left at the end: staff select the ticket and press 重呼 (:func:`recall`), which
  calls it at once.
* **Missed** (*decision*, Setting ``queue_missed_after_calls`` = N, default 3): each
  call (call next, recall) counts; :func:`skip` puts the ticket back to waiting until it
  has been called N times, then it is ``missed``. A missed visitor takes a new number.
* **One ticket per window** (*decision*). Calling the next ticket at a window first
  closes what is still open there: a ticket still ``called`` is skipped (the rule above),
  one being ``serving`` is finished. So the call display never shows two numbers for one
  window, and a forgotten 办结 does not leave tickets open.
* **Transfer** (*decision*). The old ticket becomes ``transferred`` (finished now); the
  visitor gets a new ticket of the target service with that service's next number, its
  ``transferred_from_id`` pointing at the old one and its ``taken_at`` copied from the
  old ticket (through any chain of transfers), so the visitor keeps the place earned by
  arriving early instead of going to the back.
* **Waiting time** for the statistics = ``called_at - taken_at`` of tickets that were
  attended (serving, done, or transferred out after a call). ``called_at`` is the time of
  the *latest* call (the display orders by it), so a skipped-then-recalled visitor's wait
  includes the absence: the figure means "from taking a number until being attended".
  Tickets created by a transfer are left out (their ``taken_at`` is inherited; the wait
  is counted once, at the first service); missed tickets are counted but have no wait.

All times come from an injectable ``now`` so tests can drive a whole day.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, and_, func, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, require, use_case
from core.documents.ticket import TicketData
from core.messages import code_label, msg
from core.settings import get_settings
from core.uow import read_only, unit_of_work
from db.codes import QUEUE_STATUSES
from db.models import Committee, QueueTicket

__all__ = [
    "ACTIVE_STATUSES",
    "DEFAULT_MISSED_AFTER",
    "IntakePrefill",
    "QueueError",
    "Service",
    "TicketRow",
    "WaitStat",
    "call_next",
    "finish",
    "missed_after_calls",
    "recall",
    "recent_calls",
    "services",
    "skip",
    "start_service",
    "take_ticket",
    "ticket_data",
    "ticket_row",
    "transfer",
    "waiting_counts",
    "waiting_list",
    "waiting_stats",
]

DEFAULT_MISSED_AFTER = 3
#: Tickets still in the building: shown in the queue screen's list.
ACTIVE_STATUSES = ("waiting", "called", "serving")
#: Statuses from which a ticket counts as attended (for the waiting statistics).
_ATTENDED = ("serving", "done", "transferred")


class QueueError(ValueError):
    """A queue action that cannot be done now, with a message for the receptionist."""


# ----------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class IntakePrefill:
    """What the intake form can fill in from the ticket of the visitor in front of it."""

    ticket_id: int
    ticket_label: str
    committee: str  # the service the visitor chose (the intake's suggested committee)
    committee_name: str
    arrived_at: datetime  # taken_at: when the visitor came in
    window: str | None
    note: str


@dataclass(frozen=True)
class TicketRow:
    id: int
    label: str
    committee: str  # code: medical, traffic, general …
    committee_name: str  # short name: 医患
    service_name: str  # full name: 医疗纠纷人民调解委员会
    day: date
    status: str
    taken_at: datetime
    called_at: datetime | None
    call_count: int
    window: str | None
    served_at: datetime | None
    finished_at: datetime | None
    transferred_from_id: int | None
    transferred_from_label: str | None
    note: str
    # Minutes waited: until the (latest) call, or until ``now`` while still waiting.
    waited_minutes: int
    # Waiting tickets of the same service before this one (0 when not waiting).
    position_ahead: int
    missed_after: int = DEFAULT_MISSED_AFTER

    @property
    def status_name(self) -> str:
        return QUEUE_STATUSES.get(self.status, self.status)

    @property
    def calls_left(self) -> int:
        return max(0, self.missed_after - self.call_count)

    @property
    def prefill(self) -> IntakePrefill:
        return IntakePrefill(
            ticket_id=self.id, ticket_label=self.label, committee=self.committee,
            committee_name=self.committee_name, arrived_at=self.taken_at, window=self.window,
            note=self.note,
        )

    @property
    def call_key(self) -> tuple:
        """Changes whenever this ticket is (re)announced: the display flashes on it."""
        return (self.id, self.call_count, self.called_at)


@dataclass(frozen=True)
class WaitStat:
    """Waiting times of one service over a period (the last row, committee "", is the total)."""

    committee: str
    committee_name: str
    tickets: int  # numbers taken (transfers in not counted)
    attended: int  # with a waiting time
    missed: int
    transferred: int  # sent on to another service
    average_minutes: float | None
    median_minutes: float | None
    max_minutes: float | None


# ------------------------------------------------------------------------ helpers


def missed_after_calls(session: Session) -> int:
    """Setting ``queue_missed_after_calls`` (≥ 1; an unreadable value means the default)."""
    raw = get_settings(session).get("queue_missed_after_calls", str(DEFAULT_MISSED_AFTER))
    try:
        value = int(str(raw).strip())
    except ValueError:
        return DEFAULT_MISSED_AFTER
    return value if value >= 1 else DEFAULT_MISSED_AFTER


def _order_key():
    """The calling order: fewer calls first, then earlier taken, then lower id."""
    return (QueueTicket.call_count.asc(), QueueTicket.taken_at.asc(), QueueTicket.id.asc())


def _committee(session: Session, code: str, *, lock: bool = False) -> Committee:
    query = select(Committee).where(Committee.code == code)
    if lock:
        query = query.with_for_update()
    committee = session.scalar(query)
    if committee is None:
        raise QueueError(msg("没有这个服务窗口：{code}", code=code))
    if not committee.active:
        raise QueueError(msg("{committee}窗口已停用，不能取号", committee=code_label(committee.short_name)))
    return committee


def _ticket(session: Session, ticket_id: int) -> QueueTicket:
    ticket = session.scalar(select(QueueTicket).where(QueueTicket.id == ticket_id).with_for_update())
    if ticket is None:
        raise QueueError(msg("找不到这张号票，请刷新后再试"))
    return ticket


def _snapshot(t: QueueTicket) -> dict:
    return {"label": t.label, "status": t.status, "call_count": t.call_count, "window": t.window,
            "called_at": t.called_at, "served_at": t.served_at, "finished_at": t.finished_at}


def _minutes(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds() // 60))


def _ahead(session: Session, t: QueueTicket) -> int:
    """Waiting tickets of the same service and day that will be called before ``t``."""
    if t.status != "waiting":
        return 0
    before = (
        (QueueTicket.call_count < t.call_count)
        | and_(QueueTicket.call_count == t.call_count, QueueTicket.taken_at < t.taken_at)
        | and_(QueueTicket.call_count == t.call_count, QueueTicket.taken_at == t.taken_at,
               QueueTicket.id < t.id)
    )
    return session.scalar(
        select(func.count(QueueTicket.id)).where(
            QueueTicket.committee_id == t.committee_id, QueueTicket.day == t.day,
            QueueTicket.status == "waiting", QueueTicket.id != t.id, before,
        )
    ) or 0


def _rows(session: Session, tickets: list[QueueTicket], now: datetime, *,
          positions: dict[int, int] | None = None) -> list[TicketRow]:
    n = missed_after_calls(session)
    committees = {c.id: c for c in session.scalars(select(Committee))}
    from_ids = {t.transferred_from_id for t in tickets if t.transferred_from_id}
    from_labels = dict(session.execute(
        select(QueueTicket.id, QueueTicket.label).where(QueueTicket.id.in_(from_ids)))
        .all()) if from_ids else {}
    rows = []
    for t in tickets:
        c = committees[t.committee_id]
        ahead = positions.get(t.id, 0) if positions is not None else _ahead(session, t)
        # Waiting: so far. Otherwise until the (latest) call; never called: until closed.
        end = now if t.status == "waiting" else (t.called_at or t.finished_at or now)
        rows.append(TicketRow(
            id=t.id, label=t.label, committee=c.code, committee_name=c.short_name,
            service_name=c.name, day=t.day, status=t.status, taken_at=t.taken_at,
            called_at=t.called_at, call_count=t.call_count, window=t.window,
            served_at=t.served_at, finished_at=t.finished_at,
            transferred_from_id=t.transferred_from_id,
            transferred_from_label=from_labels.get(t.transferred_from_id),
            note=t.note or "", waited_minutes=_minutes(t.taken_at, end), position_ahead=ahead,
            missed_after=n,
        ))
    return rows


def _row(session: Session, t: QueueTicket, now: datetime) -> TicketRow:
    session.flush()
    return _rows(session, [t], now)[0]


def _next_seq(session: Session, committee: Committee, day: date) -> int:
    last = session.scalar(
        select(func.max(QueueTicket.seq)).where(
            QueueTicket.committee_id == committee.id, QueueTicket.day == day)
    )
    return (last or 0) + 1


def _new_ticket(session: Session, committee: Committee, now: datetime, *, taken_at: datetime,
                transferred_from: QueueTicket | None = None) -> QueueTicket:
    """Insert the service's next number of the day (the caller holds the committee lock)."""
    day = now.date()
    seq = _next_seq(session, committee, day)
    ticket = QueueTicket(
        committee_id=committee.id, day=day, seq=seq, label=f"{committee.prefix}-{seq:03d}",
        status="waiting", taken_at=taken_at, call_count=0,
        transferred_from_id=transferred_from.id if transferred_from else None,
        note=f"由 {transferred_from.label} 转入" if transferred_from else "",
    )
    session.add(ticket)
    session.flush()
    return ticket


def _skip_or_miss(ticket: QueueTicket, n: int, now: datetime) -> None:
    if ticket.call_count >= n:
        ticket.status = "missed"
        ticket.finished_at = now
    else:
        ticket.status = "waiting"


# ---------------------------------------------------------------------- use cases


@use_case
def take_ticket(engine: Engine, user: CurrentUser, committee_code: str, *,
                now: datetime | None = None) -> TicketRow:
    """Take the next number for a service (医-003); the row says how many wait before it."""
    require(user, "queue")
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        committee = _committee(session, committee_code, lock=True)
        ticket = _new_ticket(session, committee, now, taken_at=now)
        audit.record(session, user, "queue.take", entity="queue_ticket", entity_id=ticket.id,
                     after=_snapshot(ticket))
        return _row(session, ticket, now)


def _close_window(session: Session, user: CurrentUser, window: str, n: int, now: datetime) -> None:
    """Before a new call at ``window``: skip what is still called there, finish what is served."""
    open_here = session.scalars(
        select(QueueTicket).where(
            QueueTicket.day == now.date(), QueueTicket.window == window,
            QueueTicket.status.in_(("called", "serving")),
        ).with_for_update()
    ).all()
    for t in open_here:
        before = _snapshot(t)
        if t.status == "serving":
            t.status = "done"
            t.finished_at = now
            action = "queue.finish"
        else:
            _skip_or_miss(t, n, now)
            action = "queue.miss" if t.status == "missed" else "queue.skip"
        audit.record(session, user, action, entity="queue_ticket", entity_id=t.id, before=before,
                     after=_snapshot(t), detail="叫下一位时自动处理")


@use_case
def call_next(engine: Engine, user: CurrentUser, committee_code: str | None, window: str, *,
              now: datetime | None = None) -> TicketRow | None:
    """Call the next waiting ticket of one service (or of any service when ``None``) to
    ``window``. Returns None when nobody is waiting."""
    require(user, "queue")
    window = (window or "").strip()
    if not window:
        raise QueueError(msg("请先选择窗口"))
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        n = missed_after_calls(session)
        _close_window(session, user, window, n, now)
        session.flush()
        query = select(QueueTicket).where(QueueTicket.day == now.date(),
                                          QueueTicket.status == "waiting")
        if committee_code:
            query = query.where(QueueTicket.committee_id == _committee(session, committee_code).id)
        query = query.order_by(*_order_key()).limit(1)
        # Two windows pressing 叫下一位 at once on PostgreSQL: each takes a different row.
        query = query.with_for_update(skip_locked=True)
        ticket = session.scalar(query)
        if ticket is None:
            return None
        before = _snapshot(ticket)
        ticket.status = "called"
        ticket.call_count += 1
        ticket.called_at = now
        ticket.window = window
        audit.record(session, user, "queue.call", entity="queue_ticket", entity_id=ticket.id,
                     before=before, after=_snapshot(ticket))
        return _row(session, ticket, now)


@use_case
def recall(engine: Engine, user: CurrentUser, ticket_id: int, *, window: str | None = None,
           now: datetime | None = None) -> TicketRow:
    """Announce a ticket again (another call: ``call_count`` + 1). Works on the ticket
    being called and on a skipped ticket whose visitor is back (then at ``window``)."""
    require(user, "queue")
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        ticket = _ticket(session, ticket_id)
        if ticket.status not in ("called", "waiting"):
            raise QueueError(msg("{ticket} {status}，不能重呼", ticket=ticket.label,
                                 status=code_label(QUEUE_STATUSES[ticket.status])))
        target = (window or "").strip() or ticket.window
        if not target:
            raise QueueError(msg("请先选择窗口"))
        before = _snapshot(ticket)
        if ticket.status == "waiting" or target != ticket.window:
            # A ticket coming (back) to a window: what is open there gives way, as on 叫下一位.
            _close_window(session, user, target, missed_after_calls(session), now)
        ticket.status = "called"
        ticket.call_count += 1
        ticket.called_at = now
        ticket.window = target
        audit.record(session, user, "queue.recall", entity="queue_ticket", entity_id=ticket.id,
                     before=before, after=_snapshot(ticket))
        return _row(session, ticket, now)


@use_case
def skip(engine: Engine, user: CurrentUser, ticket_id: int, *,
         now: datetime | None = None) -> TicketRow:
    """The visitor called is not there: back to waiting (behind the others), or missed
    once the ticket has been called ``queue_missed_after_calls`` times."""
    require(user, "queue")
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        ticket = _ticket(session, ticket_id)
        if ticket.status != "called":
            raise QueueError(msg("{ticket} {status}，只有已叫号的号票可以过号", ticket=ticket.label,
                                 status=code_label(QUEUE_STATUSES[ticket.status])))
        before = _snapshot(ticket)
        _skip_or_miss(ticket, missed_after_calls(session), now)
        action = "queue.miss" if ticket.status == "missed" else "queue.skip"
        audit.record(session, user, action, entity="queue_ticket", entity_id=ticket.id,
                     before=before, after=_snapshot(ticket))
        return _row(session, ticket, now)


@use_case
def start_service(engine: Engine, user: CurrentUser, ticket_id: int, *, window: str | None = None,
                  now: datetime | None = None) -> TicketRow:
    """The visitor is at the window: 办理中 (the intake form opens on this ticket).
    A waiting ticket may be served directly (e.g. the only visitor walks straight up)."""
    require(user, "queue")
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        ticket = _ticket(session, ticket_id)
        if ticket.status == "serving":
            return _row(session, ticket, now)
        if ticket.status not in ("called", "waiting"):
            raise QueueError(msg("{ticket} {status}，不能开始办理", ticket=ticket.label,
                                 status=code_label(QUEUE_STATUSES[ticket.status])))
        before = _snapshot(ticket)
        if ticket.status == "waiting":
            # Served without being called: that moment is also when the wait ended.
            ticket.called_at = now
            ticket.call_count += 1
        ticket.status = "serving"
        ticket.served_at = now
        ticket.window = (window or "").strip() or ticket.window
        audit.record(session, user, "queue.start", entity="queue_ticket", entity_id=ticket.id,
                     before=before, after=_snapshot(ticket))
        return _row(session, ticket, now)


@use_case
def finish(engine: Engine, user: CurrentUser, ticket_id: int, *,
           now: datetime | None = None) -> TicketRow:
    """The visitor has been dealt with: 已办结."""
    require(user, "queue")
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        ticket = _ticket(session, ticket_id)
        if ticket.status not in ("called", "serving"):
            raise QueueError(msg("{ticket} {status}，不能办结", ticket=ticket.label,
                                 status=code_label(QUEUE_STATUSES[ticket.status])))
        before = _snapshot(ticket)
        if ticket.served_at is None:
            ticket.served_at = now
        ticket.status = "done"
        ticket.finished_at = now
        audit.record(session, user, "queue.finish", entity="queue_ticket", entity_id=ticket.id,
                     before=before, after=_snapshot(ticket))
        return _row(session, ticket, now)


@use_case
def transfer(engine: Engine, user: CurrentUser, ticket_id: int, to_committee_code: str, *,
             now: datetime | None = None) -> TicketRow:
    """Send the visitor to another service: the old ticket is ``transferred``; the new
    ticket (returned) has the target's next number but the old ticket's place in time."""
    require(user, "queue")
    now = now or datetime.now()
    with unit_of_work(engine) as session:
        # Lock order: committee row, then tickets — the same as take_ticket.
        target = _committee(session, to_committee_code, lock=True)
        old = _ticket(session, ticket_id)
        if old.status not in ACTIVE_STATUSES:
            raise QueueError(msg("{ticket} {status}，不能转窗口", ticket=old.label,
                                 status=code_label(QUEUE_STATUSES[old.status])))
        if old.committee_id == target.id:
            raise QueueError(msg("{ticket} 已是{committee}的号，无须转窗口", ticket=old.label,
                                 committee=code_label(target.short_name)))
        before = _snapshot(old)
        old.status = "transferred"
        old.finished_at = now
        new = _new_ticket(session, target, now, taken_at=old.taken_at, transferred_from=old)
        old.note = f"转至{target.short_name} {new.label}"
        audit.record(session, user, "queue.transfer", entity="queue_ticket", entity_id=old.id,
                     before=before, after=_snapshot(old) | {"to": new.label})
        audit.record(session, user, "queue.take", entity="queue_ticket", entity_id=new.id,
                     after=_snapshot(new) | {"from": old.label}, detail="转窗口")
        return _row(session, new, now)


# -------------------------------------------------------------------------- reads


def ticket_row(engine: Engine, ticket_id: int, *, now: datetime | None = None) -> TicketRow:
    with read_only(engine) as session:
        ticket = session.get(QueueTicket, ticket_id)
        if ticket is None:
            raise QueueError(msg("找不到这张号票"))
        return _rows(session, [ticket], now or datetime.now())[0]


def waiting_list(engine: Engine, day: date, committee: str | None = None, *,
                 include_closed: bool = False, now: datetime | None = None) -> list[TicketRow]:
    """The day's open tickets: first those at a window (latest call first), then the
    waiting ones in calling order. ``include_closed`` adds done/missed/transferred."""
    now = now or datetime.now()
    with read_only(engine) as session:
        query = select(QueueTicket).where(QueueTicket.day == day)
        if committee:
            query = query.join(Committee, Committee.id == QueueTicket.committee_id).where(
                Committee.code == committee)
        if not include_closed:
            query = query.where(QueueTicket.status.in_(ACTIVE_STATUSES))
        tickets = session.scalars(query).all()
        at_window = sorted((t for t in tickets if t.status in ("called", "serving")),
                           key=lambda t: (t.called_at or t.taken_at, t.id), reverse=True)
        waiting = sorted((t for t in tickets if t.status == "waiting"),
                         key=lambda t: (t.call_count, t.taken_at, t.id))
        closed = sorted((t for t in tickets if t.status not in ACTIVE_STATUSES),
                        key=lambda t: (t.finished_at or t.taken_at, t.id), reverse=True)
        positions: dict[int, int] = {}
        per_service: dict[int, int] = {}
        for t in waiting:
            positions[t.id] = per_service.get(t.committee_id, 0)
            per_service[t.committee_id] = positions[t.id] + 1
        return _rows(session, [*at_window, *waiting, *closed], now, positions=positions)


def waiting_counts(engine: Engine, day: date) -> dict[str, int]:
    """Waiting tickets per service code, in the centre's order (nobody waiting: 0)."""
    with read_only(engine) as session:
        counts = dict(session.execute(
            select(Committee.code, func.count(QueueTicket.id))
            .join(QueueTicket, and_(QueueTicket.committee_id == Committee.id,
                                    QueueTicket.day == day, QueueTicket.status == "waiting"),
                  isouter=True)
            .group_by(Committee.code, Committee.sort_order)
            .order_by(Committee.sort_order)
        ).all())
    return counts


def recent_calls(engine: Engine, day: date, limit: int = 8, *,
                 now: datetime | None = None) -> list[TicketRow]:
    """The tickets called most recently that day (latest first), for the call display."""
    with read_only(engine) as session:
        tickets = session.scalars(
            select(QueueTicket)
            .where(QueueTicket.day == day, QueueTicket.called_at.is_not(None),
                   QueueTicket.window.is_not(None))
            .order_by(QueueTicket.called_at.desc(), QueueTicket.id.desc())
            .limit(limit)
        ).all()
        return _rows(session, list(tickets), now or datetime.now(), positions={})


@dataclass(frozen=True)
class Service:
    """A service a visitor can take a number for (buttons of the queue screen)."""

    code: str
    name: str
    short_name: str
    prefix: str


def services(engine: Engine) -> list[Service]:
    """Active services in the centre's order."""
    with read_only(engine) as session:
        return [Service(c.code, c.name, c.short_name, c.prefix) for c in session.scalars(
            select(Committee).where(Committee.active.is_(True))
            .order_by(Committee.sort_order, Committee.id))]


def ticket_data(engine: Engine, ticket_id: int, *, now: datetime | None = None) -> TicketData:
    """What to print on the ticket of ``ticket_id`` (centre name and phone from Settings)."""
    now = now or datetime.now()
    with read_only(engine) as session:
        ticket = session.get(QueueTicket, ticket_id)
        if ticket is None:
            raise QueueError(msg("找不到这张号票"))
        settings = get_settings(session)
        row = _rows(session, [ticket], now)[0]
    return TicketData(
        centre_name=settings.get("centre_name", ""), service_name=row.service_name,
        service_short=row.committee_name, label=row.label, ahead=row.position_ahead,
        taken_at=row.taken_at, missed_after=row.missed_after,
        phone=(settings.get("centre_phone") or "").strip(),
        transferred_from=row.transferred_from_label or "",
    )


@use_case
def waiting_stats(engine: Engine, date_from: date, date_to: date, *,
                  user: CurrentUser | None = None) -> list[WaitStat]:
    """Average / median / longest wait (minutes, taken → called) per service over
    ``date_from``…``date_to`` inclusive, for the director's statistics; the last row
    (committee "") is the whole centre. Definitions: see the module docstring.
    ``user``: needs ``statistics`` (``None``: the system)."""
    if user is not None:
        require(user, "statistics")
    if date_to < date_from:
        raise QueueError(msg("截止日期不能早于起始日期"))
    with read_only(engine) as session:
        committees = session.execute(
            select(Committee.id, Committee.code, Committee.short_name)
            .order_by(Committee.sort_order, Committee.id)).all()
        data = session.execute(
            select(QueueTicket.committee_id, QueueTicket.status, QueueTicket.taken_at,
                   QueueTicket.called_at, QueueTicket.transferred_from_id)
            .where(QueueTicket.day >= date_from, QueueTicket.day <= date_to)
        ).all()
    by_committee: dict[int, dict] = {cid: {"tickets": 0, "missed": 0, "transferred": 0, "waits": []}
                                     for cid, _, _ in committees}
    for cid, status, taken, called, from_id in data:
        bucket = by_committee.setdefault(cid, {"tickets": 0, "missed": 0, "transferred": 0,
                                               "waits": []})
        if from_id is not None:
            continue
        bucket["tickets"] += 1
        if status == "missed":
            bucket["missed"] += 1
        if status == "transferred":
            bucket["transferred"] += 1
        if status in _ATTENDED and called is not None:
            bucket["waits"].append((called - taken).total_seconds() / 60)

    def stat(code: str, name: str, buckets: list[dict]) -> WaitStat:
        waits = [w for b in buckets for w in b["waits"]]
        return WaitStat(
            committee=code, committee_name=name, tickets=sum(b["tickets"] for b in buckets),
            attended=len(waits), missed=sum(b["missed"] for b in buckets),
            transferred=sum(b["transferred"] for b in buckets),
            average_minutes=round(statistics.fmean(waits), 1) if waits else None,
            median_minutes=round(statistics.median(waits), 1) if waits else None,
            max_minutes=round(max(waits), 1) if waits else None,
        )

    rows = [stat(code, name, [by_committee[cid]]) for cid, code, name in committees]
    rows.append(stat("", "合计", list(by_committee.values())))
    return rows
