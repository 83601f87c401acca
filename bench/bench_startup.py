"""Start-up times, measured from outside the process (wall clock, interpreter included).

    python bench/bench_startup.py --db sqlite:////tmp/demo1m.sqlite3 [--runs 5]

1. cold start to an interactive main window (fonts, translations, database opened and
   checked, main window shown with the case list's first page) — the login dialog is
   skipped by the harness, everything else is what ``tiaojie`` does;
2. start to the login dialog shown (what a user sees first);
   Both are timed until the process prints "ready" (the window is up and its data shown),
   and separately until it has exited (Qt and Python tear-down included).
3. a non-GUI CLI command (``tiaojie cases --json --limit 1``) and ``tiaojie --version``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

MAIN_WINDOW = r"""
import sys, time
import core.database  # what ``tiaojie`` does: the ORM before PySide6 (desktop/cli.py)
from desktop.app import create_application
app = create_application()
from core.database import open_database
from db.engine import resolve_url
from desktop.screenshots import user_for_role
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.tasks import TaskRunner
url = resolve_url(sys.argv[1])
engine = open_database(url)
tasks = TaskRunner(app)
window = MainWindow(AppContext(engine, url, user_for_role(engine, "director"), tasks))
window.show()
app.processEvents()
assert window.show_screen("cases").model.rowCount() > 0
print("ready", flush=True)
tasks.wait()
"""

LOGIN = r"""
import sys
import core.database
from desktop.app import create_application
app = create_application()
from core.database import open_database
from db.engine import describe, resolve_url
from desktop.login import LoginDialog
url = resolve_url(sys.argv[1])
engine = open_database(url)
dialog = LoginDialog(engine, centre_name="x", where=describe(url))
dialog.show()
app.processEvents()
print("ready", flush=True)
"""


def _time(cmd: list[str], runs: int, env: dict) -> tuple[float, float, float]:
    """(median, best) seconds until the process printed "ready" (or exited, for commands that
    print nothing of the kind), and the median until it exited."""
    ready, ended = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, cwd=REPO, text=True)
        at = None
        for line in proc.stdout:
            if line.strip() == "ready" and at is None:
                at = time.perf_counter() - start
        if proc.wait() != 0:
            raise SystemExit(f"failed: {cmd}")
        ended.append(time.perf_counter() - start)
        ready.append(at if at is not None else ended[-1])
    return statistics.median(ready), min(ready), statistics.median(ended)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    py = sys.executable
    rows = [
        ("main window ready (cold start)", [py, "-c", MAIN_WINDOW, args.db]),
        ("login dialog shown", [py, "-c", LOGIN, args.db]),
        ("tiaojie cases --json --limit 1", [py, "-m", "desktop", "--db", args.db, "cases", "--json", "--limit", "1"]),
        ("tiaojie --version", [py, "-m", "desktop", "--version"]),
        ("bare python -c pass", [py, "-c", "pass"]),
    ]
    _time(rows[0][1], 1, env)  # warm the OS file cache once; "cold" = fresh process
    print(f"{'what':<36}{'median s':>10}{'best s':>10}{'exit s':>10}")
    for label, cmd in rows:
        median, best, ended = _time(cmd, args.runs, env)
        print(f"{label:<36}{median:>10.3f}{best:>10.3f}{ended:>10.3f}")


if __name__ == "__main__":
    main()
