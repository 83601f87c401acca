"""``tiaojie db upgrade|current|rebuild-stats``: the schema version, and the statistics' rollups."""

from __future__ import annotations

import argparse
import sys

NAME = "db"
HELP = ("数据库维护：upgrade 升级数据库结构到最新版本；current 显示当前版本；"
        "rebuild-stats 重算统计汇总并恢复暂停的索引（批量导入中断后）")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["upgrade", "current", "rebuild-stats"],
                        help="upgrade、current 或 rebuild-stats")


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
    if args.action == "rebuild-stats":
        return _rebuild_stats(url)
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


def _rebuild_stats(url: str) -> int:
    """Recompute the statistics' facts and rollups from the data in one transaction: after a
    bulk load that was killed half-way left them marked stale (the dashboard then refuses to
    show figures rather than show wrong ones)."""
    import time

    from core.database import open_database
    from db import bulk_load, rollups
    from db.engine import describe

    engine = open_database(url)
    started = time.monotonic()
    with engine.begin() as conn:
        restored = bulk_load.restore_indexes(conn)
    with engine.begin() as conn:
        was_stale = rollups.is_stale(conn)
        rollups.rebuild(conn)
    with engine.begin() as conn:
        rollups.analyze(conn)
    state = "（原标记为待重算）" if was_stale else ""
    if restored:
        state += f"，并重建了批量导入时暂停的索引 {restored} 个"
    print(f"{describe(url)}：统计汇总已重算{state}，用时 {time.monotonic() - started:.1f} 秒")
    return 0
