"""``tiaojie db upgrade``: bring the database schema to the newest version."""

from __future__ import annotations

import argparse
import sys

NAME = "db"
HELP = "数据库维护：upgrade 升级数据库结构到最新版本；current 显示当前版本"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["upgrade", "current"], help="upgrade 或 current")


def run(args: argparse.Namespace) -> int:
    from core.database import open_database
    from db import migrate
    from db.engine import describe, make_engine, resolve_url

    url = resolve_url(args.db)
    head = migrate.head_revision()
    before = migrate.current_revision(make_engine(url))
    if args.action == "current":
        print(f"{describe(url)}：当前版本 {before or '（空库）'}，程序版本 {head}")
        return 0 if before == head else 1
    try:
        open_database(url)
    except migrate.SchemaTooNewError as exc:
        print(exc, file=sys.stderr)
        return 2
    if before == head:
        print(f"{describe(url)}：已是最新版本 {head}")
    else:
        print(f"{describe(url)}：已从 {before or '空库'} 升级到 {head}")
    return 0
