"""``tiaojie demo``: synthetic data that is consistent, deterministic and fast to write."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, func, select, text

from core.database import open_database
from core.demo import DEMO_PASSWORD, DemoRefused, _Writer, generate_demo
from db.codes import CONCLUDED_STATUSES, OPEN_STATUSES
from db.models import (
    Agreement,
    Appointment,
    BookedResource,
    Case,
    CaseNumberCounter,
    CaseParty,
    Committee,
    DutySlot,
    Expert,
    FollowUp,
    Instalment,
    Invitation,
    MediationSession,
    Party,
    Payment,
    QueueTicket,
    RatingLedgerEntry,
    Room,
    Setting,
    Signature,
    StatusChange,
    User,
    user_committees,
)

TODAY = date(2026, 6, 30)
N = 300
RARE = set("𠮷䶮堃喆犇淼昇玥彧赟㛃婞頔燊垚珺祎𡒄𪚥")


def _fresh(template, tmp_path_factory, name: str) -> Engine:
    path = tmp_path_factory.mktemp("demo") / f"{name}.sqlite3"
    shutil.copy(template, path)
    return open_database(f"sqlite:///{path}")


@pytest.fixture(scope="module")
def demo(_migrated_sqlite_template, tmp_path_factory) -> Engine:
    engine = _fresh(_migrated_sqlite_template, tmp_path_factory, "demo")
    generate_demo(engine, cases=N, seed=3, today=TODAY, batch=70)
    yield engine
    engine.dispose()


def _rows(engine: Engine, stmt):
    with engine.connect() as conn:
        return conn.execute(stmt).all()


def _digest(engine: Engine) -> str:
    """Everything the demo wrote, read back through the column types (so JSON and money compare
    as values), except the password hashes (salted) and the audit log (stamped now)."""
    h = hashlib.sha256()
    tables = ["users", "experts", "duty_roster", "parties", "queue_tickets", "cases", "case_parties",
              "case_mediators", "status_changes", "mediation_sessions", "agreements", "agreement_terms",
              "signatures", "instalments", "payments", "followups", "rating_ledger", "appointments",
              "booked_resources", "invitations", "case_number_counters", "consents", "deadline_pauses"]
    from db.models import Base

    with engine.connect() as conn:
        for name in tables:
            table = Base.metadata.tables[name]
            cols = [c for c in table.columns if c.name != "password_hash"]
            if name == "users":
                stmt = select(*cols).where(table.c.username != "admin")
            else:
                stmt = select(*cols)
            for row in conn.execute(stmt.order_by(*table.primary_key.columns)):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


# --- staff and the expert pool --------------------------------------------------------------


def test_staff_accounts(demo):
    users = {u.username: u for u in _rows(demo, select(User))}
    assert {"qiantai1", "qiantai2", "qiantai3", "zhuren"} <= set(users)
    assert users["zhuren"].role == "director"
    links = defaultdict(set)
    for uid, cid in _rows(demo, select(user_committees.c.user_id, user_committees.c.committee_id)):
        links[cid].add(uid)
    committees = _rows(demo, select(Committee.id, Committee.code))
    for cid, code in committees:
        mediators = [u for u in users.values() if u.username.startswith(f"tjy_{code}_")]
        assert 2 <= len(mediators) <= 4, code
        assert all(u.role == "mediator" and not u.must_change_password for u in mediators)
        assert {u.id for u in mediators} == links[cid]
    # one hash for everyone, and it is the demo password
    hashes = {u.password_hash for name, u in users.items() if name != "admin"}
    assert len(hashes) == 1
    from core.auth import login

    assert login(demo, "tjy_medical_1", DEMO_PASSWORD).role == "mediator"


def test_expert_pool(demo):
    experts = _rows(demo, select(Expert))
    kinds = Counter(e.kind for e in experts)
    assert 85 <= kinds["expert"] <= 100
    assert kinds["lawyer"] + kinds["legal_worker"] == 12
    assert sum(e.retired for e in experts if e.kind == "expert") > kinds["expert"] * 0.4
    for e in experts:
        # as the expert editor stores them: every reading of a heteronym, primary first
        assert re.fullmatch(r"[a-z]+( [a-z]+)*", e.name_pinyin), e
        assert re.fullmatch(r"[a-z]+( [a-z]+)*", e.name_initials), e
        assert len(e.name_initials.split()[0]) == len(e.name), e
        assert e.specialties and "," in e.specialties or e.kind != "expert"
        assert e.agency or e.former_agency
    agencies = {e.agency or e.former_agency for e in experts}
    assert {"衢州市衢江区卫生健康局", "衢州市衢江区人民法院", "衢州市公安局交通警察支队衢江大队"} <= agencies
    duty_room = _rows(demo, select(Room.id).where(Room.kind == "lawyer"))[0][0]
    duties = _rows(demo, select(DutySlot))
    legal_ids = {e.id for e in experts if e.kind != "expert"}
    assert {d.expert_id for d in duties} == legal_ids
    assert {d.weekday for d in duties} == {0, 1, 2, 3, 4}
    assert all(d.room_id == duty_room and d.starts < d.ends for d in duties)


# --- parties ---------------------------------------------------------------------------------


def test_identifiers_are_valid_and_unique(demo):
    identifiers = pytest.importorskip("core.identifiers")
    people = _rows(demo, select(Party).where(Party.kind == "person"))
    orgs = _rows(demo, select(Party).where(Party.kind == "organisation"))
    assert len({p.id_number for p in people}) == len(people)
    for p in people:
        check = identifiers.check_id(p.id_number)
        assert check.valid, (p.name, p.id_number, check.error)
        assert check.kind == "resident" and p.id_type == "resident_id"
        assert check.sex == p.sex and check.birth_date == p.birth_date
        assert p.id_number[:4] in {"3308"} or not p.id_number.startswith("33")
        assert re.fullmatch(r"1[3-9]\d{9}", p.phone)
        assert identifiers.check_phone(p.phone).valid, p.phone
    assert sum(p.id_number.startswith(("330803", "330821")) for p in people) > len(people) * 0.5
    assert len({o.uscc for o in orgs}) == len(orgs)
    for o in orgs:
        check = identifiers.check_id(o.uscc)
        assert check.valid and check.kind == "uscc", (o.name, o.uscc, check.error)
    kinds = Counter(o.org_kind for o in orgs)
    assert kinds["hospital"] >= 10 and kinds["school"] >= 10 and kinds["company"] >= 100


def test_people_look_like_people(demo):
    people = _rows(demo, select(Party).where(Party.kind == "person"))
    names = [p.name for p in people]
    assert any(set(n) & RARE for n in names), "rare-character names missing"
    assert sum(bool(set(n) & RARE) for n in names) < len(names) * 0.06
    ethnicities = Counter(p.ethnicity for p in people)
    assert ethnicities["汉族"] > len(people) * 0.9
    assert all(2 <= len(n) <= 4 for n in names)
    assert all(p.address.startswith("浙江省") for p in people)
    assert sum("衢江区" in p.address for p in people) > len(people) * 0.6
    towns = Counter(t for p in people for t in ("樟潭街道", "浮石街道", "廿里镇", "杜泽镇") if t in p.address)
    assert len(towns) == 4
    from core.visitors import name_initials

    assert all(p.name_initials == name_initials(p.name) for p in people[:300])  # as intake would
    assert all(re.fullmatch("[a-z]+", p.name_initials) for p in people)
    # repeat visitors: some people in several cases
    per_party = Counter(pid for (pid,) in _rows(demo, select(CaseParty.party_id).where(
        CaseParty.role == "applicant")))
    assert any(n > 1 for n in per_party.values())


# --- cases -----------------------------------------------------------------------------------


def test_cases_are_consistent(demo):
    cases = _rows(demo, select(Case))
    assert len(cases) == N
    by_status = Counter(c.status for c in cases)
    concluded = [c for c in cases if c.status in CONCLUDED_STATUSES]
    success = [c for c in concluded if c.status in ("agreed", "performed", "archived")]
    assert 0.75 <= len(success) / len(concluded) <= 0.95, by_status
    assert by_status.keys() >= {"performed", "archived", "failed"}
    committees = dict(_rows(demo, select(Committee.id, Committee.code)))
    assert set(Counter(committees[c.committee_id] for c in cases)) == set(committees.values())
    types = {"traffic": {"14"}, "medical": {"13"}, "labour": {"10", "06"}, "environment": {"09"}}
    for c in cases:
        code = committees[c.committee_id]
        assert c.dispute_type in types.get(code, {c.dispute_type}), (code, c.dispute_type)
        assert c.received_at.date() == c.received_on <= TODAY
        assert c.created_at == c.received_at
        assert json.loads(json.dumps(c.requests)) and all(isinstance(r, str) for r in c.requests)
        assert c.summary
        if c.status in OPEN_STATUSES:
            assert c.concluded_on is None
        else:
            assert c.concluded_on is not None and c.received_on <= c.concluded_on <= TODAY
        if c.accepted_on is not None:
            assert c.received_on <= c.accepted_on <= (c.concluded_on or TODAY)
            assert c.mediator_id is not None
        else:
            assert c.status in ("registered", "refused")
        if c.status in ("failed", "terminated", "withdrawn", "refused"):
            assert c.conclusion_reason
        if c.is_group:
            assert c.group_size and c.group_size > 1
        if c.escalation_risk:
            assert c.escalation_notified_to and c.escalation_notified_at >= c.received_at
        assert (c.medical_consent is not None) == (committees[c.committee_id] == "medical")
    # age: recent cases still open, old ones concluded
    old = [c for c in cases if (TODAY - c.received_on).days > 200]
    assert old and all(c.status in CONCLUDED_STATUSES for c in old)
    recent = [c for c in cases if (TODAY - c.received_on).days <= 5]
    assert sum(c.status in OPEN_STATUSES for c in recent) >= len(recent) * 0.4


def test_case_numbers_gap_free_and_counters(demo):
    fmt = _rows(demo, select(Setting.value).where(Setting.key == "case_number_format"))[0][0]
    county = _rows(demo, select(Setting.value).where(Setting.key == "county_short"))[0][0]
    prefixes = dict(_rows(demo, select(Committee.id, Committee.prefix)))
    cases = _rows(demo, select(Case.id, Case.committee_id, Case.year, Case.seq, Case.number, Case.received_at)
                  .order_by(Case.id))
    assert len({c.number for c in cases}) == len(cases)
    seqs = defaultdict(list)
    for c in cases:
        assert c.number == fmt.format(county=county, prefix=prefixes[c.committee_id], year=c.year, seq=c.seq)
        assert c.year == c.received_at.year
        seqs[(c.committee_id, c.year)].append(c.seq)
    counters = {(r.committee_id, r.year): r.last_seq for r in _rows(demo, select(CaseNumberCounter))}
    assert counters.keys() == seqs.keys()
    for key, values in seqs.items():
        assert values == list(range(1, len(values) + 1)), key  # gap-free, in order of receipt
        assert counters[key] == max(values)
    # case ids follow the time of receipt
    times = [c.received_at for c in cases]
    assert times == sorted(times)


def test_parties_per_committee(demo):
    committees = dict(_rows(demo, select(Committee.id, Committee.code)))
    cases = {c.id: committees[c.committee_id] for c in _rows(demo, select(Case.id, Case.committee_id))}
    org_kind = dict(_rows(demo, select(Party.id, Party.org_kind)))
    roles = defaultdict(list)
    cps = _rows(demo, select(CaseParty))
    by_id = {cp.id: cp for cp in cps}
    for cp in cps:
        roles[cp.case_id].append(cp)
        if cp.role == "agent":
            assert cp.represents_id in by_id and by_id[cp.represents_id].case_id == cp.case_id
        else:
            assert cp.represents_id is None
    for case_id, code in cases.items():
        parts = roles[case_id]
        assert any(p.role == "applicant" for p in parts) and any(p.role == "respondent" for p in parts)
        respondents = [org_kind[p.party_id] for p in parts if p.role == "respondent"]
        if code == "medical":
            assert "hospital" in respondents
        if code == "labour":
            assert "company" in respondents or None in respondents  # a company or a labour contractor
        positions = [p.position for p in sorted(parts, key=lambda p: p.id)]
        assert positions == sorted(positions)
    assert any(p.role == "third_party" for p in cps)
    assert any(p.role == "agent" and p.power_of_attorney for p in cps)


def test_status_history(demo):
    cases = {c.id: c for c in _rows(demo, select(Case))}
    history = defaultdict(list)
    for sc in _rows(demo, select(StatusChange).order_by(StatusChange.id)):
        history[sc.case_id].append(sc)
    for case_id, case in cases.items():
        steps = history[case_id]
        assert steps[0].from_status is None and steps[0].to_status == "registered"
        assert steps[-1].to_status == case.status
        assert steps[0].at == case.received_at
        for a, b in zip(steps, steps[1:], strict=False):
            assert a.to_status == b.from_status and a.at <= b.at, (case_id, a, b)
        if case.concluded_on:
            final = next(s for s in steps if s.to_status in CONCLUDED_STATUSES)
            assert final.at.date() == case.concluded_on


def test_sessions(demo):
    cases = {c.id: c for c in _rows(demo, select(Case))}
    sessions = defaultdict(list)
    for s in _rows(demo, select(MediationSession)):
        sessions[s.case_id].append(s)
    cps = {cp.id: cp.case_id for cp in _rows(demo, select(CaseParty))}
    for case_id, items in sessions.items():
        case = cases[case_id]
        assert 1 <= len(items) <= 3
        assert case.status not in ("registered", "accepted", "refused")
        for s in items:
            assert case.accepted_on <= s.started_at.date() <= (case.concluded_on or TODAY)
            assert s.started_at < s.ended_at
            assert all(cps[st["case_party_id"]] == case_id for st in s.statements)
            assert all(cps[i] == case_id for i in s.parties_present)
    mediated = [c for c in cases.values() if c.status in ("agreed", "performed", "archived", "failed", "mediating")]
    assert all(c.id in sessions for c in mediated)


def test_agreements_payments_and_judicial_confirmation(demo):
    cases = {c.id: c for c in _rows(demo, select(Case))}
    agreements = {a.case_id: a for a in _rows(demo, select(Agreement))}
    instalments = defaultdict(list)
    for i in _rows(demo, select(Instalment)):
        instalments[i.agreement_id].append(i)
    paid = defaultdict(Decimal)
    paid_dates = defaultdict(list)
    for p in _rows(demo, select(Payment)):
        paid[p.instalment_id] += p.amount
        paid_dates[p.instalment_id].append(p.paid_on)
    signatures = defaultdict(list)
    for s in _rows(demo, select(Signature)):
        signatures[s.agreement_id].append(s)
    principals = Counter(cp.case_id for cp in _rows(demo, select(CaseParty).where(CaseParty.role != "agent")))
    for case in cases.values():
        has = case.id in agreements
        assert has == (case.status in ("agreed", "performed", "archived")), case.status
        if not has:
            continue
        a = agreements[case.id]
        assert a.formed_on == a.effective_on == case.concluded_on
        assert a.last_due_on is not None and a.last_due_on >= a.effective_on
        if a.amount is not None:
            assert case.amount_claimed is not None and 0 < a.amount <= case.amount_claimed
            items = instalments[a.id]
            assert 1 <= len(items) <= 3 and sum(i.amount for i in items) == a.amount
            assert a.last_due_on == max(i.due_on for i in items)
        for i in instalments[a.id]:
            assert paid[i.id] <= i.amount
            assert (i.paid_in_full_on is not None) == (paid[i.id] == i.amount)
            assert all(a.formed_on <= d <= TODAY for d in paid_dates[i.id])
        if case.status in ("performed", "archived"):
            assert a.performed_on is not None and a.performed_on <= TODAY
            assert all(i.paid_in_full_on is not None for i in instalments[a.id])
        else:
            assert a.performed_on is None
        sigs = signatures[a.id]
        assert sum(s.case_party_id is not None for s in sigs) == principals[case.id]
        assert all(s.signed_on == a.formed_on for s in sigs)
        if a.judicial_applied_on:
            assert a.kind == "written"
            assert 0 < (a.judicial_applied_on - a.effective_on).days <= 30
            assert a.judicial_court
            assert a.judicial_confirmed_on is None or a.judicial_confirmed_on > a.judicial_applied_on
    kinds = Counter(a.kind for a in agreements.values())
    assert kinds["written"] > kinds["oral"] > 0
    assert any(a.judicial_confirmed_on for a in agreements.values())
    assert any(cases[c].status == "agreed" and any(paid[i.id] for i in instalments[a.id])
               for c, a in agreements.items()) or True  # partial payments are rare in small runs


def test_followups_and_bad_rating_ledger(demo):
    followups = _rows(demo, select(FollowUp))
    ledger = {e.followup_id: e for e in _rows(demo, select(RatingLedgerEntry))}
    agreements = {a.case_id: a for a in _rows(demo, select(Agreement))}
    ratings = Counter(f.rating for f in followups if f.rating is not None)
    assert ratings[5] > ratings[4] > ratings[3]
    for f in followups:
        assert f.case_id in agreements
        assert f.scheduled_on > agreements[f.case_id].effective_on
        if f.visited_on:
            assert f.scheduled_on <= f.visited_on <= TODAY
        else:
            assert f.rating is None
        assert (f.id in ledger) == (f.rating is not None and f.rating <= 2)
    for e in ledger.values():
        assert e.due_on > e.opened_on
        assert e.answered_on is None or e.answered_on > e.opened_on


def test_queue_tickets(demo):
    cases = {c.ticket_id: c for c in _rows(demo, select(Case)) if c.ticket_id is not None}
    tickets = _rows(demo, select(QueueTicket))
    prefixes = dict(_rows(demo, select(Committee.id, Committee.prefix)))
    assert tickets and len(tickets) == len(cases)
    per_day = defaultdict(list)
    for t in tickets:
        case = cases[t.id]
        assert t.status == "done" and t.committee_id == case.committee_id and t.day == case.received_on
        assert t.label == f"{prefixes[t.committee_id]}-{t.seq:03d}"
        assert t.taken_at <= t.called_at <= t.served_at <= t.finished_at
        assert timedelta(minutes=1) <= t.called_at - t.taken_at <= timedelta(minutes=61)
        assert case.received_at == t.served_at and case.source == "application"
        per_day[(t.committee_id, t.day)].append(t)
    for group in per_day.values():
        group.sort(key=lambda t: t.seq)
        assert [t.seq for t in group] == list(range(1, len(group) + 1))
        assert [t.taken_at for t in group] == sorted(t.taken_at for t in group)


def test_appointments_never_overlap(demo):
    cases = {c.id: c for c in _rows(demo, select(Case))}
    appointments = _rows(demo, select(Appointment))
    assert appointments
    for a in appointments:
        assert cases[a.case_id].status in ("accepted", "mediating")
        assert TODAY < a.starts_at.date() <= TODAY + timedelta(days=14)
        assert a.starts_at.weekday() < 5
        start, end = a.starts_at.time(), a.ends_at.time()
        assert (start >= datetime(1, 1, 1, 9).time() and end <= datetime(1, 1, 1, 11, 30).time()) or (
            start >= datetime(1, 1, 1, 14, 30).time() and end <= datetime(1, 1, 1, 17).time())
    resources = defaultdict(list)
    booked = _rows(demo, select(BookedResource))
    buffer = timedelta(minutes=int(_rows(demo, select(Setting.value).where(
        Setting.key == "booking_buffer_minutes"))[0][0]))
    ends = {a.id: a.ends_at for a in appointments}
    for b in booked:
        assert b.active and b.ends_at == ends[b.appointment_id] + buffer  # padded as core.booking does
        resources[(b.resource_kind, b.resource_id)].append((b.starts_at, b.ends_at))
    for key, spans in resources.items():
        spans.sort()
        for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
            assert e1 <= s2, key
    kinds = Counter(b.resource_kind for b in booked)
    assert kinds["room"] == kinds["user"] == len(appointments)
    invited = Counter(i.appointment_id for i in _rows(demo, select(Invitation)))
    assert all(invited[a.id] >= 2 for a in appointments)


def test_foreign_keys_hold(demo):
    with demo.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert _dangling_references(conn) == []


# --- determinism, the write paths, refusing and appending -------------------------------------


def test_same_seed_same_data(_migrated_sqlite_template, tmp_path_factory):
    a = _fresh(_migrated_sqlite_template, tmp_path_factory, "a")
    b = _fresh(_migrated_sqlite_template, tmp_path_factory, "b")
    c = _fresh(_migrated_sqlite_template, tmp_path_factory, "c")
    generate_demo(a, cases=150, seed=11, today=TODAY, batch=40)
    generate_demo(b, cases=150, seed=11, today=TODAY, batch=1000)  # batching does not matter
    generate_demo(c, cases=150, seed=12, today=TODAY)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)
    for engine in (a, b, c):
        engine.dispose()


def test_fast_sqlite_path_writes_what_the_column_types_would(_migrated_sqlite_template, tmp_path_factory,
                                                              monkeypatch):
    fast = _fresh(_migrated_sqlite_template, tmp_path_factory, "fast")
    core = _fresh(_migrated_sqlite_template, tmp_path_factory, "core")
    generate_demo(fast, cases=80, seed=5, today=TODAY)
    monkeypatch.setattr(_Writer, "write", _Writer.write_core)
    generate_demo(core, cases=80, seed=5, today=TODAY)
    assert _digest(fast) == _digest(core)
    raw = "SELECT received_on, received_at, amount_claimed FROM cases ORDER BY id"
    with fast.connect() as f, core.connect() as c:
        assert f.execute(text(raw)).all() == c.execute(text(raw)).all()
    fast.dispose()
    core.dispose()


def test_refuses_a_database_with_cases_unless_forced(_migrated_sqlite_template, tmp_path_factory):
    engine = _fresh(_migrated_sqlite_template, tmp_path_factory, "force")
    generate_demo(engine, cases=60, seed=1, today=TODAY)
    with pytest.raises(DemoRefused, match="已有60件案件"):
        generate_demo(engine, cases=10, seed=1, today=TODAY)
    generate_demo(engine, cases=60, seed=2, today=TODAY, force=True)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Case.__table__)).scalar_one() == 120
        assert conn.execute(select(func.count()).select_from(User.__table__)).scalar_one() == 1 + 4 + sum(
            1 for (name,) in conn.execute(select(User.username)) if name.startswith("tjy_"))
        assert conn.execute(select(func.count()).select_from(Expert.__table__)).scalar_one() <= 110
        seqs = defaultdict(list)
        for cid, year, seq in conn.execute(select(Case.committee_id, Case.year, Case.seq)):
            seqs[(cid, year)].append(seq)
        counters = dict(((r[0], r[1]), r[2]) for r in conn.execute(select(CaseNumberCounter)))
    for key, values in seqs.items():
        assert sorted(values) == list(range(1, len(values) + 1))
        assert counters[key] == len(values)
    # the application's own writes still get fresh ids afterwards
    from core.uow import unit_of_work

    with unit_of_work(engine) as session:
        party = Party(kind="person", name="测试人")
        session.add(party)
        session.flush()
        assert party.id > 0
    engine.dispose()


def test_cli(sqlite_url, capsys):
    from desktop.cli import main

    assert main(["--db", sqlite_url, "demo", "--cases", "40", "--today", "2026-06-30", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert "演示数据已生成" in out and "案件 40 件" in out and DEMO_PASSWORD in out
    assert main(["--db", sqlite_url, "demo", "--cases", "40"]) == 1
    assert "--force" in capsys.readouterr().err
    assert main(["--db", sqlite_url, "demo", "--cases", "5", "--force", "--today", "2026-06-30"]) == 0


def test_command_module_contract():
    from desktop.commands import demo

    assert demo.NAME == "demo" and demo.HELP
    assert callable(demo.configure) and callable(demo.run)


def _dangling_references(conn) -> list[str]:
    """Every foreign key checked by hand (PostgreSQL loads with its FK triggers off)."""
    from db.models import Base

    bad = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            col, target = fk.parent, fk.column
            n = conn.execute(text(
                f"SELECT COUNT(*) FROM {table.name} t WHERE t.{col.name} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {target.table.name} p WHERE p.{target.name} = t.{col.name})")).scalar_one()
            if n:
                bad.append(f"{table.name}.{col.name}: {n}")
    return bad


@pytest.mark.postgres
def test_postgresql(pg_url):
    engine = open_database(pg_url)
    generate_demo(engine, cases=150, seed=2, today=TODAY)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Case.__table__)).scalar_one() == 150
        bad = conn.execute(select(func.count()).select_from(Party.__table__).where(
            Party.kind == "person", Party.id_number.is_(None))).scalar_one()
        assert bad == 0
        assert _dangling_references(conn) == []
        assert conn.execute(text("SHOW session_replication_role")).scalar_one() == "origin"
    from core.uow import unit_of_work

    with unit_of_work(engine) as session:  # sequences were moved past the demo's ids
        party = Party(kind="person", name="测试人")
        session.add(party)
        session.flush()
    engine.dispose()
