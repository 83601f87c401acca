"""Benchmark of booking on PostgreSQL with concurrent clients (core.booking.book).

    python bench/bench_booking.py [--clients 8] [--seconds 10] [--overlap 0.1] [--keep]

Creates a scratch database with ``psql -h 127.0.0.1 -U postgres`` (migrated and seeded like a
real one), adds rooms, mediators and one case per client, then starts ``--clients`` processes
(multiprocessing "spawn", like separate reception PCs). After a common start signal each
client books for ``--seconds``: mostly free slots of its own rooms and mediators, and with
probability ``--overlap`` a slot of one shared room and mediator that the other clients also
try to book (those end in refusals, exactly as at a busy reception desk). Each booking is the
full use case: validation, the conflict check inside the write transaction, the inserts, the
audit entry, the commit. Afterwards the table is checked for double bookings (must be 0) and
the scratch database is dropped. Goal: ≥ 200 bookings per second with 8 clients.

Besides bookings/s it prints the CPU each attempt cost (the client process and its PostgreSQL
backend, read from /proc) and the machine's load average, because clients and server share
the same cores here: on a busy machine the rate says more about the neighbours than about
the code, and CPU per attempt gives the capacity with the cores to ourselves.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL = 200.0
SLOTS = ((8, 30), (9, 45), (11, 0), (14, 0), (15, 15), (16, 30))  # 60 minutes + 15 buffer each
PG_HOST, PG_USER, PG_PORT = "127.0.0.1", "postgres", 5432


def psql(sql: str) -> None:
    subprocess.run(["psql", "-h", PG_HOST, "-U", PG_USER, "-p", str(PG_PORT), "-d", "postgres", "-v",
                    "ON_ERROR_STOP=1", "-q", "-c", sql], check=True)


def setup(url: str, clients: int) -> dict:
    """Rooms, mediators, a reception account and one case per client (plus a shared case)."""
    from sqlalchemy import select

    from core.auth import create_user, current_user_of, hash_password
    from core.case_numbers import allocate_case_number
    from core.database import open_database
    from core.uow import unit_of_work
    from db.models import Case, CaseParty, Committee, Party, Room

    engine = open_database(url)
    password_hash = hash_password("bench1234")
    with unit_of_work(engine) as s:
        committee_id = s.scalar(select(Committee.id).where(Committee.code == "medical"))
        rooms = []
        for i in range(2 * clients + 1):
            room = Room(name=f"压测调解室{i + 1:02d}", kind="mediation", committee_id=committee_id)
            s.add(room)
            s.flush()
            rooms.append(room.id)
        mediators = [create_user(s, None, username=f"bench_med{i}", full_name=f"压测调解员{i}", role="mediator",
                                 password_hash=password_hash, committee_codes=("medical",),
                                 must_change_password=False).id for i in range(2 * clients + 1)]
        reception = current_user_of(create_user(s, None, username="bench_reception", full_name="压测前台",
                                                role="reception", password_hash=password_hash,
                                                must_change_password=False))
        cases = []
        today = date.today()
        for i in range(clients + 1):
            seq, number = allocate_case_number(s, committee_id, today.year)
            case = Case(number=number, year=today.year, seq=seq, committee_id=committee_id, dispute_type="13",
                        source="application", status="accepted", summary="压测案件", requests=["赔偿损失"],
                        received_on=today, received_at=datetime.now())
            s.add(case)
            s.flush()
            parties = []
            for position, (name, kind) in enumerate(((f"申请人{i}", "person"), (f"医院{i}", "organisation"))):
                party = Party(kind=kind, name=name)
                s.add(party)
                s.flush()
                cp = CaseParty(case_id=case.id, party_id=party.id, role="applicant" if position == 0 else "respondent",
                               position=position)
                s.add(cp)
                s.flush()
                parties.append(cp.id)
            cases.append((case.id, tuple(parties)))
    engine.dispose()
    return {"rooms": rooms, "mediators": mediators, "reception": reception, "cases": cases}


def workdays(start: date, count: int) -> list[date]:
    from core.calendar_overrides import Calendar

    calendar = Calendar()
    out, d = [], start
    while len(out) < count:
        if calendar.is_workday(d):
            out.append(d)
        d += timedelta(days=1)
    return out


def client(url: str, index: int, plan: dict, seconds: float, overlap: float, barrier, results) -> None:
    from core.booking import BookingConflict, BookingRequest, book
    from db.engine import make_engine

    engine = make_engine(url, pool_size=1)
    rng = random.Random(index)
    days = workdays(date.today() + timedelta(days=1), 400)
    case_id, parties = plan["cases"][index]
    own_rooms = plan["rooms"][2 * index:2 * index + 2]
    own_people = plan["mediators"][2 * index:2 * index + 2]
    hot_room, hot_person = plan["rooms"][-1], plan["mediators"][-1]
    hot_case, hot_parties = plan["cases"][-1]
    # This client's own free slots, in order: (day, slot, room/mediator pair).
    own = ((d, s, p) for d in days for s in SLOTS for p in range(2))
    # Warm up (imports, first connection, statement caches) before the clock starts.
    from sqlalchemy import text

    with engine.connect() as conn:
        backend = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    ok = refused = 0
    latencies = []
    barrier.wait()
    cpu0, server0 = time.process_time(), backend_cpu(backend)
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if rng.random() < overlap:
            d = days[rng.randrange(3)]
            hh, mm = SLOTS[rng.randrange(len(SLOTS))]
            request = BookingRequest(hot_case, datetime(d.year, d.month, d.day, hh, mm), 60, hot_room,
                                     (hot_person,), (), hot_parties, "压测")
        else:
            d, (hh, mm), p = next(own)
            request = BookingRequest(case_id, datetime(d.year, d.month, d.day, hh, mm), 60, own_rooms[p],
                                     (own_people[p],), (), parties, "压测")
        began = time.perf_counter()
        try:
            book(engine, plan["reception"], request)
            ok += 1
        except BookingConflict:
            refused += 1
        latencies.append(time.perf_counter() - began)
    cpu, server = time.process_time() - cpu0, backend_cpu(backend) - server0
    engine.dispose()
    results.put((ok, refused, latencies, cpu, server))


def backend_cpu(pid: int) -> float:
    """CPU seconds used so far by a PostgreSQL backend on this machine (0 if unreadable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def double_bookings(url: str) -> int:
    from sqlalchemy import text

    from db.engine import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text(
            "SELECT count(*) FROM booked_resources r1 JOIN appointments a1 ON a1.id = r1.appointment_id "
            "JOIN booked_resources r2 ON r2.resource_kind = r1.resource_kind AND r2.resource_id = r1.resource_id "
            " AND r2.appointment_id > r1.appointment_id JOIN appointments a2 ON a2.id = r2.appointment_id "
            "WHERE r1.active AND r2.active AND a1.status <> 'cancelled' AND a2.status <> 'cancelled' "
            "AND a1.starts_at < a2.ends_at + interval '15 minutes' "
            "AND a2.starts_at < a1.ends_at + interval '15 minutes'")).scalar()
    engine.dispose()
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--overlap", type=float, default=0.1, help="share of attempts on the contested slots")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args(argv)

    name = f"tj_bench_booking_{uuid.uuid4().hex[:8]}"
    url = f"postgresql+psycopg://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    psql(f'CREATE DATABASE "{name}"')
    try:
        plan = setup(url, args.clients)
        ctx = multiprocessing.get_context("spawn")
        barrier, results = ctx.Barrier(args.clients + 1), ctx.Queue()
        procs = [ctx.Process(target=client, args=(url, i, plan, args.seconds, args.overlap, barrier, results))
                 for i in range(args.clients)]
        for p in procs:
            p.start()
        barrier.wait()
        began = time.perf_counter()
        outcomes = [results.get(timeout=args.seconds + 300) for _ in procs]
        elapsed = time.perf_counter() - began
        for p in procs:
            p.join(timeout=60)
        ok = sum(o[0] for o in outcomes)
        refused = sum(o[1] for o in outcomes)
        latencies = sorted(x for o in outcomes for x in o[2])
        doubles = double_bookings(url)
        rate = ok / elapsed
        p50 = statistics.median(latencies) * 1000 if latencies else 0.0
        p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000 if latencies else 0.0
        print(f"PostgreSQL, {args.clients} concurrent clients, {elapsed:.1f} s: "
              f"{ok} bookings ({rate:.0f}/s), {refused} conflicts refused ({refused / elapsed:.0f}/s), "
              f"latency p50 {p50:.1f} ms, p95 {p95:.1f} ms, double bookings: {doubles}")
        attempts = max(1, ok + refused)
        client_ms = sum(o[3] for o in outcomes) / attempts * 1000
        server_ms = sum(o[4] for o in outcomes) / attempts * 1000
        cores = os.cpu_count() or 1
        load = os.getloadavg()[0]
        print(f"CPU per attempt: client {client_ms:.1f} ms + PostgreSQL {server_ms:.1f} ms; "
              f"{cores} cores, load average {load:.1f} while measuring "
              f"(CPU-bound capacity with the cores to ourselves ≈ {cores * 1000 / (client_ms + server_ms):.0f}/s)")
        print(f"bookings/s: {rate:.0f} (goal ≥ {GOAL:.0f}: {'met' if rate >= GOAL else 'NOT met'})")
        return 0 if doubles == 0 else 1
    finally:
        if args.keep:
            print(f"scratch database kept: {url}")
        else:
            psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
