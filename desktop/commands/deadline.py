"""``tiaojie deadline``: compute a legal deadline from the command line.

Examples::

    tiaojie deadline medical 2026-02-02 --pause 2026-02-10:2026-02-20 --json
    tiaojie deadline general 2026-09-02 --extend-days 15

Does not import PySide6 or SQLAlchemy. Holiday overrides from the database are not read yet: the
calendar is chinese-calendar plus the statutory fallback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

from core.deadlines import KIND_LABELS, KINDS, START_LABELS, compute
from core.workdays import WorkCalendar

NAME = "deadline"
HELP = "计算法定期限（一般调解、医疗、劳动争议、司法确认、交通事故申请公安调解）"

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(text: str) -> date:
    text = text.strip()
    if not _DATE_RE.match(text):
        raise ValueError(f"日期格式应为 YYYY-MM-DD：{text}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"日期不存在：{text}") from None


def _date_arg(text: str) -> date:
    try:
        return _parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _kind_arg(text: str) -> str:
    if text not in KINDS:
        raise argparse.ArgumentTypeError(f"期限类型应为 {'、'.join(KINDS)} 之一：{text}")
    return text


def _pause_arg(text: str) -> tuple[date, date]:
    parts = text.split(":")
    if len(parts) != 2:
        raise argparse.ArgumentTypeError(
            f"鉴定期间格式应为 开始日:结束日（YYYY-MM-DD:YYYY-MM-DD）：{text}"
        )
    try:
        start, end = _parse_date(parts[0]), _parse_date(parts[1])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if end < start:
        raise argparse.ArgumentTypeError(f"鉴定期间的结束日早于开始日：{text}")
    return start, end


def _extend_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"延长天数应为非负整数：{text}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"延长天数应为非负整数：{text}")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind",
        metavar="KIND",
        type=_kind_arg,
        choices=KINDS,
        help="期限类型：general 一般调解（一个月）、medical 医疗纠纷（30个工作日）、"
        "labour 劳动争议（15日）、judicial 申请司法确认（30日）、police 申请公安机关调解（3日）",
    )
    parser.add_argument(
        "start",
        metavar="START",
        type=_date_arg,
        help="起算日 YYYY-MM-DD（受理日、收到申请日、协议生效日或终止调解日；当日不计入）",
    )
    parser.add_argument(
        "--pause",
        metavar="FROM:TO",
        type=_pause_arg,
        action="append",
        default=[],
        help="医疗损害鉴定期间（含首尾两日，不计入期限），可重复",
    )
    parser.add_argument(
        "--extend-days",
        metavar="N",
        type=_extend_arg,
        default=0,
        help="经双方同意延长的天数（一般调解为自然日，医疗纠纷为工作日）",
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def run(args: argparse.Namespace, *, cal: WorkCalendar | None = None) -> int:
    try:
        deadline = compute(
            args.kind,
            args.start,
            pauses=args.pause,
            extend_days=args.extend_days,
            cal=cal,
        )
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = {
            "due": deadline.due.isoformat(),
            "working_days": deadline.working_days,
            "provisional": deadline.provisional,
            "basis": deadline.basis,
        }
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    unit = "按工作日计算" if deadline.working_days else "按自然日计算，末日遇休息日顺延"
    line = (
        f"{KIND_LABELS[args.kind]}：{START_LABELS[args.kind]} {args.start.isoformat()}，"
        f"期限届满日 {deadline.due.isoformat()}（{unit}）。依据：{deadline.basis}。"
    )
    if deadline.provisional:
        line += "【暂定】期间涉及尚未公布放假安排的年份，已按周末和法定节假日推算，公布后须复核。"
    print(line)
    return 0
