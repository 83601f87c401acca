#!/usr/bin/env bash
# Smoke test of the built Linux bundle (installers/build.sh → dist/tiaojie/). Exits non-zero on
# the first failure. Needs poppler-utils (pdffonts, pdftotext) and python3; uses strace, when it
# works, to prove that the PDF fonts are read from the bundle.
#
#   installers/smoke_test.sh                 # tests dist/tiaojie
#   BUNDLE=/opt/tiaojie installers/smoke_test.sh
#
# Checks: --version; the main screen rendered offscreen against a fresh SQLite file (migrated to
# the newest schema by the bundled Alembic scripts) and, when TIAOJIE_TEST_PG_URL is set, a fresh
# PostgreSQL database; a backup; the default database, the GUI start-up and its log file in the
# per-user data directory; a printed agreement (with a rare-character name) and a monthly report
# whose fonts are all embedded subsets of the bundled fonts, read from the bundle; nothing written
# inside the bundle; bundle size ≤ MAX_MB (150, in MiB as du -sm counts).
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=${BUNDLE:-dist/tiaojie}
BUNDLE=$(cd "$BUNDLE" && pwd -P)
EXE=$BUNDLE/tiaojie
MAX_MB=${MAX_MB:-150}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
ok() { echo "  ok  $*"; }
run() { "$EXE" "$@" 2>"$TMP/stderr" || { cat "$TMP/stderr" >&2; fail "tiaojie $*"; }; }

# A machine of its own: no display, an empty home, no database settings from outside.
export QT_QPA_PLATFORM=offscreen HOME=$TMP/home XDG_DATA_HOME=$TMP/home/.local/share
export XDG_CONFIG_HOME=$TMP/home/.config XDG_CACHE_HOME=$TMP/home/.cache
unset TIAOJIE_DB TIAOJIE_DATA_DIR TIAOJIE_LANG
mkdir -p "$HOME"
touch "$TMP/started"
echo "== smoke test of $BUNDLE"

# 1. The version, as in pyproject.toml.
[ -x "$EXE" ] || fail "$EXE missing"
want=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -n1)
got=$(run --version)
[ "$got" = "tiaojie $want" ] || fail "--version printed '$got', expected 'tiaojie $want'"
ok "$got"

# 2. The main screen, offscreen, against a fresh SQLite file: migrated, seeded, rendered.
fresh=$TMP/fresh.sqlite3
run screenshot --screen main --out "$TMP/main.png" --db "sqlite:///$fresh" >/dev/null
"$EXE" db current --db "sqlite:///$fresh" >"$TMP/current" 2>&1 \
    || fail "fresh database not at the newest schema: $(cat "$TMP/current")"
python3 - "$TMP/main.png" <<'EOF' || fail "main.png is not a 1280×800 screenshot with content"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 800), (width, height)
# Decode the first pixel of every 8th row from the raw scanlines: a real screen has many colours.
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + length]
    pos += 12 + length
raw = zlib.decompress(idat)
assert len(set(raw)) > 32, "almost uniform image"
EOF
ok "main screen rendered ($(du -k "$TMP/main.png" | cut -f1) KB), fresh SQLite migrated: $(cat "$TMP/current")"

# 2b. A PostgreSQL server (when the CI's TIAOJIE_TEST_PG_URL is set): the bundled psycopg and
#     migrations on a throwaway database.
if [ -n "${TIAOJIE_TEST_PG_URL:-}" ] && command -v psql >/dev/null; then
    admin_url=${TIAOJIE_TEST_PG_URL/+psycopg/}
    pgdb=tiaojie_smoke_$$
    psql -q "$admin_url" -c "CREATE DATABASE $pgdb" || fail "cannot create database $pgdb"
    trap 'psql -q "$admin_url" -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
    pg_url=${TIAOJIE_TEST_PG_URL%/*}/$pgdb
    run db upgrade --db "$pg_url" >/dev/null
    run cases --json --db "$pg_url" >"$TMP/pg_cases.json"
    [ "$(cat "$TMP/pg_cases.json")" = "[]" ] || fail "cases on a fresh PostgreSQL database: $(cat "$TMP/pg_cases.json")"
    ok "PostgreSQL: $("$EXE" db current --db "$pg_url" 2>&1)"
fi

# 2c. A backup of the fresh database (when this version has the backup command).
if "$EXE" --help 2>/dev/null | grep -q "^  backup "; then
    run backup "$TMP/backup.zip" --db "sqlite:///$fresh" >/dev/null
    python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None and "manifest.json" in z.namelist()' \
        "$TMP/backup.zip" || fail "backup.zip is not a valid backup"
    ok "backup of the fresh database ($(du -k "$TMP/backup.zip" | cut -f1) KB)"
fi

# 3. Without --db the database is created in the per-user data directory.
run db upgrade >/dev/null
[ -f "$XDG_DATA_HOME/tiaojie/tiaojie.sqlite3" ] || fail "default database not in $XDG_DATA_HOME/tiaojie"
ok "default database in the per-user data directory"

# 3b. The GUI starts (login dialog, offscreen) and logs into the per-user data directory.
rc=0
timeout 20 "$EXE" --db "sqlite:///$fresh" >"$TMP/gui.out" 2>&1 || rc=$?
[ "$rc" -eq 124 ] || { cat "$TMP/gui.out" >&2; fail "the GUI exited with status $rc instead of waiting at the login"; }
log=$XDG_DATA_HOME/tiaojie/logs/tiaojie.log
grep -q "starting tiaojie" "$log" 2>/dev/null || fail "no start-up entry in $log"
ok "GUI waits at the login; log file in the per-user data directory"

# 4. PDFs, with fonts from the bundle only.
demo=sqlite:///$TMP/demo.sqlite3
run --db "$demo" demo --cases 40 --seed 7 >/dev/null
run --db "$demo" cases --status agreed --limit 1 --json >"$TMP/cases.json"
number=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["number"])' "$TMP/cases.json") \
    || fail "no agreed case in the demo database"
# A rare-character name (𠮷 U+20BB7, Ext-B), so the fallback font must come from the bundle too.
python3 - "$TMP/demo.sqlite3" <<'EOF2' || fail "could not give the demo parties a rare-character name"
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as conn:
    conn.execute("UPDATE parties SET name = '张\U00020BB7' WHERE kind = 'person'")
EOF2
month=$(date +%Y-%m)
print_cmd=("$EXE" --db "$demo" print agreement "$number" --out "$TMP/agreement.pdf")
if strace -f -qq -e trace=none true 2>/dev/null; then
    strace -f -qq -e trace=open,openat -o "$TMP/trace" "${print_cmd[@]}" 2>"$TMP/stderr" \
        || { cat "$TMP/stderr" >&2; fail "tiaojie print agreement"; }
    grep -E '\.(ttf|ttc|otf|pfb|afm)"' "$TMP/trace" | grep -v ENOENT | sed -n 's/.*"\(.*\)".*/\1/p' \
        | sort -u >"$TMP/fonts_opened"
    [ -s "$TMP/fonts_opened" ] || fail "print opened no font file at all"
    if grep -v "^$BUNDLE/" "$TMP/fonts_opened"; then fail "print read the font files above from outside the bundle"; fi
    ok "print read its fonts from the bundle only: $(xargs -n1 basename <"$TMP/fonts_opened" | tr '\n' ' ')"
else
    echo "  (strace not usable here: font file paths not traced, font names checked below)"
    "${print_cmd[@]}" 2>"$TMP/stderr" || { cat "$TMP/stderr" >&2; fail "tiaojie print agreement"; }
fi
run --db "$demo" stats --month "$month" --pdf "$TMP/report.pdf" >/dev/null
for pdf in agreement report; do
    file=$TMP/$pdf.pdf
    [ -s "$file" ] || fail "$pdf.pdf not written"
    pdffonts "$file" | tail -n +3 >"$TMP/fonts" || fail "pdffonts $pdf.pdf"
    [ -s "$TMP/fonts" ] || fail "$pdf.pdf has no fonts"
    # name type encoding emb sub uni …: every font an embedded subset of a bundled font.
    bad=$(awk '!($1 ~ /^[A-Z]{6}\+(DroidSansFallback|DejaVuSans|TJRareHan)/ && $(NF-4) == "yes" && $(NF-3) == "yes")' "$TMP/fonts")
    [ -z "$bad" ] || fail "$pdf.pdf has fonts that are not embedded subsets of the bundled fonts: $bad"
    ok "$pdf.pdf: $(wc -l <"$TMP/fonts") fonts, all embedded subsets ($(awk '{print $1}' "$TMP/fonts" | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' '))"
done
pdffonts "$TMP/agreement.pdf" | grep -q "+TJRareHanA" || fail "agreement.pdf: 𠮷 not printed with the bundled TJRareHanA"
pdftotext "$TMP/agreement.pdf" "$TMP/agreement.txt" && grep -q "人民调解协议书" "$TMP/agreement.txt" \
    || fail "agreement.pdf: no title text"
pdftotext "$TMP/report.pdf" "$TMP/report.txt" && grep -q "统计月报" "$TMP/report.txt" \
    || fail "report.pdf: no title text"
ok "PDF text: 人民调解协议书 $number, $(head -n 3 "$TMP/report.txt" | tr -s '\n' ' ')"

# 5. User data never beside the executable.
written=$(find "$BUNDLE" -newer "$TMP/started" | head -n 5)
[ -z "$written" ] || fail "files written inside the bundle: $written"
ok "nothing written inside the bundle"

# 6. Size.
size=$(du -sm "$BUNDLE" | cut -f1)
[ "$size" -le "$MAX_MB" ] || fail "bundle is ${size} MB (limit ${MAX_MB} MB)"
ok "bundle size ${size} MB ≤ ${MAX_MB} MB"
echo "== smoke test passed"
