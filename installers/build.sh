#!/usr/bin/env bash
# Build the one-folder bundle dist/tiaojie/ (executable dist/tiaojie/tiaojie) on Linux or macOS.
#
#   installers/build.sh                                # Python of .venv if present, else python3
#   PYTHON=/path/to/venv/bin/python installers/build.sh
#
# The Python used must have the app's dependencies installed (pip install -e .); PyInstaller is
# installed into it here. Prints the bundle size and the build time and fails if the bundle is
# larger than MAX_MB (default 150). Debian needs binutils (readelf, strip, objdump).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
MAX_MB=${MAX_MB:-150}

start=$(date +%s)
"$PY" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10,<7"
"$PY" -m desktop.i18n release
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installers/tiaojie.spec
end=$(date +%s)

exe=dist/tiaojie/tiaojie
[ -x "$exe" ] || { echo "build failed: $exe missing" >&2; exit 1; }
size=$(du -sm dist/tiaojie | cut -f1)
version=$("$exe" --version)
echo "bundle: dist/tiaojie ($version, ${size} MB) built in $((end - start)) s"
if [ "$size" -gt "$MAX_MB" ]; then
    echo "bundle too large: ${size} MB > ${MAX_MB} MB" >&2
    exit 1
fi
