"""``tiaojie restore FILE``: replace the whole database with a backup made by
``tiaojie backup``.

The backup is checked first (checksum, integrity, a schema version this program
knows); nothing is touched if any check fails. Close every window of the
application that uses the database before restoring. Asks for confirmation on a
terminal; ``--yes`` confirms in scripts. Does not import PySide6.
"""

from __future__ import annotations

import argparse
import sys

NAME = "restore"
HELP = "从备份文件恢复数据库（会覆盖当前全部数据；须先关闭所有程序窗口；--yes 跳过确认）"
QUESTION = "恢复将覆盖当前数据库中的全部数据，且无法撤销。确定吗？[y/N] "


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="由 tiaojie backup 生成的备份文件（.zip）")
    parser.add_argument("--yes", action="store_true", help="不询问，直接确认恢复")


def run(args: argparse.Namespace) -> int:
    from core.backup import BackupError, describe_counts, restore, verify
    from db.engine import describe, resolve_url

    url = resolve_url(args.db)
    try:
        info = verify(args.file)
    except BackupError as exc:
        print(f"不能恢复：{exc}", file=sys.stderr)
        return 1
    print(f"备份：{info.path}（{info.created_at} 由 {info.app_version} 版创建，结构版本 {info.schema_revision}）")
    print(f"内容：{describe_counts(info.row_counts)}")
    print(f"目标：{describe(url)}")
    if not args.yes:
        if not sys.stdin.isatty():
            print("不是在终端中运行：请加 --yes 确认恢复", file=sys.stderr)
            return 2
        answer = input(QUESTION).strip().lower()
        if answer not in ("y", "yes", "是"):
            print("已取消，未做任何更改")
            return 1
    try:
        restore(url, args.file, confirm=True)
    except BackupError as exc:
        print(f"恢复失败：{exc}", file=sys.stderr)
        return 1
    print("已恢复。")
    return 0
