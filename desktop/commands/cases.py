"""``tiaojie cases``: list cases, as a table or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "cases"
HELP = "列出案件（可按状态、委员会筛选；--json 输出 JSON 数组）"


def configure(parser: argparse.ArgumentParser) -> None:
    from db.codes import CASE_STATUSES, COMMITTEES

    parser.add_argument("--status", choices=list(CASE_STATUSES), help="案件状态")
    parser.add_argument("--committee", choices=list(COMMITTEES), metavar="CODE", help="委员会代码")
    parser.add_argument("--limit", type=int, default=100, help="最多列出条数（默认 100）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")


def run(args: argparse.Namespace) -> int:
    from core.cases import CaseFilter, fetch_cases
    from core.database import open_database
    from core.uow import read_only

    engine = open_database(args.db)
    with read_only(engine) as session:
        rows = fetch_cases(
            session, CaseFilter(committee=args.committee, status=args.status), limit=args.limit
        )
    if args.json:
        json.dump([r.to_json() for r in rows], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        print(f"{r.number}\t{r.committee_name}\t{r.status_name}\t{r.received}\t{r.party_names}")
    print(f"共 {len(rows)} 件", file=sys.stderr)
    return 0
