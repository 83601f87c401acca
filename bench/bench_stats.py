"""Benchmark of the director's statistics (core.stats) on the 1,000,000-case demo databases.

    python bench/bench_stats.py [--sqlite /tmp/demo1m.sqlite3] [--pg URL] [--month YYYY-MM]
                                [--runs 7] [--covering-baseline] [--json]

``--pg`` defaults to ``TIAOJIE_BENCH_PG_URL`` (PostgreSQL is skipped when neither is given). The
databases are made with ``tiaojie --db URL demo --cases 1000000`` (migration 0003 gives them the
statistics' rollups and indexes). The month defaults to the last complete month of the data.

Measured on each engine, median (and min) of ``--runs`` warm runs, wall clock, plus the client
process's CPU time and the load average around the runs:

* **monthly set** — every figure of the month, the previous month and the same month last year,
  in total and by committee, type, source and mediator (``monthly_report_data(engine,
  trend=False)``, as the app runs it); and the same given an open session. Goal: ≤ 250 ms on
  SQLite, ≤ 150 ms on PostgreSQL.
* **+ trend** — the same plus the 13-month trend the report and the dashboard draw.
* **core table** — the per-committee core table (:func:`core.stats.core_table`: received,
  accepted, concluded, refused, successful, amounts, days) for the month.
* **GROUP BY (received)** — one hand-written ``GROUP BY committee_id`` over the month's received
  cases (count, sum of amounts), as the planner runs it with the schema's indexes; with
  ``--covering-baseline`` also on a covering index (committee_id, received_on, amount_claimed)
  created for the measurement inside a transaction that is rolled back (SQLite: ``INDEXED BY``):
  the practical floor for one month of a per-committee table read from the cases.
* **GROUP BY (same figures)** — one hand-written ``GROUP BY committee_id`` computing the core
  table's figures in a single statement (received *or* concluded in the month).
  Goal: core table ≤ 1.5 × the hand-written GROUP BY.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Date, bindparam, func, select, text  # noqa: E402

from core import stats  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.models import Case  # noqa: E402

HAND_RECEIVED = """
SELECT committee_id, COUNT(*), COALESCE(SUM(amount_claimed), 0)
FROM cases WHERE received_on BETWEEN :a AND :b
GROUP BY committee_id"""

# The same statement on a covering index made for the measurement (PostgreSQL finds it itself).
BASELINE_INDEX = "ix_bench_cases_committee_received_amount"
HAND_RECEIVED_COVERING = {
    "sqlite": HAND_RECEIVED.replace("FROM cases", f"FROM cases INDEXED BY {BASELINE_INDEX}"),
    "postgresql": HAND_RECEIVED,
}

HAND_SAME = """
SELECT c.committee_id,
       SUM(CASE WHEN c.received_on BETWEEN :a AND :b THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN c.received_on BETWEEN :a AND :b THEN c.amount_claimed END), 0),
       SUM(CASE WHEN c.accepted_on BETWEEN :a AND :b THEN 1 ELSE 0 END),
       SUM(CASE WHEN c.concluded_on BETWEEN :a AND :b AND c.status IN
                ('agreed', 'failed', 'terminated', 'withdrawn', 'performed', 'archived') THEN 1 ELSE 0 END),
       SUM(CASE WHEN c.concluded_on BETWEEN :a AND :b AND c.status IN ('agreed', 'performed', 'archived')
                AND a.id IS NOT NULL THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN c.concluded_on BETWEEN :a AND :b AND c.status IN ('agreed', 'performed', 'archived')
                THEN a.amount END), 0)
FROM cases c LEFT JOIN agreements a ON a.case_id = c.id
WHERE c.received_on BETWEEN :a AND :b OR c.accepted_on BETWEEN :a AND :b OR c.concluded_on BETWEEN :a AND :b
GROUP BY c.committee_id"""


def _hand(sql: str):
    return text(sql).bindparams(bindparam("a", type_=Date), bindparam("b", type_=Date))


def _timed(fn, runs: int) -> dict:
    fn()  # warm the caches (and the first-use costs: calendar, statement compilation)
    times, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "min_ms": round(min(times), 1),
            "cpu_median_ms": round(statistics.median(cpu), 1)}


def _load() -> float | None:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except OSError:
        return None


def default_month(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        latest = conn.execute(select(func.max(Case.received_on))).scalar()
    latest = latest or date.today()
    first = latest.replace(day=1)
    if latest != stats.month_range(latest.year, latest.month)[1]:
        first = (first - timedelta(days=1)).replace(day=1)
    return first.year, first.month


def bench_engine(url: str, month: tuple[int, int] | None, runs: int, covering: bool) -> dict:
    engine = make_engine(url)
    year, mon = month or default_month(engine)
    a, b = stats.month_range(year, mon)
    out: dict = {"engine": engine.dialect.name, "month": f"{year}-{mon:02d}", "load_before": _load()}
    with engine.connect() as conn:
        out["cases"] = conn.execute(select(func.count()).select_from(Case.__table__)).scalar()
        out["received_in_month"] = conn.execute(
            select(func.count()).select_from(Case.__table__).where(Case.received_on.between(a, b))).scalar()
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        session.connection()  # one connection for every run, as the app's unit of work has

        def monthly():  # as the app calls it: with the engine (one read-only unit of work)
            return stats.monthly_report_data(engine, year, mon, trend=False)

        def sequential():
            return stats.monthly_report_data(session, year, mon, trend=False)

        def with_trend():
            return stats.monthly_report_data(engine, year, mon)

        def core():
            return stats.core_table(session, a, b)

        def hand_received():
            return session.execute(_hand(HAND_RECEIVED), {"a": a, "b": b}).all()

        def hand_covering():
            return session.execute(_hand(HAND_RECEIVED_COVERING[engine.dialect.name]), {"a": a, "b": b}).all()

        def hand_same():
            return session.execute(_hand(HAND_SAME), {"a": a, "b": b}).all()

        out["monthly_set"] = _timed(monthly, runs)
        out["monthly_set_one_connection"] = _timed(sequential, runs)
        out["monthly_with_trend"] = _timed(with_trend, runs)
        out["core_table"] = _timed(core, runs)
        out["group_by_received"] = _timed(hand_received, runs)
        out["group_by_same_figures"] = _timed(hand_same, runs)
        # The core table and the hand-written statement agree (a sanity check, not a timing).
        mine = core()
        ids = dict(session.execute(text("SELECT id, code FROM committees")).all())
        for row in hand_same():
            f = mine[ids[row[0]]]
            assert (f.received, f.accepted, f.concluded, f.successful) == tuple(int(v or 0) for v in row[1:2] + row[3:6]), (
                ids[row[0]], f, row)
        session.rollback()
        if covering:  # made inside a transaction that is rolled back
            session.execute(text(f"CREATE INDEX {BASELINE_INDEX} ON cases (committee_id, received_on, amount_claimed)"))
            if engine.dialect.name == "postgresql":
                session.execute(text("ANALYZE cases"))
            else:  # the planner's statistics for the new index (SQLite then skip-scans it)
                session.execute(text("PRAGMA analysis_limit=400"))
                session.execute(text(f"ANALYZE {BASELINE_INDEX}"))
            out["group_by_received_covering"] = _timed(hand_covering, runs)
            session.rollback()
    out["load_after"] = _load()
    for base in ("group_by_received", "group_by_received_covering", "group_by_same_figures"):
        if base in out:
            out[f"core_vs_{base}"] = round(out["core_table"]["median_ms"] / out[base]["median_ms"], 2)
    engine.dispose()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", default="/tmp/demo1m.sqlite3", help="SQLite demo database file")
    parser.add_argument("--pg", default=os.environ.get("TIAOJIE_BENCH_PG_URL"), help="PostgreSQL URL")
    parser.add_argument("--month", type=stats.parse_month, help="YYYY-MM (default: last complete month)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--covering-baseline", action="store_true",
                        help="also time the hand-written GROUP BY on a covering index made for it")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = []
    if args.sqlite:
        if not Path(args.sqlite).is_file():
            print(f"no SQLite database at {args.sqlite}", file=sys.stderr)
        else:
            results.append(bench_engine(f"sqlite:///{args.sqlite}", args.month, args.runs, args.covering_baseline))
    if args.pg:
        results.append(bench_engine(args.pg, args.month, args.runs, args.covering_baseline))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    rows = [("", *[r["engine"] for r in results]),
            ("cases", *[f"{r['cases']:,}" for r in results]),
            ("month (received)", *[f"{r['month']} ({r['received_in_month']:,})" for r in results]),
            ("load average before / after", *[f"{r['load_before']} / {r['load_after']}" for r in results])]
    for key, label in (("monthly_set", "monthly set, 3 periods (ms)"),
                       ("monthly_set_one_connection", "  same, one connection (ms)"),
                       ("monthly_with_trend", "+ 13-month trend (ms)"),
                       ("core_table", "core table by committee (ms)"),
                       ("group_by_received", "hand GROUP BY, received (ms)"),
                       ("group_by_received_covering", "  same, covering index (ms)"),
                       ("group_by_same_figures", "hand GROUP BY, same figures (ms)")):
        rows.append((label, *[f"{r[key]['median_ms']} (min {r[key]['min_ms']}, cpu {r[key]['cpu_median_ms']})"
                              if key in r else "—" for r in results]))
    for key, label in (("core_vs_group_by_received", "core ÷ GROUP BY received"),
                       ("core_vs_group_by_received_covering", "core ÷ GROUP BY received, covering"),
                       ("core_vs_group_by_same_figures", "core ÷ GROUP BY same figures")):
        rows.append((label, *[str(r.get(key, "—")) for r in results]))
    width = max(len(r[0]) for r in rows)
    for row in rows:
        print(row[0].ljust(width), *(c.rjust(34) for c in row[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
