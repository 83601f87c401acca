"""Start-up times of the real ``tiaojie`` (desktop.cli.main → desktop.app.run_gui), wall clock
from outside the process, interpreter start included.

    python bench/bench_startup.py --db sqlite:////tmp/stats/demo1m.sqlite3 [--runs 9] [--user zhuren]

The harness only stands in for the user: it types the name and password of ``--user`` (password
``demo1234``, the demo's) into the login dialog, and once the main window is up opens the case
list and checks it shows cases, then quits. Rows:

1. the login dialog on screen and taking keys — the first window; the database opens (and the
   ORM is imported) behind it;
2. the database open behind the dialog (its title shows the centre's name; a login can go ahead);
3. then the main window's modules loaded behind it too (desktop.app.preload_screens);
4. a user who types at human speed (all that is done before Enter): Enter → main window
   with the home screen, then the case list's first page — what the user waits for after login;
5. a user who presses Enter the instant the dialog shows: start → the main window painted
   (its home screen's figures are still being read, on a worker), then → its case list's
   first page too (the worst case: everything in one wait; the password is checked while the
   database opens);
6. a non-GUI CLI command (``tiaojie cases --json --limit 1``), ``tiaojie --version`` and a bare
   interpreter for reference.

Checking the password is argon2 (64 MiB, 3 passes: ≈ 0.15 s here) by design; it is in 4 and 5.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Runs the application; prints "<event> <seconds since the process started>" lines.
HARNESS = r"""
import os, sys, time
from PySide6.QtCore import QTimer
START = float(os.environ["BENCH_SPAWNED"])  # perf_counter is the system's monotonic clock on Linux
def mark(event):
    print(event, f"{time.perf_counter() - START:.4f}", flush=True)
url, user, mode = sys.argv[1:4]
import desktop.app as app_module
import desktop.login as login_module
enter = {}
dialogs = []
class BenchLogin(login_module.LoginDialog):
    def exec(self):
        dialogs.append(self)
        self.show()
        QTimer.singleShot(0, lambda: mark("login"))
        if mode == "instant":
            QTimer.singleShot(0, self.type_and_enter)
        return super().exec()
    def type_and_enter(self):
        self.username.setText(user)
        self.password.setText("demo1234")
        enter["at"] = time.perf_counter()
        self.try_login()
    def set_database(self, *args):
        mark("open")
        super().set_database(*args)
login_module.LoginDialog = BenchLogin
real_settle = app_module.settle_imports
def settle():
    real_settle()
    if dialogs and dialogs[-1].isVisible():  # behind the dialog: the main window's modules are loaded
        mark("ready")
        if mode == "typed":
            QTimer.singleShot(0, dialogs[-1].type_and_enter)
app_module.settle_imports = settle
real_main_window = app_module._main_window
def main_window(app, tasks, opened, url, user_row):
    import desktop.main_window as mw
    real_show = mw.MainWindow.show
    def show(window):
        real_show(window)
        app.processEvents()
        mark("window")
        assert window.show_screen("cases").model.rowCount() > 0
        app.processEvents()
        mark("main")
        print("after_enter", f"{time.perf_counter() - enter['at']:.4f}", flush=True)
        QTimer.singleShot(0, app.quit)
    mw.MainWindow.show = show
    return real_main_window(app, tasks, opened, url, user_row)
app_module._main_window = main_window
from desktop.cli import main
sys.exit(main(["--db", url]))
"""


def _events(cmd: list[str], env: dict) -> dict[str, float]:
    """Run ``cmd``; the seconds from spawning it to each event it printed, and to its exit."""
    spawned = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env={**env, "BENCH_SPAWNED": repr(spawned)}, cwd=REPO,
                            text=True)
    events: dict[str, float] = {}
    for line in proc.stdout:
        parts = line.split()
        if len(parts) == 2:
            with contextlib.suppress(ValueError):
                events[parts[0]] = float(parts[1])
    if proc.wait() != 0:
        raise SystemExit(f"failed: {' '.join(cmd[:4])}")
    events["exit"] = time.perf_counter() - spawned
    return events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--user", default="zhuren", help="demo account to log in as (home screen of its role)")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    # As on a user's PC: Python keeps the compiled bytecode of our modules (a bundle ships it).
    # Some build and CI shells set PYTHONDONTWRITEBYTECODE, which makes every start compile the
    # ~80 modules of core/, db/ and desktop/ again (≈ 0.1 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    app = [py, "-c", HARNESS, args.db, args.user]
    _events(app + ["typed"], env)  # warm the OS file cache and the bytecode once

    typed = [_events(app + ["typed"], env) for _ in range(args.runs)]
    instant = [_events(app + ["instant"], env) for _ in range(args.runs)]
    rows = [
        ("login dialog on screen (first window)", [e["login"] for e in typed]),
        ("database open behind it", [e["open"] for e in typed]),
        ("main window's modules loaded behind it", [e["ready"] for e in typed]),
        ("typed at human speed: Enter → main window", [e["after_enter"] for e in typed]),
        ("Enter at once: start → main window painted", [e["window"] for e in instant]),
        ("Enter at once: start → … and the case list", [e["main"] for e in instant]),
    ]
    for label, cmd in (("tiaojie cases --json --limit 1",
                        [py, "-m", "desktop", "--db", args.db, "cases", "--json", "--limit", "1"]),
                       ("tiaojie --version", [py, "-m", "desktop", "--version"]),
                       ("bare python -c pass", [py, "-c", "pass"])):
        rows.append((label, [_events(cmd, env)["exit"] for _ in range(args.runs)]))
    print(f"{'what':<44}{'median s':>10}{'best s':>10}")
    for label, samples in rows:
        print(f"{label:<44}{statistics.median(samples):>10.3f}{min(samples):>10.3f}")
    print(f"(runs={args.runs}, user={args.user}, load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
