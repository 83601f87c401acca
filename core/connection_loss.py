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


# SQLSTATEs of a connection gone (class 08) or of a server shutting down or starting up
# (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
_LOST_STATES = ("57P01", "57P02", "57P03")

# The DB-API's own classes (psycopg, sqlite3) reach us unwrapped where a driver's cursor is
# used directly — the change feed's NOTIFY in the commit hook, say.
_DBAPI_OPERATIONAL = ("OperationalError", "InterfaceError")


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
        state = getattr(error, "sqlstate", None)
        if isinstance(state, str) and (state.startswith("08") or state in _LOST_STATES):
            return True
        dbapi = any(c.__name__ in _DBAPI_OPERATIONAL for c in type(error).__mro__)
        if dbapi or isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError | ConnectionError | OSError):
            text = str(error).lower()
            if isinstance(error, ConnectionError) or any(w in text for w in _LOST):
                return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


LOST_MESSAGE = msg("与数据库的连接中断（服务器未响应或网络不通）")
