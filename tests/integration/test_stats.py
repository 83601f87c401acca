"""The director's statistics on a small hand-built dataset, on SQLite and PostgreSQL: every figure
of October 2026, the previous month and October 2025, month edges (Jan 31 / Feb 1, Dec 31 /
Jan 1), oral agreements, a partly paid agreement, months without ratings, the drill-down lists
and the sum over committees (and types, sources, mediators) equal to the total.

Definitions: domain.md §5 (success rate, 兑现率, 满意率, 好评率) and the module docstring of
core.stats; deadlines: 人民调解工作若干规定第三十三条, 医疗纠纷预防和处理条例第三十八条,
劳动争议调解仲裁法第十四条; refusals: 人民调解法第十七条.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from core import stats
from core.uow import read_only, unit_of_work
from db.codes import CASE_SOURCES, DISPUTE_TYPES
from db.models import (
    Agreement,
    Case,
    CaseParty,
    Committee,
    FollowUp,
    Instalment,
    MediationSession,
    Party,
    Payment,
    QueueTicket,
)
from tests.conftest import make_user

REPO = Path(__file__).resolve().parents[2]
OCT = (date(2026, 10, 1), date(2026, 10, 31))
SEP = (date(2026, 9, 1), date(2026, 9, 30))
OCT_LY = (date(2025, 10, 1), date(2025, 10, 31))
_HASH = "not-a-password-hash"  # nobody logs in: skip argon2


@dataclass
class Dataset:
    ids: dict[str, int]  # "C1" → case id
    numbers: dict[str, str]  # "C1" → case number
    mediators: dict[str, int]  # "A" → user id
    usernames: dict[str, str]

    def cases(self, *names: str) -> set[str]:
        return {self.numbers[n] for n in names}


def _d(s: str) -> date:
    return date.fromisoformat(s)


def build_dataset(engine: Engine) -> Dataset:
    """The cases of the module docstring; see the comments for what each one tests."""
    people = {
        key: make_user(engine, "mediator", username=f"med_{key.lower()}", full_name=name, committees=(code,),
                       password_hash=_HASH)
        for key, name, code in (("A", "甲调解", "traffic"), ("B", "乙调解", "medical"), ("C", "丙调解", "labour"),
                                ("D", "丁调解", "general"), ("E", "戊调解", "general"))
    }
    med = {k: u.id for k, u in people.items()}
    ids: dict[str, int] = {}
    numbers: dict[str, str] = {}
    with unit_of_work(engine) as session:
        com = dict(session.execute(select(Committee.code, Committee.id)).all())
        seq = [0]

        def case(name, committee, dtype, source, received, *, status="registered", accepted=None, concluded=None,
                 mediator=None, amount=None, escalation=False, group_size=None, repeat=False, parties=2,
                 agent=False) -> Case:
            seq[0] += 1
            rec = _d(received)
            c = Case(number=f"测试{name}号", year=rec.year, seq=seq[0], committee_id=com[committee],
                     dispute_type=dtype, source=source, status=status, summary=f"{name}的纠纷", requests=[],
                     amount_claimed=None if amount is None else Decimal(amount), received_on=rec,
                     received_at=datetime.combine(rec, datetime.min.time()),
                     accepted_on=_d(accepted) if accepted else None,
                     concluded_on=_d(concluded) if concluded else None,
                     mediator_id=med[mediator] if mediator else None, escalation_risk=escalation,
                     is_group=group_size is not None, group_size=group_size, repeat_visit=repeat)
            session.add(c)
            session.flush()
            for i in range(parties):
                p = Party(kind="person", name=f"{name}当事人{i + 1}")
                session.add(p)
                session.flush()
                session.add(CaseParty(case_id=c.id, party_id=p.id, role="applicant" if i == 0 else "respondent",
                                      position=i))
            if agent:
                p = Party(kind="person", name=f"{name}代理人")
                session.add(p)
                session.flush()
                session.add(CaseParty(case_id=c.id, party_id=p.id, role="agent", position=parties))
            ids[name] = c.id
            numbers[name] = c.number
            return c

        def agreement(c: Case, kind, amount, *, last_due=None, performed=None, judicial=None) -> Agreement:
            a = Agreement(case_id=c.id, kind=kind, amount=Decimal(amount), formed_on=c.concluded_on,
                          effective_on=c.concluded_on, last_due_on=_d(last_due) if last_due else None,
                          performed_on=_d(performed) if performed else None,
                          judicial_confirmed_on=_d(judicial) if judicial else None)
            session.add(a)
            session.flush()
            return a

        def followup(c: Case, visited, rating):
            session.add(FollowUp(case_id=c.id, scheduled_on=_d(visited), visited_on=_d(visited), rating=rating))

        def sitting(c: Case, at: str, mediator: str):
            session.add(MediationSession(case_id=c.id, started_at=datetime.fromisoformat(at), mediator_id=med[mediator]))

        # C1: traffic, received on the 1st; written agreement performed in time; 司法确认; rated 5;
        # escalation risk without group size → persons = 2 parties (the agent is not counted).
        c1 = case("C1", "traffic", "14", "police", "2026-10-01", status="performed", accepted="2026-10-01",
                  concluded="2026-10-10", mediator="A", amount="20000", escalation=True, agent=True)
        agreement(c1, "written", "10000", last_due="2026-10-20", performed="2026-10-18", judicial="2026-10-25")
        followup(c1, "2026-10-28", 5)
        sitting(c1, "2026-10-05 09:00:00", "A")
        sitting(c1, "2026-10-10 14:00:00", "A")
        # C2: received on Sep 30, accepted Oct 1, concluded on Oct 31 with an ORAL agreement; group of 12.
        c2 = case("C2", "traffic", "14", "application", "2026-09-30", status="agreed", accepted="2026-10-01",
                  concluded="2026-10-31", mediator="A", amount="8000", escalation=True, group_size=12, repeat=True)
        agreement(c2, "oral", "5000", last_due="2026-11-15")
        followup(c2, "2026-10-31", 3)
        # C3: medical, registered on Oct 31, open (no mediator yet).
        case("C3", "medical", "13", "application", "2026-10-31", amount="100000")
        # C4: medical, accepted Aug 4 and still mediating: 30 working days passed in September.
        case("C4", "medical", "13", "application", "2026-08-03", status="mediating", accepted="2026-08-04",
             mediator="B")
        # C5: labour, failed after 15 days; escalation risk but not successful → not counted.
        c5 = case("C5", "labour", "10", "initiative", "2026-10-05", status="failed", accepted="2026-10-05",
                  concluded="2026-10-20", mediator="C", amount="3000", escalation=True)
        sitting(c5, "2026-10-20 09:00:00", "C")
        # C6: labour, one party refused at intake (Art.17): refused, not concluded; repeat visitor.
        case("C6", "labour", "10", "application", "2026-10-10", status="refused", concluded="2026-10-11",
             repeat=True)
        # C7: general, failed and filed away (archived, no agreement): concluded, not successful.
        c7 = case("C7", "general", "02", "hotline", "2026-09-10", status="archived", accepted="2026-09-10",
                  concluded="2026-10-15", mediator="D")
        sitting(c7, "2026-09-20 10:00:00", "D")
        sitting(c7, "2026-10-31 23:30:00", "E")  # the last minute of October, another mediator
        sitting(c7, "2026-11-01 00:00:00", "D")  # November
        # C8: general, agreed in September, due Oct 5 and only partly paid; rated 2, and a visit
        # without a rating.
        c8 = case("C8", "general", "04", "application", "2026-09-01", status="agreed", accepted="2026-09-01",
                  concluded="2026-09-20", mediator="D", amount="2500")
        a8 = agreement(c8, "written", "2000", last_due="2026-10-05", judicial="2026-09-29")
        inst = Instalment(agreement_id=a8.id, due_on=_d("2026-10-05"), amount=Decimal("2000"))
        session.add(inst)
        session.flush()
        session.add(Payment(instalment_id=inst.id, amount=Decimal("500"), paid_on=_d("2026-10-03")))
        followup(c8, "2026-10-06", 2)
        followup(c8, "2026-10-07", None)
        # C9: general, registered Oct 20, not yet accepted: its month has not passed.
        case("C9", "general", "04", "court", "2026-10-20", amount="1500.50")
        # C10: general, accepted Sep 16, still mediating: one month passed on Oct 16.
        case("C10", "general", "99", "application", "2026-09-15", status="mediating", accepted="2026-09-16",
             mediator="D")
        # C11: medical, accepted Sep 25, concluded in November: open at the end of October, within
        # its 30 working days (National Day holidays).
        c11 = case("C11", "medical", "13", "application", "2026-09-25", status="agreed", accepted="2026-09-25",
                   concluded="2026-11-05", mediator="B")
        agreement(c11, "written", "30000", last_due="2026-11-30")
        # C12: labour, received Oct 1, concluded Nov 2: open at the end of October and past its 15 days.
        case("C12", "labour", "10", "government", "2026-10-01", status="failed", accepted="2026-10-02",
             concluded="2026-11-02", mediator="C", amount="4000")
        # C13: October 2025: written agreement due Oct 31, performed Nov 2 (late); rated 4.
        c13 = case("C13", "traffic", "14", "police", "2025-10-15", status="performed", accepted="2025-10-15",
                   concluded="2025-10-30", mediator="A", amount="9000")
        agreement(c13, "written", "7000", last_due="2025-10-31", performed="2025-11-02")
        followup(c13, "2025-10-31", 4)
        # Month edges: Dec 31 / Jan 1 and Jan 31 / Feb 1.
        c14 = case("C14", "general", "04", "application", "2026-12-31", status="agreed", accepted="2026-12-31",
                   concluded="2027-01-01", mediator="D")
        agreement(c14, "written", "100")
        case("C15", "general", "04", "application", "2027-01-01", status="failed", accepted="2027-01-01",
             concluded="2027-01-31", mediator="D")
        case("C16", "general", "04", "application", "2027-01-31", status="withdrawn", accepted="2027-01-31",
             concluded="2027-02-01", mediator="D")
        case("C17", "general", "04", "application", "2027-02-01")

        def ticket(committee, taken, called, n):
            t = datetime.fromisoformat(taken)
            session.add(QueueTicket(committee_id=com[committee], day=t.date(), seq=n, label=f"T-{n:03d}",
                                    status="done" if called else "missed", taken_at=t,
                                    called_at=datetime.fromisoformat(called) if called else None))

        ticket("traffic", "2026-10-01 09:00:00", "2026-10-01 09:10:30", 1)  # 630 s
        ticket("general", "2026-10-31 16:00:00", "2026-10-31 16:05:00", 2)  # 300 s
        ticket("medical", "2026-10-15 10:00:00", None, 3)  # never called
        ticket("traffic", "2026-09-30 16:59:00", "2026-09-30 17:00:00", 4)  # September, 60 s
    return Dataset(ids, numbers, med, {k: u.username for k, u in people.items()})


@pytest.fixture()
def data(engine) -> Dataset:
    return build_dataset(engine)


def _fields(f: stats.Figures, expected: dict) -> dict:
    return {k: getattr(f, k) for k in expected}


ZERO = stats.Figures()


def test_october_totals(engine, data):
    s = stats.compute_stats(engine, *OCT)
    t = s.total
    assert t.received == 6  # C1 C3 C5 C6 C9 C12 (C2 was received on Sep 30)
    assert t.accepted == 4  # C1 C2 C5 C12
    assert t.concluded == 4  # C1 C2 C5 C7; C6's refusal is not a concluded mediation
    assert t.refused == 1
    assert (t.successful, t.successful_written, t.successful_oral) == (2, 1, 1)  # C7 archived without agreement
    assert t.success_rate == 0.5
    assert t.amount_claimed == Decimal("128500.50")  # C6 has no amount
    assert t.amount_agreed == Decimal("15000.00")
    assert (t.agreements_due, t.agreements_performed) == (2, 1)  # C8 only partly paid
    assert t.fulfilment_rate == 0.5
    assert t.judicial_confirmed == 1
    assert (t.ratings, t.ratings_satisfied, t.ratings_good) == (3, 2, 1)  # 5, 3, 2; the unrated visit not counted
    assert t.satisfaction_rate == pytest.approx(2 / 3)
    assert t.good_rate == pytest.approx(1 / 3)
    assert t.days_total == 9 + 31 + 15 + 35
    assert t.avg_days == 22.5
    assert t.overdue == 3  # C4 (medical, Art.38), C10 (one month), C12 (labour, Art.14)
    assert (t.escalations_prevented, t.escalation_persons) == (2, 2 + 12)
    assert t.repeat_visitors == 1
    assert t.sessions == 4  # A ×2, C, E (Oct 31 23:30); not the one at Nov 1 00:00
    assert (t.queue_tickets, t.queue_called, t.queue_wait_seconds) == (3, 2, 930)
    assert t.avg_wait_minutes == pytest.approx(930 / 2 / 60)


def test_october_by_committee(engine, data):
    s = stats.compute_stats(engine, *OCT)
    assert list(s.by_committee) == ["traffic", "medical", "education", "safety", "water", "food", "labour",
                                    "environment", "land", "legal", "general"]
    expected = {
        "received": 1, "accepted": 2, "concluded": 2, "successful": 2, "successful_oral": 1,
        "amount_claimed": Decimal("20000.00"), "amount_agreed": Decimal("15000.00"), "agreements_due": 1,
        "agreements_performed": 1, "judicial_confirmed": 1, "ratings": 2, "ratings_satisfied": 2,
        "ratings_good": 1, "days_total": 40, "overdue": 0, "escalations_prevented": 2, "escalation_persons": 14,
        "sessions": None, "queue_tickets": 1, "queue_called": 1, "queue_wait_seconds": 630}
    assert _fields(s.by_committee["traffic"], expected) == expected
    medical = s.by_committee["medical"]
    assert (medical.received, medical.amount_claimed, medical.overdue, medical.concluded) == (
        1, Decimal("100000.00"), 1, 0)
    assert medical.success_rate is None and medical.satisfaction_rate is None and medical.avg_wait_minutes is None
    assert (medical.queue_tickets, medical.queue_called) == (1, 0)
    labour = s.by_committee["labour"]
    assert (labour.received, labour.accepted, labour.concluded, labour.refused, labour.successful) == (3, 2, 1, 1, 0)
    assert (labour.amount_claimed, labour.days_total, labour.overdue, labour.repeat_visitors) == (
        Decimal("7000.00"), 15, 1, 1)
    assert labour.success_rate == 0.0
    general = s.by_committee["general"]
    assert (general.received, general.concluded, general.successful, general.agreements_due,
            general.agreements_performed, general.ratings, general.ratings_satisfied, general.overdue,
            general.queue_wait_seconds) == (1, 1, 0, 1, 0, 1, 0, 1, 300)
    assert general.amount_claimed == Decimal("1500.50")
    assert general.fulfilment_rate == 0.0 and general.satisfaction_rate == 0.0
    for code in ("education", "safety", "water", "food", "environment", "land", "legal"):
        assert s.by_committee[code] == replace(ZERO, sessions=None), code
    # sessions belong to the mediator who held them, not to a committee
    assert all(f.sessions is None for f in (*s.by_committee.values(), *s.by_type.values(), *s.by_source.values()))


def test_sum_over_every_breakdown_equals_the_total(engine, data):
    for period in (OCT, SEP, OCT_LY, (date(2026, 12, 1), date(2027, 2, 28))):
        s = stats.compute_stats(engine, *period)
        for axis in ("committee", "dispute_type", "source", "mediator"):
            groups = s.breakdown(axis).values()
            for name in stats.ADDITIVE:
                values = [getattr(f, name) for f in groups]
                if (axis != "committee" and name.startswith("queue_")) or (axis != "mediator" and name == "sessions"):
                    assert all(v is None for v in values), (axis, name)  # not attributable
                    continue
                assert sum(values) == getattr(s.total, name), (period, axis, name)


def test_october_by_type_source_and_mediator(engine, data):
    s = stats.compute_stats(engine, *OCT)
    assert set(s.by_type) == set(DISPUTE_TYPES) and set(s.by_source) == set(CASE_SOURCES)
    assert {k: f.received for k, f in s.by_type.items() if f.received} == {"13": 1, "14": 1, "10": 3, "04": 1}
    assert s.by_type["14"].successful == 2 and s.by_type["02"].concluded == 1
    assert s.by_type["99"].overdue == 1 and s.by_type["14"].queue_tickets is None and s.by_type["14"].sessions is None
    assert {k: f.received for k, f in s.by_source.items() if f.received} == {
        "police": 1, "application": 2, "initiative": 1, "court": 1, "government": 1}
    assert s.by_source["hotline"].concluded == 1  # C7
    m = s.by_mediator
    a, b, c, d, e = (m[data.usernames[k]] for k in "ABCDE")
    assert (a.accepted, a.concluded, a.successful, a.sessions, a.days_total) == (2, 2, 2, 2, 40)
    assert (b.overdue, b.accepted, b.sessions) == (1, 0, 0)
    assert (c.accepted, c.concluded, c.overdue, c.sessions) == (2, 1, 1, 1)
    assert (d.concluded, d.agreements_due, d.ratings, d.overdue, d.sessions) == (1, 1, 1, 1, 0)
    assert (e.sessions, e.concluded) == (1, 0)  # held a session on C7, whose lead mediator is D
    assert m[stats.UNASSIGNED].received == 3  # C3 C6 C9 have no mediator
    assert s.mediators[data.usernames["A"]].name == "甲调解"
    assert list(m)[-1] == stats.UNASSIGNED


def test_previous_month_and_last_year(engine, data):
    sep = stats.compute_stats(engine, *SEP)
    t = sep.total
    assert (t.received, t.accepted, t.concluded, t.successful, t.judicial_confirmed, t.repeat_visitors) == (
        5, 4, 1, 1, 1, 1)
    assert t.success_rate == 1.0
    assert t.ratings == 0 and t.satisfaction_rate is None and t.good_rate is None  # no ratings: null, not 0
    assert t.agreements_due == 0 and t.fulfilment_rate is None
    assert t.overdue == 1  # C4 only: C7's month ran to Oct 10, C2 was registered that day
    assert t.sessions == 1 and (t.queue_tickets, t.queue_wait_seconds) == (1, 60)
    ly = stats.compute_stats(engine, *OCT_LY).total
    assert (ly.received, ly.concluded, ly.successful, ly.amount_agreed) == (1, 1, 1, Decimal("7000.00"))
    assert (ly.agreements_due, ly.agreements_performed) == (1, 0)  # performed on Nov 2: after the period
    assert ly.fulfilment_rate == 0.0 and ly.satisfaction_rate == 1.0 and ly.good_rate == 1.0


def test_month_edges(engine, data):
    def month(y, m):
        return stats.compute_stats(engine, *stats.month_range(y, m)).total

    dec, jan, feb, mar = month(2026, 12), month(2027, 1), month(2027, 2), month(2027, 3)
    assert (dec.received, dec.concluded) == (1, 0)  # C14 received Dec 31
    assert (jan.received, jan.concluded, jan.successful) == (2, 2, 1)  # C15 Jan 1, C16 Jan 31; C14, C15
    assert jan.success_rate == 0.5
    assert (feb.received, feb.concluded, feb.successful) == (1, 1, 0)  # C17 Feb 1; C16 Feb 1
    assert feb.success_rate == 0.0  # something concluded, nothing successful: 0, not null
    assert dec.success_rate is None and dec.avg_days is None
    assert mar.received == 0 and mar.success_rate is None and mar.satisfaction_rate is None
    assert mar.fulfilment_rate is None and mar.avg_wait_minutes is None
    assert (jan.days_total, feb.days_total) == (1 + 30, 1)
    # A range: the two months at once equal their sum.
    both = stats.compute_stats(engine, date(2027, 1, 1), date(2027, 2, 28)).total
    assert (both.received, both.concluded, both.successful) == (3, 3, 1)


def test_monthly_report_comparisons_and_trend(engine, data):
    m = stats.monthly_report_data(engine, 2026, 10)
    assert (m.current.date_from, m.previous.date_from, m.last_year.date_from) == (OCT[0], SEP[0], OCT_LY[0])
    assert m.current.total == stats.compute_stats(engine, *OCT).total
    assert m.previous.total.received == 5 and m.last_year.total.received == 1
    assert [p.label for p in m.trend] == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
                                          "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09",
                                          "2026-10"]
    by = {p.label: (p.received, p.concluded, p.successful) for p in m.trend}
    assert by["2025-10"] == (1, 1, 1) and by["2026-08"] == (1, 0, 0) and by["2026-09"] == (5, 1, 1)
    assert by["2026-10"] == (6, 4, 2) and by["2026-01"] == (0, 0, 0)
    # the same through the parallel path (an engine) and one session (sequential)
    with read_only(engine) as session:
        same = stats.monthly_report_data(session, 2026, 10)
    assert same == m
    assert m.centre_name
    sentence = stats.headline_sentence(m)
    assert "受理矛盾纠纷6件" in sentence and "调解成功2件" in sentence and "调解成功率50.0%" in sentence
    assert "满意率66.7%" in sentence and "涉案金额12.85万元" in sentence


def test_json_document(engine, data):
    doc = stats.to_json(stats.monthly_report_data(engine, 2026, 10))
    json.dumps(doc)  # serialisable as is
    assert doc["month"] == "2026-10" and doc["from"] == "2026-10-01" and doc["to"] == "2026-10-31"
    assert set(doc["by_committee"]) == {"traffic", "medical", "education", "safety", "water", "food", "labour",
                                        "environment", "land", "legal", "general"}
    for inner in [doc["total"], *doc["by_committee"].values(), *doc["by_type"].values(),
                  *doc["by_source"].values(), *doc["by_mediator"].values()]:
        assert {"received", "concluded", "successful", "success_rate", "amount_claimed", "amount_agreed",
                "fulfilment_rate", "satisfaction_rate"} <= set(inner)
    t = doc["total"]
    assert t["amount_claimed"] == 128500.5 and t["amount_agreed"] == 15000.0
    assert t["success_rate"] == 0.5 and t["fulfilment_rate"] == 0.5
    assert doc["by_committee"]["education"]["received"] == 0
    assert doc["by_committee"]["education"]["success_rate"] is None
    assert doc["previous"]["total"]["satisfaction_rate"] is None
    assert doc["last_year"]["month"] == "2025-10"
    assert doc["by_mediator"]["med_a"]["name"] == "甲调解" and doc["by_mediator"]["med_a"]["sessions"] == 2


DRILL_EXPECTED = {
    "received": ("C1", "C3", "C5", "C6", "C9", "C12"),
    "accepted": ("C1", "C2", "C5", "C12"),
    "concluded": ("C1", "C2", "C5", "C7"),
    "refused": ("C6",),
    "successful": ("C1", "C2"),
    "successful_written": ("C1",),
    "successful_oral": ("C2",),
    "agreements_due": ("C1", "C8"),
    "agreements_performed": ("C1",),
    "judicial_confirmed": ("C1",),
    "ratings": ("C1", "C2", "C8"),
    "ratings_satisfied": ("C1", "C2"),
    "ratings_good": ("C1",),
    "overdue": ("C4", "C10", "C12"),
    "escalations_prevented": ("C1", "C2"),
    "repeat_visitors": ("C6",),
    "sessions": ("C1", "C5", "C7"),
    "success_rate": ("C1", "C2", "C5", "C7"),
    "amount_agreed": ("C1", "C2"),
}


def test_drilldown_lists_exactly_the_cases_behind_each_figure(engine, data):
    for figure, names in DRILL_EXPECTED.items():
        rows = stats.cases_behind(engine, "2026-10", figure)
        assert {r.number for r in rows} == data.cases(*names), figure
        assert stats.count_behind(engine, "2026-10", figure) == len(names), figure
    with pytest.raises(ValueError, match="不对应具体案件"):
        stats.cases_behind(engine, "2026-10", "queue_tickets")


def test_drilldown_filters_and_paging(engine, data):
    assert {r.number for r in stats.cases_behind(engine, "2026-10", "received", committee="labour")} == data.cases(
        "C5", "C6", "C12")
    assert {r.number for r in stats.cases_behind(engine, (2026, 10), "received", source="court")} == data.cases("C9")
    assert {r.number for r in stats.cases_behind(engine, OCT, "overdue", dispute_type="99")} == data.cases("C10")
    assert {r.number for r in stats.cases_behind(engine, OCT, "sessions", mediator_id=data.mediators["E"])} == \
        data.cases("C7")
    assert {r.number for r in stats.cases_behind(engine, OCT, "received", mediator_id=stats.UNASSIGNED)} == \
        data.cases("C3", "C6", "C9")
    page1 = stats.cases_behind(engine, OCT, "received", limit=4, sort="received", descending=False)
    page2 = stats.cases_behind(engine, OCT, "received", offset=4, limit=4, sort="received", descending=False)
    assert [r.received for r in page1 + page2] == sorted(r.received for r in page1 + page2)
    assert len(page1) == 4 and len(page2) == 2
    assert {r.number for r in page1 + page2} == data.cases(*DRILL_EXPECTED["received"])
    row = next(r for r in page1 if r.number == data.numbers["C1"])
    assert row.parties == 2 and row.mediator == "甲调解" and row.committee == "traffic"


def test_mediator_table(engine, data):
    rows = {r.key: r for r in stats.mediator_table(engine, 2026, 10)}
    a = rows[data.usernames["A"]]
    assert (a.accepted, a.concluded, a.successful, a.success_rate, a.avg_days, a.sessions) == (2, 2, 2, 1.0, 20.0, 2)
    assert a.amount_agreed == Decimal("15000.00") and a.committees == ("traffic",)
    b = rows[data.usernames["B"]]
    assert (b.concluded, b.success_rate, b.avg_days) == (0, None, None)  # listed with zeros
    assert rows[data.usernames["E"]].sessions == 1


def test_permission(engine, data, users):
    from core.auth import PermissionDenied

    with pytest.raises(PermissionDenied):
        stats.compute_stats(engine, *OCT, user=users["reception"])
    assert stats.compute_stats(engine, *OCT, user=users["director"]).total.received == 6


def test_cli_json_pdf_and_xlsx(sqlite_engine, sqlite_url, tmp_path):
    build_dataset(sqlite_engine)

    def tiaojie(*args):
        env = dict(os.environ, PYTHONPATH=str(REPO))
        return subprocess.run([sys.executable, "-m", "desktop", "--db", sqlite_url, "stats", *args],
                              capture_output=True, text=True, env=env, cwd=REPO, timeout=180)

    result = tiaojie("--month", "2026-10", "--json", "--pdf", str(tmp_path / "r.pdf"), "--xlsx",
                     str(tmp_path / "r.xlsx"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["total"]["received"] == 6 and doc["by_committee"]["labour"]["refused"] == 1
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert (tmp_path / "r.xlsx").stat().st_size > 5000
    ranged = json.loads(tiaojie("--from", "2027-01-01", "--to", "2027-02-28", "--json").stdout)
    assert ranged["month"] is None and ranged["total"]["received"] == 3
    table = tiaojie("--month", "2026-10")
    assert table.returncode == 0 and "调解成功率\t50.0%" in table.stdout
    assert tiaojie("--month", "2026-13").returncode == 2
    assert tiaojie("--json").returncode == 2
    assert tiaojie("--from", "2027-01-01", "--to", "2027-01-31", "--pdf", str(tmp_path / "x.pdf")).returncode == 2
