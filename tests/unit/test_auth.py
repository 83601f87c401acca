from datetime import datetime, timedelta

import pytest

from core.auth import (
    INITIAL_ADMIN_PASSWORD,
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    AuthError,
    PermissionDenied,
    change_password,
    login,
    require,
)
from tests.conftest import TEST_PASSWORD


def test_fresh_database_has_an_admin_who_must_change_password(sqlite_engine):
    admin = login(sqlite_engine, "admin", INITIAL_ADMIN_PASSWORD)
    assert admin.role == "admin" and admin.must_change_password
    changed = change_password(sqlite_engine, admin, INITIAL_ADMIN_PASSWORD, "Quzhou2026")
    assert not changed.must_change_password
    assert not login(sqlite_engine, "admin", "Quzhou2026").must_change_password


def test_weak_new_password_refused(sqlite_engine):
    admin = login(sqlite_engine, "admin", INITIAL_ADMIN_PASSWORD)
    with pytest.raises(AuthError, match="至少8位"):
        change_password(sqlite_engine, admin, INITIAL_ADMIN_PASSWORD, "abc1")
    with pytest.raises(AuthError, match="字母和数字"):
        change_password(sqlite_engine, admin, INITIAL_ADMIN_PASSWORD, "12345678")


def test_wrong_password_then_lockout_for_15_minutes(engine, users):
    now = datetime(2026, 11, 20, 9, 0)
    for attempt in range(1, MAX_FAILED_LOGINS):
        with pytest.raises(AuthError, match=f"再错{MAX_FAILED_LOGINS - attempt}次"):
            login(engine, "qiantai", "wrong", now=now)
    with pytest.raises(AuthError, match="已锁定"):
        login(engine, "qiantai", "wrong", now=now)
    # Even the right password is refused while locked …
    with pytest.raises(AuthError, match="锁定"):
        login(engine, "qiantai", TEST_PASSWORD, now=now + timedelta(minutes=LOCK_MINUTES - 1))
    # … and accepted after the lock expires.
    user = login(engine, "qiantai", TEST_PASSWORD, now=now + timedelta(minutes=LOCK_MINUTES, seconds=1))
    assert user.username == "qiantai"


def test_unknown_user_gets_the_same_message(sqlite_engine):
    with pytest.raises(AuthError, match="用户名或密码不正确"):
        login(sqlite_engine, "nobody", "x")


def test_permissions_are_checked_in_the_core(engine, users):
    require(users["reception"], "intake")
    with pytest.raises(PermissionDenied):
        require(users["reception"], "users")
    with pytest.raises(PermissionDenied):
        require(users["admin"], "intake")


def test_a_password_checked_ahead_is_not_checked_again(engine, users, monkeypatch):
    """The login dialog checks a password typed before the database is open on a worker, from
    the SQLite file (core.passwords.check_ahead); login() takes that answer for that very hash
    and password, and still decides everything else."""
    import core.auth as auth
    from core.passwords import PasswordCheck, check_ahead

    url = engine.url.render_as_string(hide_password=False)
    right, wrong = check_ahead(url, " qiantai ", TEST_PASSWORD), check_ahead(url, "qiantai", "wrong")
    if engine.dialect.name != "sqlite":  # only a SQLite file at this schema is read ahead
        assert right is None and wrong is None
        return
    assert right.ok and not wrong.ok and right.password_hash == wrong.password_hash
    assert check_ahead(url, "nobody", TEST_PASSWORD) is None
    assert TEST_PASSWORD not in repr(right)

    def no_second_check(*_args):
        raise AssertionError("argon2 ran again")

    monkeypatch.setattr(auth, "verify_password", no_second_check)
    assert login(engine, "qiantai", TEST_PASSWORD, checked=right).username == "qiantai"
    with pytest.raises(AuthError, match="再错4次"):  # a wrong password still counts as a failure
        login(engine, "qiantai", "wrong", checked=wrong)
    monkeypatch.undo()
    # An answer for another password or another hash is not taken: checked again, properly.
    with pytest.raises(AuthError, match="再错3次"):
        login(engine, "qiantai", "wrong", checked=right)
    changed_since = PasswordCheck(right.password_hash + "x", TEST_PASSWORD, False)  # e.g. reset meanwhile
    assert login(engine, "qiantai", TEST_PASSWORD, checked=changed_since).username == "qiantai"


def test_no_password_is_checked_ahead_where_the_file_cannot_be_read_as_ours(tmp_path):
    from core.passwords import check_ahead

    assert check_ahead("postgresql+psycopg://u@h/db", "admin", "x") is None
    assert check_ahead(f"sqlite:///{tmp_path / 'missing.sqlite3'}", "admin", "x") is None
    assert not (tmp_path / "missing.sqlite3").exists()  # read-only: nothing created
    old = tmp_path / "old.sqlite3"
    import sqlite3

    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    assert check_ahead(f"sqlite:///{old}", "admin", "x") is None  # another schema: login() checks
