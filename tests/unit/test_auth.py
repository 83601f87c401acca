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
