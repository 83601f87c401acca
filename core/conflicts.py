"""Conflicts of interest (回避), the parties' consent to an expert (人民调解法 Art.20), their
choice of mediator (Art.19) and recusal requests.

When an expert or a mediator is proposed for a case, :func:`check_conflicts` compares them
with every party of the case, on the grounds of 《医疗纠纷预防和处理条例》 Art.37 (used for
experts by the centre, and by analogy for mediators):

1. the person is a party, or a party's close relative (第一项);
2. the person has an interest in the dispute — works for a party organisation (第二项);
3. another relationship that may affect fairness — a former employer, a declared relation,
   acting for or against a party in an earlier case (第三项).

Organisation names are compared after normalising (NFKC, spaces, brackets, legal-form
suffixes such as 有限责任公司, branches such as …分公司 counted as their parent); a USCC or ID
number on a declared relation is compared exactly. A conflict can be overridden only with a
recorded reason (:func:`override_conflict`); consent and choice are refused while an
un-overridden conflict stands.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import (
    MEDICAL,
    CurrentUser,
    PermissionDenied,
    can,
    case_scope_refusal,
    require,
    sees_medical_details,
    use_case,
)
from core.identifiers import normalize as normalize_id
from core.messages import code_label, joined, msg, series
from core.uow import read_only, unit_of_work
from db.codes import CASE_PARTY_ROLES, OPEN_STATUSES
from db.models import (
    Case,
    CaseMediator,
    CaseParty,
    Committee,
    ConflictOverride,
    Consent,
    Expert,
    ExpertRelation,
    Party,
    RecusalRequest,
    User,
)

# Messages (their text as before): a conflict's reason is shown in the UI's language.
ART37 = msg("《医疗纠纷预防和处理条例》第三十七条")
BASIS = {
    1: msg("{law}第一项：是当事人或者当事人的近亲属", law=ART37),
    2: msg("{law}第二项：与纠纷有利害关系", law=ART37),
    3: msg("{law}第三项：与当事人有其他关系，可能影响公正处理", law=ART37),
}
ART19 = msg("《人民调解法》第十九条")
ART20 = msg("《人民调解法》第二十条")

CONFLICT_KINDS: dict[str, str] = {
    "is_party": msg("本人是当事人"),
    "relative": msg("申报的亲属关系"),
    "interest": msg("申报的利害关系"),
    "declared_relation": msg("申报的其他关系"),
    "same_organisation": msg("同一单位"),
    "former_organisation": msg("原工作单位"),
    "same_workplace": msg("与当事人同单位"),
    "acted_for_party": msg("曾代理一方当事人"),
    "acted_against_party": msg("曾代理对方"),
    "opposed_party": msg("曾与当事人对立"),
    "recused": msg("已准予回避"),
    "recusal_pending": msg("回避申请待决定"),
}

# Declared relations, by the words they contain (the first group that matches wins).
_SELF_WORDS = ("本人",)
_RELATIVE_WORDS = ("配偶", "夫妻", "丈夫", "妻子", "父", "母", "子", "女", "兄", "弟", "姐", "妹",
                   "祖", "孙", "亲属", "岳", "公婆", "儿媳", "女婿", "姻亲")
_FORMER_WORDS = ("原工作单位", "原单位", "曾任职", "原任职", "退休单位", "前单位", "原雇主")
_EMPLOYER_WORDS = ("工作单位", "任职", "雇主", "兼职", "顾问", "单位", "同事", "法律顾问")
_INTEREST_WORDS = ("股东", "投资", "债权", "债务", "合伙", "利害", "承包", "母公司", "子公司")

FORMS = {"oral": msg("口头"), "written": msg("书面")}
OUTCOMES = {"pending": msg("待决定"), "granted": msg("准予回避"), "refused": msg("驳回")}


@dataclass(frozen=True)
class Conflict:
    kind: str  # CONFLICT_KINDS
    party: str  # the party (or agent) of this case it concerns, "" for none
    reason: str  # a Chinese sentence naming the party and the rule, with the basis
    suspected: bool = False  # matched on the name only, not on an ID number or phone

    @property
    def kind_name(self) -> str:
        return CONFLICT_KINDS.get(self.kind, self.kind)


class ConflictError(ValueError):
    """Refused because of conflicts that were not overridden; ``conflicts`` lists them."""

    def __init__(self, who: str, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        super().__init__(msg("{who}存在回避事由，不能参与本案：{reasons}", who=who,
                             reasons=joined(c.reason for c in conflicts)))


# --- Names ---------------------------------------------------------------------------------

_PROVINCE_RE = re.compile(r"^[\u4e00-\u9fff]{2,3}省")
_CITY_RE = re.compile(r"^[\u4e00-\u9fff]{2,3}市(?=[\u4e00-\u9fff]{1,3}[区县旗]|[\u4e00-\u9fff]{2}市)")
_BRACKETS_RE = re.compile(r"[（(\[【〔]([^）)\]】〕]*)[）)\]】〕]")
_PUNCT = set("·•・.,，、。:：;；'\"“”‘’《》<>-—_/\\|!！?？")
_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团公司", "集团",
                   "股份公司", "公司")
_BRANCH_MARKERS = ("分公司", "支公司", "分院", "院区", "分店", "营业部", "分行", "支行", "分局", "分所",
                   "办事处", "分中心", "分部", "分社", "门诊部")
# Words that name no organisation in particular.
_GENERIC = frozenset({*_LEGAL_SUFFIXES, "医院", "卫生院", "学校", "中心", "单位", "政府", "银行", "保险公司"})
_PARENT_ENDS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "医院", "银行", "中心")


@lru_cache(maxsize=4096)
def clean_name(text: str) -> str:
    """NFKC, no spaces, no punctuation (·), lower case: for comparing people's names."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not ch.isspace() and ch not in _PUNCT
                   and unicodedata.category(ch) != "Cf").lower()


def _org_core(text: str) -> str:
    text = clean_name(_BRACKETS_RE.sub("", unicodedata.normalize("NFKC", text or "")))
    text = text.replace("(", "").replace(")", "")
    # A province, or a city followed by one of its districts or counties, adds nothing:
    # 浙江省衢州市人民医院 = 衢州市人民医院, 衢州市衢江区人民医院 = 衢江区人民医院.
    text = _PROVINCE_RE.sub("", text, count=1) if len(text) > 7 else text
    text = _CITY_RE.sub("", text, count=1)
    text = text.replace("中医医院", "中医院")
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if text.endswith(suffix) and len(text) - len(suffix) >= 2:
                text = text[: -len(suffix)]
                changed = True
                break
    return text


def org_key(name: str) -> str:
    """The comparable form of an organisation's name: 'XX建设有限公司' and 'XX建设公司' agree,
    '衢州市中医医院' and '衢州市中医院' agree. '' for a name too short or too general to
    single out an organisation ('公司', '医院')."""
    key = _org_core(name)
    return key if len(key) >= 2 and key not in _GENERIC else ""


@lru_cache(maxsize=4096)
def org_aliases(name: str) -> frozenset[str]:
    """The keys an organisation is known by: its name, a name in brackets (衢江区人民医院
    （衢州市第二人民医院）), and for a branch (…分公司, …分院) its parent."""
    keys = {org_key(name)}
    for inner in _BRACKETS_RE.findall(unicodedata.normalize("NFKC", name or "")):
        if len(clean_name(inner)) >= 4:
            keys.add(org_key(inner))
    parent = branch_parent(name)
    if parent:
        keys.add(org_key(parent))
    return frozenset(k for k in keys if k)


def branch_parent(name: str) -> str | None:
    """'中国人民财产保险股份有限公司衢州市分公司' → '中国人民财产保险股份有限公司'; None when the
    name is not a branch's."""
    text = unicodedata.normalize("NFKC", _BRACKETS_RE.sub("", name or "")).strip()
    if not text.endswith(_BRANCH_MARKERS):
        return None
    best = None
    for end in _PARENT_ENDS:
        at = text.find(end)
        if at > 0 and at + len(end) < len(text):
            stop = at + len(end)
            if best is None or stop < best:
                best = stop
    return text[:best] if best else None


def same_organisation(a: str, b: str) -> bool:
    """Two names of the same organisation (or of a branch and its parent, or two branches of
    one parent)."""
    return bool(org_aliases(a) & org_aliases(b))


# --- The case and the person -----------------------------------------------------------------


@dataclass(frozen=True)
class _PartyFacts:
    case_party_id: int
    party_id: int
    role: str
    name: str
    kind: str
    id_number: str  # normalised ID number or USCC ('' when unknown)
    phone: str
    workplace: str
    represents: int | None  # case_party_id of the principal an agent acts for

    @property
    def role_name(self) -> str:
        return CASE_PARTY_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class _Person:
    kind: str  # "expert" or "user"
    id: int
    name: str
    phone: str
    agency: str
    former_agency: str
    own_ids: frozenset[str]
    relations: tuple[tuple[str, str, str], ...]  # (name, relation, normalised id number)

    @property
    def who(self) -> str:
        """"专家张三", "调解员李四"."""
        return msg("专家{name}", name=self.name) if self.kind == "expert" else msg("调解员{name}", name=self.name)


def _digits(phone: str | None) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", phone or "") if ch.isdigit())[-11:]


def _case_parties(session: Session, case_id: int) -> list[_PartyFacts]:
    rows = session.execute(
        select(CaseParty, Party).join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id == case_id).order_by(CaseParty.position, CaseParty.id)
    ).all()
    return [_facts(cp, p) for cp, p in rows]


def _facts(cp: CaseParty, p: Party) -> _PartyFacts:
    number = p.uscc if p.kind == "organisation" and p.uscc else p.id_number
    return _PartyFacts(cp.id, p.id, cp.role, p.name, p.kind, normalize_id(number or ""), _digits(p.phone),
                       p.workplace or "", cp.represents_id)


def _people(session: Session, expert_ids=(), user_ids=()) -> dict[tuple[str, int], _Person]:
    """The experts and mediators to check, with their declared relations, in three queries."""
    relations: dict[tuple[str, int], list[ExpertRelation]] = {}
    conditions = []
    if expert_ids:
        conditions.append(ExpertRelation.expert_id.in_(expert_ids))
    if user_ids:
        conditions.append(ExpertRelation.user_id.in_(user_ids))
    if conditions:
        for r in session.scalars(select(ExpertRelation).where(or_(*conditions)).order_by(ExpertRelation.id)):
            key = ("expert", r.expert_id) if r.expert_id is not None else ("user", r.user_id)
            relations.setdefault(key, []).append(r)
    raw: dict[tuple[str, int], tuple[str, str | None, str, str]] = {}
    if expert_ids:
        for e in session.execute(select(Expert.id, Expert.name, Expert.phone, Expert.agency,
                                        Expert.former_agency).where(Expert.id.in_(expert_ids))):
            raw[("expert", e.id)] = (e.name, e.phone, e.agency or "", e.former_agency or "")
    if user_ids:
        for u in session.execute(select(User.id, User.full_name, User.phone).where(User.id.in_(user_ids))):
            raw[("user", u.id)] = (u.full_name, u.phone, "", "")
    out: dict[tuple[str, int], _Person] = {}
    for key, (name, phone, agency, former) in raw.items():
        own: set[str] = set()
        declared = []
        for r in relations.get(key, []):
            number = normalize_id(r.id_number or "")
            if any(w in r.relation for w in _SELF_WORDS):
                if number:
                    own.add(number)
                continue
            declared.append((r.name, r.relation, number))
        out[key] = _Person(key[0], key[1], name, _digits(phone), agency, former, frozenset(own),
                           tuple(declared))
    return out


def _identity(person: _Person, party: _PartyFacts) -> str | None:
    """'id' / 'phone' / 'name' when the party is this person (how sure), else None."""
    if party.kind != "person":
        return None
    if person.own_ids and party.id_number:
        return "id" if party.id_number in person.own_ids else None
    if clean_name(person.name) != clean_name(party.name):
        return None
    if person.phone and party.phone:
        return "phone" if person.phone == party.phone else None
    return "name"


def _relation_group(relation: str) -> str:
    if any(w in relation for w in _FORMER_WORDS):
        return "former_organisation"
    if any(w in relation for w in _INTEREST_WORDS):
        return "interest"
    if any(w in relation for w in _EMPLOYER_WORDS):
        return "same_organisation"
    if any(w in relation for w in _RELATIVE_WORDS):
        return "relative"
    return "declared_relation"


def _relation_matches(rel: tuple[str, str, str], party: _PartyFacts) -> tuple[bool, bool]:
    """(matches, on the name only)."""
    name, _relation, number = rel
    if number and party.id_number:
        return number == party.id_number, False
    if party.kind == "organisation":
        return same_organisation(name, party.name), not number
    return clean_name(name) == clean_name(party.name) and bool(clean_name(name)), True


def _party_label(party: _PartyFacts, by_cp: dict[int, _PartyFacts]) -> str:
    if party.role == "agent":
        principal = by_cp.get(party.represents or 0)
        if principal:
            return msg("“{principal}”的代理人“{name}”", principal=principal.name, name=party.name)
        return msg("代理人“{name}”", name=party.name)
    return msg("{role}“{name}”", role=code_label(party.role_name), name=party.name)


class _CaseContext:
    """One case's parties, the earlier cases of its parties in which the people being checked
    appear, and its recusal requests: loaded once for any number of people."""

    def __init__(self, session: Session, case: Case, people: list[_Person]) -> None:
        self.case = case
        self.parties = _case_parties(session, case.id)
        self.by_cp = {p.case_party_id: p for p in self.parties}
        self.principals = {p.party_id: p for p in self.parties if p.role != "agent"}
        # Earlier appearances: party rows named like a person (or with their own ID) in
        # another case of one of this case's principals.
        self.appearances: list[_PartyFacts] = []
        self.members: dict[int, list[_PartyFacts]] = {}
        self.numbers: dict[int, str] = {}
        names = {p.name for p in people}
        own_ids = set().union(*(p.own_ids for p in people)) if people else set()
        if self.principals and (names or own_ids):
            other_cases = select(CaseParty.case_id).where(
                CaseParty.party_id.in_(self.principals), CaseParty.case_id != case.id)
            who = [Party.name.in_(names)] + ([Party.id_number.in_(own_ids)] if own_ids else [])
            found = session.execute(
                select(CaseParty, Party).join(Party, Party.id == CaseParty.party_id)
                .where(CaseParty.case_id.in_(other_cases), Party.kind == "person", or_(*who))
            ).all()
            self.appearances = [_facts_with_case(cp, p) for cp, p in found]
            case_ids = {cp.case_id for cp, _ in found}
            if case_ids:
                for cp, p, number in session.execute(
                        select(CaseParty, Party, Case.number).join(Party, Party.id == CaseParty.party_id)
                        .join(Case, Case.id == CaseParty.case_id).where(CaseParty.case_id.in_(case_ids))):
                    self.members.setdefault(cp.case_id, []).append(_facts_with_case(cp, p))
                    self.numbers[cp.case_id] = number
        self.recusals: dict[tuple[str, int], list[tuple[RecusalRequest, str | None]]] = {}
        for req, party_name in session.execute(
                select(RecusalRequest, Party.name)
                .outerjoin(CaseParty, CaseParty.id == RecusalRequest.case_party_id)
                .outerjoin(Party, Party.id == CaseParty.party_id)
                .where(RecusalRequest.case_id == case.id, RecusalRequest.outcome.in_(("pending", "granted")))
                .order_by(RecusalRequest.id)):
            key = ("expert", req.expert_id) if req.expert_id is not None else ("user", req.user_id)
            self.recusals.setdefault(key, []).append((req, party_name))


@dataclass(frozen=True)
class _Appearance:
    case_id: int
    facts: _PartyFacts


def _facts_with_case(cp: CaseParty, p: Party) -> _Appearance:
    return _Appearance(cp.case_id, _facts(cp, p))


def _checks(ctx: _CaseContext, person: _Person) -> list[Conflict]:
    found: list[Conflict] = []
    by_cp = ctx.by_cp
    who = person.who
    art = (lambda n: BASIS[n]) if person.kind == "expert" else (lambda n: msg("参照{basis}", basis=BASIS[n]))

    def add(kind: str, party: str, text: str, basis: int, suspected: bool = False) -> None:
        if suspected:
            reason = msg("{kind}：疑似（仅姓名相同，未核对证件）{text}（{basis}）", kind=CONFLICT_KINDS[kind],
                         text=text, basis=art(basis))
        else:
            reason = msg("{kind}：{text}（{basis}）", kind=CONFLICT_KINDS[kind], text=text, basis=art(basis))
        if not any(c.reason == reason for c in found):
            found.append(Conflict(kind, party, reason, suspected))

    for party in ctx.parties:
        label = _party_label(party, by_cp)
        how = _identity(person, party)
        if how:
            add("is_party", party.name, msg("{who}本人即本案{party}", who=who, party=label), 1, how == "name")
        for rel in person.relations:
            matches, name_only = _relation_matches(rel, party)
            if not matches:
                continue
            group = _relation_group(rel[1])
            text = msg("{who}申报与“{name}”的关系为“{relation}”，即本案{party}", who=who, name=rel[0],
                       relation=rel[1], party=label)
            basis = {"relative": 1, "interest": 2, "same_organisation": 2}.get(group, 3)
            if party.role == "agent":
                basis = 3
            add(group, party.name, text, basis, name_only and party.kind == "person")
        if person.kind != "expert" or party.role == "agent":
            continue
        if party.kind == "organisation":
            if person.agency and same_organisation(person.agency, party.name):
                add("same_organisation", party.name,
                    msg("{who}的工作单位“{agency}”即本案{party}", who=who, agency=person.agency, party=label), 2)
            if person.former_agency and same_organisation(person.former_agency, party.name):
                add("former_organisation", party.name,
                    msg("{who}的原工作单位“{agency}”即本案{party}", who=who, agency=person.former_agency,
                        party=label), 3)
        elif party.workplace:
            if person.agency and same_organisation(person.agency, party.workplace):
                add("same_workplace", party.name,
                    msg("{who}与本案{party}同在“{agency}”工作", who=who, party=label, agency=person.agency), 3)
            elif person.former_agency and same_organisation(person.former_agency, party.workplace):
                add("same_workplace", party.name,
                    msg("{who}的原工作单位“{agency}”是本案{party}的工作单位", who=who, agency=person.former_agency,
                        party=label), 3)

    _earlier_cases(ctx, person, add, who)
    _recusals(ctx, person, add, who)
    return found


def _earlier_cases(ctx: _CaseContext, person: _Person, add, who) -> None:
    """The person appeared in another case of one of this case's parties: as that party's
    agent, as the other side's agent, or as a party for or against them."""
    for appearance in ctx.appearances:
        me = appearance.facts
        how = _identity(person, me)
        if how is None:
            continue
        members = [m.facts for m in ctx.members.get(appearance.case_id, [])]
        number = ctx.numbers.get(appearance.case_id, "")
        facts = {f.case_party_id: f for f in members}
        for other in members:
            mine = ctx.principals.get(other.party_id)
            if mine is None or other.role == "agent" or other.case_party_id == me.case_party_id:
                continue
            name = mine.name
            if me.role == "agent":
                acted_for = facts.get(me.represents or 0)
                if acted_for is None:
                    continue
                if acted_for.party_id == other.party_id:
                    add("acted_for_party", name,
                        msg("{who}曾在{number}中担任本案当事人“{name}”的代理人", who=who, number=number, name=name),
                        3, how == "name")
                elif _opposed(acted_for.role, other.role):
                    add("acted_against_party", name,
                        msg("{who}曾在{number}中代理“{client}”，与本案当事人“{name}”相对", who=who, number=number,
                            client=acted_for.name, name=name), 3, how == "name")
            elif _opposed(me.role, other.role):
                add("opposed_party", name,
                    msg("{who}曾在{number}中与本案当事人“{name}”互为对方当事人", who=who, number=number, name=name),
                    3, how == "name")
            else:
                add("opposed_party", name,
                    msg("{who}曾在{number}中与本案当事人“{name}”同为{role}", who=who, number=number, name=name,
                        role=code_label(CASE_PARTY_ROLES.get(me.role, me.role))),
                    3, how == "name")


def _opposed(a: str, b: str) -> bool:
    return {a, b} == {"applicant", "respondent"}


def _recusals(ctx: _CaseContext, person: _Person, add, who) -> None:
    for req, party_name in ctx.recusals.get((person.kind, person.id), []):
        by = msg("当事人“{name}”", name=party_name) if party_name else msg("当事人")
        form = FORMS.get(req.form, req.form)
        if req.outcome == "granted":
            add("recused", party_name or "",
                msg("{by}于{on:%Y-%m-%d}{form}申请{who}回避，已于{decided:%Y-%m-%d}准予", by=by, on=req.requested_on,
                    form=form, who=who, decided=req.decided_on), 3)
        else:
            add("recusal_pending", party_name or "",
                msg("{by}于{on:%Y-%m-%d}{form}申请{who}回避，尚未决定", by=by, on=req.requested_on, form=form, who=who),
                3)


def check_conflicts(session: Session, case_id: int, *, expert_id: int | None = None,
                    user_id: int | None = None) -> list[Conflict]:
    """Every reason why this expert (or mediator) should not take part in this case, each
    naming the party and the rule; [] when there is none."""
    if (expert_id is None) == (user_id is None):
        raise ValueError(msg("请指定一位专家或一位调解员"))
    key = ("expert", expert_id) if expert_id is not None else ("user", user_id)
    found = conflicts_for(session, case_id, expert_ids=[expert_id] if expert_id is not None else [],
                          user_ids=[user_id] if user_id is not None else [])
    if key not in found:
        raise ValueError(msg("该专家已不存在") if expert_id is not None else msg("该用户已不存在"))
    return found[key]


def conflicts_for(session: Session, case_id: int, *, expert_ids=(), user_ids=()
                  ) -> dict[tuple[str, int], list[Conflict]]:
    """Many people against one case (the suggestions): ('expert', id) / ('user', id) → conflicts.
    People who do not exist are left out."""
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError(msg("该案件已不存在"))
    people = _people(session, list(expert_ids), list(user_ids))
    ctx = _CaseContext(session, case, list(people.values()))
    return {key: _checks(ctx, person) for key, person in people.items()}


def uncovered(session: Session, case_id: int, conflicts: list[Conflict], *,
              expert_id: int | None = None, user_id: int | None = None) -> list[Conflict]:
    """The conflicts that no recorded override of this case and person covers. A granted
    recusal is never overridable."""
    if not conflicts:
        return []
    column = ConflictOverride.expert_id if expert_id is not None else ConflictOverride.user_id
    key = expert_id if expert_id is not None else user_id
    covered: set[str] = set()
    for text in session.scalars(select(ConflictOverride.conflicts).where(
            ConflictOverride.case_id == case_id, column == key)):
        covered.update(line for line in text.splitlines() if line)
    return [c for c in conflicts if c.kind == "recused" or c.reason not in covered]


# --- Use cases -------------------------------------------------------------------------------


def _require_any(user: CurrentUser, *permissions: str) -> None:
    if not any(can(user, p) for p in permissions):
        require(user, permissions[0])


def _case_in_scope(session: Session, user: CurrentUser, case_id: int, *, write: bool = True) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise ValueError(msg("该案件已不存在"))
    code = session.scalar(select(Committee.code).where(Committee.id == case.committee_id))
    refusal = case_scope_refusal(user, code, write=write, details=False)
    if refusal:
        raise PermissionDenied(refusal, permission="cases.scope", case_id=case_id)
    return case


def _principal(session: Session, case_id: int, case_party_id: int) -> tuple[CaseParty, Party]:
    row = session.execute(
        select(CaseParty, Party).join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.id == case_party_id, CaseParty.case_id == case_id)
    ).first()
    if row is None:
        raise ValueError(msg("该当事人不属于本案"))
    if row[0].role == "agent":
        raise ValueError(msg("请记录在被代理的当事人名下（代理人代为表示的，在备注中说明）"))
    return row[0], row[1]


def _who(expert_id: int | None, user_id: int | None, session: Session) -> str:
    if expert_id is not None:
        expert = session.get(Expert, expert_id)
        return msg("专家{name}", name=expert.name) if expert else msg("该专家")
    user = session.get(User, user_id)
    return msg("调解员{name}", name=user.full_name) if user else msg("该调解员")


def _refuse_if_conflicted(session: Session, case_id: int, *, expert_id: int | None, user_id: int | None) -> None:
    found = check_conflicts(session, case_id, expert_id=expert_id, user_id=user_id)
    left = uncovered(session, case_id, found, expert_id=expert_id, user_id=user_id)
    if left:
        raise ConflictError(_who(expert_id, user_id, session), left)


@use_case
def override_conflict(engine: Engine, user: CurrentUser, case_id: int, *, expert_id: int | None = None,
                      user_id: int | None = None, reason: str, now: datetime | None = None) -> int:
    """Let a conflicted expert or mediator take part anyway, recording what was found and why
    (e.g. both parties were told and agree). A granted recusal cannot be overridden."""
    require(user, "cases.mediate")
    reason = (reason or "").strip()
    if len(reason) < 4:
        raise ValueError(msg("请写明放行理由（不少于4个字）"))
    if user_id is not None and user_id == user.id:
        raise ValueError(msg("不能为本人的回避事由放行，请由其他调解员或中心决定"))
    with unit_of_work(engine) as session:
        _case_in_scope(session, user, case_id)
        found = check_conflicts(session, case_id, expert_id=expert_id, user_id=user_id)
        if not found:
            raise ValueError(msg("未发现回避事由，无需放行"))
        if any(c.kind == "recused" for c in found):
            raise ValueError(msg("当事人的回避申请已获准，不能放行"))
        row = ConflictOverride(case_id=case_id, expert_id=expert_id, user_id=user_id,
                               conflicts="\n".join(c.reason for c in found), reason=reason,
                               at=now or datetime.now(), by_id=user.id)
        session.add(row)
        session.flush()
        audit.record(session, user, "conflict.override", entity="case", entity_id=case_id,
                     after={"expert_id": expert_id, "user_id": user_id,
                            "conflicts": [c.reason for c in found], "reason": reason})
        return row.id


@use_case
def record_consent(engine: Engine, user: CurrentUser, case_id: int, case_party_id: int, expert_id: int, *,
                   given: bool = True, form: str = "written", given_on: date | None = None,
                   note: str = "") -> int:
    """A party's consent (or refusal) to bring in an expert from the pool (人民调解法 Art.20).
    Consent is refused while the expert has a conflict that was not overridden."""
    _require_any(user, "cases.mediate", "intake")
    if form not in FORMS:
        raise ValueError(msg("形式应为口头或书面"))
    with unit_of_work(engine) as session:
        _case_in_scope(session, user, case_id)
        _cp, party = _principal(session, case_id, case_party_id)
        expert = session.get(Expert, expert_id)
        if expert is None:
            raise ValueError(msg("该专家已不存在"))
        if given:
            if not expert.active:
                raise ValueError(msg("专家{name}已停用，不能邀请", name=expert.name))
            _refuse_if_conflicted(session, case_id, expert_id=expert_id, user_id=None)
        row = Consent(case_id=case_id, case_party_id=case_party_id, kind="expert", expert_id=expert_id,
                      given=given, form=form, given_on=given_on or date.today(),
                      note=note.strip() or f"{'同意' if given else '不同意'}专家{expert.name}参与调解（{ART20}）",
                      recorded_by_id=user.id or None)
        session.add(row)
        session.flush()
        audit.record(session, user, "consent.expert", entity="case", entity_id=case_id,
                     after={"party": party.name, "expert": expert.name, "given": given, "form": form})
        return row.id


@dataclass(frozen=True)
class ChoiceResult:
    consent_id: int
    all_parties_chose: bool  # every party chose this mediator
    assigned: bool  # … and the mediator was added to the case for that (chosen_by_parties)


@use_case
def record_mediator_choice(engine: Engine, user: CurrentUser, case_id: int, case_party_id: int,
                           mediator_id: int, *, form: str = "written", given_on: date | None = None,
                           note: str = "", now: datetime | None = None) -> ChoiceResult:
    """A party chooses the mediator (人民调解法 Art.19). When every party has chosen the same
    mediator, he or she is added to the case's mediators as chosen by the parties."""
    _require_any(user, "cases.mediate", "intake")
    if form not in FORMS:
        raise ValueError(msg("形式应为口头或书面"))
    with unit_of_work(engine) as session:
        case = _case_in_scope(session, user, case_id)
        _cp, party = _principal(session, case_id, case_party_id)
        mediator = session.get(User, mediator_id)
        if mediator is None or mediator.role != "mediator" or not mediator.active:
            raise ValueError(msg("所选人员不是在岗调解员"))
        _refuse_if_conflicted(session, case_id, expert_id=None, user_id=mediator_id)
        row = Consent(case_id=case_id, case_party_id=case_party_id, kind="mediator_choice",
                      user_id=mediator_id, given=True, form=form, given_on=given_on or date.today(),
                      note=note.strip() or f"选定调解员{mediator.full_name}（{ART19}）",
                      recorded_by_id=user.id or None)
        session.add(row)
        session.flush()
        principals = set(session.scalars(select(CaseParty.id).where(
            CaseParty.case_id == case_id, CaseParty.role != "agent")))
        chose = set(session.scalars(select(Consent.case_party_id).where(
            Consent.case_id == case_id, Consent.kind == "mediator_choice", Consent.user_id == mediator_id,
            Consent.given.is_(True))))
        everyone = principals <= chose
        assigned = False
        if everyone:
            link = session.get(CaseMediator, (case_id, mediator_id))
            if link is None:
                session.add(CaseMediator(case_id=case_id, user_id=mediator_id, chosen_by_parties=True,
                                         assigned_at=now or datetime.now()))
                assigned = True
            elif not link.chosen_by_parties:
                link.chosen_by_parties = True
                assigned = True
        audit.record(session, user, "consent.mediator_choice", entity="case", entity_id=case.id,
                     after={"party": party.name, "mediator": mediator.full_name, "form": form,
                            "all_parties": everyone, "assigned": assigned})
        return ChoiceResult(row.id, everyone, assigned)


@use_case
def record_recusal(engine: Engine, user: CurrentUser, case_id: int, *, case_party_id: int | None,
                   expert_id: int | None = None, user_id: int | None = None, form: str = "oral",
                   reason: str = "", requested_on: date | None = None) -> int:
    """A party asks for an expert or mediator to step aside, orally or in writing."""
    _require_any(user, "cases.mediate", "intake")
    if (expert_id is None) == (user_id is None):
        raise ValueError(msg("请指定申请回避的专家或调解员"))
    if form not in FORMS:
        raise ValueError(msg("申请形式应为口头或书面"))
    reason = (reason or "").strip()
    if not reason:
        raise ValueError(msg("请记录申请回避的理由（口头申请的，记录其陈述）"))
    with unit_of_work(engine) as session:
        _case_in_scope(session, user, case_id)
        party_name = ""
        if case_party_id is not None:
            party_name = _principal(session, case_id, case_party_id)[1].name
        who = _who(expert_id, user_id, session)
        row = RecusalRequest(case_id=case_id, case_party_id=case_party_id, expert_id=expert_id,
                             user_id=user_id, form=form, reason=reason,
                             requested_on=requested_on or date.today(), outcome="pending")
        session.add(row)
        session.flush()
        audit.record(session, user, "recusal.request", entity="case", entity_id=case_id,
                     after={"party": party_name, "target": who, "form": form, "reason": reason})
        return row.id


@use_case
def decide_recusal(engine: Engine, user: CurrentUser, request_id: int, *, granted: bool,
                   decided_on: date | None = None, note: str = "") -> None:
    """Grant or refuse a recusal request. A party's request to replace the mediator is granted
    (司法部《人民调解工作若干规定》); a request against an expert may be refused only with a
    note saying why none of the grounds of Art.37 applies. Granting it takes a mediator off
    the case."""
    require(user, "cases.mediate")
    with unit_of_work(engine) as session:
        req = session.get(RecusalRequest, request_id)
        if req is None:
            raise ValueError(msg("该回避申请已不存在"))
        case = _case_in_scope(session, user, req.case_id)
        if req.outcome != "pending":
            raise ValueError(msg("该回避申请已决定（{outcome}）", outcome=OUTCOMES[req.outcome]))
        if req.user_id is not None and req.user_id == user.id:
            raise ValueError(msg("不能自行决定对本人的回避申请"))
        if not granted and req.user_id is not None:
            raise ValueError(msg("当事人要求更换调解员的，应当更换（《人民调解工作若干规定》）"))
        if not granted and not note.strip():
            raise ValueError(msg("驳回回避申请须写明理由（{law}）", law=ART37))
        req.outcome = "granted" if granted else "refused"
        req.decided_on = decided_on or date.today()
        req.decided_by_id = user.id or None
        removed = False
        if granted and req.user_id is not None:
            link = session.get(CaseMediator, (case.id, req.user_id))
            if link is not None:
                session.delete(link)
                removed = True
            if case.mediator_id == req.user_id:
                case.mediator_id = None
                removed = True
        audit.record(session, user, "recusal.decide", entity="case", entity_id=case.id,
                     before={"outcome": "pending"},
                     after={"outcome": req.outcome, "request_id": req.id, "mediator_removed": removed},
                     detail=note.strip())


# --- What the screens show -------------------------------------------------------------------


@dataclass(frozen=True)
class PartyBrief:
    case_party_id: int
    name: str
    role: str

    @property
    def role_name(self) -> str:
        return CASE_PARTY_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class CaseBrief:
    id: int
    number: str
    committee: str
    dispute_type: str
    status: str
    summary: str
    parties: tuple[PartyBrief, ...]

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class SafeguardRow:
    """One consent, choice, recusal request or override of a case, for the list on screen."""

    kind: str  # consent / mediator_choice / recusal / override
    on: date
    party: str
    person: str
    text: str
    ref_id: int = 0  # the consent's, request's or override's id
    pending: bool = False  # a recusal request not yet decided


@use_case
def find_case(engine: Engine, user: CurrentUser, number: str) -> CaseBrief | None:
    """A case by its number (or the last digits of it, when they single one case out)."""
    require(user, "cases.read")
    text = clean_name(number)
    if not text:
        return None
    with read_only(engine) as session:
        case = session.scalar(select(Case).where(Case.number == number.strip()))
        if case is None:
            found = list(session.scalars(select(Case).where(Case.number.like(f"%{number.strip()}%"))
                                         .order_by(Case.received_on.desc()).limit(2)))
            case = found[0] if len(found) == 1 else None
        if case is None:
            return None
        code = session.scalar(select(Committee.code).where(Committee.id == case.committee_id))
        if user.role == "mediator" and code not in user.committee_codes and not can(user, "cases.read_all"):
            return None
        parties = session.execute(
            select(CaseParty.id, Party.name, CaseParty.role).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id == case.id, CaseParty.role != "agent")
            .order_by(CaseParty.position, CaseParty.id)
        ).all()
        # A medical case's facts stay with the medical committee and the director.
        summary = (case.summary or "") if code != MEDICAL or sees_medical_details(user) else ""
        return CaseBrief(case.id, case.number, code or "", case.dispute_type, case.status, summary,
                         tuple(PartyBrief(*p) for p in parties))


@use_case
def case_safeguards(engine: Engine, user: CurrentUser, case_id: int) -> list[SafeguardRow]:
    """The case's consents to experts, choices of mediator, recusal requests and overrides."""
    require(user, "cases.read")
    out: list[SafeguardRow] = []
    with read_only(engine) as session:
        _case_in_scope(session, user, case_id, write=False)
        party_names = dict(session.execute(
            select(CaseParty.id, Party.name).join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id == case_id)).all())
        experts = dict(session.execute(select(Expert.id, Expert.name)).all())
        users = dict(session.execute(select(User.id, User.full_name)).all())
        for c in session.scalars(select(Consent).where(
                Consent.case_id == case_id, Consent.kind.in_(("expert", "mediator_choice")))):
            person = experts.get(c.expert_id or 0, "") if c.kind == "expert" else users.get(c.user_id or 0, "")
            verb = (msg("同意专家参与") if c.given else msg("不同意专家参与")) if c.kind == "expert" \
                else msg("选定调解员")
            out.append(SafeguardRow("consent" if c.kind == "expert" else "mediator_choice", c.given_on,
                                    party_names.get(c.case_party_id, ""), person,
                                    msg("{verb}（{form}）{note}", verb=verb, form=FORMS.get(c.form, c.form),
                                        note=c.note), c.id))
        for r in session.scalars(select(RecusalRequest).where(RecusalRequest.case_id == case_id)):
            person = experts.get(r.expert_id or 0, "") if r.expert_id else users.get(r.user_id or 0, "")
            out.append(SafeguardRow("recusal", r.requested_on, party_names.get(r.case_party_id or 0, ""), person,
                                    msg("{form}申请回避：{reason}；{outcome}", form=FORMS.get(r.form, r.form),
                                        reason=r.reason, outcome=OUTCOMES[r.outcome]),
                                    r.id, r.outcome == "pending"))
        for o in session.scalars(select(ConflictOverride).where(ConflictOverride.case_id == case_id)):
            person = experts.get(o.expert_id or 0, "") if o.expert_id else users.get(o.user_id or 0, "")
            out.append(SafeguardRow("override", o.at.date(), "", person,
                                    msg("放行：{reason}（回避事由：{conflicts}）", reason=o.reason,
                                        conflicts=series(o.conflicts.split("\n"), "；")), o.id))
    out.sort(key=lambda r: r.on)
    return out
