"""Staff accounts: argon2 password hashes, login with lock-out, roles and permissions.

Permissions are checked here in the core use cases (``require``), not by hiding buttons.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import audit
from core.messages import code_label, msg
from core.passwords import PasswordCheck, hash_password, verify_password
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
    """A refusal: the role lacks ``permission``, or the case (``case_id``) is outside the user's
    scope. Use cases decorated with :func:`use_case` audit it ("permission.denied") once, in a
    transaction of its own, and set ``recorded``."""

    def __init__(self, message: str = "", *, permission: str = "", case_id: int | None = None) -> None:
        super().__init__(message)
        self.permission = permission
        self.case_id = case_id
        self.recorded = False


class MedicalDetailsRestricted(PermissionDenied):
    """A medical case's details (summary, parties' particulars, records, documents) asked for by
    someone outside the medical committee and the director (个人信息保护法第二十八条: medical
    information is sensitive). Carries what the case list already shows, for the screen's notice."""

    def __init__(self, message: str, *, case_id: int, number: str = "", status: str = "",
                 received_on: date | None = None) -> None:
        super().__init__(message, permission="cases.read_medical", case_id=case_id)
        self.number = number
        self.status = status
        self.received_on = received_on


MEDICAL = "medical"
MEDICAL_NOTICE = msg("医疗纠纷案件的详情（案情、当事人信息、调解记录和文书）仅限医患纠纷人民调解委员会的调解员和中心主任查看"
                     "（个人信息保护法第二十八条：医疗信息属于敏感个人信息）")


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
    # "privacy": anonymising old cases and exporting what is held about a person (个人信息保护法).
    "admin": frozenset({"users", "settings", "backups", "audit.read", "experts.read", "experts.edit",
                        "privacy"}),
}


def can(user: CurrentUser, permission: str) -> bool:
    return permission in PERMISSIONS.get(user.role, frozenset())


def require(user: CurrentUser, permission: str) -> None:
    if not can(user, permission):
        raise PermissionDenied(msg("{role}无权执行此操作（{permission}）", role=code_label(user.role_name),
                                   permission=permission), permission=permission)


# ------------------------------------------------------------------------------ case scope


def sees_medical_details(user: CurrentUser | None) -> bool:
    """The medical committee's mediators and the director (and the system, ``None``) see medical
    cases' details; reception sees them in the list only (number, date, status)."""
    if user is None:
        return True
    if can(user, "cases.read_all"):
        return True
    return user.role == "mediator" and MEDICAL in user.committee_codes


def case_scope_refusal(user: CurrentUser | None, committee: str, *, write: bool = False,
                       details: bool = True) -> str | None:
    """Why ``user`` may not read (``write=False``) or work on (``write=True``) a case of
    ``committee``; None when allowed. Permissions themselves are checked with :func:`require`.

    * mediators: only the cases of their own committees, reading or writing;
    * the director reads every case; reception reads the case list and registers and books for
      any committee, but a medical case's details (``details=True`` reads) stay with the
      medical committee and the director."""
    if user is None:
        return None
    if user.role == "mediator" and not can(user, "cases.read_all") and committee not in user.committee_codes:
        return msg("调解员只能办理本委员会的案件")
    if details and not write and committee == MEDICAL and not sees_medical_details(user):
        return MEDICAL_NOTICE
    return None


# ------------------------------------------------------------------------------ use cases

_log = logging.getLogger(__name__)
_depth: ContextVar[int] = ContextVar("use_case_depth", default=0)  # use cases calling use cases
F = TypeVar("F", bound=Callable)
_ENGINE_PARAMS = ("engine", "session_or_engine", "source", "session")
_USER_PARAMS = ("user", "actor")


def use_case(fn: F) -> F:
    """Mark a public use case: a :class:`PermissionDenied` raised anywhere inside it (``require``,
    a committee-scope check) is audited as "permission.denied" — who, which use case and
    permission, which case — in a short transaction of its own (the use case's own unit of
    work has rolled back), then re-raised. A use case calling another audits a refusal once, under
    the outer (the one asked for).

    The engine is found in the ``engine`` (or ``session_or_engine``/``source``/``session``,
    or ``url``) argument, the user in ``user`` (or ``actor``); ``user=None`` is the system
    (the local command line, scheduled jobs), which nothing refuses."""
    signature = inspect.signature(fn)
    name = f"{fn.__module__.removeprefix('core.')}.{fn.__name__}"

    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        token = _depth.set(_depth.get() + 1)
        try:
            return fn(*args, **kwargs)
        except PermissionDenied as exc:
            # Recorded by the outermost use case: the one the screen (or script) asked for.
            if not exc.recorded and _depth.get() == 1:
                exc.recorded = True
                try:
                    _record_refusal(signature, name, args, kwargs, exc)
                except Exception:  # the refusal stands even if its audit row cannot be written
                    _log.exception("could not audit the refusal of %s", name)
            raise
        finally:
            _depth.reset(token)

    guarded.use_case = name  # type: ignore[attr-defined]
    return guarded  # type: ignore[return-value]


def _record_refusal(signature: inspect.Signature, name: str, args, kwargs, exc: PermissionDenied) -> None:
    bound = signature.bind_partial(*args, **kwargs).arguments
    user = next((bound[p] for p in _USER_PARAMS if p in bound), None)
    if user is None:
        return
    engine, dispose = None, False
    for param in _ENGINE_PARAMS:
        value = bound.get(param)
        if isinstance(value, Engine):
            engine = value
        elif isinstance(value, Session):
            engine = value.get_bind()
        if engine is not None:
            break
    if engine is None and isinstance(bound.get("url"), str):
        from db.engine import make_engine

        engine, dispose = make_engine(bound["url"]), True
    if engine is None:
        _log.warning("refusal of %s not audited: no engine argument", name)
        return
    case_id = exc.case_id if exc.case_id is not None else bound.get("case_id")
    case_id = case_id if isinstance(case_id, int) else None
    permission = exc.permission or "scope"
    try:
        with unit_of_work(engine) as session:
            audit.record(session, user, "permission.denied", entity="case" if case_id else "",
                         entity_id=case_id, after={"use_case": name, "permission": permission},
                         detail=f"{name}（{permission}）：{exc}"[:2000])
    finally:
        if dispose:
            engine.dispose()


def current_user_of(user: User) -> CurrentUser:
    return CurrentUser(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        committee_codes=tuple(sorted(c.code for c in user.committees)),
        must_change_password=user.must_change_password,
    )


def login(engine: Engine, username: str, password: str, *, now: datetime | None = None,
          checked: PasswordCheck | None = None) -> CurrentUser:
    """Check a password; five failures lock the account for fifteen minutes.

    A refusal is committed (failure count, lock, audit entry) before it is raised. ``checked``:
    the same password already checked against the same stored hash (see core.passwords), so
    argon2 is not run twice."""
    now = now or datetime.now()
    username = username.strip()
    refusal: str | None = None
    with unit_of_work(engine) as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            audit.record(session, None, "login.failed", entity="user", detail=username)
            refusal = msg("用户名或密码不正确")
        elif user.locked_until and user.locked_until > now:
            minutes = int((user.locked_until - now).total_seconds() // 60) + 1
            audit.record(session, None, "login.locked", entity="user", entity_id=user.id)
            refusal = msg("密码连续输错{failures}次，账号已锁定，请{minutes}分钟后再试",
                          failures=MAX_FAILED_LOGINS, minutes=minutes)
        elif not (checked.ok if checked and checked.answers(user.password_hash, password)
                  else verify_password(user.password_hash, password)):
            user.failed_logins += 1
            left = MAX_FAILED_LOGINS - user.failed_logins
            if left <= 0:
                user.failed_logins = 0
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                audit.record(session, None, "login.lock", entity="user", entity_id=user.id)
                refusal = msg("密码连续输错{failures}次，账号已锁定{minutes}分钟",
                              failures=MAX_FAILED_LOGINS, minutes=LOCK_MINUTES)
            else:
                audit.record(session, None, "login.failed", entity="user", entity_id=user.id)
                refusal = msg("用户名或密码不正确（再错{left}次将锁定账号）", left=left)
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            current = current_user_of(user)
            audit.record(session, current, "login", entity="user", entity_id=user.id)
    if refusal:
        raise AuthError(refusal)
    return current


#: What the password is called in its messages (a new one, an account's initial or temporary one).
_PASSWORDS = {"new": msg("新密码"), "initial": msg("初始密码"), "temporary": msg("临时密码")}


def validate_new_password(password: str, *, username: str = "", kind: str = "new") -> str | None:
    """A Chinese message when the new password (``kind``: "new", "initial", "temporary") is not
    acceptable, else None."""
    what = _PASSWORDS[kind]
    if len(password) < MIN_PASSWORD_LENGTH:
        return msg("{what}至少{length}位", what=what, length=MIN_PASSWORD_LENGTH)
    if password.isdigit() or password.isalpha():
        return msg("{what}须同时包含字母和数字", what=what)
    if username and password.lower() == username.lower():
        return msg("{what}不能与用户名相同", what=what)
    return None


def change_password(engine: Engine, actor: CurrentUser, old: str, new: str) -> CurrentUser:
    problem = validate_new_password(new, username=actor.username)
    if problem:
        raise AuthError(problem)
    with unit_of_work(engine) as session:
        user = session.get(User, actor.id)
        if user is None or not verify_password(user.password_hash, old):
            raise AuthError(msg("原密码不正确"))
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
        raise ValueError(msg("未知角色：{role}", role=role))
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
