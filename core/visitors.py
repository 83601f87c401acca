"""Repeat visitors: who is this person, have they been here before, is this dispute already open?

While reception types an ID number, a phone number or a name, :func:`find_matching_parties`
offers the persons and organisations already on file (best first), each with its open cases so
the screen can flag 重复来访. Before an intake is saved, :func:`possible_duplicates` looks for
the same dispute registered twice by accident: an open case with the same set of parties and
the same dispute type or committee, received recently.

All lookups go through indexes (``uq(id_type, id_number)``, ``uscc``, ``ix_parties_phone``,
``ix_parties_name``, ``ix_parties_name_initials``) and return a handful of rows, so they stay
at a few milliseconds on a database of a million cases. Name prefixes are searched as a range
(``name >= p AND name < p'``), which an index serves only when the database orders text by code
point: SQLite always does (BINARY), PostgreSQL does under the C / C.UTF-8 collation. Under a
linguistic collation (e.g. zh_CN, where 张 sorts by pinyin) the range would miss names, so the
prefix is then matched with ``LIKE`` alone — correct, but a scan.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import Engine, and_, or_, select, text, update
from sqlalchemy.orm import Session

from core.auth import CurrentUser, require, use_case
from core.identifiers import (
    ID_TYPES,
    check_phone,
    check_resident_id,
    check_uscc,
    mask_id,
    normalize,
)
from core.uow import read_only
from db.codes import CASE_STATUSES, COMMITTEE_SHORT, DISPUTE_TYPES, OPEN_STATUSES
from db.models import Case, CaseParty, Committee, Party

# --- Pinyin initials ------------------------------------------------------------------------

# Surnames read differently from the everyday character (曾 zeng, not ceng), applied to the
# first character of a person's name only.
SURNAME_READINGS: dict[str, str] = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "朴": "p", "查": "z", "盖": "g",
    "乐": "y", "缪": "m", "翟": "z", "覃": "q", "尉": "y", "长": "c", "重": "c", "万": "w",
    "种": "c", "沈": "s", "秘": "b", "繁": "p", "员": "y", "隗": "w", "皮": "p", "召": "s",
}
# Characters pypinyin has no reading for (Extension B and later), seen in names.
RARE_READINGS: dict[str, str] = {"𠮷": "j"}

NAME_INITIALS_MAX = 40  # parties.name_initials is String(40)
_LATIN_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


def _pinyin_first_letters(text_: str) -> list[str]:
    """First letters of each Chinese character (context-aware readings: 重庆 → c q) and of
    Latin words; characters without a known reading are skipped."""
    from pypinyin import Style, lazy_pinyin

    def non_han(chunk: str) -> list[str]:
        out: list[str] = []
        for ch in chunk:
            if ch in RARE_READINGS:
                out.append(RARE_READINGS[ch])
        for word in _LATIN_RUN.findall(chunk):
            if word.isdigit():
                continue
            # An acronym (ABC物业) keeps every letter; a word (John) gives its first.
            out.append(word.lower() if word.isupper() and len(word) > 1 else word[0].lower())
        return out

    letters = lazy_pinyin(text_, style=Style.FIRST_LETTER, errors=non_han, strict=False)
    return [p.lower() for p in letters if p and p.isascii() and p.isalpha()]


def name_initials(name: str, *, person: bool = True) -> str:
    """Lower-case pinyin initials for search-as-you-type: 张三 → ``zs``, 曾小贤 → ``zxx``,
    衢江区人民医院 → ``qjqrmyy``, 𠮷星 → ``jx``. Characters without a reading are skipped;
    never raises on any text."""
    try:
        name = unicodedata.normalize("NFKC", name or "").strip()
        if not name:
            return ""
        letters: list[str] = []
        rest = name
        if person and name[0] in SURNAME_READINGS:
            letters.append(SURNAME_READINGS[name[0]])
            rest = name[1:]
        letters.extend(_pinyin_first_letters(rest))
        return "".join(letters)[:NAME_INITIALS_MAX]
    except Exception:  # noqa: BLE001 — a search key must never block an intake
        return _initials_char_by_char(name)


def _initials_char_by_char(name: str) -> str:
    letters: list[str] = []
    for ch in str(name):
        try:
            letters.extend(_pinyin_first_letters(ch))
        except Exception:  # noqa: BLE001, S112
            continue
    return "".join(letters)[:NAME_INITIALS_MAX]


def refresh_name_initials(session: Session, party_ids: Iterable[int]) -> int:
    """Recompute ``parties.name_initials`` for these parties (intake calls it after creating or
    renaming parties, in its own unit of work). Returns how many rows changed. The column is a
    search key derived from the name, so no audit entry of its own."""
    ids = sorted({int(i) for i in party_ids})
    changed: list[dict] = []
    for chunk in _chunks(ids, 500):
        rows = session.execute(
            select(Party.id, Party.kind, Party.name, Party.name_initials).where(Party.id.in_(chunk))
        )
        for pid, kind, name, current in rows:
            wanted = name_initials(name, person=kind == "person")
            if wanted != (current or ""):
                changed.append({"id": pid, "name_initials": wanted})
    if changed:
        session.execute(update(Party), changed)
    return len(changed)


# --- Matching parties --------------------------------------------------------------------------


class OpenCase(NamedTuple):
    """An open case of a party: (case number, committee short name, status code)."""

    number: str
    committee: str
    status: str

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class PartyMatch:
    party_id: int
    kind: str
    name: str
    id_type: str | None
    id_number_masked: str | None  # 330802********1234 (domain.md §8)
    phone: str | None
    address: str | None
    birth_date: date | None
    sex: str | None
    ethnicity: str | None
    occupation: str | None
    workplace: str | None
    org_kind: str | None
    uscc: str | None
    legal_representative: str | None
    # The most recent open cases (at most OPEN_CASES_SHOWN), and how many there are in all
    # (counted up to OPEN_COUNT_CAP: an insurer may be in thousands; show "20+").
    open_cases: tuple[OpenCase, ...]
    open_case_count: int
    why: str  # "身份证号相同、手机号相同"
    rank: int  # 0 ID/USCC · 1 phone · 2 exact name · 3 name prefix · 4 pinyin initials

    @property
    def repeat_visit(self) -> bool:
        """Already has an open case here: flag 重复来访."""
        return self.open_case_count > 0

    @property
    def flag(self) -> str:
        return "重复来访" if self.repeat_visit else ""


OPEN_CASES_SHOWN = 5
_RANK_ID, _RANK_PHONE, _RANK_NAME, _RANK_PREFIX, _RANK_INITIALS = range(5)
_MIN_PREFIX = 2  # one character (张) matches half the county: not worth offering
_INITIALS_RE = re.compile(r"[a-z]{2,40}")

_PARTY_COLUMNS = (
    Party.id, Party.kind, Party.name, Party.id_type, Party.id_number, Party.phone, Party.address,
    Party.birth_date, Party.sex, Party.ethnicity, Party.occupation, Party.workplace,
    Party.org_kind, Party.uscc, Party.legal_representative, Party.name_initials,
)


def find_matching_parties(
    session: Session,
    *,
    id_number: str | None = None,
    phone: str | None = None,
    name: str | None = None,
    uscc: str | None = None,
    limit: int = 8,
) -> list[PartyMatch]:
    """Parties already on file that match what has been typed so far, best first: same ID
    number or USCC, then same phone, same name, name starting with the text, and pinyin
    initials (``zs`` → 张三). Each query reads at most ``limit`` rows through an index.
    Anonymised parties are never offered."""
    if limit <= 0:
        return []
    ids = _id_candidates(id_number)
    usccs = _uscc_candidates(uscc, id_number)
    phones, phone_reason = _phone_candidates(phone)
    typed_name = unicodedata.normalize("NFKC", name or "").strip()
    prefix = typed_name if len(typed_name) >= _MIN_PREFIX else ""
    initials = typed_name.replace(" ", "").lower()
    initials = initials if _INITIALS_RE.fullmatch(initials) else ""

    queries = []
    base = select(*_PARTY_COLUMNS).where(Party.anonymised.is_(False))
    if ids:
        queries.append(base.where(Party.id_type.in_(tuple(ID_TYPES)), Party.id_number.in_(ids)).limit(limit))
    if usccs:
        queries.append(base.where(Party.uscc.in_(usccs)).limit(limit))
    if phones:
        queries.append(base.where(Party.phone.in_(phones)).order_by(Party.id.desc()).limit(limit))
    if typed_name:
        queries.append(base.where(Party.name == typed_name).order_by(Party.id.desc()).limit(limit))
    if prefix:
        queries.append(
            base.where(_prefix_condition(session, Party.name, prefix), Party.name != typed_name)
            .order_by(Party.name).limit(limit)  # index order: LIMIT stops the scan (no id tie-break)
        )
    if initials:
        queries.append(
            base.where(_prefix_condition(session, Party.name_initials, initials, codepoint_order=True))
            .order_by(Party.name_initials).limit(limit)  # shortest (closest) initials first
        )

    found: dict[int, tuple[int, list[str], object]] = {}
    for query in queries:
        for row in session.execute(query):
            if row.id in found:
                continue
            rank, reasons = _reasons(row, ids, usccs, phones, phone_reason, typed_name, prefix, initials)
            if reasons:
                found[row.id] = (rank, reasons, row)
    best = sorted(found.values(), key=_match_order)[:limit]
    open_cases = {row.id: _recent_open_cases(session, row.id, OPEN_COUNT_CAP) for _, _, row in best}
    return [
        PartyMatch(
            party_id=row.id, kind=row.kind, name=row.name, id_type=row.id_type,
            id_number_masked=mask_id(row.id_number) if row.id_number else None,
            phone=row.phone, address=row.address, birth_date=row.birth_date, sex=row.sex,
            ethnicity=row.ethnicity, occupation=row.occupation, workplace=row.workplace,
            org_kind=row.org_kind, uscc=row.uscc, legal_representative=row.legal_representative,
            open_cases=tuple(case for _, case in open_cases[row.id][:OPEN_CASES_SHOWN]),
            open_case_count=len(open_cases[row.id]), why="、".join(reasons), rank=rank,
        )
        for rank, reasons, row in best
    ]


def _match_order(entry) -> tuple:
    """Best rank, then more reasons, then the closest (shortest) name or initials."""
    rank, reasons, row = entry
    closeness = len(row.name_initials or "") if rank == _RANK_INITIALS else len(row.name)
    return rank, -len(reasons), closeness, row.name, row.id


def _reasons(row, ids, usccs, phones, phone_reason, typed_name, prefix, initials) -> tuple[int, list[str]]:
    """Why this row matched (every reason, in rank order) and its best rank."""
    noun = "姓名" if row.kind == "person" else "名称"
    reasons: list[tuple[int, str]] = []
    if row.id_number and row.id_number in ids:
        label = "身份证号" if row.id_type == "resident_id" else f"{ID_TYPES.get(row.id_type, '证件')}号码"
        reasons.append((_RANK_ID, f"{label}相同"))
    if row.uscc and row.uscc in usccs:
        reasons.append((_RANK_ID, "统一社会信用代码相同"))
    if row.phone and row.phone in phones:
        reasons.append((_RANK_PHONE, phone_reason))
    if typed_name and row.name == typed_name:
        reasons.append((_RANK_NAME, f"{noun}相同"))
    elif prefix and row.name.startswith(prefix):
        reasons.append((_RANK_PREFIX, f"{noun}以“{prefix}”开头"))
    if initials and (row.name_initials or "").startswith(initials):
        reasons.append((_RANK_INITIALS, f"{noun}拼音首字母 {initials}"))
    if not reasons:
        return 99, []
    return min(r for r, _ in reasons), [why for _, why in reasons]


def _id_candidates(id_number: str | None) -> list[str]:
    if not id_number:
        return []
    number = normalize(id_number)
    if len(number) < 3:
        return []
    out = [number]
    check = check_resident_id(number)
    if check.valid and check.normalized and check.normalized != number:
        out.append(check.normalized)  # a legacy 15-digit number is stored as its 18-digit form
    return out


def _uscc_candidates(uscc: str | None, id_number: str | None) -> list[str]:
    out = []
    if uscc and len(normalize(uscc)) == 18:
        out.append(normalize(uscc))
    if id_number and check_uscc(id_number).valid:  # an organisation's code typed as its number
        out.append(normalize(id_number))
    return list(dict.fromkeys(out))


def _phone_candidates(phone: str | None) -> tuple[list[str], str]:
    if not phone:
        return [], ""
    check = check_phone(phone)
    if check.valid and check.normalized:
        reason = "手机号相同" if check.kind == "mobile" else "电话号码相同"
        digits = re.sub(r"[^0-9]", "", check.normalized)
        return list(dict.fromkeys([check.normalized, digits])), reason
    digits = re.sub(r"[^0-9]", "", normalize(phone))
    return ([digits], "电话号码相同") if len(digits) >= 7 else ([], "")


def _prefix_condition(session: Session, column, prefix: str, *, codepoint_order: bool = False):
    """``column`` starts with ``prefix``, as an index range where the collation allows it."""
    like = column.like(_escape_like(prefix) + "%", escape="\\")
    if not (codepoint_order or _orders_by_codepoint(session)):
        return like
    last = ord(prefix[-1])
    if last >= 0x10FFFF:
        return and_(column >= prefix, like)
    upper = prefix[:-1] + chr(last + 1 if last + 1 not in range(0xD800, 0xE000) else 0xE000)
    return and_(column >= prefix, column < upper, like)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_CODEPOINT_ORDER: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _orders_by_codepoint(session: Session) -> bool:
    """Whether plain text comparison follows code points (SQLite; PostgreSQL under C/C.UTF-8).
    Asked once per engine: 'B' < 'a' and 张 (U+5F20) < 阿 (U+963F) hold only then — a pinyin
    collation puts 阿 (a) first."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    if engine.dialect.name == "sqlite":
        return True
    known = _CODEPOINT_ORDER.get(engine)
    if known is None:
        known = bool(session.scalar(text("SELECT 'B' < 'a' AND '张' < '阿'")))
        _CODEPOINT_ORDER[engine] = known
    return known


# --- Open cases -------------------------------------------------------------------------------


def open_cases_of(
    session: Session, party_ids: Iterable[int], *, limit_per_party: int | None = None
) -> dict[int, list[OpenCase]]:
    """Open cases (registered / accepted / mediating) in which each party takes part other than
    as an agent, most recent first. Every requested id is a key (possibly with an empty list).
    With ``limit_per_party`` each party's most recent open cases are read through its index
    entries newest first, so an insurer in 30,000 cases costs no more than a walk-in."""
    ids = sorted({int(i) for i in party_ids})
    if limit_per_party is not None:
        return {pid: [c for _, c in _recent_open_cases(session, pid, limit_per_party)] for pid in ids}
    result: dict[int, list[OpenCase]] = {pid: [] for pid in ids}
    if not ids:
        return result
    rows = session.execute(
        select(CaseParty.party_id, Case.id, Case.number, Committee.code, Case.status)
        .join(Case, Case.id == CaseParty.case_id)
        .join(Committee, Committee.id == Case.committee_id)
        .where(CaseParty.party_id.in_(ids), CaseParty.role != "agent", Case.status.in_(OPEN_STATUSES))
        .order_by(CaseParty.party_id, Case.received_on.desc(), Case.id.desc())
    )
    seen: set[tuple[int, int]] = set()
    for pid, case_id, number, code, status in rows:
        if (pid, case_id) not in seen:  # a party in two roles of one case counts once
            seen.add((pid, case_id))
            result[pid].append(OpenCase(number, COMMITTEE_SHORT.get(code, code), status))
    return result


OPEN_COUNT_CAP = 20  # PartyMatch.open_case_count stops counting here ("20+")


def _recent_open_cases(session: Session, party_id: int, cap: int) -> list[tuple[int, OpenCase]]:
    """Up to ``cap`` distinct open cases of one party, most recently received first.

    SQLite's ix_case_parties_party is (party_id, rowid): walking it newest first finds the open
    cases (which are the recent ones) and stops at ``cap``. A PostgreSQL index entry carries no
    such order — asking for one makes the planner walk the whole case_parties primary key
    backwards — so there the party's open cases are read in one go (an insurer in 30,000 cases:
    a few thousand open ones) and the newest kept."""
    query = (
        select(Case.id, Case.number, Committee.code, Case.status, Case.received_on)
        .select_from(CaseParty)
        .join(Case, Case.id == CaseParty.case_id)
        .join(Committee, Committee.id == Case.committee_id)
        .where(CaseParty.party_id == party_id, CaseParty.role != "agent",
               Case.status.in_(OPEN_STATUSES))
    )
    if session.get_bind().dialect.name == "sqlite":
        query = query.order_by(CaseParty.id.desc()).limit(cap + 3)  # room for a party in two roles
    unique = {r.id: r for r in session.execute(query)}
    ordered = sorted(unique.values(), key=lambda r: (r.received_on, r.id), reverse=True)[:cap]
    return [(r.id, OpenCase(r.number, COMMITTEE_SHORT.get(r.code, r.code), r.status)) for r in ordered]


# --- The same dispute twice -------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateHint:
    case_id: int
    number: str
    committee: str  # code
    status: str
    dispute_type: str
    received_on: date
    summary: str
    same_dispute_type: bool
    same_committee: bool
    similarity: float  # difflib ratio of the two summaries, 0–1
    strong: bool  # intake asks for an explicit confirmation before saving
    reason: str  # Chinese, for the warning

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)


STRONG_SIMILARITY = 0.6
_PUNCT = re.compile(r"[\s\W_]+")


def summary_similarity(a: str, b: str) -> float:
    """difflib ratio of two case summaries, ignoring whitespace and punctuation."""
    a, b = _PUNCT.sub("", a or ""), _PUNCT.sub("", b or "")
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def resolve_party_keys(session: Session, party_keys: Iterable[int | str]) -> tuple[set[int], bool]:
    """Party ids for keys given as party ids (int) or ID numbers / USCCs (str). The flag is False
    when some key names nobody on file (a new party: no existing case can have the same set)."""
    ids: set[int] = set()
    complete = True
    for key in party_keys:
        if isinstance(key, int):
            ids.add(key)
            continue
        number = normalize(str(key))
        candidates = _id_candidates(number) or [number]
        found = session.scalar(
            select(Party.id).where(
                or_(and_(Party.id_type.in_(tuple(ID_TYPES)), Party.id_number.in_(candidates)),
                    Party.uscc == number)
            ).limit(1)
        ) if number else None
        if found is None:
            complete = False
        else:
            ids.add(found)
    return ids, complete


def possible_duplicates(
    session: Session,
    *,
    party_keys: Iterable[int | str],
    dispute_type: str | None,
    committee_code: str | None,
    summary: str = "",
    within_days: int = 90,
    today: date | None = None,
    intake_key: str = "",
) -> list[DuplicateHint]:
    """Open cases that look like this new registration made twice by accident: received in the
    last ``within_days`` days, with exactly the same set of parties (agents aside) and the same
    dispute type or the same committee. Strong when both type and committee agree, or the
    summaries are alike (ratio ≥ 0.6); strongest first. The case registered by the form with
    ``intake_key`` is not a duplicate of it."""
    keys = list(party_keys)
    if not keys:
        return []
    wanted, complete = resolve_party_keys(session, keys)
    if not complete or not wanted:
        return []
    today = today or date.today()
    since = today - timedelta(days=within_days)
    anchor = _rarest_party(session, wanted)
    same_kind = []
    if dispute_type:
        same_kind.append(Case.dispute_type == dispute_type)
    if committee_code:
        committee_id = select(Committee.id).where(Committee.code == committee_code).scalar_subquery()
        same_kind.append(Case.committee_id == committee_id)
    if not same_kind:
        return []
    # Start from the anchor's own cases (ix_case_parties_party). No inner join: SQLite would
    # loop over the committees and read every recent case of each instead.
    anchor_cases = select(CaseParty.case_id).where(CaseParty.party_id == anchor, CaseParty.role != "agent")
    candidates = session.execute(
        select(Case.id, Case.number, Committee.code, Case.status, Case.dispute_type,
               Case.received_on, Case.summary)
        .select_from(Case)
        .outerjoin(Committee, Committee.id == Case.committee_id)
        .where(Case.id.in_(anchor_cases), Case.status.in_(OPEN_STATUSES), Case.received_on >= since,
               or_(*same_kind),
               # not the case this very form registered (a save retried after a lost connection)
               or_(Case.intake_key.is_(None), Case.intake_key != (intake_key or "")))
    ).all()
    if not candidates:
        return []
    members: dict[int, set[int]] = {}
    for case_id, pid in session.execute(
        select(CaseParty.case_id, CaseParty.party_id)
        .where(CaseParty.case_id.in_([c.id for c in candidates]), CaseParty.role != "agent")
    ):
        members.setdefault(case_id, set()).add(pid)

    hints = []
    for c in candidates:
        if members.get(c.id) != wanted:
            continue
        same_type = bool(dispute_type) and c.dispute_type == dispute_type
        same_committee = bool(committee_code) and c.code == committee_code
        ratio = summary_similarity(summary, c.summary)
        strong = (same_type and same_committee) or ratio >= STRONG_SIMILARITY
        hints.append(DuplicateHint(
            case_id=c.id, number=c.number, committee=c.code, status=c.status,
            dispute_type=c.dispute_type, received_on=c.received_on, summary=c.summary[:200],
            same_dispute_type=same_type, same_committee=same_committee,
            similarity=round(ratio, 3), strong=strong,
            reason=_duplicate_reason(c, same_type, same_committee, ratio),
        ))
    hints.sort(key=lambda h: (not h.strong, -h.similarity, -h.received_on.toordinal(), h.number))
    return hints


def _rarest_party(session: Session, party_ids: set[int]) -> int:
    """The party to start from: a person if any (organisations such as hospitals are in
    thousands of cases; a person in a few), else the lowest id."""
    person = session.scalar(
        select(Party.id).where(Party.id.in_(party_ids), Party.kind == "person")
        .order_by(Party.id).limit(1)
    )
    return person if person is not None else min(party_ids)


def _duplicate_reason(c, same_type: bool, same_committee: bool, ratio: float) -> str:
    alike = []
    if same_type:
        alike.append(f"纠纷类型相同（{DISPUTE_TYPES.get(c.dispute_type, c.dispute_type)}）")
    if same_committee:
        alike.append(f"同为{COMMITTEE_SHORT.get(c.code, c.code)}调委会")
    alike.append(f"案情相似度 {round(ratio * 100)}%")
    return (f"同一批当事人已于 {c.received_on.isoformat()} 登记 {c.number}"
            f"（{CASE_STATUSES.get(c.status, c.status)}），" + "，".join(alike))


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]


# --- Use cases (the intake screen's look-ups) -------------------------------------------------


@use_case
def lookup_parties(engine: Engine, user: CurrentUser, **criteria) -> list[PartyMatch]:
    """:func:`find_matching_parties` for the intake form (permission ``intake``): ID numbers come
    back masked; the other particulars prefill the form."""
    require(user, "intake")
    with read_only(engine) as session:
        return find_matching_parties(session, **criteria)


@use_case
def duplicate_hints(engine: Engine, user: CurrentUser, **kwargs) -> list[DuplicateHint]:
    """:func:`possible_duplicates` for the intake form (permission ``intake``)."""
    require(user, "intake")
    with read_only(engine) as session:
        return possible_duplicates(session, **kwargs)
