"""Telling a lost database connection (server stopped, network cable out, PC asleep) from any
other error: the first is worth waiting out and retrying, the others are the user's to fix."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

from core.messages import msg

# Words of the drivers' messages when the other end has gone (psycopg, libpq, sqlite3).
_LOST = (
    "connection refused", "could not connect", "server closed the connection", "terminating connection",
    "connection is closed", "connection timed out", "no route to host", "network is unreachable",
    "the database system is starting up", "the database system is shutting down",
    "consuming input failed", "ssl syscall error", "eof detected", "connection reset",
    "unable to open database file", "disk i/o error",
)


def is_connection_lost(error: BaseException) -> bool:
    """True for an error after which the same unit of work may well succeed once the database is
    reachable again — never for a refused input, a permission or a constraint."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
            return True
        if isinstance(error, sa_exc.IntegrityError | sa_exc.ProgrammingError | sa_exc.DataError):
            return False
        if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError | ConnectionError | OSError):
            text = str(error).lower()
            if isinstance(error, ConnectionError) or any(w in text for w in _LOST):
                return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


LOST_MESSAGE = msg("与数据库的连接中断（服务器未响应或网络不通）")
