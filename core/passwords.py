"""Password hashes (argon2id), and checking a password before the database is open.

Checking a password is argon2 with RFC 9106's second recommended parameters (64 MiB, 3 passes,
4 lanes: ≈ 0.15–0.2 s on the centre's PCs) by design. When the user presses Enter in the login
dialog before the database has finished opening behind it — importing SQLAlchemy's ORM, the
models and the screens takes longer than that —, the password can already be checked against
the hash in the SQLite file, on the second core while the first one goes on opening.
:func:`core.auth.login` then takes that result instead of checking again, provided the stored
hash and the password are still the ones checked; everything else a login decides (unknown or
inactive account, lock-out, counting failures, the audit entry) stays in ``login``.

No SQLAlchemy here: this runs while it is being imported.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache

from db.plain_sql import Rows, SqliteRows, open_current_sqlite


@lru_cache(maxsize=1)
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class PasswordCheck:
    """``password`` checked against ``password_hash``: valid only for that pair."""

    password_hash: str
    password: str = field(repr=False)
    ok: bool

    def answers(self, password_hash: str, password: str) -> bool:
        return self.password_hash == password_hash and self.password == password


def stored_password_hash(rows: Rows, username: str) -> str | None:
    found = rows.all("SELECT password_hash FROM users WHERE username = :username", username=username.strip())
    return found[0][0] if found else None


def check_ahead(url: str, username: str, password: str) -> PasswordCheck | None:
    """Check ``password`` against the hash stored for ``username`` in the SQLite file of ``url``
    (read-only, only at this client's schema). ``None`` when that is not possible — another
    engine, an older schema, no such user —: ``login`` then checks as always."""
    conn = open_current_sqlite(url)
    if conn is None:
        return None
    try:
        password_hash = stored_password_hash(SqliteRows(conn), username)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if password_hash is None:
        return None
    return PasswordCheck(password_hash, password, verify_password(password_hash, password))
