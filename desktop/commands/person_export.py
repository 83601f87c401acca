"""``tiaojie person-export``: everything held about one person, as a JSON file.

    tiaojie person-export --id-number 11010519491231002X --out 张三.json
    tiaojie person-export --name 张三 --phone 13800001111 --out 张三.json

For a person's request to see or copy their data (个人信息保护法第四十五条). Runs as the local
system account (no login, like the other commands); the export is recorded in the audit log
("privacy.export_person"). Never imports PySide6.
"""

from __future__ import annotations

import argparse
import sys

NAME = "person-export"
HELP = "导出某人的全部个人信息：当事人记录、所涉案件、号票、转办单和相关审计记录（JSON）"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id-number", metavar="NUMBER", help="证件号码（身份证号、居住证号或统一社会信用代码）")
    parser.add_argument("--name", help="姓名（无证件号码时，与 --phone 同用）")
    parser.add_argument("--phone", help="电话（无证件号码时，与 --name 同用）")
    parser.add_argument("--out", metavar="FILE", required=True, help="写入的 JSON 文件")


def run(args: argparse.Namespace) -> int:
    from core.database import open_database
    from core.privacy import export_person, export_summary

    if not args.id_number and not (args.name and args.phone):
        print("请给出 --id-number，或同时给出 --name 和 --phone", file=sys.stderr)
        return 2
    engine = open_database(args.db)
    try:
        result = export_person(engine, None, id_number=args.id_number, name=args.name, phone=args.phone,
                               out=args.out)
    except (LookupError, ValueError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"已导出到 {args.out}：{export_summary(result)}")
    return 0
