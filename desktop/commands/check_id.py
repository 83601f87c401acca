"""``tiaojie check-id``: check ID numbers / unified social credit codes from the command line.

Imports only the standard library and ``core.identifiers`` so it starts fast and runs
without Qt or a database.
"""

from __future__ import annotations

import argparse
import json
import sys

from core.identifiers import KIND_LABELS, IdCheck, check_id, to_json

NAME = "check-id"
HELP = "校验身份证号码、港澳台居民居住证、外国人永久居留身份证或统一社会信用代码"

_SEX_LABELS = {"M": "男", "F": "女"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "number",
        metavar="NUMBER",
        help="要校验的号码；用 - 从标准输入读取，每行一个（空行跳过）",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="输出 JSON（标准输入模式下每行一个 JSON 对象）",
    )


def run(args: argparse.Namespace) -> int:
    from_stdin = args.number == "-"
    if from_stdin:
        numbers = [line for line in sys.stdin.read().splitlines() if line.strip()]
        if not numbers:
            print("未读到号码", file=sys.stderr)
    else:
        numbers = [args.number]

    all_valid = True
    for number in numbers:
        check = check_id(number)
        all_valid = all_valid and check.valid
        if args.json:
            indent = None if from_stdin else 2
            print(json.dumps(to_json(check), ensure_ascii=False, indent=indent))
        else:
            print(_human_line(number.strip(), check))
    return 0 if all_valid else 1


def _human_line(number: str, check: IdCheck) -> str:
    if not check.valid:
        return f"{number}  无效：{check.error}"
    parts = [f"{check.normalized}  有效", KIND_LABELS.get(check.kind or "", "")]
    if check.birth_date:
        parts.append(f"出生日期 {check.birth_date.isoformat()}")
    if check.sex:
        parts.append(f"性别 {_SEX_LABELS[check.sex]}")
    if check.kind == "resident15":
        parts.append(f"原号码 {number}")
    return "  ".join(parts)
