"""``tiaojie backup``: a complete, checked backup of the database in one .zip file.

Examples::

    tiaojie backup 备份/tiaojie-2026-10-08.zip            # one backup now
    tiaojie backup --daily D:/调解备份 --keep 30           # for a scheduled task: one a day, last 30 kept

SQLite is copied with its online backup API (others may keep working); PostgreSQL
needs ``pg_dump`` on this PC. Does not import PySide6.
"""

from __future__ import annotations

import argparse
import sys

NAME = "backup"
HELP = ("备份数据库到一个 .zip 文件（含完整性检查和清单）；--daily DIR 每天一份、保留最近 N 份（--keep N），"
        "适合在计划任务中运行")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="备份文件（.zip）")
    parser.add_argument("--daily", metavar="DIR", help="每日备份：在 DIR 中生成 tiaojie-YYYY-MM-DD.zip，当天已有则跳过")
    parser.add_argument("--keep", type=int, default=7, metavar="N", help="每日备份保留的份数（默认 7）")


def run(args: argparse.Namespace) -> int:
    from core.backup import BackupError, backup, daily_backup, describe_counts
    from db.engine import describe, resolve_url

    if bool(args.file) == bool(args.daily):
        print("请给出备份文件 FILE，或用 --daily DIR 做每日备份（二者选一）", file=sys.stderr)
        return 2
    url = resolve_url(args.db)
    try:
        if args.daily:
            info = daily_backup(url, args.daily, keep=args.keep)
            if info is None:
                print(f"今天的备份已存在，跳过（{args.daily}）")
                return 0
        else:
            info = backup(url, args.file)
    except (BackupError, ValueError) as exc:
        print(f"备份失败：{exc}", file=sys.stderr)
        return 1
    print(f"已备份 {describe(url)} → {info.path}（{info.size / 1024 / 1024:.1f} MB，结构版本 {info.schema_revision}）")
    print(f"完整性检查通过；{describe_counts(info.row_counts)}")
    return 0
