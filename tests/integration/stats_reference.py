"""A slow, obviously-correct computation of the director's figures, straight from the definitions
(core.stats' docstring, domain.md §5): every row is loaded into Python and counted case by case,
with each case's own legal deadline (core.deadlines) for 超期未结. The fast path (daily rollups kept
by triggers) must give exactly the same numbers — see test_stats_rollups.py.

Also: :func:`rollup_snapshot`, the rollup tables' contents, to compare the trigger-maintained
tables with a fresh :func:`db.rollups.rebuild`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core import stats
from core.deadlines import general_deadline, labour_deadline, medical_deadline
from core.workdays import WorkCalendar
from db.codes import CONCLUDED_STATUSES
from db.models import (
    Agreement,
    Case,
    CaseParty,
    Committee,
    FollowUp,
    MediationSession,
    QueueTicket,
    User,
)

SUCCESS = {"agreed", "performed", "archived"}
SESSIONS_AND_QUEUE = ("sessions", "queue_tickets", "queue_called", "queue_wait_seconds")
CASE_FIELDS = tuple(n for n in stats.ADDITIVE if n not in SESSIONS_AND_QUEUE)
#: The fields each breakdown attributes (the others are None there).
AXIS_FIELDS = {
    "committee": CASE_FIELDS + ("queue_tickets", "queue_called", "queue_wait_seconds"),
    "dispute_type": CASE_FIELDS,
    "source": CASE_FIELDS,
    "mediator": CASE_FIELDS + ("sessions",),
}


def _in(d: date | None, a: date, b: date) -> bool:
    return d is not None and a <= d <= b


def _overdue(case, end: date, committee: str, cal: WorkCalendar) -> bool:
    if case.received_on > end or (case.concluded_on is not None and case.concluded_on <= end):
        return False  # not open at the end of the period
    start = case.accepted_on if case.accepted_on is not None and case.accepted_on <= end else case.received_on
    if committee == "medical":
        due = medical_deadline(start, cal=cal).due
    elif committee == "labour":
        due = labour_deadline(case.received_on, cal=cal).due
    else:
        due = general_deadline(start, cal=cal).due
    return due <= end


def reference(session: Session, a: date, b: date, cal: WorkCalendar) -> dict[str, Any]:
    """{"total": {field: value}, "committee": {code: {…}}, "dispute_type": …, "source": …,
    "mediator": {username or UNASSIGNED: {…}}} — only groups with something in them."""
    committees = dict(session.execute(select(Committee.id, Committee.code)).all())
    usernames = dict(session.execute(select(User.id, User.username)).all())
    cases = session.execute(select(Case.__table__)).all()
    agreements = {r.case_id: r for r in session.execute(select(Agreement.__table__))}
    parties: dict[int, int] = defaultdict(int)
    for case_id, role in session.execute(select(CaseParty.case_id, CaseParty.role)):
        if role != "agent":
            parties[case_id] += 1
    followups = defaultdict(list)
    for f in session.execute(select(FollowUp.__table__)):
        followups[f.case_id].append(f)

    zero = {**dict.fromkeys(stats.ADDITIVE, 0), "amount_claimed": Decimal("0.00"), "amount_agreed": Decimal("0.00")}
    out: dict[str, Any] = {"total": dict(zero)}
    for axis in AXIS_FIELDS:
        out[axis] = defaultdict(lambda: dict(zero))

    def credit(groups: dict[str, Any], name: str, n) -> None:
        out["total"][name] += n
        for axis, key in groups.items():
            out[axis][key][name] += n

    for c in cases:
        committee = committees[c.committee_id]
        groups = {"committee": committee, "dispute_type": c.dispute_type, "source": c.source,
                  "mediator": usernames[c.mediator_id] if c.mediator_id else stats.UNASSIGNED}
        if _in(c.received_on, a, b):
            credit(groups, "received", 1)
            credit(groups, "amount_claimed", c.amount_claimed or Decimal(0))
            credit(groups, "repeat_visitors", int(bool(c.repeat_visit)))
        if _in(c.accepted_on, a, b):
            credit(groups, "accepted", 1)
        agreement = agreements.get(c.id)
        if _in(c.concluded_on, a, b) and c.status in CONCLUDED_STATUSES:
            if c.status == "refused":
                credit(groups, "refused", 1)
            else:
                credit(groups, "concluded", 1)
                credit(groups, "days_total", (c.concluded_on - c.received_on).days)
                if c.status in SUCCESS and agreement is not None:
                    credit(groups, "successful", 1)
                    credit(groups, "successful_" + agreement.kind, 1)
                    credit(groups, "amount_agreed", agreement.amount or Decimal(0))
                    if c.escalation_risk:
                        credit(groups, "escalations_prevented", 1)
                        credit(groups, "escalation_persons", c.group_size or parties[c.id])
        if agreement is not None:
            if _in(agreement.last_due_on, a, b):
                credit(groups, "agreements_due", 1)
                if agreement.performed_on is not None and agreement.performed_on <= b:
                    credit(groups, "agreements_performed", 1)
            if _in(agreement.judicial_confirmed_on, a, b):
                credit(groups, "judicial_confirmed", 1)
        for f in followups[c.id]:
            if _in(f.visited_on, a, b) and f.rating is not None:
                credit(groups, "ratings", 1)
                credit(groups, "ratings_satisfied", int(f.rating >= 3))
                credit(groups, "ratings_good", int(f.rating >= 4))
        if _overdue(c, b, committee, cal):
            credit(groups, "overdue", 1)

    start, end = datetime.combine(a, time.min), datetime.combine(b + timedelta(days=1), time.min)
    for s in session.execute(select(MediationSession.started_at, MediationSession.mediator_id)):
        if start <= s.started_at < end:
            credit({"mediator": usernames[s.mediator_id] if s.mediator_id else stats.UNASSIGNED}, "sessions", 1)
    for t in session.execute(select(QueueTicket.__table__)):
        if _in(t.day, a, b):
            groups = {"committee": committees[t.committee_id]}
            credit(groups, "queue_tickets", 1)
            if t.called_at is not None:
                credit(groups, "queue_called", 1)
                credit(groups, "queue_wait_seconds", round((t.called_at - t.taken_at).total_seconds()))
    return _pruned(out)


def view(s: stats.Stats) -> dict[str, Any]:
    """The fast path's figures in the same shape as :func:`reference`."""
    out: dict[str, Any] = {"total": {n: getattr(s.total, n) for n in stats.ADDITIVE}}
    for axis, fields in AXIS_FIELDS.items():
        out[axis] = {key: {n: getattr(f, n) for n in fields} for key, f in s.breakdown(axis).items()}
        for key, f in s.breakdown(axis).items():  # the fields not attributed are None
            assert all(getattr(f, n) is None for n in SESSIONS_AND_QUEUE if n not in fields), (axis, key)
    return _pruned(out)


def _pruned(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"total": dict(data["total"])}
    for axis, fields in AXIS_FIELDS.items():
        out[axis] = {key: {n: values[n] for n in fields} for key, values in data[axis].items()
                     if any(values[n] for n in fields)}
    return out


ROLLUP_TABLES = ("stats_case_facts", "stats_by_committee", "stats_by_type", "stats_by_source",
                 "stats_by_mediator")


def rollup_snapshot(session_or_conn) -> dict[str, list[tuple]]:
    """The facts, and the rollup rows that are not all zero (a row whose cases moved away stays
    behind with zeros), sorted."""
    out = {}
    for table in ROLLUP_TABLES:
        rows = [tuple(r) for r in session_or_conn.execute(text(f"SELECT * FROM {table}"))]
        if table != "stats_case_facts":
            rows = [r for r in rows if any(r[2:])]
        out[table] = sorted(rows, key=repr)
    return out
