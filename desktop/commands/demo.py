"""``tiaojie demo``: fill a database with synthetic demo data (staff, experts, parties, cases).

Examples::

    tiaojie demo --cases 2000
    tiaojie --db sqlite:////tmp/demo.sqlite3 demo --cases 1000000 --seed 7 --today 2026-06-30

Refuses a database that already holds cases unless ``--force`` is given (the demo data is then
appended). Does not import PySide6.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

NAME = "demo"
HELP = "生成演示数据（工作人员、专家库、当事人和案件），可重复生成、速度快"

PROGRESS_STEP = 100_000


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数：{text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数：{text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数：{text}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    from core.demo import DEFAULT_BATCH, DEFAULT_CASES

    parser.add_argument("--cases", type=_count, default=DEFAULT_CASES, metavar="N",
                        help=f"生成的案件数（默认 {DEFAULT_CASES}）")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子：种子和日期相同则数据相同（默认 1）")
    parser.add_argument("--months", type=_positive, default=12, metavar="M",
                        help="案件分布在截至当天的最近 M 个月（默认 12）")
    parser.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="以哪一天为“今天”（默认今天；测试和复现用）")
    parser.add_argument("--batch", type=_positive, default=DEFAULT_BATCH, metavar="B",
                        help=f"每批写入的案件数（默认 {DEFAULT_BATCH}）")
    parser.add_argument("--force", action="store_true", help="数据库中已有案件时仍追加演示数据")


def run(args: argparse.Namespace) -> int:
    from core.database import open_database
    from core.demo import DEMO_PASSWORD, DemoRefused, generate_demo
    from db.codes import CASE_STATUSES
    from db.engine import describe, resolve_url

    url = resolve_url(getattr(args, "db", None))
    started = time.perf_counter()
    engine = open_database(url)
    step = PROGRESS_STEP
    shown = [0]

    def progress(done: int, total: int) -> None:
        if done // step > shown[0] // step or (done == total and total >= step):
            seconds = time.perf_counter() - started
            print(f"已生成 {done:,}/{total:,} 件（{seconds:.0f} 秒，{done / max(seconds, 1e-9):,.0f} 件/秒）",
                  file=sys.stderr, flush=True)
            shown[0] = done

    try:
        result = generate_demo(engine, cases=args.cases, seed=args.seed, months=args.months, today=args.today,
                               batch=args.batch, force=args.force, progress=progress)
    except DemoRefused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    seconds = time.perf_counter() - started
    counts = result.counts
    statuses = "、".join(f"{CASE_STATUSES[s]}{n:,}" for s, n in sorted(result.statuses.items(),
                                                                     key=lambda kv: list(CASE_STATUSES).index(kv[0])))
    print(f"演示数据已生成：{describe(url)}")
    print(f"  案件 {result.cases:,} 件（{result.start.isoformat()} 至 {result.today.isoformat()}，"
          f"种子 {args.seed}），用时 {seconds:.1f} 秒（{result.cases / max(seconds, 1e-9):,.0f} 件/秒）")
    print(f"  状态：{statuses or '无'}")
    print(f"  当事人 {counts.get('parties', 0):,} 个，调解记录 {counts.get('mediation_sessions', 0):,} 份，"
          f"调解协议 {counts.get('agreements', 0):,} 份，回访 {counts.get('followups', 0):,} 次，"
          f"预约 {counts.get('appointments', 0):,} 个，排队号 {counts.get('queue_tickets', 0):,} 张")
    if counts.get("users"):
        print(f"  工作人员 {counts['users']} 人（前台 qiantai1–3，调解员 tjy_<委员会>_<n>，主任 zhuren），"
              f"密码均为 {DEMO_PASSWORD}；专家库 {counts.get('experts', 0)} 人")
    return 0
