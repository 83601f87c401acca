"""Managing staff accounts (admin only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import selectinload

from core import audit
from core.auth import (
    AuthError,
    CurrentUser,
    create_user,
    hash_password,
    require,
    use_case,
    validate_new_password,
)
from core.messages import joined, msg
from core.uow import read_only, unit_of_work
from db.codes import ROLES
from db.models import Committee, User


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: str
    committees: tuple[str, ...]
    active: bool
    locked: bool
    last_login_at: datetime | None

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class UserForm:
    username: str
    full_name: str
    role: str
    committees: tuple[str, ...] = ()
    password: str = ""  # only when creating


@use_case
def list_users(engine: Engine, actor: CurrentUser) -> list[UserRow]:
    require(actor, "users")
    now = datetime.now()
    with read_only(engine) as session:
        users = session.scalars(select(User).options(selectinload(User.committees)).order_by(User.role, User.username))
        return [
            UserRow(
                id=u.id,
                username=u.username,
                full_name=u.full_name,
                role=u.role,
                committees=tuple(sorted(c.code for c in u.committees)),
                active=u.active,
                locked=bool(u.locked_until and u.locked_until > now),
                last_login_at=u.last_login_at,
            )
            for u in users
        ]


def validate_user_form(form: UserForm, *, creating: bool) -> dict[str, str]:
    """Field → Chinese message for every problem in the form."""
    errors: dict[str, str] = {}
    username = form.username.strip()
    if not username:
        errors["username"] = msg("请填写用户名")
    elif not username.isascii() or not username.replace("_", "").replace(".", "").isalnum():
        errors["username"] = msg("用户名只能包含字母、数字、下划线和点")
    if not form.full_name.strip():
        errors["full_name"] = msg("请填写姓名")
    if form.role not in ROLES:
        errors["role"] = msg("请选择角色")
    if form.role == "mediator" and not form.committees:
        errors["committees"] = msg("调解员至少属于一个委员会")
    if creating:
        problem = validate_new_password(form.password, username=username, kind="initial")
        if problem:
            errors["password"] = problem
    return errors


@use_case
def add_user(engine: Engine, actor: CurrentUser, form: UserForm) -> int:
    require(actor, "users")
    errors = validate_user_form(form, creating=True)
    if errors:
        raise ValueError(joined(errors.values()))
    with unit_of_work(engine) as session:
        if session.scalar(select(User.id).where(User.username == form.username.strip())):
            raise ValueError(msg("用户名 {username} 已存在", username=form.username.strip()))
        user = create_user(
            session,
            actor,
            username=form.username.strip(),
            full_name=form.full_name.strip(),
            role=form.role,
            password=form.password,
            committee_codes=form.committees,
            must_change_password=True,
        )
        return user.id


@use_case
def update_user(engine: Engine, actor: CurrentUser, user_id: int, form: UserForm) -> None:
    require(actor, "users")
    errors = validate_user_form(form, creating=False)
    if errors:
        raise ValueError(joined(errors.values()))
    with unit_of_work(engine) as session:
        user = session.get(User, user_id)
        if user is None:
            raise ValueError(msg("该用户已不存在"))
        before = {"full_name": user.full_name, "role": user.role,
                  "committees": sorted(c.code for c in user.committees)}
        user.full_name = form.full_name.strip()
        user.role = form.role
        user.committees = list(session.scalars(select(Committee).where(Committee.code.in_(form.committees))))
        audit.record(session, actor, "user.update", entity="user", entity_id=user.id, before=before,
                     after={"full_name": user.full_name, "role": user.role, "committees": list(form.committees)})


@use_case
def reset_password(engine: Engine, actor: CurrentUser, user_id: int, temporary: str) -> None:
    require(actor, "users")
    problem = validate_new_password(temporary, kind="temporary")
    if problem:
        raise AuthError(problem)
    with unit_of_work(engine) as session:
        user = session.get(User, user_id)
        user.password_hash = hash_password(temporary)
        user.must_change_password = True
        user.failed_logins = 0
        user.locked_until = None
        audit.record(session, actor, "user.reset_password", entity="user", entity_id=user.id)


@use_case
def set_active(engine: Engine, actor: CurrentUser, user_id: int, active: bool) -> None:
    require(actor, "users")
    if user_id == actor.id and not active:
        raise ValueError(msg("不能停用自己的账号"))
    with unit_of_work(engine) as session:
        user = session.get(User, user_id)
        user.active = active
        if active:
            user.locked_until = None
            user.failed_logins = 0
        audit.record(session, actor, "user.activate" if active else "user.deactivate", entity="user",
                     entity_id=user.id)
