"""``tiaojie route``: which committee should take a walk-in's dispute (core.routing), from the command line.

    tiaojie route "我在医院做了手术，伤口一直感染"
    tiaojie route "……" --json
    tiaojie route - --json < descriptions.txt      # one description per line, one JSON object per line

Never imports PySide6 or SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata

from core.routing import DISPUTE_TYPES, PARTY_KINDS, TARGET_NAMES, TARGETS, scope_flags, suggest

NAME = "route"
HELP = "根据纠纷描述推荐受理的调解委员会（前三名、得分和理由），并提示不属受理范围的情形"

_PARTY_LABELS = {
    "person": "个人",
    "hospital": "医疗机构",
    "school": "学校",
    "company": "企业",
    "government": "政府/村（居）委会",
    "other": "其他组织",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", metavar="TEXT", help="纠纷描述；写 - 则从标准输入逐行读取，每行一条"
    )
    parser.add_argument(
        "--json", action="store_true", help="输出 JSON（标准输入模式下每条描述一行）"
    )
    parser.add_argument(
        "--type",
        dest="dispute_type",
        metavar="CODE",
        help="纠纷类型代码：" + " ".join(f"{k}{v}" for k, v in DISPUTE_TYPES.items()),
    )
    parser.add_argument(
        "--party",
        dest="party_kinds",
        metavar="KIND",
        action="append",
        default=[],
        help="当事人类型，可重复：" + " ".join(f"{k}={v}" for k, v in _PARTY_LABELS.items()),
    )
    parser.add_argument(
        "--top", default="3", metavar="N", help=f"推荐几个（1–{len(TARGETS)}，默认 3）"
    )


def _error(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 2


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _result(text: str, args: argparse.Namespace, top: int) -> dict:
    suggestions = suggest(
        text, dispute_type=args.dispute_type, party_kinds=args.party_kinds, top=top
    )
    return {
        "suggestions": [
            {"code": s.code, "name": s.name, "score": s.score, "reasons": list(s.reasons)}
            for s in suggestions
        ],
        "scope_flags": [
            {"kind": f.kind, "reason": f.reason, "refer_to": f.refer_to} for f in scope_flags(text)
        ],
        "text": text,
    }


def _table(result: dict) -> str:
    rows = [("名次", "委员会", "代码", "得分", "理由")]
    for i, s in enumerate(result["suggestions"], 1):
        rows.append(
            (
                str(i),
                f"{TARGET_NAMES[s['code']]}（{s['name']}）",
                s["code"],
                f"{s['score']:.2f}",
                "；".join(s["reasons"]),
            )
        )
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    lines = [f"纠纷描述：{result['text']}"]
    for row in rows:
        lines.append(
            "  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4]
        )
    for flag in result["scope_flags"]:
        lines.append(f"※ 受理范围提示：{flag['reason']}。建议转：{flag['refer_to']}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        top = int(str(args.top).strip())
    except ValueError:
        return _error(f"--top 必须是 1 到 {len(TARGETS)} 之间的整数：{args.top}")
    if not 1 <= top <= len(TARGETS):
        return _error(f"--top 必须是 1 到 {len(TARGETS)} 之间的整数：{args.top}")
    if args.dispute_type and args.dispute_type.strip() not in DISPUTE_TYPES:
        return _error(
            f"未知的纠纷类型代码：{args.dispute_type}（可用：{'、'.join(DISPUTE_TYPES)}）"
        )
    for kind in args.party_kinds:
        if kind not in PARTY_KINDS:
            return _error(f"未知的当事人类型：{kind}（可用：{'、'.join(PARTY_KINDS)}）")

    if args.text == "-":
        texts = [line.strip() for line in sys.stdin if line.strip()]
        if not texts:
            return _error("标准输入中没有纠纷描述（每行一条）")
    else:
        if not args.text.strip():
            return _error("纠纷描述不能为空")
        texts = [args.text.strip()]

    blocks = []
    for text in texts:
        result = _result(text, args, top)
        blocks.append(json.dumps(result, ensure_ascii=False) if args.json else _table(result))
    print(("\n" if args.json else "\n\n").join(blocks))
    return 0
