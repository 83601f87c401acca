"""Telling a lost connection from other errors (core.connection_loss), for the errors SQLAlchemy
wraps and for the drivers' own, which reach us unwrapped from a cursor used directly (the
change feed's NOTIFY in the commit hook)."""

from __future__ import annotations

import sqlite3

import psycopg.errors
import pytest
from sqlalchemy import exc as sa_exc

from core.connection_loss import is_connection_lost


@pytest.mark.parametrize("error", [
    psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
    psycopg.errors.CrashShutdown("terminating connection because of crash of another server process"),
    psycopg.errors.CannotConnectNow("the database system is starting up"),
    psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly"),
    psycopg.errors.ConnectionFailure("connection failure"),
    sqlite3.OperationalError("disk I/O error"),
    sqlite3.OperationalError("unable to open database file"),
    ConnectionResetError(104, "Connection reset by peer"),
    sa_exc.OperationalError("SELECT 1", {}, psycopg.OperationalError("connection refused")),
], ids=lambda e: type(e).__name__)
def test_a_connection_gone_is_lost(error):
    assert is_connection_lost(error)


@pytest.mark.parametrize("error", [
    psycopg.errors.UniqueViolation("duplicate key value violates unique constraint"),
    psycopg.errors.InsufficientPrivilege("permission denied for table cases"),
    psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
    sqlite3.OperationalError("no such table: cases"),
    sqlite3.IntegrityError("UNIQUE constraint failed: cases.number"),
    sa_exc.IntegrityError("INSERT", {}, sqlite3.IntegrityError("terminating connection")),
    ValueError("bad input"),
], ids=lambda e: type(e).__name__)
def test_other_errors_are_not(error):
    assert not is_connection_lost(error)


def test_a_lost_connection_behind_another_error_is_found():
    try:
        try:
            raise psycopg.errors.AdminShutdown("terminating connection due to administrator command")
        except psycopg.Error as inner:
            raise RuntimeError("commit failed") from inner
    except RuntimeError as outer:
        assert is_connection_lost(outer)
