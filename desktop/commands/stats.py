"""``tiaojie stats``: the director's statistics from the command line.

Examples::

    tiaojie stats --month 2026-10                       # the main figures as a table
    tiaojie stats --month 2026-10 --json                # every figure and breakdown as JSON
    tiaojie stats --month 2026-10 --pdf 月报.pdf --xlsx 月报.xlsx
    tiaojie stats --from 2026-07-01 --to 2026-09-30 --json   # any date range

The JSON is described in :func:`core.stats.to_json`. Does not import PySide6.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

NAME = "stats"
HELP = ("统计报表：按月（--month YYYY-MM）或任意期间（--from/--to）统计受理、调解成功、成功率、涉案金额、兑现率、"
        "满意率等，分委员会、纠纷类型、来源、调解员；--json 输出 JSON，--pdf/--xlsx 生成月报")


def _month_arg(text: str) -> tuple[int, int]:
    from core.stats import parse_month

    try:
        return parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", type=_month_arg, metavar="YYYY-MM", help="统计月份（必填，除非给出 --from 和 --to）")
    parser.add_argument("--from", dest="date_from", type=_date_arg, metavar="YYYY-MM-DD", help="统计起始日期")
    parser.add_argument("--to", dest="date_to", type=_date_arg, metavar="YYYY-MM-DD", help="统计截止日期")
    parser.add_argument("--json", action="store_true", help="输出 JSON（全部指标及分类）")
    parser.add_argument("--pdf", metavar="FILE", help="生成统计月报 PDF")
    parser.add_argument("--xlsx", metavar="FILE", help="生成统计月报 Excel 工作簿")


def run(args: argparse.Namespace) -> int:
    ranged = args.date_from is not None or args.date_to is not None
    if ranged and (args.date_from is None or args.date_to is None):
        print("--from 和 --to 须同时给出", file=sys.stderr)
        return 2
    if not ranged and args.month is None:
        print("请用 --month YYYY-MM 指定统计月份（或用 --from/--to 指定期间）", file=sys.stderr)
        return 2
    if ranged and (args.pdf or args.xlsx):
        print("PDF 和 Excel 月报按月生成：请改用 --month YYYY-MM", file=sys.stderr)
        return 2
    if ranged and args.date_to < args.date_from:
        print(f"截止日期（{args.date_to}）早于起始日期（{args.date_from}）", file=sys.stderr)
        return 2

    from core import stats
    from core.database import open_database
    from core.uow import read_only

    engine = open_database(args.db)
    if ranged:
        a, b = args.date_from, args.date_to
        with read_only(engine) as session:
            current = stats.compute_stats(session, a, b)
            previous = stats.compute_stats(session, *stats.previous_period(a, b))
            last_year = stats.compute_stats(session, *stats.same_period_last_year(a, b))
        document = stats.to_json(current, previous, last_year)
        title = f"{a.isoformat()} 至 {b.isoformat()}"
    else:
        year, month = args.month
        data = stats.monthly_report_data(engine, year, month)
        current, previous, last_year = data.current, data.previous, data.last_year
        document = stats.to_json(data)
        title = data.label
        if args.pdf:
            from core.documents.monthly_report import build_monthly_report

            build_monthly_report(data, out=args.pdf)
            print(f"已生成：{args.pdf}", file=sys.stderr)
        if args.xlsx:
            from core.stats_xlsx import write_workbook

            write_workbook(data, args.xlsx)
            print(f"已生成：{args.xlsx}", file=sys.stderr)
    if args.json:
        json.dump(document, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif not (args.pdf or args.xlsx):
        _print_table(title, current, previous, last_year)
    return 0


def _print_table(title: str, current, previous, last_year) -> None:
    from core.stats import COLUMN_LABELS, SUMMARY_ROWS, fmt, fmt_change

    print(f"{title}\t本期\t上期\t环比\t去年同期\t同比")
    for name in SUMMARY_ROWS:
        cur, prev, ly = (current.total.value(name), previous.total.value(name), last_year.total.value(name))
        print(f"{COLUMN_LABELS[name]}\t{fmt(name, cur)}\t{fmt(name, prev)}\t{fmt_change(name, cur, prev)}\t"
              f"{fmt(name, ly)}\t{fmt_change(name, cur, ly)}")
