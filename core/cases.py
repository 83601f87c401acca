"""Reading cases for lists, the CLI and exports: plain rows, one page at a time."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, Select, and_, exists, func, literal_column, or_, select, text, union
from sqlalchemy.orm import Session

from core.auth import MEDICAL, CurrentUser, can, require, sees_medical_details, use_case
from core.uow import read_only
from db import search
from db.codes import CASE_STATUSES, COMMITTEE_SHORT, DISPUTE_TYPES
from db.models import Case, CaseParty, Committee, Party, PartyNameSuffix, User


@dataclass(frozen=True)
class CaseFilter:
    committee: str | None = None
    status: str | None = None
    dispute_type: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    mediator_id: int | None = None
    text: str = ""
    # For the "my cases" view and role scoping: only these committees.
    committees: tuple[str, ...] | None = None
    # Role scoping (``scoped``): medical cases listed without their summary and amount, and not
    # found by what they are about (reception; 个人信息保护法第二十八条). The parties' names stay:
    # reception registered them and finds a returning visitor's cases by name to book a session.
    redact_medical: bool = False


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    committee: str
    status: str
    dispute_type: str
    received: date
    parties: int
    party_names: str
    mediator: str
    amount_claimed: Decimal | None
    summary: str

    @property
    def committee_name(self) -> str:
        return COMMITTEE_SHORT.get(self.committee, self.committee)

    @property
    def status_name(self) -> str:
        return CASE_STATUSES.get(self.status, self.status)

    @property
    def dispute_type_name(self) -> str:
        return DISPUTE_TYPES.get(self.dispute_type, self.dispute_type)

    def to_json(self) -> dict:
        data = asdict(self)
        data["received"] = self.received.isoformat()
        data["amount_claimed"] = None if self.amount_claimed is None else str(self.amount_claimed)
        return data


SORT_COLUMNS = {
    "received": Case.received_on,
    "number": Case.number,
    "status": Case.status,
    "committee": Case.committee_id,
    "dispute_type": Case.dispute_type,
    "amount": Case.amount_claimed,
}


def _filtered(query: Select, f: CaseFilter, *, walk_received_index: bool = False) -> Select:
    """Add the filter's conditions. Committees are matched by id through a subquery, not a
    join: with a join SQLite starts from the 11 committees and sorts a million rows.

    ``walk_received_index``: for a newest-first page, compare committee, status and dispute
    type through an expression (``committee_id + 0``, ``status || ''``, ``dispute_type || ''``)
    so the planner cannot pick their indexes and then sort every matching row; it walks
    ix_cases_received instead and stops after one page."""
    committee_col = Case.committee_id + 0 if walk_received_index else Case.committee_id
    status_col = Case.status + "" if walk_received_index else Case.status
    type_col = Case.dispute_type + "" if walk_received_index else Case.dispute_type
    conditions = []
    codes = [f.committee] if f.committee else []
    if f.committees is not None:
        codes = [c for c in codes if c in f.committees] if codes else list(f.committees)
        if not codes:
            codes = ["-"]  # no committee of theirs: match nothing
    if codes:
        conditions.append(committee_col.in_(select(Committee.id).where(Committee.code.in_(codes))))
    if f.status:
        conditions.append(status_col == f.status)
    if f.dispute_type:
        conditions.append(type_col == f.dispute_type)
    if f.received_from:
        conditions.append(Case.received_on >= f.received_from)
    if f.received_to:
        conditions.append(Case.received_on <= f.received_to)
    if f.mediator_id:
        conditions.append(Case.mediator_id == f.mediator_id)
    return query.where(and_(*conditions)) if conditions else query


# Text search (db.search has the structures). The matching rule is the row check below: a party's
# name, the number or — for text of ≥ 2 characters — the summary contains the text. A single
# character is looked up in names and numbers only: in summaries it matches nearly every case.
SUMMARY_MIN_CHARS = 2
# Rows of the list, in its order, read before the search indexes are used. A text found in many
# cases (a common surname, a committee's number prefix: tens of thousands) fills the first page
# within them by a plain index walk — faster than collecting and sorting every match; a rarer one
# (under ~4 % of the cases) goes to the indexes, which then return at most a few ten thousand.
WINDOW = 5_000
# A 1–2 character text starting more trigram terms than this is looked for row by row (SQLite).
MAX_TERMS = 1_000


def _like(value: str) -> str:
    """``%value%`` with LIKE's wildcards taken literally (escape character ``\\``)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_checks(f: CaseFilter, value: str):
    """The rule on the case row itself: the number or (from 2 characters) the summary holds it."""
    like = _like(value)
    checks = [Case.number.like(like, escape="\\")]
    if len(value) >= SUMMARY_MIN_CHARS:
        summary = Case.summary.like(like, escape="\\")
        if f.redact_medical:  # what a medical case is about is not searchable either
            summary = and_(summary, Case.committee_id.not_in(select(Committee.id).where(Committee.code == MEDICAL)))
        checks.append(summary)
    return or_(*checks)


def _text_check(f: CaseFilter, value: str):
    """The search's rule checked on one case row (correlated: a case's few parties by index)."""
    by_name = exists().where(CaseParty.case_id == Case.id, Party.id == CaseParty.party_id,
                             Party.name.like(_like(value), escape="\\"))
    return or_(_text_checks(f, value), by_name)


def _fts_match(session: Session, value: str) -> str | None:
    """The FTS5 query (SQLite) for a superset of the cases whose number or summary holds ``value``.
    From 3 characters: one phrase, its trigrams adjacent. Shorter: every indexed trigram that
    starts with it — db.search pads each value so that every occurrence begins one —, taken from
    the vocabulary (a range of terms), unless there are too many to be worth it."""
    columns = ["number", "summary"] if len(value) >= SUMMARY_MIN_CHARS else ["number"]
    if len(value) >= 3:
        terms = [value]
    else:
        # The table folds case (trigram, case_sensitive 0); its terms are ranged by the folded
        # text. Outside ASCII, Python's folding may not be FTS5's: such a text reads rows.
        if any(not c.isascii() and c.lower() != c for c in value):
            return None
        low = value.lower()
        terms = session.scalars(
            select(literal_column("term")).select_from(text("cases_fts_terms"))
            .where(literal_column("term") >= low, literal_column("term") < low + search.MAX_CHAR,
                   literal_column("col").in_(columns))
            .distinct().limit(MAX_TERMS + 1)
        ).all()
        if len(terms) > MAX_TERMS:
            return None
        if not terms:
            return ""
    quoted = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
    return "{" + " ".join(columns) + "} : (" + quoted + ")"


def _matches(session: Session, f: CaseFilter, value: str):
    """Ids of exactly the matching cases, found through the search indexes, or None when they
    cannot narrow it (SQLite without FTS5, or a 1–2 character text beginning too many terms).
    The suffixes give the names' matches exactly; the text indexes give candidates, checked
    again by LIKE among themselves only (so the outer query needs no check per row)."""
    dialect = session.get_bind().dialect.name
    key = search.suffix_key(dialect, value)
    by_name = select(CaseParty.case_id).where(CaseParty.party_id.in_(
        select(PartyNameSuffix.party_id).where(PartyNameSuffix.suffix >= key,
                                               PartyNameSuffix.suffix < key + search.MAX_CHAR)))
    if dialect == "sqlite":
        if not search.has_fts(session.connection()):
            return None
        match = _fts_match(session, value)
        if match is None:
            return None
        if match == "":  # no such trigram: only names can hold it
            return by_name
        index = Case.id.in_(select(literal_column("rowid")).select_from(text("cases_fts")).where(
            text("cases_fts MATCH :match").bindparams(match=match)))
    elif len(value) >= 3:  # the GIN trigram indexes serve the LIKE itself
        index = None
    else:  # the number's characters, the bigrams of number and summary (db.search)
        index = text(f"{search.PG_GRAMS} @> ARRAY[CAST(:gram AS text)]").bindparams(gram=value)
    by_text = select(Case.id).where(_text_checks(f, value))
    return union(by_name, by_text if index is None else by_text.where(index))


def _searched(session: Session, query: Select, f: CaseFilter, *, indexed: bool = True) -> Select:
    value = f.text.strip()
    if not value:
        return query
    matches = _matches(session, f, value) if indexed else None
    return query.where(_text_check(f, value) if matches is None else Case.id.in_(matches))


def _committee_codes(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Committee.id, Committee.code)).all())


def count_cases(session: Session, f: CaseFilter = CaseFilter()) -> int:
    return session.scalar(_searched(session, _filtered(select(func.count(Case.id)), f), f)) or 0


def fetch_cases(
    session: Session,
    f: CaseFilter = CaseFilter(),
    *,
    offset: int = 0,
    limit: int = 100,
    sort: str = "received",
    descending: bool = True,
) -> list[CaseRow]:
    column = SORT_COLUMNS[sort]
    order = [column.desc(), Case.id.desc()] if descending else [column.asc(), Case.id.asc()]
    columns = (Case.id, Case.number, Case.committee_id, Case.status, Case.dispute_type, Case.received_on,
               Case.amount_claimed, Case.summary, User.full_name)
    walk = sort == "received"
    value = f.text.strip()
    rows = None
    if value and offset + limit <= WINDOW:
        # The first WINDOW rows of the list in its order, checked row by row in that order: when
        # they hold the page, it is the page (everything after them comes later in the order).
        # A subquery in FROM keeps the order, so the check stops once the page is full.
        window = (_filtered(select(Case.id.label("wid"), column.label("wkey")), f, walk_received_index=walk)
                  .order_by(*order).limit(WINDOW).subquery("w"))
        worder = ([window.c.wkey.desc(), window.c.wid.desc()] if descending
                  else [window.c.wkey.asc(), window.c.wid.asc()])
        query = (select(*columns).select_from(window).join(Case, Case.id == window.c.wid)
                 .outerjoin(User, User.id == Case.mediator_id).where(_text_check(f, value)))
        rows = session.execute(query.order_by(*worder).offset(offset).limit(limit)).all()
        if len(rows) < limit and session.scalar(select(func.count()).select_from(window)) == WINDOW:
            rows = None  # not enough in the window: the matches are rarer, ask the indexes
    if rows is None:
        base = select(*columns).outerjoin(User, User.id == Case.mediator_id)
        query = _searched(session, _filtered(base, f, walk_received_index=walk and not value), f)
        rows = session.execute(query.order_by(*order).offset(offset).limit(limit)).all()
    names = _party_names(session, [r.id for r in rows])
    codes = _committee_codes(session)
    out = []
    for r in rows:
        hide = f.redact_medical and codes[r.committee_id] == MEDICAL
        out.append(CaseRow(
            id=r.id,
            number=r.number,
            committee=codes[r.committee_id],
            status=r.status,
            dispute_type=r.dispute_type,
            received=r.received_on,
            parties=len(names.get(r.id, ())),
            party_names="、".join(names.get(r.id, ())),
            mediator=r.full_name or "",
            amount_claimed=None if hide else r.amount_claimed,
            summary="" if hide else r.summary,
        ))
    return out


def _party_names(session: Session, case_ids: list[int]) -> dict[int, list[str]]:
    """Names of each case's parties (agents excluded from the count), in one query."""
    if not case_ids:
        return {}
    result: dict[int, list[str]] = {}
    rows = session.execute(
        select(CaseParty.case_id, Party.name)
        .join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id.in_(case_ids), CaseParty.role != "agent")
        .order_by(CaseParty.case_id, CaseParty.position, CaseParty.id)
    )
    for case_id, name in rows:
        result.setdefault(case_id, []).append(name)
    return result


def scoped(user, f: CaseFilter) -> CaseFilter:
    """Mediators see the cases of their own committees; reception and the director see
    all (the director read-only). Other roles see none."""
    from dataclasses import replace

    require(user, "cases.read")
    if user.role == "mediator" and not can(user, "cases.read_all"):
        f = replace(f, committees=tuple(user.committee_codes))
    if not sees_medical_details(user):
        f = replace(f, redact_medical=True)
    return f


@use_case
def list_cases(engine: Engine, user: CurrentUser, f: CaseFilter = CaseFilter(), *, offset: int = 0,
               limit: int = 100, sort: str = "received", descending: bool = True) -> list[CaseRow]:
    """A page of the case list as ``user`` may see it (:func:`scoped`)."""
    with read_only(engine) as session:
        return fetch_cases(session, scoped(user, f), offset=offset, limit=limit, sort=sort,
                           descending=descending)


@use_case
def case_count(engine: Engine, user: CurrentUser, f: CaseFilter = CaseFilter()) -> int:
    """How many cases of the list ``user`` may see match ``f``."""
    with read_only(engine) as session:
        return count_cases(session, scoped(user, f))
