"""Reading the audit log (issue 7.5): the admin's and the director's viewer, with
filters, newest first, one page at a time. Read-only: the log itself refuses UPDATE
and DELETE by trigger."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Engine, String, cast, func, or_, select

from core.auth import CurrentUser, require, use_case
from core.uow import read_only
from db.models import AuditEntry

PAGE_SIZE = 200

# Action codes are "<area>.<verb>"; the viewer filters by area (a prefix).
ACTION_GROUPS: dict[str, str] = {
    "login": "登录",
    "password": "密码",
    "user": "用户管理",
    "case": "案件",
    "party": "当事人",
    "queue": "取号叫号",
    "appointment": "预约",
    "invitation": "邀请与到场",
    "session": "调解记录",
    "agreement": "调解协议",
    "payment": "履行付款",
    "followup": "回访",
    "rating_ledger": "差评台账",
    "deadline": "期限",
    "consent": "同意书",
    "recusal": "回避",
    "conflict": "利益冲突",
    "referral": "转办",
    "attachment": "附件",
    "document": "文书",
    "expert": "专家",
    "experts": "专家导入导出",
    "calendar_override": "节假日设置",
    "backup": "备份恢复",
    "demo": "演示数据",
}

ENTITY_NAMES: dict[str, str] = {
    "case": "案件",
    "party": "当事人",
    "user": "用户",
    "queue_ticket": "排队号",
    "appointment": "预约",
    "invitation": "邀请",
    "mediation_session": "调解记录",
    "agreement": "调解协议",
    "payment": "付款",
    "followup": "回访",
    "rating_ledger": "差评台账",
    "expert": "专家",
    "attachment": "附件",
    "calendar_override": "节假日",
    "referral": "转办",
    "database": "数据库",
}


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    before: dict | None
    after: dict | None
    detail: str
    workstation: str

    @property
    def action_name(self) -> str:
        group = self.action.split(".", 1)[0]
        return ACTION_GROUPS.get(group, group)

    @property
    def entity_name(self) -> str:
        return ENTITY_NAMES.get(self.entity, self.entity)

    @property
    def target(self) -> str:
        """"案件 #12" — what the entry is about."""
        if not self.entity:
            return ""
        return self.entity_name + (f" #{self.entity_id}" if self.entity_id is not None else "")


@dataclass(frozen=True)
class AuditFilter:
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    username: str = ""
    action_prefix: str = ""
    entity: str = ""
    entity_id: int | None = None
    text: str = ""


@use_case
def search_audit(
    engine: Engine,
    user: CurrentUser,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    username: str = "",
    action_prefix: str = "",
    entity: str = "",
    entity_id: int | None = None,
    text: str = "",
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[AuditRow]:
    """Audit entries matching every given filter, newest first. ``action_prefix``
    "case" matches "case" and "case.*"; ``text`` searches the detail, user, action and
    the before/after values (case-insensitive)."""
    require(user, "audit.read")
    query = _filtered(select(AuditEntry), AuditFilter(date_from, date_to, username, action_prefix, entity,
                                                       entity_id, text))
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).offset(max(offset, 0)).limit(max(limit, 0))
    with read_only(engine) as session:
        return [_row(e) for e in session.scalars(query)]


@use_case
def count_audit(engine: Engine, user: CurrentUser, flt: AuditFilter) -> int:
    require(user, "audit.read")
    with read_only(engine) as session:
        return session.scalar(_filtered(select(func.count(AuditEntry.id)), flt)) or 0


@use_case
def audit_usernames(engine: Engine, user: CurrentUser) -> list[str]:
    """Every user name that appears in the log (for the filter's list)."""
    require(user, "audit.read")
    with read_only(engine) as session:
        return sorted(session.scalars(select(AuditEntry.username).distinct()).all())


def _filtered(query, f: AuditFilter):
    if f.date_from is not None:
        query = query.where(AuditEntry.at >= datetime.combine(f.date_from, time.min))
    if f.date_to is not None:
        query = query.where(AuditEntry.at < datetime.combine(f.date_to + timedelta(days=1), time.min))
    if f.username.strip():
        query = query.where(AuditEntry.username == f.username.strip())
    prefix = f.action_prefix.strip().rstrip(".")
    if prefix:
        query = query.where(or_(AuditEntry.action == prefix,
                                AuditEntry.action.startswith(prefix + ".", autoescape=True)))
    if f.entity.strip():
        query = query.where(AuditEntry.entity == f.entity.strip())
    if f.entity_id is not None:
        query = query.where(AuditEntry.entity_id == f.entity_id)
    words = f.text.split()
    for word in words:
        # JSON values are stored with non-ASCII characters escaped (\u5f20): search both forms.
        escaped = json.dumps(word)[1:-1]
        columns = [AuditEntry.detail, AuditEntry.username, AuditEntry.action, AuditEntry.workstation,
                   cast(AuditEntry.before, String), cast(AuditEntry.after, String)]
        terms = [c.icontains(word, autoescape=True) for c in columns]
        if escaped != word:
            terms += [c.icontains(escaped, autoescape=True) for c in columns[-2:]]
        query = query.where(or_(*terms))
    return query


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(
        id=e.id,
        at=e.at,
        username=e.username or "",
        action=e.action,
        entity=e.entity or "",
        entity_id=e.entity_id,
        before=e.before,
        after=e.after,
        detail=e.detail or "",
        workstation=e.workstation or "",
    )


def pretty_json(data: dict | None) -> str:
    """Before/after values for the detail pane, with Chinese shown as Chinese."""
    if data is None:
        return ""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str)
