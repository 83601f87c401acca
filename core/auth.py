"""Staff accounts: argon2 password hashes, login with lock-out, roles and permissions.

Permissions are checked here in the core use cases (``require``), not by hiding buttons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import audit
from core.uow import unit_of_work
from db.codes import ROLES
from db.models import Committee, User

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
INITIAL_ADMIN_PASSWORD = "admin"  # must be changed at first login


@dataclass(frozen=True)
class CurrentUser:
    """Who is working; handed to every use case and every screen."""

    id: int
    username: str
    full_name: str
    role: str
    committee_codes: tuple[str, ...] = field(default_factory=tuple)
    must_change_password: bool = False

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)


class AuthError(Exception):
    """A login or password problem, with a message for the user."""


class PermissionDenied(Exception):
    pass


# What each role may do (issue 7's matrix; use cases call ``require``).
PERMISSIONS: dict[str, frozenset[str]] = {
    "reception": frozenset(
        {"queue", "intake", "cases.read", "booking", "experts.read", "documents.print"}
    ),
    "mediator": frozenset(
        {"cases.read", "cases.mediate", "sessions", "agreements", "followups", "experts.read",
         "booking", "documents.print"}
    ),
    "director": frozenset(
        {"cases.read", "cases.read_all", "experts.read", "statistics", "reports", "documents.print",
         "audit.read"}
    ),
    "admin": frozenset({"users", "settings", "backups", "audit.read", "experts.read", "experts.edit"}),
}


def can(user: CurrentUser, permission: str) -> bool:
    return permission in PERMISSIONS.get(user.role, frozenset())


def require(user: CurrentUser, permission: str) -> None:
    if not can(user, permission):
        raise PermissionDenied(f"{user.role_name}无权执行此操作（{permission}）")


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


def current_user_of(user: User) -> CurrentUser:
    return CurrentUser(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        committee_codes=tuple(sorted(c.code for c in user.committees)),
        must_change_password=user.must_change_password,
    )


def login(engine: Engine, username: str, password: str, *, now: datetime | None = None) -> CurrentUser:
    """Check a password; five failures lock the account for fifteen minutes.

    A refusal is committed (failure count, lock, audit entry) before it is raised."""
    now = now or datetime.now()
    username = username.strip()
    refusal: str | None = None
    with unit_of_work(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            audit.record(session, None, "login.failed", entity="user", detail=username)
            refusal = "用户名或密码不正确"
        elif user.locked_until and user.locked_until > now:
            minutes = int((user.locked_until - now).total_seconds() // 60) + 1
            audit.record(session, None, "login.locked", entity="user", entity_id=user.id)
            refusal = f"密码连续输错{MAX_FAILED_LOGINS}次，账号已锁定，请{minutes}分钟后再试"
        elif not verify_password(user.password_hash, password):
            user.failed_logins += 1
            left = MAX_FAILED_LOGINS - user.failed_logins
            if left <= 0:
                user.failed_logins = 0
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                audit.record(session, None, "login.lock", entity="user", entity_id=user.id)
                refusal = f"密码连续输错{MAX_FAILED_LOGINS}次，账号已锁定{LOCK_MINUTES}分钟"
            else:
                audit.record(session, None, "login.failed", entity="user", entity_id=user.id)
                refusal = f"用户名或密码不正确（再错{left}次将锁定账号）"
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            current = current_user_of(user)
            audit.record(session, current, "login", entity="user", entity_id=user.id)
    if refusal:
        raise AuthError(refusal)
    return current


def validate_new_password(password: str, *, username: str = "") -> str | None:
    """A Chinese message when the new password is not acceptable, else None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"新密码至少{MIN_PASSWORD_LENGTH}位"
    if password.isdigit() or password.isalpha():
        return "新密码须同时包含字母和数字"
    if username and password.lower() == username.lower():
        return "新密码不能与用户名相同"
    return None


def change_password(engine: Engine, actor: CurrentUser, old: str, new: str) -> CurrentUser:
    problem = validate_new_password(new, username=actor.username)
    if problem:
        raise AuthError(problem)
    with unit_of_work(engine) as session:
        user = session.get(User, actor.id)
        if user is None or not verify_password(user.password_hash, old):
            raise AuthError("原密码不正确")
        user.password_hash = hash_password(new)
        user.must_change_password = False
        audit.record(session, actor, "password.change", entity="user", entity_id=user.id)
        return current_user_of(user)


def create_user(
    session: Session,
    actor: CurrentUser | None,
    *,
    username: str,
    full_name: str,
    role: str,
    password: str | None = None,
    password_hash: str | None = None,
    committee_codes: tuple[str, ...] = (),
    must_change_password: bool = True,
) -> User:
    if actor is not None:
        require(actor, "users")
    if role not in ROLES:
        raise ValueError(f"未知角色：{role}")
    user = User(
        username=username,
        full_name=full_name,
        role=role,
        password_hash=password_hash or hash_password(password or ""),
        must_change_password=must_change_password,
    )
    if committee_codes:
        user.committees = list(
            session.scalars(select(Committee).where(Committee.code.in_(committee_codes)))
        )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", entity="user", entity_id=user.id,
                 after={"username": username, "role": role})
    return user


def ensure_admin(session: Session) -> None:
    """A fresh database gets one admin whose initial password must be changed."""
    if session.scalar(select(User.id).where(User.role == "admin").limit(1)) is None:
        create_user(
            session,
            None,
            username="admin",
            full_name="系统管理员",
            role="admin",
            password=INITIAL_ADMIN_PASSWORD,
            must_change_password=True,
        )
