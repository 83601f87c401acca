"""The whole centre's working lists on a big database, as the director reads them (in-process,
no Qt): 期限提醒 (deadline lists and overdue instalments, one screen), 回访与评价 (due follow-ups
and the open ledger); and, for comparison, a mediator's 我的案件 (his or her open cases with
their deadlines, read by the same code).

    python bench/bench_centre_lists.py --db sqlite:////tmp/stats/demo1m.sqlite3 [--runs 3] [--user zhuren]
        [--mediator tjy_traffic_1]

Each list is read ``--runs`` times after one warm-up read (the OS file cache as on a PC in use);
the median and best are printed with the number of rows. The demo's 1,000,000 cases over 24
months are about a hundred times a county centre's load, so these lists are a hundred times
longer than a real centre's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--user", default="zhuren")
    parser.add_argument("--mediator", default="tjy_traffic_1")
    parser.add_argument("--password", default="demo1234")
    args = parser.parse_args()

    from core.auth import login
    from core.case_deadlines import deadline_lists, open_case_rows
    from core.database import open_database
    from core.followups import due_followups, ledger
    from core.fulfilment import overdue_instalments

    engine = open_database(args.db)
    user = login(engine, args.user, args.password)
    mediator = login(engine, args.mediator, args.password)
    today = date.today()
    lists = (
        ("期限提醒: deadline lists (due soon + overdue)", lambda: sum(map(len, deadline_lists(engine, user, today)))),
        ("期限提醒: overdue instalments", lambda: len(overdue_instalments(engine, user, today))),
        ("回访与评价: due follow-ups (14 days ahead)", lambda: len(due_followups(engine, user, today))),
        ("回访与评价: open ledger entries", lambda: len(ledger(engine, user, today, open_only=True))),
        (f"我的案件 of {args.mediator}", lambda: len(open_case_rows(engine, mediator, today))),
    )
    print(f"{'list':<48}{'rows':>9}{'median s':>10}{'best s':>8}")
    for label, read in lists:
        rows = read()
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            read()
            times.append(time.perf_counter() - began)
        print(f"{label:<48}{rows:>9,}{statistics.median(times):>10.2f}{min(times):>8.2f}")
    print(f"(user {args.user}, {today.isoformat()}, runs={args.runs})")


if __name__ == "__main__":
    main()
