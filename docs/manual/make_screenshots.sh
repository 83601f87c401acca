#!/usr/bin/env bash
# Regenerate every screenshot of the user manual (docs/manual/screenshots/<screen>.png) from a
# fresh demo database — one command:
#
#   docs/manual/make_screenshots.sh
#
# Uses the Python of .venv if present, else python3 (PYTHON=… to choose). Renders offscreen (no
# display needed) with `tiaojie screenshot`: every screen listed in desktop/navigation.py, as
# the role that uses it day to day, plus the login and About dialogs. The day views (日程（日）,
# 今日预约) show the next working day when the script runs on a weekend or holiday, so they
# are never empty. Takes a few minutes (most of it creating 3000 demo cases).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
OUT=docs/manual/screenshots
CASES=${CASES:-3000}
# A fixed, readable path: it appears in the status bar of every screenshot.
WORK=${TMPDIR:-/tmp}/tiaojie-manual
rm -rf "$WORK" && mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen TIAOJIE_DATA_DIR=$WORK/data PYTHONPATH=.
unset TIAOJIE_DB TIAOJIE_LANG
db=sqlite:///$WORK/演示数据.sqlite3

echo "== demo database ($CASES cases, seed 7)"
"$PY" -m desktop --db "$db" demo --cases "$CASES" --seed 7
# A morning at the counter, whatever day the script runs: visitors waiting, two being served.
"$PY" - "$db" <<'EOF'
import sys
from datetime import datetime, timedelta

from core import queue
from core.database import open_database
from desktop.screenshots import user_for_role

engine = open_database(sys.argv[1])
clerk = user_for_role(engine, "reception")
start = datetime.now() - timedelta(minutes=40)
for i, code in enumerate(["traffic", "medical", "labour", "general", "traffic", "medical", "land", "labour"]):
    queue.take_ticket(engine, clerk, code, now=start + timedelta(minutes=4 * i))
queue.call_next(engine, clerk, None, "1号窗口", now=start + timedelta(minutes=33))
queue.call_next(engine, clerk, None, "2号窗口", now=start + timedelta(minutes=35))
EOF

# screen key and the role whose work it shows (the first listed role unless named here).
"$PY" - >"$WORK/screens" <<'EOF'
from desktop.navigation import SCREENS

PREFERRED = {
    "cases": "reception", "booking": "reception", "calendar_day": "reception",
    "calendar_week": "reception", "today": "reception", "case_detail": "mediator",
    "print_preview": "mediator", "followups": "mediator", "deadlines": "mediator",
    "experts": "reception", "expert_detail": "reception",
}
print("login reception")
print("main reception")
print("connection admin")  # 系统 → 数据库连接… (a dialog, not a navigation screen)
for s in SCREENS:
    role = PREFERRED.get(s.key, s.roles[0])
    print(s.key, role if role in s.roles else s.roles[0])
EOF

# `tiaojie screenshot`, with screens that show one day (set_day) moved to a working day, and two
# seconds for screens that finish drawing asynchronously.
cat >"$WORK/shot.py" <<'EOF'
import sys
import time
from datetime import date, timedelta

from PySide6.QtWidgets import QApplication, QMainWindow

from core.calendar_overrides import load_calendar
from core.database import open_database
from core.uow import read_only
from desktop import main_window
from desktop.cli import main

with read_only(open_database(sys.argv[sys.argv.index("--db") + 1])) as session:
    calendar = load_calendar(session)
day = date.today()
while not calendar.is_workday(day):
    day += timedelta(days=1)

show_screen = main_window.MainWindow.show_screen


def show_on_workday(self, key):
    widget = show_screen(self, key)
    if widget is not None and hasattr(widget, "set_day") and day != date.today():
        widget.set_day(day)
    return widget


def grab_when_painted(self, *args):
    # Some screens finish drawing asynchronously (the PDF preview renders its pages in a thread).
    end = time.monotonic() + 2.0
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.05)
    return QMainWindow.grab(self, *args)


main_window.MainWindow.show_screen = show_on_workday
main_window.MainWindow.grab = grab_when_painted
sys.exit(main(["screenshot", *sys.argv[1:]]))
EOF

mkdir -p "$OUT"
rm -f "$OUT"/*.png
failed=0
while read -r screen role; do
    if "$PY" "$WORK/shot.py" --screen "$screen" --role "$role" --db "$db" \
            --out "$OUT/$screen.png" >/dev/null 2>"$WORK/err" </dev/null; then
        echo "  $screen ($role)"
    else
        echo "  $screen ($role) FAILED: $(tail -n 3 "$WORK/err")" >&2
        failed=1
    fi
done <"$WORK/screens"

# The About dialog (帮助 → 关于), which is not a navigation screen.
"$PY" - "$OUT/about.png" <<'EOF'
import sys

from desktop.about import AboutDialog
from desktop.app import create_application

app = create_application()
dialog = AboutDialog()
dialog.show()
app.processEvents()
dialog.grab().save(sys.argv[1])
EOF
echo "  about"
echo "== $(ls "$OUT"/*.png | wc -l) screenshots in $OUT"
exit $failed
