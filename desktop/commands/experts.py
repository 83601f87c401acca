"""``tiaojie experts``: the expert pool from the command line.

    tiaojie experts search jjs --json        # [{"id", "name", "agency", "specialties", "committees"}, …]
    tiaojie experts search "" --json         # everyone
    tiaojie experts search 医疗 --committee medical --active-only

Best match first, with the same search as the screen (name, pinyin, initials, agency,
specialty, committee; several words must all match). Never imports PySide6.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

NAME = "experts"
HELP = "专家库：按姓名、拼音或首字母、单位、专长、委员会查找专家（experts search QUERY [--json]）"


def configure(parser: argparse.ArgumentParser) -> None:
    from db.codes import COMMITTEES, EXPERT_KINDS

    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    search = sub.add_parser(
        "search", help="查找专家（QUERY 为空则列出全部）",
        description="查找专家：姓名、全拼、拼音首字母（如 jjs）、工作单位、专长、委员会；多个词用空格分开，须同时满足。",
    )
    search.add_argument("query", metavar="QUERY", nargs="?", default="", help="查找内容；空字符串列出全部")
    # ``--db`` may come last, after the action's own arguments, as with the other commands.
    search.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="数据库地址")
    search.add_argument("--json", action="store_true", help="输出 JSON 数组（最匹配的在前）")
    search.add_argument("--kind", choices=list(EXPERT_KINDS), help="类别：" + " ".join(
        f"{k}={v}" for k, v in EXPERT_KINDS.items()))
    search.add_argument("--committee", choices=list(COMMITTEES), metavar="CODE", help="服务委员会代码")
    search.add_argument("--active-only", action="store_true", help="只列出启用的专家")
    search.add_argument("--limit", type=int, default=None, help="最多列出条数")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(rows) -> str:
    lines = [("编号", "姓名", "类别", "单位", "专长", "服务委员会", "状态")]
    for r in rows:
        lines.append((str(r.id), r.name, r.kind_name, r.agency_display, "、".join(r.specialties),
                      r.committee_names, "启用" if r.active else "停用"))
    widths = [min(30, max(_width(line[i]) for line in lines)) for i in range(len(lines[0]) - 1)]
    return "\n".join(
        "  ".join(_pad(cell, widths[i]) for i, cell in enumerate(line[:-1])) + "  " + line[-1]
        for line in lines
    )


def run(args: argparse.Namespace) -> int:
    from core.database import open_database
    from core.experts import build_index, fetch_experts
    from core.uow import read_only

    if args.limit is not None and args.limit < 1:
        print("错误：--limit 至少为 1", file=sys.stderr)
        return 2
    engine = open_database(args.db)
    with read_only(engine) as session:
        rows = fetch_experts(session)
    by_id = {r.id: r for r in rows}
    index = build_index(rows)
    ids = index.search_ids(args.query or "", kind=args.kind, committee=args.committee,
                           active=True if args.active_only else None)
    found = [by_id[i] for i in ids][: args.limit]
    if args.json:
        json.dump([r.to_json() for r in found], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    if found:
        print(_table(found))
    print(f"共 {len(found)} 人", file=sys.stderr)
    return 0
