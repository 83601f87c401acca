"""Rotating log files in the per-user data directory, scrubbed of personal data, and the
"export diagnostics" bundle an admin can send to support."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from datetime import datetime
from pathlib import Path

from db.engine import data_dir

LOG_FILE = "tiaojie.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# ID numbers, USCCs, phone numbers and long digit runs never reach the log files.
_SENSITIVE = re.compile(r"(?<![0-9A-Za-z])(?:[0-9A-Z]{15,18}|1[3-9][0-9]{9}|[0-9]{6,})(?![0-9A-Za-z])")


def scrub(text: str) -> str:
    return _SENSITIVE.sub("[已隐去]", text)


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to ``<data dir>/logs/tiaojie.log`` (1 MB × 5 files). Idempotent."""
    root = logging.getLogger()
    path = log_dir() / LOG_FILE
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(_ScrubFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return path


def export_diagnostics(out: Path, *, db_url: str | None = None) -> Path:
    """A zip with the logs, the versions and the database kind — no personal data
    (logs are scrubbed when written; the database URL is reduced to its kind)."""
    import json  # here, not at the top: every GUI start sets up logging
    import platform
    import zipfile

    from core.version import version

    info = {
        "app_version": version(),
        "python": sys.version,
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "database_kind": _db_kind(db_url),
        "libraries": _library_versions(),
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("about.json", json.dumps(info, ensure_ascii=False, indent=2))
        for log in sorted(log_dir().glob(f"{LOG_FILE}*")):
            zf.writestr(f"logs/{log.name}", scrub(log.read_text("utf-8", errors="replace")))
    return out


def _db_kind(url: str | None) -> str:
    if not url:
        return "unknown"
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite" if url.startswith("sqlite") else "other"


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    names = ("PySide6-Essentials", "SQLAlchemy", "alembic", "psycopg", "reportlab", "openpyxl",
             "chinesecalendar", "pypinyin", "phonenumbers", "keyring", "argon2-cffi")
    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found
