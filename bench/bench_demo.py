"""Benchmark ``tiaojie demo``: generate N cases into a fresh SQLite file and, when
``TIAOJIE_BENCH_PG_URL`` names a PostgreSQL server (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), into a scratch database created there and
dropped afterwards.

    PYTHONPATH=. python bench/bench_demo.py --cases 1000000 --sqlite /tmp/demo1m.sqlite3 --keep
    TIAOJIE_BENCH_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        PYTHONPATH=. python bench/bench_demo.py --cases 100000 --no-sqlite

Prints the time to create the schema, the time to generate, cases per second, the rows written
and the database size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from core.database import open_database  # noqa: E402
from core.demo import generate_demo  # noqa: E402


def _progress(started: float):
    def report(done: int, total: int) -> None:
        if done % 100_000 < 5_000 or done == total:
            seconds = time.perf_counter() - started
            print(f"    {done:>10,} / {total:,}  {seconds:7.1f} s  {done / max(seconds, 1e-9):9,.0f} cases/s",
                  file=sys.stderr, flush=True)
    return report


def _run(label: str, url: str, args) -> dict:
    print(f"== {label}: {args.cases:,} cases", flush=True)
    t0 = time.perf_counter()
    engine = open_database(url)
    schema = time.perf_counter() - t0
    t1 = time.perf_counter()
    result = generate_demo(engine, cases=args.cases, seed=args.seed, months=args.months, today=args.today,
                           batch=args.batch, progress=_progress(t1))
    generate = time.perf_counter() - t1
    rows = sum(result.counts.values())
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        else:
            size = sum(p.stat().st_size for p in Path(engine.url.database).parent.glob(
                Path(engine.url.database).name + "*"))
    engine.dispose()
    print(f"   schema+seed {schema:6.1f} s | generate {generate:7.1f} s | {args.cases / generate:8,.0f} cases/s | "
          f"{rows:,} rows ({rows / generate:,.0f} rows/s) | {size / 2**20:,.0f} MiB", flush=True)
    return {"label": label, "generate": generate, "schema": schema, "rows": rows, "size": size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="the demo's today (default: the real today, as `tiaojie demo` does)")
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--sqlite", metavar="PATH", help="SQLite file to (re)create (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    parser.add_argument("--keep-pg", action="store_true", help="do not drop the scratch PostgreSQL database")
    args = parser.parse_args(argv)

    if not args.no_sqlite:
        path = Path(args.sqlite) if args.sqlite else Path(tempfile.gettempdir()) / f"tj_bench_{uuid.uuid4().hex[:8]}.sqlite3"
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        try:
            _run(f"SQLite {path}", f"sqlite:///{path}", args)
        finally:
            if not args.keep:
                for f in path.parent.glob(path.name + "*"):
                    f.unlink()

    admin_url = os.environ.get("TIAOJIE_BENCH_PG_URL")
    if admin_url:
        name = f"tj_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        try:
            _run(f"PostgreSQL {name}", url, args)
        finally:
            if args.keep_pg:
                print(f"   kept {name}")
            else:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    elif args.no_sqlite:
        print("TIAOJIE_BENCH_PG_URL is not set: nothing to do", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
