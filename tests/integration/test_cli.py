"""The ``tiaojie`` command line: public interfaces scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from core.version import version
from tests.factories import add_case

REPO = Path(__file__).resolve().parents[2]


def tiaojie(*args: str, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, PYTHONPATH=str(REPO), **(env or {}))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=full_env, input=input, cwd=REPO, timeout=120)


def test_version():
    result = tiaojie("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tiaojie {version()}"


def test_cases_json_has_the_documented_fields(sqlite_engine, sqlite_url):
    add_case(sqlite_engine, committee="medical", received=date(2026, 11, 2))
    add_case(sqlite_engine, committee="traffic", dispute_type="14", status="mediating", received=date(2026, 11, 3),
             parties=(("王五", "person"), ("赵六", "person"), ("某保险公司", "organisation")))
    result = tiaojie("--db", sqlite_url, "cases", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["number"] for r in rows] == ["衢江交人调字〔2026〕第001号", "衢江医人调字〔2026〕第001号"]
    first = rows[0]
    assert {"number", "committee", "status", "dispute_type", "received", "parties"} <= set(first)
    assert first == first | {"committee": "traffic", "status": "mediating", "dispute_type": "14",
                             "received": "2026-11-03", "parties": 3}


def test_cases_filters_and_limit(sqlite_engine, sqlite_url):
    for _ in range(3):
        add_case(sqlite_engine, committee="medical")
    add_case(sqlite_engine, committee="labour", dispute_type="10", status="agreed")
    by_committee = json.loads(tiaojie("cases", "--committee", "medical", "--json", "--db", sqlite_url).stdout)
    assert len(by_committee) == 3 and {r["committee"] for r in by_committee} == {"medical"}
    by_status = json.loads(tiaojie("cases", "--status", "agreed", "--json", "--db", sqlite_url).stdout)
    assert [r["committee"] for r in by_status] == ["labour"]
    assert len(json.loads(tiaojie("cases", "--limit", "2", "--json", "--db", sqlite_url).stdout)) == 2


def test_db_url_from_the_environment(sqlite_engine, sqlite_url):
    add_case(sqlite_engine)
    result = tiaojie("cases", "--json", env={"TIAOJIE_DB": sqlite_url})
    assert len(json.loads(result.stdout)) == 1


def test_bad_status_is_refused_with_usage():
    result = tiaojie("cases", "--status", "closed", "--json")
    assert result.returncode == 2
    assert "closed" in result.stderr


def test_unknown_command_is_named():
    result = tiaojie("frobnicate")
    assert result.returncode == 2
    assert "未知子命令：frobnicate" in result.stderr


def test_db_upgrade_on_an_empty_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    result = tiaojie("--db", url, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert "已从 空库 升级到" in result.stdout
    again = tiaojie("--db", url, "db", "upgrade")
    assert "已是最新版本" in again.stdout


@pytest.mark.postgres
def test_cases_on_postgres(pg_engine, pg_url):
    add_case(pg_engine)
    rows = json.loads(tiaojie("--db", pg_url, "cases", "--json").stdout)
    assert rows[0]["committee"] == "medical"


def test_non_gui_commands_never_import_qt(sqlite_engine, sqlite_url):
    """Non-GUI commands start fast because they never import PySide6 (nor ReportLab)."""
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['tiaojie', '--db', sys.argv[1], 'cases', '--json']\n"
        "from desktop.cli import main\n"
        "main()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, sqlite_url], capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(REPO)), cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr


def test_screenshot_renders_login_and_main(sqlite_engine, sqlite_url, tmp_path):
    add_case(sqlite_engine, parties=(("𠮷祥", "person"), ("衢江区人民医院", "organisation")))
    for screen in ("login", "main"):
        out = tmp_path / f"{screen}.png"
        result = tiaojie("screenshot", "--screen", screen, "--out", str(out), "--db", sqlite_url,
                         env={"QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 0, result.stderr
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert out.stat().st_size > 10_000  # a real picture, not an empty window
    bad = tiaojie("screenshot", "--screen", "nope", "--out", str(tmp_path / "x.png"), "--db", sqlite_url)
    assert bad.returncode == 2 and "未知界面" in bad.stderr


def test_db_rebuild_stats_clears_a_stale_mark(db_url):
    """A bulk load killed half-way leaves the rollups marked stale; the command recomputes them."""
    from core.database import open_database
    from db import rollups
    from tests.factories import add_case

    engine = open_database(db_url)
    add_case(engine)
    with engine.begin() as conn:
        rollups.mark_stale(conn)
    done = tiaojie("--db", db_url, "db", "rebuild-stats")
    assert "统计汇总已重算（原标记为待重算）" in done.stdout
    with engine.begin() as conn:
        assert not rollups.is_stale(conn)
        assert conn.exec_driver_sql("SELECT SUM(received) FROM stats_by_committee").scalar() == 1
    engine.dispose()
