"""Backing up and restoring the whole database (issue 7.6).

A backup is one zip file holding the data and a ``manifest.json``:

* SQLite: ``tiaojie.sqlite3``, a consistent copy made with SQLite's online backup API
  (other PCs may keep working meanwhile), checked with ``PRAGMA integrity_check``;
* PostgreSQL: ``tiaojie.dump``, made by ``pg_dump --format=custom`` (found on PATH, or
  in the usual PostgreSQL install folders), checked with ``pg_restore --list``.

The manifest records the application version, the schema revision, the row count of
every table and the SHA-256 of the data file, so a damaged file or a backup made by a
newer client is refused before anything is overwritten.

Restoring replaces the whole database. For SQLite the file is swapped atomically (a
temporary file in the same folder, fsync, ``os.replace``): **every copy of the
application using that database must be closed first** — a restore refuses to run
while another connection holds a lock on it, but a window that is merely open would
go on using the replaced file's old pages. For PostgreSQL ``pg_restore --clean
--if-exists --single-transaction`` replaces the objects in one transaction.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from core.auth import CurrentUser, require, use_case
from core.messages import msg, series

MANIFEST = "manifest.json"
SQLITE_MEMBER = "tiaojie.sqlite3"
PG_MEMBER = "tiaojie.dump"
FORMAT = 1
DAILY_PATTERN = re.compile(r"^tiaojie-(\d{4}-\d{2}-\d{2})\.zip$")


class BackupError(Exception):
    """A backup or restore that cannot be done, with a message for the user."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    backend: str  # "sqlite" or "postgresql"
    created_at: str  # ISO timestamp, local time
    app_version: str
    schema_revision: str | None
    row_counts: dict[str, int] = field(default_factory=dict)
    sha256: str = ""
    size: int = 0  # bytes of the backup file

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


# -- backup -------------------------------------------------------------------------
@use_case
def backup(url: str, out_path: str | os.PathLike, *, user: CurrentUser | None = None) -> BackupInfo:
    """Write a complete, checked backup of the database at ``url`` to ``out_path``
    (a .zip; an existing file is replaced only once the new one is complete).
    ``user``: needs ``backups``; ``None`` is the local command line / scheduled task."""
    if user is not None:
        require(user, "backups")
    u = make_url(url)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".tiaojie-backup-", dir=out.parent) as work:
        work_dir = Path(work)
        if u.get_backend_name() == "sqlite":
            data, member, revision, counts = _sqlite_copy(_sqlite_path(u), work_dir / SQLITE_MEMBER)
        elif u.get_backend_name() == "postgresql":
            data, member, revision, counts = _pg_dump(u, work_dir / PG_MEMBER)
        else:
            raise BackupError(msg("不支持备份此类数据库：{backend}", backend=u.get_backend_name()))
        manifest = {
            "format": FORMAT,
            "backend": u.get_backend_name(),
            "created_at": datetime.now().isoformat(timespec="seconds"),
            "app_version": _app_version(),
            "schema_revision": revision,
            "row_counts": counts,
            "member": member,
            "sha256": _sha256(data),
        }
        partial = work_dir / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            zf.write(data, member)
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        _fsync(partial)
        os.replace(partial, out)
        _fsync_dir(out.parent)
    return _info(out, manifest)


def _sqlite_copy(source: Path, target: Path) -> tuple[Path, str, str | None, dict[str, int]]:
    if not source.exists():
        raise BackupError(msg("找不到数据库文件：{path}", path=source))
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)  # a consistent snapshot even while other PCs write
            # A self-contained single file: no -wal next to the copy.
            dst.execute("PRAGMA journal_mode=DELETE")
            _check_sqlite(dst)
            revision, counts = _sqlite_facts(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target, SQLITE_MEMBER, revision, counts


def _check_sqlite(conn: sqlite3.Connection) -> None:
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        raise BackupError(msg("数据库文件已损坏：{error}", error=str(exc))) from exc
    if result != ["ok"]:
        raise BackupError(msg("数据库完整性检查未通过：{problems}", problems=series(result[:5], "；")))


def _sqlite_facts(conn: sqlite3.Connection) -> tuple[str | None, dict[str, int]]:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    revision = None
    if "alembic_version" in names:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _table_names() if t in names}
    return revision, counts


def _table_names() -> list[str]:
    from db.models import Base

    return sorted(Base.metadata.tables)


def _pg_dump(u: URL, target: Path) -> tuple[Path, str, str | None, dict[str, int]]:
    pg_dump = find_pg_tool("pg_dump")
    if pg_dump is None:
        raise BackupError(msg("未找到 pg_dump：请在本机安装 PostgreSQL 客户端工具（与服务器同一或更新的版本），"
                              "或将其所在目录加入 PATH 后重试"))
    revision, counts = _pg_facts(u)
    _run([pg_dump, "--format=custom", "--no-owner", "--file", str(target), *_pg_args(u)], u, "pg_dump")
    _check_dump(target)
    return target, PG_MEMBER, revision, counts


def _pg_facts(u: URL) -> tuple[str | None, dict[str, int]]:
    from sqlalchemy import inspect, text

    from db import migrate
    from db.engine import make_engine

    engine = make_engine(u.render_as_string(hide_password=False))
    try:
        revision = migrate.current_revision(engine)
        with engine.connect() as conn:
            present = set(inspect(conn).get_table_names())
            counts = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
                      for t in _table_names() if t in present}
    finally:
        engine.dispose()
    return revision, counts


def find_pg_tool(name: str) -> str | None:
    """``pg_dump``/``pg_restore`` on PATH, else the newest in the usual install folders."""
    found = shutil.which(name)
    if found:
        return found
    patterns = [f"/usr/lib/postgresql/*/bin/{name}", f"/usr/pgsql-*/bin/{name}",
                f"/opt/homebrew/opt/postgresql*/bin/{name}"]
    for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        if root:
            patterns.append(os.path.join(root, "PostgreSQL", "*", "bin", f"{name}.exe"))
    candidates = [p for pattern in patterns for p in glob.glob(pattern) if os.access(p, os.X_OK)]
    return max(candidates, key=_version_key) if candidates else None


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path)[:2]) or (0,)


def _pg_args(u: URL) -> list[str]:
    args = []
    if u.host:
        args += ["--host", u.host]
    if u.port:
        args += ["--port", str(u.port)]
    if u.username:
        args += ["--username", u.username]
    return [*args, "--no-password", "--dbname", u.database or "postgres"]


def _run(cmd: list[str], u: URL, what: str) -> None:
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise BackupError(msg("{tool} 执行失败（返回码 {code}）：{error}", tool=what, code=proc.returncode,
                              error=proc.stderr.strip()[-800:]))


def _check_dump(path: Path) -> None:
    pg_restore = find_pg_tool("pg_restore")
    if pg_restore is None:
        raise BackupError(msg("未找到 pg_restore：无法检查 PostgreSQL 备份文件"))
    proc = subprocess.run([pg_restore, "--list", str(path)], capture_output=True, text=True,
                          encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise BackupError(msg("PostgreSQL 备份文件检查未通过：{error}", error=proc.stderr.strip()[-400:]))


# -- checking a backup file ---------------------------------------------------------
def verify(backup_path: str | os.PathLike) -> BackupInfo:
    """Check a backup file without touching any database: readable zip, manifest,
    SHA-256 of the data, and the data's own check. Raises ``BackupError``."""
    path = Path(backup_path)
    with tempfile.TemporaryDirectory(prefix=".tiaojie-verify-") as work:
        manifest, data = _unpack(path, Path(work))
        _check_data(manifest, data)
    return _info(path, manifest)


def _unpack(path: Path, work: Path) -> tuple[dict, Path]:
    if not path.is_file():
        raise BackupError(msg("找不到备份文件：{path}", path=path))
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            member = manifest.get("member")
            if member not in (SQLITE_MEMBER, PG_MEMBER):
                raise BackupError(msg("备份文件格式不正确（清单中缺少数据文件）"))
            target = work / member
            with zf.open(member) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)  # zipfile checks the CRC at the end
    except BackupError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise BackupError(msg("备份文件已损坏或不是调解超市前台的备份：{error}", error=str(exc))) from exc
    except Exception as exc:  # zlib.error and friends from a damaged deflate stream
        raise BackupError(msg("备份文件已损坏：{error}", error=str(exc))) from exc
    if _sha256(target) != manifest.get("sha256"):
        raise BackupError(msg("备份文件已损坏：数据校验值（SHA-256）与清单不符"))
    return manifest, target


def _check_data(manifest: dict, data: Path) -> None:
    if manifest.get("member") == SQLITE_MEMBER:
        conn = sqlite3.connect(f"file:{data}?mode=ro", uri=True)
        try:
            _check_sqlite(conn)
            revision, _counts = _sqlite_facts(conn)
        finally:
            conn.close()
        if revision != manifest.get("schema_revision"):
            raise BackupError(msg("备份文件已损坏：数据库结构版本与清单不符"))
    else:
        _check_dump(data)


def _check_revision_known(manifest: dict) -> None:
    from db import migrate

    revision = manifest.get("schema_revision")
    if revision is None:
        raise BackupError(msg("备份中的数据库尚未初始化（没有结构版本），不能用于恢复"))
    if revision != migrate.HEAD and revision not in migrate.known_revisions():
        raise BackupError(msg("备份的数据库结构版本 {revision} 比本程序新（由 {version} 版创建），"
                              "请先将本机的调解超市前台升级到最新版本再恢复",
                              revision=revision, version=manifest.get("app_version")))


# -- restore ------------------------------------------------------------------------
@use_case
def restore(url: str, backup_path: str | os.PathLike, *, confirm: bool,
            user: CurrentUser | None = None) -> BackupInfo:
    """Replace the database at ``url`` with the backup. Refuses unless ``confirm`` is
    true; checks the whole backup before touching anything. Every copy of the
    application using the database must be closed (see the module docstring).
    ``user``: needs ``backups``; ``None`` is the local command line."""
    if user is not None:
        require(user, "backups")
    if not confirm:
        raise BackupError(msg("恢复将覆盖当前数据库中的全部数据，须确认后才能进行"))
    u = make_url(url)
    backend = u.get_backend_name()
    path = Path(backup_path)
    target_dir = Path(_sqlite_path(u)).parent if backend == "sqlite" else None
    if target_dir is not None:
        target_dir.mkdir(parents=True, exist_ok=True)
    # Unpack next to the database, so the final os.replace stays on one file system.
    with tempfile.TemporaryDirectory(prefix=".tiaojie-restore-", dir=target_dir) as work:
        manifest, data = _unpack(path, Path(work))
        _check_data(manifest, data)
        _check_revision_known(manifest)
        if manifest.get("backend") != backend:
            raise BackupError(msg("备份来自 {source} 数据库，不能恢复到 {target} 数据库",
                                  source=manifest.get("backend"), target=backend))
        if backend == "sqlite":
            _restore_sqlite(data, _sqlite_path(u))
        elif backend == "postgresql":
            _restore_pg(u, data)
        else:
            raise BackupError(msg("不支持恢复此类数据库：{backend}", backend=backend))
    _record_restore(url, path, manifest)
    return _info(path, manifest)


def _restore_sqlite(data: Path, target: Path) -> None:
    if target.exists():
        _refuse_if_in_use(target)
    _fsync(data)
    os.replace(data, target)
    # The replaced database's write-ahead log must not be applied to the restored one.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    _fsync_dir(target.parent)


def _refuse_if_in_use(target: Path) -> None:
    """Checkpoint the WAL and take (then release) an exclusive lock: fails while
    another connection is reading or writing. An idle open window holds no lock and
    cannot be detected — hence the rule that every window must be closed."""
    conn = sqlite3.connect(target, timeout=2, isolation_level=None)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        raise BackupError(_IN_USE) from exc
    finally:
        conn.close()
    if busy and busy[0]:
        raise BackupError(_IN_USE)


_IN_USE = msg("数据库正在被使用：请先关闭所有使用该数据库的调解超市前台窗口，再进行恢复")


def _restore_pg(u: URL, data: Path) -> None:
    pg_restore = find_pg_tool("pg_restore")
    if pg_restore is None:
        raise BackupError(msg("未找到 pg_restore：请在本机安装 PostgreSQL 客户端工具，或将其所在目录加入 PATH 后重试"))
    _run([pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction", *_pg_args(u), str(data)],
         u, "pg_restore")


def _record_restore(url: str, path: Path, manifest: dict) -> None:
    from core import audit
    from core.uow import unit_of_work
    from db.engine import make_engine

    engine = make_engine(url)
    try:
        with unit_of_work(engine) as session:
            audit.record(session, None, "backup.restore", entity="database",
                         after={"file": path.name, "created_at": manifest.get("created_at"),
                                "schema_revision": manifest.get("schema_revision")},
                         detail=f"从备份 {path.name} 恢复")
    finally:
        engine.dispose()


# -- the daily backup ----------------------------------------------------------------
@use_case
def daily_backup(url: str, folder: str | os.PathLike, *, keep: int = 7, today: date | None = None,
                 user: CurrentUser | None = None) -> BackupInfo | None:
    """One backup a day named ``tiaojie-YYYY-MM-DD.zip`` in ``folder``; keeps the newest
    ``keep`` of them. Returns None (and writes nothing) when today's already exists."""
    if user is not None:
        require(user, "backups")
    if keep < 1:
        raise ValueError(msg("保留份数至少为 1"))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    today = today or date.today()
    out = folder / f"tiaojie-{today.isoformat()}.zip"
    info = None
    if not out.exists():
        info = backup(url, out, user=user)
    for old in _daily_files(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return info


def _daily_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and DAILY_PATTERN.match(p.name))


# -- helpers ------------------------------------------------------------------------
def _sqlite_path(u: URL) -> Path:
    if not u.database or u.database == ":memory:":
        raise BackupError(msg("内存数据库不能备份或恢复"))
    return Path(u.database)


def _app_version() -> str:
    from core.version import version

    return version()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # directories cannot be opened for fsync on Windows
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _info(path: Path, manifest: dict) -> BackupInfo:
    return BackupInfo(
        path=path,
        backend=manifest.get("backend", ""),
        created_at=manifest.get("created_at", ""),
        app_version=manifest.get("app_version", ""),
        schema_revision=manifest.get("schema_revision"),
        row_counts=dict(manifest.get("row_counts", {})),
        sha256=manifest.get("sha256", ""),
        size=path.stat().st_size if path.exists() else 0,
    )


def describe_counts(counts: dict[str, int], tables: Iterable[str] = ("cases", "parties", "users", "audit_log")) -> str:
    """A short Chinese summary of the main tables' row counts for the CLI."""
    labels = {"cases": "案件", "parties": "当事人", "users": "用户", "audit_log": "审计记录"}
    return "，".join(f"{labels.get(t, t)} {counts[t]}" for t in tables if t in counts)
