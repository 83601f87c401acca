"""The expert pool (专家人才库), the legal pool's weekly duty roster (律师值班) and the
mediators of each committee.

Reading needs ``experts.read`` (reception, mediators, the director, the admin); changing the
pool needs ``experts.edit`` (the admin). Every change is audited in the same transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from core import audit
from core.auth import CurrentUser, can, require, use_case
from core.expert_search import ExpertIndex, SearchRow, name_readings, pack_readings, unpack_readings
from core.identifiers import check_id, check_phone, mask_id
from core.messages import code_label, joined, msg
from core.uow import read_only, unit_of_work
from db.codes import COMMITTEE_SHORT, COMMITTEES, EXPERT_KINDS, SEXES
from db.models import Committee, DutySlot, Expert, ExpertRelation, Room, User

# Messages (their text is the plain name): the duty roster's refusals name them translated.
WEEKDAYS = (msg("周一"), msg("周二"), msg("周三"), msg("周四"), msg("周五"), msg("周六"), msg("周日"))
LEGAL_KINDS = ("lawyer", "legal_worker")

# Column widths of the experts table (db/models/organisation.py).
_MAX = {"name": 40, "agency": 80, "former_agency": 80, "title": 60, "specialties": 200,
        "relation_name": 120, "relation": 60}

_SPLIT_RE = re.compile(r"[,，、;；/\s]+")


def split_list(text: str) -> tuple[str, ...]:
    """'调解, 医疗事故、病历' → ('调解', '医疗事故', '病历'): commas (both widths), 、, semicolons,
    slashes and spaces separate; duplicates and blanks are dropped, order is kept."""
    return tuple(dict.fromkeys(p for p in (s.strip() for s in _SPLIT_RE.split(text or "")) if p))


# --- Rows ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DutyRow:
    weekday: int  # 0 = Monday
    starts: time
    ends: time
    room_id: int | None = None
    room_name: str = ""

    @property
    def weekday_name(self) -> str:
        return WEEKDAYS[self.weekday]

    def label(self) -> str:
        return f"{self.weekday_name} {self.starts:%H:%M}–{self.ends:%H:%M}" + (
            f"（{self.room_name}）" if self.room_name else ""
        )


@dataclass(frozen=True)
class RelationRow:
    name: str  # the person's or organisation's name
    relation: str  # 配偶, 近亲属, 原工作单位 …
    id_number: str = ""  # ID number or USCC, if known
    id: int | None = None


@dataclass(frozen=True)
class ExpertRow:
    id: int
    name: str
    kind: str
    sex: str | None
    agency: str
    former_agency: str
    title: str
    specialties: tuple[str, ...]
    committees: tuple[str, ...]  # committee codes, in the centre's order
    phone: str
    retired: bool
    active: bool
    name_pinyin: str = ""
    name_initials: str = ""
    duties: tuple[DutyRow, ...] = ()
    notes: str = ""

    @property
    def kind_name(self) -> str:
        return EXPERT_KINDS.get(self.kind, self.kind)

    @property
    def sex_name(self) -> str:
        return SEXES.get(self.sex or "", "")

    @property
    def committee_names(self) -> str:
        return "、".join(COMMITTEE_SHORT.get(c, c) for c in self.committees)

    @property
    def agency_display(self) -> str:
        """Where they work, or where they worked (retired experts)."""
        if self.agency:
            return self.agency
        return f"原{self.former_agency}" if self.former_agency else ""

    def search_row(self) -> SearchRow:
        return SearchRow(
            id=self.id, name=self.name, pinyin=unpack_readings(self.name_pinyin),
            initials=unpack_readings(self.name_initials), agency=self.agency,
            former_agency=self.former_agency, title=self.title, specialties=self.specialties,
            committees=self.committees, kind=self.kind, active=self.active,
        )

    def to_json(self) -> dict:
        """The CLI's shape (``tiaojie experts search --json``)."""
        return {"id": self.id, "name": self.name, "agency": self.agency,
                "specialties": list(self.specialties), "committees": list(self.committees)}


@dataclass(frozen=True)
class ExpertDetail(ExpertRow):
    relations: tuple[RelationRow, ...] = ()


@dataclass(frozen=True)
class ExpertForm:
    """What the detail dialog and the Excel import hand to ``save_expert``."""

    name: str
    kind: str = "expert"
    sex: str | None = None
    agency: str = ""
    former_agency: str = ""
    title: str = ""
    specialties: tuple[str, ...] = ()
    committees: tuple[str, ...] = ()
    phone: str = ""
    notes: str = ""
    retired: bool = False
    active: bool = True
    duties: tuple[DutyRow, ...] | None = None  # None: leave the roster as it is
    relations: tuple[RelationRow, ...] | None = None  # None: leave them as they are


# --- Validation ----------------------------------------------------------------------------


def validate_duties(duties: tuple[DutyRow, ...], kind: str) -> str | None:
    """A Chinese message for the first problem in a duty list, else None."""
    if duties and kind not in LEGAL_KINDS:
        return msg("只有律师和法律工作者参加律师值班")
    seen: list[DutyRow] = []
    for d in duties:
        if not 0 <= d.weekday <= 6:
            return msg("值班日应为周一至周日")
        if d.starts >= d.ends:
            return msg("{weekday}的值班结束时间应晚于开始时间", weekday=d.weekday_name)
        for other in seen:
            if other.weekday == d.weekday and d.starts < other.ends and other.starts < d.ends:
                return msg("{weekday} {time} 与 {other} 重叠", weekday=d.weekday_name,
                           time=f"{d.starts:%H:%M}–{d.ends:%H:%M}", other=f"{other.starts:%H:%M}–{other.ends:%H:%M}")
        seen.append(d)
    return None


def validate_relation(rel: RelationRow) -> str | None:
    if not rel.name.strip():
        return msg("请填写关系人或单位名称")
    if len(rel.name.strip()) > _MAX["relation_name"]:
        return msg("名称不能超过{limit}字", limit=_MAX["relation_name"])
    if not rel.relation.strip():
        return msg("请填写关系（如 配偶、近亲属、原工作单位）")
    if len(rel.relation.strip()) > _MAX["relation"]:
        return msg("关系不能超过{limit}字", limit=_MAX["relation"])
    if rel.id_number.strip():
        check = check_id(rel.id_number)
        if not check.valid:
            return msg("证件号码或统一社会信用代码无效：{error}", error=check.error)
    return None


def validate_expert_form(form: ExpertForm) -> dict[str, str]:
    """Field → Chinese message for every problem (the detail dialog shows each beside its field;
    the import prefixes them with the row number)."""
    errors: dict[str, str] = {}
    name = form.name.strip()
    if not name:
        errors["name"] = msg("请填写姓名")
    elif len(name) > _MAX["name"]:
        errors["name"] = msg("姓名不能超过{limit}字", limit=_MAX["name"])
    if form.kind not in EXPERT_KINDS:
        errors["kind"] = msg("类别应为：{kinds}", kinds=[code_label(k) for k in EXPERT_KINDS.values()])
    if form.sex not in (None, "", *SEXES):
        errors["sex"] = msg("性别应为男或女")
    for key, label in (("agency", msg("工作单位")), ("former_agency", msg("原工作单位")), ("title", msg("职称"))):
        if len(getattr(form, key).strip()) > _MAX[key]:
            errors[key] = msg("{what}不能超过{limit}字", what=label, limit=_MAX[key])
    if not form.agency.strip() and not form.former_agency.strip():
        errors["agency"] = msg("请填写工作单位（已退休的填原工作单位）")
    if len(",".join(form.specialties)) > _MAX["specialties"]:
        errors["specialties"] = msg("专长合计不能超过{limit}字", limit=_MAX["specialties"])
    unknown = [c for c in form.committees if c not in COMMITTEES]
    if unknown:
        errors["committees"] = msg("未知的委员会：{codes}", codes=unknown)
    if form.phone.strip():
        phone = check_phone(form.phone)
        if not phone.valid:
            errors["phone"] = phone.error or msg("电话号码无效")
    if form.duties is not None:
        problem = validate_duties(form.duties, form.kind)
        if problem:
            errors["duties"] = problem
    if form.relations is not None:
        for i, rel in enumerate(form.relations, start=1):
            problem = validate_relation(rel)
            if problem:
                errors["relations"] = msg("第{n}条：{problem}", n=i, problem=problem)
                break
    return errors


def normalized_phone(text: str) -> str | None:
    """The stored form of a phone number (None when empty)."""
    if not (text or "").strip():
        return None
    check = check_phone(text)
    return check.normalized if check.valid else text.strip()


# --- Reading -------------------------------------------------------------------------------


def _committee_order(session: Session) -> dict[str, int]:
    return {code: order for code, order in session.execute(select(Committee.code, Committee.sort_order))}


def _rooms(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Room.id, Room.name)).all())


def _duty_rows(expert: Expert, rooms: dict[int, str]) -> tuple[DutyRow, ...]:
    return tuple(
        DutyRow(d.weekday, d.starts, d.ends, d.room_id, rooms.get(d.room_id or 0, ""))
        for d in sorted(expert.duties, key=lambda d: (d.weekday, d.starts))
    )


def _row_fields(expert: Expert, order: dict[str, int], rooms: dict[int, str]) -> dict:
    return dict(
        id=expert.id, name=expert.name, kind=expert.kind, sex=expert.sex, agency=expert.agency or "",
        former_agency=expert.former_agency or "", title=expert.title or "",
        specialties=split_list(expert.specialties or ""),
        committees=tuple(sorted((c.code for c in expert.committees), key=lambda c: order.get(c, 99))),
        phone=expert.phone or "", retired=bool(expert.retired), active=bool(expert.active),
        name_pinyin=expert.name_pinyin or "", name_initials=expert.name_initials or "",
        duties=_duty_rows(expert, rooms), notes=expert.notes or "",
    )


def fetch_experts(session: Session) -> list[ExpertRow]:
    order = _committee_order(session)
    rooms = _rooms(session)
    experts = session.scalars(
        select(Expert).options(selectinload(Expert.committees), selectinload(Expert.duties))
        .order_by(Expert.name_pinyin, Expert.id)
    )
    return [ExpertRow(**_row_fields(e, order, rooms)) for e in experts]


@use_case
def list_experts(engine: Engine, user: CurrentUser) -> list[ExpertRow]:
    """Everyone in the pool (active or not), in pinyin order."""
    require(user, "experts.read")
    with read_only(engine) as session:
        return fetch_experts(session)


def build_index(rows: list[ExpertRow]) -> ExpertIndex:
    return ExpertIndex(r.search_row() for r in rows)


@use_case
def search_experts(engine: Engine, user: CurrentUser, query: str, *, active: bool | None = None,
                   kind: str | None = None, committee: str | None = None) -> list[ExpertRow]:
    """One search, best first (the CLI; the screen keeps its index between keystrokes)."""
    rows = list_experts(engine, user)
    by_id = {r.id: r for r in rows}
    index = build_index(rows)
    return [by_id[i] for i in index.search_ids(query, active=active, kind=kind, committee=committee)]


def _relations(session: Session, *, expert_id: int | None = None, user_id: int | None = None,
               masked: bool = False) -> tuple[RelationRow, ...]:
    """``masked``: ID numbers as 330802********1234, for those who only read the pool (domain.md §8)."""
    column = ExpertRelation.expert_id if expert_id is not None else ExpertRelation.user_id
    key = expert_id if expert_id is not None else user_id
    return tuple(
        RelationRow(r.name, r.relation, (mask_id(r.id_number) if masked else r.id_number) if r.id_number else "",
                    r.id)
        for r in session.scalars(select(ExpertRelation).where(column == key).order_by(ExpertRelation.id))
    )


@use_case
def get_expert(engine: Engine, user: CurrentUser, expert_id: int) -> ExpertDetail:
    require(user, "experts.read")
    with read_only(engine) as session:
        expert = session.get(Expert, expert_id)
        if expert is None:
            raise ValueError(msg("该专家已不存在"))
        fields = _row_fields(expert, _committee_order(session), _rooms(session))
        return ExpertDetail(**fields, relations=_relations(session, expert_id=expert_id,
                                                           masked=not can(user, "experts.edit")))


@use_case
def first_expert_id(engine: Engine, user: CurrentUser) -> int | None:
    """The first expert in pinyin order (the detail screen opened from the navigation)."""
    require(user, "experts.read")
    with read_only(engine) as session:
        return session.scalar(select(Expert.id).order_by(Expert.active.desc(), Expert.name_pinyin,
                                                         Expert.id).limit(1))


@use_case
def list_relations(engine: Engine, user: CurrentUser, *, user_id: int) -> tuple[RelationRow, ...]:
    """A mediator's declared relations (an expert's come with ``get_expert``)."""
    require(user, "experts.read")
    with read_only(engine) as session:
        return _relations(session, user_id=user_id, masked=not can(user, "experts.edit"))


# --- Writing -------------------------------------------------------------------------------


def _snapshot(expert: Expert) -> dict:
    return {
        "name": expert.name, "kind": expert.kind, "sex": expert.sex, "agency": expert.agency,
        "former_agency": expert.former_agency, "title": expert.title,
        "specialties": expert.specialties, "phone": expert.phone, "retired": expert.retired,
        "active": expert.active, "notes": expert.notes,
        "committees": sorted(c.code for c in expert.committees),
        "duties": [f"{d.weekday}:{d.starts:%H:%M}-{d.ends:%H:%M}" for d in
                   sorted(expert.duties, key=lambda d: (d.weekday, d.starts))],
    }


def find_same_person(session: Session, name: str, phone: str | None, *, exclude: int | None = None
                     ) -> int | None:
    """The id of an expert with this name and phone (the import's update key)."""
    query = select(Expert.id).where(Expert.name == name.strip())
    query = query.where(Expert.phone.is_(None) if phone is None else Expert.phone == phone)
    if exclude is not None:
        query = query.where(Expert.id != exclude)
    return session.scalar(query.order_by(Expert.id).limit(1))


def apply_form(session: Session, expert: Expert, form: ExpertForm) -> None:
    """Copy a valid form onto an expert row (pinyin and initials kept up to date)."""
    name = form.name.strip()
    pinyin, initials = name_readings(name)
    expert.name = name
    expert.name_pinyin = pack_readings(pinyin, 120)
    expert.name_initials = pack_readings(initials, 20)
    expert.kind = form.kind
    expert.sex = form.sex or None
    expert.agency = form.agency.strip()
    expert.former_agency = form.former_agency.strip()
    expert.title = form.title.strip()
    expert.specialties = ",".join(s.strip() for s in form.specialties if s.strip())
    expert.phone = normalized_phone(form.phone)
    expert.notes = form.notes.strip()
    expert.retired = bool(form.retired)
    expert.active = bool(form.active)
    expert.committees = list(session.scalars(select(Committee).where(Committee.code.in_(form.committees))))
    if form.duties is not None:
        _replace_duties(session, expert, form.duties)


def _replace_duties(session: Session, expert: Expert, duties: tuple[DutyRow, ...]) -> None:
    expert.duties.clear()
    session.flush()  # the unique (expert, weekday, starts) must not see old and new rows at once
    default_room = session.scalar(select(Room.id).where(Room.kind == "lawyer").order_by(Room.id).limit(1))
    for d in duties:
        expert.duties.append(DutySlot(weekday=d.weekday, starts=d.starts, ends=d.ends,
                                      room_id=d.room_id or default_room))


def _replace_relations(session: Session, relations: tuple[RelationRow, ...], *,
                       expert_id: int | None = None, user_id: int | None = None) -> None:
    column = ExpertRelation.expert_id if expert_id is not None else ExpertRelation.user_id
    key = expert_id if expert_id is not None else user_id
    for old in session.scalars(select(ExpertRelation).where(column == key)):
        session.delete(old)
    session.flush()
    for rel in relations:
        number = rel.id_number.strip()
        check = check_id(number) if number else None
        session.add(ExpertRelation(
            expert_id=expert_id, user_id=user_id, name=rel.name.strip(), relation=rel.relation.strip(),
            id_number=(check.normalized if check and check.valid else number) or None,
        ))


@use_case
def save_expert(engine: Engine, user: CurrentUser, form: ExpertForm, expert_id: int | None = None) -> int:
    """Create (``expert_id`` None) or update an expert; returns the id. Raises ``ValueError``
    with every problem joined when the form is not valid (the dialog validates first)."""
    require(user, "experts.edit")
    errors = validate_expert_form(form)
    if errors:
        raise ValueError(joined(errors.values()))
    with unit_of_work(engine) as session:
        phone = normalized_phone(form.phone)
        if find_same_person(session, form.name, phone, exclude=expert_id) is not None:
            raise ValueError(msg("专家库中已有“{name}”（电话{phone}），请勿重复登记", name=form.name.strip(),
                                 phone=phone or msg("未填")))
        if expert_id is None:
            expert = Expert(name=form.name.strip())
            session.add(expert)
            before = None
        else:
            expert = session.get(Expert, expert_id)
            if expert is None:
                raise ValueError(msg("该专家已不存在"))
            before = _snapshot(expert)
        apply_form(session, expert, form)
        session.flush()
        if form.relations is not None:
            _replace_relations(session, form.relations, expert_id=expert.id)
        after = _snapshot(expert)
        if form.relations is not None:
            after["relations"] = [f"{r.relation}:{r.name}" for r in form.relations]
        audit.record(session, user, "expert.create" if before is None else "expert.update",
                     entity="expert", entity_id=expert.id, before=before, after=after)
        return expert.id


@use_case
def set_duties(engine: Engine, user: CurrentUser, expert_id: int, duties: tuple[DutyRow, ...]) -> None:
    """Replace a lawyer's weekly duty slots (律师值班)."""
    require(user, "experts.edit")
    with unit_of_work(engine) as session:
        expert = session.get(Expert, expert_id)
        if expert is None:
            raise ValueError(msg("该专家已不存在"))
        problem = validate_duties(duties, expert.kind)
        if problem:
            raise ValueError(problem)
        before = _snapshot(expert)["duties"]
        _replace_duties(session, expert, duties)
        session.flush()
        audit.record(session, user, "expert.duties", entity="expert", entity_id=expert_id,
                     before={"duties": before}, after={"duties": _snapshot(expert)["duties"]})


@use_case
def save_user_relations(engine: Engine, user: CurrentUser, user_id: int,
                        relations: tuple[RelationRow, ...]) -> None:
    """Replace a mediator's declared relations (checked against every case's parties)."""
    require(user, "experts.edit")
    for i, rel in enumerate(relations, start=1):
        problem = validate_relation(rel)
        if problem:
            raise ValueError(msg("第{n}条：{problem}", n=i, problem=problem))
    with unit_of_work(engine) as session:
        if session.get(User, user_id) is None:
            raise ValueError(msg("该用户已不存在"))
        before = [f"{r.relation}:{r.name}" for r in _relations(session, user_id=user_id)]
        _replace_relations(session, relations, user_id=user_id)
        audit.record(session, user, "user.relations", entity="user", entity_id=user_id,
                     before={"relations": before},
                     after={"relations": [f"{r.relation}:{r.name}" for r in relations]})


# --- The duty roster and the mediators -------------------------------------------------------


@dataclass(frozen=True)
class RosterEntry:
    expert_id: int
    name: str
    kind: str
    phone: str
    specialties: tuple[str, ...]
    duty: DutyRow


@use_case
def duty_roster(engine: Engine, user: CurrentUser) -> list[RosterEntry]:
    """The week's lawyer duty table: every slot of every active member of the legal pool,
    by weekday and time."""
    require(user, "experts.read")
    with read_only(engine) as session:
        rooms = _rooms(session)
        rows = session.execute(
            select(DutySlot, Expert).join(Expert, Expert.id == DutySlot.expert_id)
            .where(Expert.active.is_(True))
            .order_by(DutySlot.weekday, DutySlot.starts, Expert.name_pinyin)
        ).all()
        return [
            RosterEntry(e.id, e.name, e.kind, e.phone or "", split_list(e.specialties or ""),
                        DutyRow(d.weekday, d.starts, d.ends, d.room_id, rooms.get(d.room_id or 0, "")))
            for d, e in rows
        ]


def on_duty(roster: list[RosterEntry], day: date) -> list[RosterEntry]:
    return [r for r in roster if r.duty.weekday == day.weekday()]


@dataclass(frozen=True)
class MediatorRow:
    id: int
    full_name: str
    phone: str
    committees: tuple[str, ...]
    open_cases: int = 0
    sessions_this_week: int = 0
    relations: int = 0  # declared relations on file


@dataclass(frozen=True)
class CommitteeMediators:
    code: str
    name: str
    mediators: tuple[MediatorRow, ...] = field(default_factory=tuple)


@use_case
def mediators_by_committee(engine: Engine, user: CurrentUser, *, today: date | None = None
                           ) -> list[CommitteeMediators]:
    """Each committee (in the centre's order) with its active mediators and their current load."""
    from core.expert_suggestions import week_of, workload

    require(user, "experts.read")
    today = today or date.today()
    with read_only(engine) as session:
        committees = session.execute(
            select(Committee.code, Committee.short_name).where(Committee.active.is_(True))
            .order_by(Committee.sort_order, Committee.id)
        ).all()
        mediators = list(session.scalars(
            select(User).options(selectinload(User.committees))
            .where(User.role == "mediator", User.active.is_(True)).order_by(User.full_name, User.id)
        ))
        loads = workload(session, "user", [m.id for m in mediators], week_of(today))
        relation_counts: dict[int, int] = {}
        for uid in session.scalars(select(ExpertRelation.user_id).where(ExpertRelation.user_id.is_not(None))):
            relation_counts[uid] = relation_counts.get(uid, 0) + 1
        out = []
        for code, short in committees:
            members = []
            for m in mediators:
                codes = tuple(c.code for c in m.committees)
                if code in codes:
                    open_cases, sessions = loads.get(m.id, (0, 0))
                    members.append(MediatorRow(m.id, m.full_name, m.phone or "", codes, open_cases,
                                               sessions, relation_counts.get(m.id, 0)))
            out.append(CommitteeMediators(code, short, tuple(members)))
        return out
