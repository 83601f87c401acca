"""Backup and restore (issue 7.6): a restored database holds exactly the backed-up
data; damaged, unconfirmed or too-new backups are refused before anything changes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from core import backup as bk
from core.database import open_database
from core.uow import read_only, unit_of_work
from db import migrate
from db.models import AuditEntry, Base, Case
from tests.factories import add_case

REPO = Path(__file__).resolve().parents[2]
DIGEST_TABLES = ("cases", "parties", "case_parties", "users", "settings", "committees")


def snapshot(engine: Engine) -> tuple[dict[str, int], dict[str, str]]:
    """Row counts of every table and a digest of the rows of a few main tables."""
    counts, digests = {}, {}
    with engine.connect() as conn:
        for name, table in Base.metadata.tables.items():
            counts[name] = conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            if name in DIGEST_TABLES:
                order = list(table.primary_key.columns)
                rows = conn.execute(select(table).order_by(*order)).all()
                digests[name] = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
    return counts, digests


def modify(engine: Engine) -> None:
    add_case(engine, committee="traffic", dispute_type="14", received=date(2026, 11, 20),
             parties=(("后来人", "person"), ("某保险公司", "organisation")))
    with unit_of_work(engine) as session:
        case = session.scalar(select(Case).order_by(Case.id).limit(1))
        case.summary = "备份之后改过的案情"


def round_trip(url: str, tmp_path: Path) -> None:
    engine = open_database(url)
    add_case(engine, committee="medical", received=date(2026, 11, 2))
    add_case(engine, committee="labour", dispute_type="01", received=date(2026, 11, 3),
             parties=(("𠮷田", "person"), ("王五", "person")))
    before_counts, before_digests = snapshot(engine)
    info = bk.backup(url, tmp_path / "b.zip")
    assert info.schema_revision == migrate.HEAD
    assert info.row_counts["cases"] == 2
    assert {k: v for k, v in info.row_counts.items()} == before_counts
    modify(engine)
    assert snapshot(engine)[1] != before_digests
    engine.dispose()

    bk.restore(url, tmp_path / "b.zip", confirm=True)

    engine = open_database(url)
    after_counts, after_digests = snapshot(engine)
    assert after_digests == before_digests
    # The restore itself is recorded in the (restored) audit log.
    assert after_counts.pop("audit_log") == before_counts.pop("audit_log") + 1
    assert after_counts == before_counts
    with read_only(engine) as session:
        last = session.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
        assert last.action == "backup.restore" and last.after["file"] == "b.zip"
    engine.dispose()


def test_sqlite_backup_modify_restore_gives_identical_data(sqlite_url, tmp_path):
    round_trip(sqlite_url, tmp_path)
    # No temporary files are left next to the database.
    folder = Path(sqlite_url.removeprefix("sqlite:///")).parent
    assert not [p for p in folder.iterdir() if p.name.startswith(".tiaojie-")]


@pytest.mark.postgres
def test_postgres_backup_modify_restore_gives_identical_data(pg_url, tmp_path):
    if bk.find_pg_tool("pg_dump") is None or bk.find_pg_tool("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore not installed")
    round_trip(pg_url, tmp_path)


def test_backup_is_a_checked_zip_with_a_manifest(sqlite_engine, sqlite_url, tmp_path):
    add_case(sqlite_engine)
    info = bk.backup(sqlite_url, tmp_path / "x.zip")
    with zipfile.ZipFile(info.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = zf.read(bk.SQLITE_MEMBER)
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest() == info.sha256
    assert manifest["schema_revision"] == migrate.HEAD and manifest["app_version"]
    assert manifest["row_counts"]["cases"] == 1
    assert bk.verify(info.path).row_counts == info.row_counts


def test_a_corrupted_backup_is_refused_and_nothing_changes(sqlite_engine, sqlite_url, tmp_path):
    add_case(sqlite_engine)
    path = bk.backup(sqlite_url, tmp_path / "x.zip").path
    raw = bytearray(path.read_bytes())
    middle = len(raw) // 2
    raw[middle:middle + 64] = bytes(b ^ 0xFF for b in raw[middle:middle + 64])
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(path.read_bytes()[: len(raw) // 3])
    modify(sqlite_engine)
    before = snapshot(sqlite_engine)
    sqlite_engine.dispose()
    for bad in (damaged, truncated):
        with pytest.raises(bk.BackupError, match="损坏"):
            bk.restore(sqlite_url, bad, confirm=True)
        with pytest.raises(bk.BackupError):
            bk.verify(bad)
    assert snapshot(sqlite_engine) == before


def test_a_manifest_that_does_not_match_the_data_is_refused(sqlite_url, tmp_path):
    path = bk.backup(sqlite_url, tmp_path / "x.zip").path
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(forged, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        manifest["sha256"] = "0" * 64
        dst.writestr("manifest.json", json.dumps(manifest))
        dst.writestr(bk.SQLITE_MEMBER, src.read(bk.SQLITE_MEMBER))
    with pytest.raises(bk.BackupError, match="SHA-256"):
        bk.restore(sqlite_url, forged, confirm=True)


def test_a_backup_of_a_newer_schema_is_refused(sqlite_url, tmp_path):
    newer = tmp_path / "newer.sqlite3"
    engine = open_database(f"sqlite:///{newer}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    path = bk.backup(f"sqlite:///{newer}", tmp_path / "newer.zip").path
    with pytest.raises(bk.BackupError, match="比本程序新"):
        bk.restore(sqlite_url, path, confirm=True)


def test_restore_without_confirmation_is_refused(sqlite_engine, sqlite_url, tmp_path):
    path = bk.backup(sqlite_url, tmp_path / "x.zip").path
    add_case(sqlite_engine)
    with pytest.raises(bk.BackupError, match="确认"):
        bk.restore(sqlite_url, path, confirm=False)
    with read_only(sqlite_engine) as session:
        assert session.scalar(select(Case.number)) is not None


def test_restore_refuses_while_another_connection_is_writing(sqlite_engine, sqlite_url, tmp_path):
    path = bk.backup(sqlite_url, tmp_path / "x.zip").path
    with sqlite_engine.connect() as conn:
        conn.execute(text("UPDATE settings SET value = value WHERE key = 'centre_name'"))  # holds the write lock
        with pytest.raises(bk.BackupError, match="正在被使用"):
            bk.restore(sqlite_url, path, confirm=True)
        conn.rollback()


def test_daily_backup_keeps_the_last_n_and_skips_a_day_already_done(sqlite_url, tmp_path):
    folder = tmp_path / "daily"
    start = date(2026, 10, 1)
    for i in range(5):
        assert bk.daily_backup(sqlite_url, folder, keep=3, today=start + timedelta(days=i)) is not None
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["tiaojie-2026-10-03.zip", "tiaojie-2026-10-04.zip", "tiaojie-2026-10-05.zip"]
    stamp = (folder / names[-1]).stat().st_mtime_ns
    assert bk.daily_backup(sqlite_url, folder, keep=3, today=date(2026, 10, 5)) is None
    assert (folder / names[-1]).stat().st_mtime_ns == stamp
    (folder / "其他文件.txt").write_text("别删我", "utf-8")
    bk.daily_backup(sqlite_url, folder, keep=2, today=date(2026, 10, 6))
    assert sorted(p.name for p in folder.iterdir()) == ["tiaojie-2026-10-05.zip", "tiaojie-2026-10-06.zip", "其他文件.txt"]


def tiaojie(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=env, input=input, cwd=REPO, timeout=120)


def test_cli_backup_and_restore(sqlite_engine, sqlite_url, tmp_path):
    number = add_case(sqlite_engine)
    out = tmp_path / "cli.zip"
    result = tiaojie("--db", sqlite_url, "backup", str(out))
    assert result.returncode == 0, result.stderr
    assert "完整性检查通过" in result.stdout and "案件 1" in result.stdout
    add_case(sqlite_engine, committee="traffic", dispute_type="14")
    sqlite_engine.dispose()

    refused = tiaojie("--db", sqlite_url, "restore", str(out), input="y\n")  # stdin is not a terminal
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = tiaojie("--db", sqlite_url, "restore", str(out), "--yes")
    assert done.returncode == 0, done.stderr
    with read_only(sqlite_engine) as session:
        assert list(session.scalars(select(Case.number))) == [number]
    sqlite_engine.dispose()


def test_pg_tools_are_found_outside_path(monkeypatch):
    installed = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_dump"))
    if not installed:
        pytest.skip("no PostgreSQL server installation on this machine")
    monkeypatch.setattr(bk.shutil, "which", lambda _name: None)
    assert Path(bk.find_pg_tool("pg_dump")).parent.parent.parent == Path("/usr/lib/postgresql")
