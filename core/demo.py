"""Synthetic demo data (``tiaojie demo``): staff, the expert pool, parties and a year of cases
with everything that hangs off them, consistent enough for the statistics to make sense.

Deterministic: the same ``seed`` and ``today`` on an empty database give the same rows. Fast: rows
are built as plain dicts from seeded pools (no ORM objects, one argon2 hash for all staff), with
ids assigned here so children reference parents without round trips, and written in chunks —
``executemany`` of ready-made values on SQLite, ``COPY`` on PostgreSQL, Core ``insert()`` on
anything else. Money is written as fen, JSON as text, exactly as the column types would. A writer
thread inserts one chunk while the next is generated (the drivers release the GIL), and on
PostgreSQL the load skips the per-row foreign-key triggers when the role may
(``session_replication_role = replica``); the generator assigns every reference itself and the
tests check them all.

Stories (who, what, how much) live in :mod:`core.demo_texts`; names, places and identifier
builders in :mod:`core.demo_names`.
"""

from __future__ import annotations

import json
import queue
import random
import threading
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from functools import cache
from itertools import accumulate
from operator import itemgetter

from sqlalchemy import JSON, Connection, Date, DateTime, Engine, Table, func, insert, select
from sqlalchemy.exc import DBAPIError

from core import demo_names as names
from core import demo_texts as texts
from db import bulk_load, rollups
from db.codes import COMMITTEES, DISPUTE_TYPES
from db.models import (
    Agreement,
    AgreementTerm,
    Appointment,
    BookedResource,
    Case,
    CaseMediator,
    CaseNumberCounter,
    CaseParty,
    Committee,
    Consent,
    DeadlineExtension,
    DeadlinePause,
    DutySlot,
    Expert,
    FollowUp,
    Instalment,
    Invitation,
    MediationSession,
    Party,
    Payment,
    QueueTicket,
    RatingLedgerEntry,
    Room,
    Setting,
    Signature,
    StatusChange,
    User,
    expert_committees,
    user_committees,
)
from db.seed import DEFAULT_SETTINGS
from db.types import Money

DEMO_PASSWORD = "demo1234"
DEFAULT_CASES = 2000
DEFAULT_BATCH = 5000

_T = {
    "parties": Party.__table__,
    "queue_tickets": QueueTicket.__table__,
    "cases": Case.__table__,
    "case_parties": CaseParty.__table__,
    "case_mediators": CaseMediator.__table__,
    "status_changes": StatusChange.__table__,
    "deadline_pauses": DeadlinePause.__table__,
    "deadline_extensions": DeadlineExtension.__table__,
    "appointments": Appointment.__table__,
    "booked_resources": BookedResource.__table__,
    "invitations": Invitation.__table__,
    "mediation_sessions": MediationSession.__table__,
    "agreements": Agreement.__table__,
    "agreement_terms": AgreementTerm.__table__,
    "signatures": Signature.__table__,
    "instalments": Instalment.__table__,
    "payments": Payment.__table__,
    "followups": FollowUp.__table__,
    "consents": Consent.__table__,
    "rating_ledger": RatingLedgerEntry.__table__,
}
# Insert order (foreign keys first).
_CHUNK_ORDER = tuple(_T)
_ID_TABLES = tuple(n for n in _CHUNK_ORDER if "id" in _T[n].c) + ("users", "experts", "duty_roster")
_SETUP_TABLES = {"users": User.__table__, "experts": Expert.__table__, "duty_roster": DutySlot.__table__}

_SESSION_STARTS = (dtime(9, 0), dtime(9, 30), dtime(10, 0), dtime(14, 30), dtime(15, 0), dtime(15, 30))
# Bookable slots (start, minutes): within 09:00–11:30 and 14:30–17:00.
_SLOTS = ((dtime(9, 0), 90), (dtime(9, 0), 60), (dtime(9, 30), 90), (dtime(10, 0), 90), (dtime(10, 30), 60),
          (dtime(14, 30), 90), (dtime(14, 30), 60), (dtime(15, 0), 90), (dtime(15, 30), 90), (dtime(16, 0), 60))
_COURTS = (("衢州市衢江区人民法院", 90), ("衢州市柯城区人民法院", 10))
_ORG_AGENT_TITLES = {"hospital": ("医务科科长", "医务科工作人员", "医患关系办公室主任"),
                     "insurer": ("理赔专员", "法务专员"), "school": ("副校长", "政教处主任", "安全办主任"),
                     "village": ("村委会主任", "村委会委员"), "water": ("副所长", "办公室主任"),
                     "other": ("法务专员", "行政主管", "项目经理", "负责人")}


class DemoRefused(RuntimeError):
    """The database already holds cases and ``force`` was not given."""


@dataclass
class DemoResult:
    cases: int
    seconds: float
    start: date
    today: date
    counts: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)


def existing_cases(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Case.__table__)).scalar_one()


def generate_demo(
    engine: Engine,
    *,
    cases: int = DEFAULT_CASES,
    seed: int = 1,
    months: int = 12,
    today: date | None = None,
    batch: int = DEFAULT_BATCH,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Fill ``engine``'s (migrated, seeded) database with ``cases`` demo cases received over the
    ``months`` months up to ``today``. Raises :class:`DemoRefused` if there are cases already
    and ``force`` is false (with ``force`` the demo data is appended)."""
    if cases < 0 or months < 1 or batch < 1:
        raise ValueError("案件数不能为负，月数和批量至少为1")
    today = today or date.today()
    began = time.perf_counter()
    have = existing_cases(engine)
    if have and not force:
        raise DemoRefused(f"数据库中已有{have}件案件，为免混淆不生成演示数据；确需追加请加 --force")
    # The statistics' rollups are not maintained row by row during the load (their triggers
    # would cost more than the load): marked stale now, rebuilt in one pass at the end — also
    # when the load fails half-way, so they match whatever was committed.
    with engine.begin() as conn:
        rollups.mark_stale(conn)
    try:
        with engine.connect() as conn:
            gen = _Generator(conn, seed=seed, months=months, today=today, batch=batch, appending=bool(have))
            gen.run(cases, progress)
        if gen.dialect == "postgresql":
            _analyze(engine)
    finally:
        _rebuild_rollups(engine)
    if gen.dialect == "postgresql":
        _vacuum(engine)
    _record_audit(engine, cases, seed, today)
    return DemoResult(cases=cases, seconds=time.perf_counter() - began, start=gen.start, today=today,
                      counts=dict(gen.counts), statuses=dict(gen.statuses))


def _analyze(engine: Engine) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def _vacuum(engine: Engine) -> None:
    """PostgreSQL: set the visibility map of the freshly loaded tables, so covering indexes are
    read without visiting the table (index-only scans: the statistics' overdue count, the case
    list); autovacuum would get there too, some time later."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM")


def _rebuild_rollups(engine: Engine) -> None:
    """The statistics' facts and daily rollups of everything now in the database (db.rollups)."""
    with engine.connect() as conn:
        sqlite_file = conn.dialect.name == "sqlite" and conn.engine.url.database not in (None, "", ":memory:")
        raw = conn.connection.dbapi_connection
        if sqlite_file:
            raw.execute("PRAGMA cache_size=-262144")
        try:
            rollups.rebuild(conn)
            rollups.analyze(conn)
            conn.commit()
        finally:
            if sqlite_file:
                raw.execute("PRAGMA cache_size=-2000")


def _record_audit(engine: Engine, cases: int, seed: int, today: date) -> None:
    from core import audit
    from core.uow import unit_of_work

    with unit_of_work(engine) as session:
        audit.record(session, None, "demo.generate", entity="case",
                     detail=f"生成演示数据{cases}件（seed={seed}，截至{today.isoformat()}）")


# --- Calendar --------------------------------------------------------------------------------

_FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}


class _Calendar:
    """Working days from chinese-calendar, weekends plus fixed statutory holidays beyond it
    (good enough for demo data; deadlines proper use core.workdays)."""

    def __init__(self) -> None:
        self._cache: dict[date, bool] = {}

    def workday(self, d: date) -> bool:
        known = self._cache.get(d)
        if known is None:
            try:
                import chinese_calendar

                known = bool(chinese_calendar.is_workday(d))
            except (NotImplementedError, ImportError):
                known = d.weekday() < 5 and (d.month, d.day) not in _FIXED_HOLIDAYS
            self._cache[d] = known
        return known

    def on_or_after(self, d: date) -> date:
        while not self.workday(d):
            d += timedelta(days=1)
        return d

    def add_workdays(self, d: date, n: int) -> date:
        while n > 0:
            d += timedelta(days=1)
            if self.workday(d):
                n -= 1
        return d


# --- Writing -----------------------------------------------------------------------------------


class _Writer:
    """Writes lists of row dicts (values as stored: money in fen, JSON as text)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self._plans: dict[str, tuple] = {}
        self._dates: dict[date, str] = {}

    def _plan(self, table: Table, sample: dict) -> tuple:
        """Columns the rows provide, plus scalar Python-side defaults for the others (a column
        added to the model later still gets its value); the rest is left to the database."""
        plan = self._plans.get(table.name)
        if plan is None:
            given = [c for c in table.columns if c.name in sample]
            extra = [c for c in table.columns if c.name not in sample and c.default is not None
                     and c.default.is_scalar]
            cols = [c.name for c in given + extra]
            kinds = []
            for c in given + extra:
                t = c.type
                kinds.append("money" if isinstance(t, Money) else "json" if isinstance(t, JSON)
                             else "datetime" if isinstance(t, DateTime) else "date" if isinstance(t, Date)
                             else "")
            getter = itemgetter(*(c.name for c in given))
            if len(given) == 1:
                def get(row, _g=getter):
                    return (_g(row),)
            else:
                get = getter
            if extra:
                consts = tuple(c.default.arg for c in extra)

                def get(row, _g=get, _c=consts):
                    return _g(row) + _c
            quote = self.conn.dialect.identifier_preparer.quote
            col_sql = ", ".join(quote(c) for c in cols)
            if self.dialect == "sqlite":
                sql = f"INSERT INTO {quote(table.name)} ({col_sql}) VALUES ({', '.join('?' * len(cols))})"
            else:
                sql = f"COPY {quote(table.name)} ({col_sql}) FROM STDIN"
            plan = (cols, get, kinds, sql)
            self._plans[table.name] = plan
        return plan

    def write(self, table: Table, rows: list[dict]) -> None:
        if not rows:
            return
        _cols, get, kinds, sql = self._plan(table, rows[0])
        if self.dialect == "sqlite":
            self.conn.exec_driver_sql(sql, self._sqlite_values(rows, get, kinds))
        elif self.dialect == "postgresql":
            raw = self.conn.connection.driver_connection
            with raw.cursor() as cur, cur.copy(sql) as copy:
                for row in rows:
                    copy.write_row(get(row))
        else:
            self.write_core(table, rows)

    def _sqlite_values(self, rows, get, kinds) -> list:
        date_idx = [i for i, k in enumerate(kinds) if k == "date"]
        dt_idx = [i for i, k in enumerate(kinds) if k == "datetime"]
        if not date_idx and not dt_idx:
            return [get(row) for row in rows]
        dates = self._dates
        out = []
        for row in rows:
            v = list(get(row))
            for i in date_idx:
                d = v[i]
                if d is not None:
                    s = dates.get(d)
                    if s is None:
                        s = dates[d] = d.isoformat()
                    v[i] = s
            for i in dt_idx:
                d = v[i]
                if d is not None:
                    # SQLAlchemy's SQLite DATETIME storage format, microseconds included.
                    v[i] = d.isoformat(" ") if d.microsecond else d.isoformat(" ") + ".000000"
            out.append(tuple(v))
        return out

    def write_core(self, table: Table, rows: list[dict]) -> None:
        """Through the model's column types (Decimal yuan, JSON objects): the portable path."""
        if not rows:
            return
        cols, _get, kinds, _sql = self._plan(table, rows[0])
        conv = [(c, k) for c, k in zip(cols, kinds, strict=True) if k in ("money", "json") and c in rows[0]]
        if conv:
            fixed = []
            for row in rows:
                row = dict(row)
                for c, k in conv:
                    v = row[c]
                    if v is not None:
                        row[c] = Decimal(v).scaleb(-2) if k == "money" else json.loads(v)
                fixed.append(row)
            rows = fixed
        self.conn.execute(insert(table), rows)


class _FastRandom(random.Random):
    """``random.Random`` with cheaper ``randint``/``choice``/single ``choices`` (the stdlib ones
    cost several times more, and the demo draws tens of millions of numbers). Same seed → same
    sequence, which is all the demo needs."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        if k != 1:
            return super().choices(population, weights, cum_weights=cum_weights, k=k)
        if cum_weights is None:
            if weights is None:
                return [self.choice(population)]
            cum_weights = list(accumulate(weights))
        x = self.random() * cum_weights[-1]
        return [population[bisect_right(cum_weights, x, 0, len(population) - 1)]]


def _js(value) -> str:
    """JSON text as the column would store it (a fast path for the shapes the demo writes)."""
    if isinstance(value, list):
        if all(type(v) is int for v in value):
            return "[" + ",".join(map(str, value)) + "]"
        if all(type(v) is str and _plain(v) for v in value):
            return '["' + '","'.join(value) + '"]' if value else "[]"
        if all(type(v) is dict for v in value):
            parts = []
            for d in value:
                items = []
                for k, v in d.items():
                    if type(v) is int:
                        items.append(f'"{k}":{v}')
                    elif type(v) is str and _plain(v):
                        items.append(f'"{k}":"{v}"')
                    else:
                        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
                parts.append("{" + ",".join(items) + "}")
            return "[" + ",".join(parts) + "]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plain(text: str) -> bool:
    return '"' not in text and "\\" not in text and text.isprintable()


def _yuan(fen: int) -> str:
    return str(fen // 100) if fen % 100 == 0 else f"{fen / 100:.2f}"


def _cum(pairs) -> tuple[list, list[float]]:
    pairs = list(pairs)
    items = [p[0] for p in pairs]
    return items, list(accumulate(p[1] for p in pairs))


def _months_back(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    m += 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue
    raise AssertionError


# --- The generator -----------------------------------------------------------------------------


@dataclass
class _Com:
    id: int
    code: str
    prefix: str
    mediators: list[int] = field(default_factory=list)
    mediator_cum: list[float] = field(default_factory=list)
    experts: list[tuple[int, str, str]] = field(default_factory=list)
    rooms: list[tuple[int, str]] = field(default_factory=list)


class _CaseCtx:
    """The working state of one case while its rows are built (plain attributes)."""


class _Generator:
    def __init__(self, conn: Connection, *, seed: int, months: int, today: date, batch: int,
                 appending: bool) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.writer = _Writer(conn)
        self.seed = seed
        self.today = today
        self.start = _months_back(today, months) + timedelta(days=1)
        self.batch = batch
        self.appending = appending
        self._replica = False  # session_replication_role set (superusers only): see _pg_bulk_mode
        self.cal = _Calendar()
        self.r = _FastRandom(f"{seed}:cases")
        self.rows: dict[str, list[dict]] = {t: [] for t in _CHUNK_ORDER}
        self.counts: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.pending = 0
        # pools and state
        self.recent: list[tuple[int, str]] = []
        self.recent_at = 0
        self.id_seq: dict[int, int] = {}
        self.taken_ids: set[str] = set()
        self.org_pools: dict[str, tuple[list[tuple[int, str]], list[float]]] = {}
        self.org_kind_of: dict[int, str] = {}
        self.org_staff: dict[int, list[tuple[int, str]]] = {}
        self.villages: dict[tuple[str, str], tuple[int, str]] = {}
        self.lawyers: list[tuple[int, str]] = []
        self.busy: dict[tuple[str, int], list[tuple[datetime, datetime]]] = {}
        self.ticket_seq: dict[tuple[int, date], int] = {}
        self.uscc_used: set[str] = set()
        self.org_names: dict[str, int] = {}
        self.initial_of: dict[str, str] = {}
        self.duration_cum: dict[str, tuple[list, list[float]]] = {
            code: _cum(((lo, hi), w) for lo, hi, w in p.durations) for code, p in texts.PROFILES.items()}

    # ids -----------------------------------------------------------------------------------

    def _load_ids(self) -> None:
        tables = {**_T, **_SETUP_TABLES}
        self.next_ids = {}
        for name in _ID_TABLES:
            t = tables[name]
            top = self.conn.execute(select(func.max(t.c.id))).scalar()
            self.next_ids[name] = (top or 0) + 1

    def nid(self, table: str) -> int:
        i = self.next_ids[table]
        self.next_ids[table] = i + 1
        return i

    # setup ---------------------------------------------------------------------------------

    def run(self, cases: int, progress) -> None:
        sqlite_file = self.dialect == "sqlite" and self.conn.engine.url.database not in (None, "", ":memory:")
        if sqlite_file:
            raw = self.conn.connection.dbapi_connection
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA cache_size=-262144")
        try:
            with self.conn.begin():
                if self.dialect == "postgresql":
                    self._pg_bulk_mode()
                self._setup()
            with self.conn.begin():
                bulk_load.suspend_indexes(self.conn, _CHUNK_ORDER)
            try:
                self._start_writer()
                try:
                    self._cases(cases, progress)
                finally:
                    self._stop_writer()
            finally:
                with self.conn.begin():
                    bulk_load.restore_indexes(self.conn)
            with self.conn.begin():
                self._finish()
        finally:
            if sqlite_file:
                raw = self.conn.connection.dbapi_connection
                raw.execute("PRAGMA synchronous=NORMAL")
                raw.execute("PRAGMA cache_size=-2000")
            elif self.dialect == "postgresql":
                self.conn.rollback()
                self.conn.exec_driver_sql("RESET synchronous_commit")
                if self._replica:  # a role that may not set it may not reset it either
                    self.conn.exec_driver_sql("RESET session_replication_role")
                self.conn.commit()

    def _pg_bulk_mode(self) -> None:
        """No fsync wait per commit, and — where the role may (superusers) — no per-row
        foreign-key triggers: they cost two thirds of the load, and the generator assigns every
        reference itself (the SQLite tests run with foreign keys enforced and check them)."""
        self.conn.exec_driver_sql("SET synchronous_commit TO off")
        try:
            with self.conn.begin_nested():
                self.conn.exec_driver_sql("SET session_replication_role = replica")
            self._replica = True
        except DBAPIError:
            self._replica = False

    def _setup(self) -> None:
        conn = self.conn
        self._load_ids()
        settings = dict(DEFAULT_SETTINGS)
        settings.update(dict(conn.execute(select(Setting.key, Setting.value)).all()))
        self.number_format = settings["case_number_format"]
        self.county = settings["county_short"]
        self.buffer = timedelta(minutes=int(settings.get("booking_buffer_minutes") or 15))
        self.bad_days = int(settings.get("bad_rating_deadline_workdays") or 15)
        self.coms: dict[str, _Com] = {}
        for cid, code, prefix in conn.execute(select(Committee.id, Committee.code, Committee.prefix)
                                              .order_by(Committee.id)):
            if code in COMMITTEES:
                self.coms[code] = _Com(cid, code, prefix)
        general_rooms = []
        for rid, name, kind, cid in conn.execute(select(Room.id, Room.name, Room.kind, Room.committee_id)
                                                 .where(Room.active.is_(True)).order_by(Room.id)):
            if kind != "mediation":
                continue
            owner = next((c for c in self.coms.values() if c.id == cid), None)
            if owner is not None:
                owner.rooms.append((rid, name))
            else:
                general_rooms.append((rid, name))
        for com in self.coms.values():
            com.rooms = com.rooms + general_rooms if com.rooms else list(general_rooms)
        self.counters = {(c, y): s for c, y, s in conn.execute(
            select(CaseNumberCounter.committee_id, CaseNumberCounter.year, CaseNumberCounter.last_seq))}
        self.counters_before = dict(self.counters)
        self.window_start_dt = datetime.combine(self.start, dtime(8, 0))
        self._staff()
        self._experts()
        self._orgs()
        if self.appending:
            self._load_existing()
        self.booking_days = [d for d in (self.today + timedelta(days=i) for i in range(1, 15))
                             if self.cal.workday(d)]

    def _person_name(self, r: random.Random, sex: str, birth_year: int, rare: bool = True) -> str:
        surname = r.choices(self.surnames, cum_weights=self.surname_cum)[0]
        if rare and r.random() < 0.004:
            surname = r.choice(names.RARE_SURNAMES)
        old = birth_year < 1975 or (birth_year < 1990 and r.random() < 0.5)
        pool = (names.MALE_OLD if old else names.MALE_NEW) if sex == "M" else (
            names.FEMALE_OLD if old else names.FEMALE_NEW)
        given = r.choice(pool) if r.random() < 0.25 else r.choice(pool) + r.choice(pool)
        if rare and r.random() < 0.015:
            given = (given[:-1] if len(given) > 1 else "") + r.choice(names.RARE_GIVEN)
        return surname + given

    def _staff(self) -> None:
        r = _FastRandom(f"{self.seed}:staff")
        self.surnames, self.surname_cum = _cum(names.SURNAMES)
        existing = dict(self.conn.execute(select(User.username, User.id)).all())
        planned: list[tuple[str, str, str, str | None]] = []  # username, role, full name, committee
        for i in range(1, 4):
            planned.append((f"qiantai{i}", "reception", self._person_name(r, r.choice("MF"), 1990, False), None))
        planned.append(("zhuren", "director", self._person_name(r, "M", 1970, False), None))
        for code in self.coms:
            for i in range(1, texts.PROFILES[code].mediators + 1):
                name = "方少华" if code == "legal" and i == 1 else self._person_name(
                    r, "M" if r.random() < 0.65 else "F", r.randint(1962, 1992), False)
                planned.append((f"tjy_{code}_{i}", "mediator", name, code))
        pw_hash = None
        users, links = [], []
        self.reception: list[int] = []
        self.director = 0
        for username, role, full_name, code in planned:
            uid = existing.get(username)
            if uid is None:
                pw_hash = pw_hash or _demo_password_hash()
                uid = self.nid("users")
                users.append({"id": uid, "username": username, "full_name": full_name, "role": role,
                              "password_hash": pw_hash, "phone": self._mobile(r), "active": True,
                              "must_change_password": False, "failed_logins": 0, "locked_until": None,
                              "last_login_at": None, "created_at": self.window_start_dt,
                              "updated_at": self.window_start_dt})
                if code:
                    links.append({"user_id": uid, "committee_id": self.coms[code].id})
            if role == "reception":
                self.reception.append(uid)
            elif role == "director":
                self.director = uid
            elif code:
                self.coms[code].mediators.append(uid)
        for com in self.coms.values():
            weights = [0.4, 0.3, 0.2, 0.1][: len(com.mediators)] or [1.0]
            com.mediator_cum = list(accumulate(weights))
        self.writer.write_core(User.__table__, users)
        if links:
            self.conn.execute(insert(user_committees), links)
        self.counts["users"] += len(users)

    def _experts(self) -> None:
        r = _FastRandom(f"{self.seed}:experts")
        have = self.conn.execute(select(func.count()).select_from(Expert.__table__)).scalar_one()
        if not have:
            self._create_experts(r)
        com_by_id = {c.id: c for c in self.coms.values()}
        info = {eid: (name, title) for eid, name, title in self.conn.execute(
            select(Expert.id, Expert.name, Expert.title).where(Expert.active.is_(True)).order_by(Expert.id))}
        for eid, cid in self.conn.execute(select(expert_committees.c.expert_id, expert_committees.c.committee_id)
                                          .order_by(expert_committees.c.expert_id, expert_committees.c.committee_id)):
            if eid in info and cid in com_by_id:
                com_by_id[cid].experts.append((eid, *info[eid]))

    def _create_experts(self, r: random.Random) -> None:
        rows, links, duties = [], [], []
        lawyer_room = self.conn.execute(select(Room.id).where(Room.kind == "lawyer").order_by(Room.id)).scalar()
        stamp = self.window_start_dt

        def add(name, sex, kind, agency, former, title, specialties, retired, committees, notes=""):
            eid = self.nid("experts")
            pinyin, initials = _expert_readings(name)
            rows.append({"id": eid, "name": name, "name_pinyin": pinyin, "name_initials": initials,
                         "kind": kind, "sex": sex,
                         "agency": agency, "former_agency": former, "title": title,
                         "specialties": ",".join(specialties), "phone": self._mobile(r), "notes": notes,
                         "retired": retired, "active": True, "created_at": stamp, "updated_at": stamp})
            for code in committees:
                if code in self.coms:
                    links.append({"expert_id": eid, "committee_id": self.coms[code].id})
            return eid

        for agency, count, committees, titles, specialties, retired_share in names.EXPERT_AGENCIES:
            for _ in range(count):
                sex = "M" if r.random() < 0.7 else "F"
                retired = r.random() < retired_share
                name = self._person_name(r, sex, r.randint(1950, 1985), False)
                title = r.choice(titles)
                if retired:
                    title = "退休法官" if "法院" in agency and r.random() < 0.5 else f"原{title}"
                served = (committees[0],) + ((r.choice(committees[1:]),) if len(committees) > 1 else ())
                add(name, sex, "expert", "" if retired else agency, agency if retired else "", title,
                    r.sample(specialties, min(len(specialties), r.randint(2, 3))), retired, served,
                    "已退休，受聘为专家库成员" if retired else "")
        legal = []
        for i in range(12):
            sex = "M" if r.random() < 0.6 else "F"
            name = self._person_name(r, sex, r.randint(1965, 1995), False)
            if i < 8:
                eid = add(name, sex, "lawyer", names.LAW_FIRMS[i % len(names.LAW_FIRMS)], "",
                          r.choice(("专职律师", "合伙人律师", "三级律师")),
                          r.sample(names.LAWYER_SPECIALTIES, 2), False, ("general", "legal"))
            else:
                eid = add(name, sex, "legal_worker", names.LEGAL_SERVICE_OFFICES[i % 3], "",
                          "基层法律服务工作者", r.sample(names.LAWYER_SPECIALTIES, 2), False, ("general",))
            legal.append(eid)
        # Weekly roster in the lawyers' duty room: each weekday morning and afternoon, the extra
        # two people doubling up Monday and Friday mornings.
        halves = ((dtime(9, 0), dtime(12, 0)), (dtime(14, 0), dtime(17, 0)))
        slots = [(wd, h) for wd in range(5) for h in range(2)] + [(0, 0), (4, 0)]
        for eid, (weekday, half) in zip(legal, slots, strict=True):
            starts, ends = halves[half]
            duties.append({"id": self.nid("duty_roster"), "expert_id": eid, "weekday": weekday,
                           "starts": starts, "ends": ends, "room_id": lawyer_room})
        self.writer.write_core(Expert.__table__, rows)
        self.conn.execute(insert(expert_committees), links)
        self.writer.write_core(DutySlot.__table__, duties)
        self.counts["experts"] += len(rows)
        self.counts["duty_roster"] += len(duties)

    def _orgs(self) -> None:
        r = _FastRandom(f"{self.seed}:orgs")
        self.org_names = dict(self.conn.execute(
            select(Party.name, Party.id).where(Party.kind == "organisation")).all())
        if self.appending:
            self.uscc_used = set(self.conn.execute(select(Party.uscc).where(Party.uscc.is_not(None))).scalars())
        rows: list[dict] = []
        stamp = self.window_start_dt

        def org(name: str, org_kind: str, prefix2: str) -> tuple[int, str]:
            pid = self.org_names.get(name)
            if pid is None:
                pid = self.nid("parties")
                region = "330803" if "衢江" in name else "330800"
                while True:
                    code8 = ("MA" + "".join(r.choices(names.USCC_ALPHABET, k=6)) if prefix2 == "91"
                             and r.random() < 0.7 else "".join(r.choices("0123456789", k=8)))
                    code = names.uscc(prefix2, region, code8)
                    # all-digit codes with a "birth century" at 7–8 would read as an ID number
                    if code not in self.uscc_used and code8[:2] not in ("18", "19", "20"):
                        break
                self.uscc_used.add(code)
                town = r.choice(names.QUJIANG_TOWNS)[0]
                address = (f"{names.QUJIANG_PREFIX}{town}{r.choice(names.ROADS)}{r.randint(1, 399)}号" if "衢江" in name
                           else f"浙江省衢州市柯城区{r.choice(names.ROADS)}{r.randint(1, 399)}号")
                rows.append({**_PARTY_TEMPLATE, "id": pid, "kind": "organisation", "name": name,
                             "name_initials": _name_initials(name, person=False)[:40], "org_kind": org_kind,
                             "uscc": code,
                             "legal_representative": self._person_name(r, r.choice("MMF"), 1970, False),
                             "phone": f"0570-{r.randint(3000000, 8999999)}", "address": address,
                             "created_at": stamp, "updated_at": stamp})
                self.org_names[name] = pid
            self.org_kind_of[pid] = org_kind
            return pid, name

        def pool(key: str, members: list[tuple[int, str]], weights=None) -> None:
            self.org_pools[key] = (members, list(accumulate(weights or [1.0] * len(members))))

        pool("hospital", [org(n, "hospital", "52" if n in names.PRIVATE_HOSPITALS else "12")
                          for n, _ in names.HOSPITALS], [w for _, w in names.HOSPITALS])
        pool("school", [org(n, "school", "12") for n in names.SCHOOLS])
        pool("private_school", [org(n, "school", "52") for n in names.PRIVATE_SCHOOLS])
        pool("insurer", [org(n, "company", "91") for n, _ in names.INSURERS], [w for _, w in names.INSURERS])
        pool("property", [org(n, "company", "91") for n in names.PROPERTY_COMPANIES])
        pool("supermarket", [org(n, "company", "91") for n in names.SUPERMARKETS])
        pool("water", [org(n, "government", "12") for n in names.WATER_BODIES])
        restaurants = sorted({f"衢州市衢江区{a}{b}" for a in names.RESTAURANT_STEMS for b in names.RESTAURANT_KINDS})
        pool("restaurant", [org(n, "other", "92") for n in r.sample(restaurants, 30)])
        by_committee: dict[str, list[tuple[int, str]]] = {}
        made: set[str] = set()
        while len(made) < 160:
            industry, committees = r.choice(names.COMPANY_INDUSTRIES)
            place = r.choices(("衢州市衢江区", "衢州市", "衢州", "浙江"), (45, 30, 15, 10))[0]
            kind = "股份有限公司" if place == "浙江" and r.random() < 0.4 else "有限公司"
            name = f"{place}{r.choice(names.COMPANY_WORDS)}{industry}{kind}"
            if name in made:
                continue
            made.add(name)
            member = org(name, "company", "91")
            for code in committees + ("legal", "general"):
                by_committee.setdefault(code, []).append(member)
        for code in COMMITTEES:
            pool(f"company:{code}", by_committee.get(code) or by_committee["legal"])
        self.writer.write_core(Party.__table__, rows)
        self.counts["parties"] += len(rows)

    def _load_existing(self) -> None:
        """Appending (--force): avoid clashing with what is there already."""
        self.taken_ids = set(self.conn.execute(
            select(Party.id_number).where(Party.id_type == "resident_id")).scalars())
        qt = QueueTicket.__table__
        for cid, day, seq in self.conn.execute(
                select(qt.c.committee_id, qt.c.day, func.max(qt.c.seq))
                .where(qt.c.day >= self.start).group_by(qt.c.committee_id, qt.c.day)):
            self.ticket_seq[(cid, day)] = seq
        br = BookedResource.__table__
        for kind, rid, s, e in self.conn.execute(
                select(br.c.resource_kind, br.c.resource_id, br.c.starts_at, br.c.ends_at)
                .where(br.c.active.is_(True), br.c.ends_at > datetime.combine(self.today, dtime(0, 0)))):
            self.busy.setdefault((kind, rid), []).append((s, e))

    # people --------------------------------------------------------------------------------

    def _mobile(self, r: random.Random) -> str:
        return f"{r.choice(names.MOBILE_PREFIXES)}{r.randint(0, 99999999):08d}"

    def _address(self, r: random.Random, region: str, town: str | None) -> str:
        other = names.OTHER_COUNTY_ADDRESSES.get(region)
        if other is not None and r.random() < 0.7:
            prefix, towns = other
            return f"{prefix}{r.choice(towns)}{r.choice(names.ROADS)}{r.randint(1, 300)}号"
        if town is None or r.random() < 0.4:
            town = r.choices(self.towns, cum_weights=self.town_cum)[0]
        if town in names.URBAN_TOWNS:
            return (f"{names.QUJIANG_PREFIX}{town}{r.choice(names.COMMUNITIES)}{r.choice(names.ROADS)}"
                    f"{r.randint(1, 200)}号{r.randint(1, 30)}幢{r.randint(1, 18)}0{r.randint(1, 4)}室")
        return f"{names.QUJIANG_PREFIX}{town}{r.choice(names.VILLAGE_STEMS)}村{r.randint(1, 260)}号"

    def _init_people(self) -> None:
        self.towns, self.town_cum = _cum(names.QUJIANG_TOWNS)
        self.regions, self.region_cum = _cum(names.ID_REGIONS)
        self.region_index = {reg: i for i, reg in enumerate(self.regions)}
        self.han_share = dict(names.ETHNICITIES)["汉族"] / sum(w for _, w in names.ETHNICITIES)
        self.ethnicities, self.ethnicity_cum = _cum(e for e in names.ETHNICITIES if e[0] != "汉族")
        self.occupations, self.occupation_cum = _cum(names.OCCUPATIONS_LOCAL)
        self.compound = {s for s, _ in names.SURNAMES if len(s) > 1}

    def _new_person(self, day: date, age: tuple[int, int], sex: str | None, occupation: str | None,
                    workplace: str | None, town: str | None, created: datetime) -> tuple[int, str]:
        r = self.r
        sex = sex or ("M" if r.random() < 0.56 else "F")
        birth = date.fromordinal(day.toordinal() - r.randint(age[0] * 365 + 5, age[1] * 365 + 360))
        name = self._person_name(r, sex, birth.year)
        while True:
            region = r.choices(self.regions, cum_weights=self.region_cum)[0]
            if region == "330821" and birth.year >= 2001:
                region = "330803"
            key = (self.region_index[region] * 1_000_000 + birth.toordinal()) * 2 + (sex == "M")
            n = self.id_seq.get(key)
            n = r.randint(0, 40) if n is None else n + r.randint(1, 3)
            if n > 499:
                birth = date.fromordinal(birth.toordinal() + r.randint(1, 30))
                continue
            self.id_seq[key] = n
            number = names.resident_id(region, f"{birth.year:04d}{birth.month:02d}{birth.day:02d}",
                                       2 * n + (sex == "M"))
            if number not in self.taken_ids:
                break
        pid = self.nid("parties")
        if occupation is None:
            years = day.year - birth.year
            if years < 23 and r.random() < 0.6:
                occupation = "学生"
            elif years >= 60 and r.random() < 0.8:
                occupation = "退休人员" if r.random() < 0.5 else "农民"
            else:
                occupation = r.choices(self.occupations, cum_weights=self.occupation_cum)[0]
        self.rows["parties"].append({
            "id": pid, "kind": "person", "name": name, "name_initials": self._initials(name), "sex": sex,
            "ethnicity": "汉族" if r.random() < self.han_share else r.choices(
                self.ethnicities, cum_weights=self.ethnicity_cum)[0],
            "birth_date": birth, "id_type": "resident_id", "id_number": number, "occupation": occupation,
            "workplace": workplace, "org_kind": None, "uscc": None, "legal_representative": None,
            "phone": self._mobile(r), "address": self._address(r, region, town), "anonymised": False,
            "created_at": created, "updated_at": created})
        return pid, name

    def _initials(self, name: str) -> str:
        """The search initials intake would store (core.visitors), computed per surname and per
        given name so that a million names cost a few thousand pinyin look-ups."""
        split = 2 if name[:2] in names.COMPOUND_SURNAMES else 1
        surname, given = name[:split], name[split:]
        cache = self.initial_of
        s = cache.get(surname)
        if s is None:
            s = cache[surname] = _name_initials(surname, person=True)
        g = cache.get("\0" + given)
        if g is None:
            g = cache["\0" + given] = _name_initials(given, person=False)
        return (s + g)[:40]

    # World protocol (called by the stories) -----------------------------------------------

    def person(self, story, *, age, sex, occupation, workplace, reuse):
        r = self.r
        if reuse and self.recent and r.random() < reuse:
            pid, name = r.choice(self.recent)
            if all(p[1] != pid for p in story.parties):
                return pid, name, True
        pid, name = self._new_person(story.day, age, sex, occupation, workplace, story.town, story.created)
        if len(self.recent) < 4000:
            self.recent.append((pid, name))
        else:
            self.recent[self.recent_at] = (pid, name)
            self.recent_at = (self.recent_at + 1) % 4000
        return pid, name, False

    def org(self, story, pool):
        if pool == "village":
            key = (story.town, story.village)
            found = self.villages.get(key)
            if found is None:
                found = self._village(story)
                self.villages[key] = found
            return found
        members, cum = self.org_pools[pool]
        for _ in range(4):
            pid, name = self.r.choices(members, cum_weights=cum)[0]
            if all(p[1] != pid for p in story.parties):
                break
        return pid, name

    def _village(self, story) -> tuple[int, str]:
        name = f"衢州市衢江区{story.town}{story.village}村民委员会"
        pid = self.org_names.get(name)
        if pid is None:
            r = self.r
            pid = self.nid("parties")
            while True:
                code8 = "".join(r.choices("0123456789", k=8))
                code = names.uscc("54", "330803", code8)
                if code not in self.uscc_used and code8[:2] not in ("18", "19", "20"):
                    break
            self.uscc_used.add(code)
            self.rows["parties"].append({
                **_PARTY_TEMPLATE, "id": pid, "kind": "organisation", "name": name,
                "name_initials": _name_initials(name, person=False)[:40], "org_kind": "other",
                "uscc": code,
                "legal_representative": self._person_name(r, "M", 1965, False),
                "phone": f"0570-{r.randint(3000000, 8999999)}",
                "address": f"{names.QUJIANG_PREFIX}{story.town}{story.village}", "created_at": story.created,
                "updated_at": story.created})
            self.org_names[name] = pid
        self.org_kind_of[pid] = "village"
        return pid, name

    def child_name(self, story, parent: str) -> str:
        r = self.r
        surname = parent[:2] if parent[:2] in self.compound else parent[:1]
        pool = names.MALE_NEW if r.random() < 0.5 else names.FEMALE_NEW
        return surname + (r.choice(pool) + r.choice(pool) if r.random() < 0.8 else r.choice(pool))

    def _org_agent(self, org_id: int, org_name: str, created: datetime) -> int:
        staff = self.org_staff.get(org_id)
        if staff is None:
            staff = []
            kind = self.org_kind_of.get(org_id, "other")
            titles = _ORG_AGENT_TITLES.get(kind) or _ORG_AGENT_TITLES["other"]
            for _ in range(self.r.randint(2, 3)):
                staff.append(self._new_person(created.date(), (28, 58), None, self.r.choice(titles), org_name,
                                              None, created))
            self.org_staff[org_id] = staff
        return self.r.choice(staff)[0]

    def _person_agent(self, story) -> int:
        r = self.r
        if r.random() < 0.6:
            if len(self.lawyers) < 40:
                firm = r.choice(names.LAW_FIRMS + names.LEGAL_SERVICE_OFFICES)
                job = "律师" if firm.endswith("律师事务所") else "基层法律服务工作者"
                self.lawyers.append(self._new_person(story.day, (28, 60), None, job, firm, None, story.created))
                return self.lawyers[-1][0]
            return r.choice(self.lawyers)[0]
        return self._new_person(story.day, (25, 60), None, None, None, story.town, story.created)[0]

    # the cases -----------------------------------------------------------------------------

    def _cases(self, total: int, progress) -> None:
        self._init_people()
        r_days = _FastRandom(f"{self.seed}:days")
        ndays = (self.today - self.start).days + 1
        days = [self.start + timedelta(days=i) for i in range(ndays)]
        weights = []
        for i, d in enumerate(days):
            trend = 0.85 + 0.3 * i / max(ndays - 1, 1)
            season = sum(p.weight * p.season[d.month - 1] for p in texts.PROFILES.values()) / 100
            weights.append((1.0 if self.cal.workday(d) else 0.03) * trend * season)
        per_day = Counter(r_days.choices(range(ndays), cum_weights=list(accumulate(weights)), k=total))
        self.month_cum = {}
        codes = [c for c in texts.PROFILES if c in self.coms]
        for m in range(1, 13):
            self.month_cum[m] = (codes, list(accumulate(texts.PROFILES[c].weight * texts.PROFILES[c].season[m - 1]
                                                        for c in codes)))
        self.sources = {c: _cum(texts.PROFILES[c].sources) for c in codes}
        done = 0
        for i, d in enumerate(days):
            k = per_day.get(i, 0)
            if not k:
                continue
            for plan in self._day_plans(d, k):
                self._case(plan)
                self.pending += 1
                if self.pending >= self.batch:
                    done += self.pending
                    self._flush()
                    if progress:
                        progress(done, total)
        if self.pending or any(self.rows.values()):
            done += self.pending
            self._flush()
            if progress:
                progress(done, total)

    def _day_plans(self, d: date, k: int) -> list[list]:
        r = self.r
        workday = self.cal.workday(d)
        codes, cum = self.month_cum[d.month]
        plans = []
        walkins: dict[str, list[list]] = {}
        for _ in range(k):
            code = r.choices(codes, cum_weights=cum)[0]
            items, scum = self.sources[code]
            source = r.choices(items, cum_weights=scum)[0]
            if workday:
                minute = r.randint(510, 690) if r.random() < 0.6 else r.randint(840, 1020)
            else:
                minute = r.randint(480, 1200)
                if source == "application":
                    source = "hotline"
            at = datetime.combine(d, dtime(minute // 60, minute % 60, r.randint(0, 59)))
            plan = [at, code, source, None]
            plans.append(plan)
            if workday and source == "application" and r.random() < 0.85:
                walkins.setdefault(code, []).append(plan)
        for code, group in walkins.items():
            com = self.coms[code]
            group.sort(key=itemgetter(0))
            taken = [p[0] for p in group]
            called = sorted(t + timedelta(seconds=int(r.triangular(120, 3600, 420))) for t in taken)
            seq = self.ticket_seq.get((com.id, d), 0)
            for plan, t, c in zip(group, taken, called, strict=True):
                seq += 1
                served = c + timedelta(seconds=r.randint(20, 150))
                plan[0] = served  # registration starts when the ticket is served
                plan[3] = (seq, t, c, served, served + timedelta(minutes=r.randint(10, 45)))
            self.ticket_seq[(com.id, d)] = seq
        plans.sort(key=itemgetter(0))
        return plans

    def _case(self, plan: list) -> None:
        """One case and everything hanging off it, in the order things happen."""
        r = self.r
        received_at, code, source, ticket = plan
        c = _CaseCtx()
        c.code, c.source, c.received_at, c.day = code, source, received_at, received_at.date()
        c.prof = texts.PROFILES[code]
        c.com = com = self.coms[code]
        c.town, c.village = texts.pick_town(r)
        c.story = texts.Story(r, self, code, c.day, c.town, c.village, received_at)
        texts.BUILDERS[code](c.story)

        c.id = self.nid("cases")
        c.year = c.day.year
        c.seq = self.counters.get((com.id, c.year), 0) + 1
        self.counters[(com.id, c.year)] = c.seq
        c.reception = r.choice(self.reception)
        c.ticket_id = self._ticket(c, ticket) if ticket is not None else None
        self._case_parties(c)
        self._timeline(c)
        self._mediators(c)
        self._sessions(c)
        self._consents(c)
        self._statuses(c)
        self._deadlines(c)
        self._case_row(c)
        if c.status in ("accepted", "mediating") and c.mediator is not None and r.random() < 0.5:
            self._book(c.id, com, c.prof, c.mediator, c.cps, len(c.past_sessions) + 1)

    def _ticket(self, c: _CaseCtx, ticket: tuple) -> int:
        seq, taken, called, served, finished = ticket
        ticket_id = self.nid("queue_tickets")
        self.rows["queue_tickets"].append({
            "id": ticket_id, "committee_id": c.com.id, "day": c.day, "seq": seq,
            "label": f"{c.com.prefix}-{seq:03d}", "status": "done", "taken_at": taken, "called_at": called,
            "call_count": 1 if self.r.random() < 0.9 else 2, "window": f"{self.r.randint(1, 3)}号窗口",
            "served_at": served, "finished_at": finished, "transferred_from_id": None, "note": ""})
        return ticket_id

    def _case_parties(self, c: _CaseCtx) -> None:
        """Principals first (0-based positions, as intake writes them), then their agents."""
        r = self.r
        c.cps = cps = []  # (case party id, role, party id, kind, name)
        c.cp_rows = cp_rows = []
        for role in ("applicant", "respondent", "third_party"):
            for prole, pid, kind, pname in c.story.parties:
                if prole == role:
                    cp_id = self.nid("case_parties")
                    cp_rows.append({"id": cp_id, "case_id": c.id, "party_id": pid, "role": role,
                                    "position": len(cp_rows), "represents_id": None, "power_of_attorney": False,
                                    "refuses_mediation": False})
                    cps.append((cp_id, role, pid, kind, pname))
        c.principals = list(cps)
        for cp_id, _role, pid, kind, pname in c.principals:
            if kind == "organisation":
                if r.random() >= 0.8:
                    continue
                agent = self._org_agent(pid, pname, c.received_at)
            else:
                if r.random() >= c.prof.agent:
                    continue
                agent = self._person_agent(c.story)
            if any(x[2] == agent for x in cps):
                continue
            agent_cp = self.nid("case_parties")
            cp_rows.append({"id": agent_cp, "case_id": c.id, "party_id": agent, "role": "agent",
                            "position": len(cp_rows), "represents_id": cp_id,
                            "power_of_attorney": r.random() < 0.95, "refuses_mediation": False})
            cps.append((agent_cp, "agent", agent, "person", ""))
        self.rows["case_parties"].extend(cp_rows)
        c.applicant = next(x for x in c.principals if x[1] == "applicant")
        c.respondent = next((x for x in c.principals if x[1] == "respondent"), c.principals[-1])
        c.insurer = next((x for x in c.principals if x[1] == "third_party"), None)

    def _timeline(self, c: _CaseCtx) -> None:
        """Acceptance, the outcome and the day it is (or will be) reached."""
        r = self.r
        cal = self.cal
        day = c.day
        refused = r.random() < c.prof.refuse
        delay = 0 if r.random() < 0.75 else r.choice((1, 1, 2, 3, 4))
        if c.received_at.hour >= 15 and not delay:
            delay = 1
        accepted_on = cal.on_or_after(day + timedelta(days=delay)) if delay else day
        c.pause = None
        c.outcome = "refused"
        if refused:
            # mostly at intake, the respondent being there; sometimes when contacted afterwards
            c.concluded = day if r.random() < 0.7 else cal.on_or_after(day + timedelta(days=r.randint(1, 4)))
            accepted_on = None
        else:
            spans, spans_cum = self.duration_cum[c.code]
            lo, hi = r.choices(spans, cum_weights=spans_cum)[0]
            span = r.randint(lo, hi)
            if c.code == "medical" and r.random() < 0.2:  # 医疗损害鉴定: the clock stops
                pause_start = accepted_on + timedelta(days=r.randint(5, 20))
                pause_len = r.randint(20, 75)
                c.pause = (pause_start, pause_start + timedelta(days=pause_len))
                span = max(span, (pause_start - accepted_on).days + 1) + pause_len
            c.concluded = cal.on_or_after(accepted_on + timedelta(days=span))
            if r.random() < c.prof.success:
                c.outcome = "agreed"
            else:
                c.outcome = r.choices(("failed", "terminated", "withdrawn"), (45, 25, 30))[0]
        c.is_concluded = c.concluded <= self.today
        c.accepted = accepted_on is not None and accepted_on <= self.today
        c.accepted_on = accepted_on
        if accepted_on == day:
            c.accepted_at = c.received_at + timedelta(minutes=r.randint(10, 60))
        elif accepted_on is not None:
            c.accepted_at = datetime.combine(accepted_on, dtime(8, 45)) + timedelta(minutes=r.randint(0, 100))
        else:
            c.accepted_at = None

    def _mediators(self, c: _CaseCtx) -> None:
        r = self.r
        com = c.com
        c.mediator = None
        if c.accepted and com.mediators:
            c.mediator = com.mediators[bisect_right(com.mediator_cum, r.random() * com.mediator_cum[-1])]
        c.chosen = False
        if c.mediator is not None:
            c.chosen = r.random() < 0.05
            self.rows["case_mediators"].append({"case_id": c.id, "user_id": c.mediator,
                                                "chosen_by_parties": c.chosen, "assigned_at": c.accepted_at})
            if len(com.mediators) > 1 and r.random() < 0.1:
                co = r.choice([m for m in com.mediators if m != c.mediator])
                self.rows["case_mediators"].append({"case_id": c.id, "user_id": co, "chosen_by_parties": False,
                                                    "assigned_at": c.accepted_at})

    def _sessions(self, c: _CaseCtx) -> None:
        """Mediation records: 1–3 sessions between acceptance and conclusion, the last one on
        the day of the outcome; for open cases only those already held."""
        r = self.r
        cal = self.cal
        story = c.story
        dates: list[date] = []
        if c.accepted and c.outcome != "refused":
            n = r.choices((1, 2, 3), (55, 30, 15))[0]
            if c.outcome == "withdrawn":
                n = r.choice((0, 0, 1))
            span_days = (c.concluded - c.accepted_on).days
            pause_len = (c.pause[1] - c.pause[0]).days if c.pause else 0
            for off in sorted(r.randint(0, max(span_days - pause_len, 0)) for _ in range(n - 1)):
                if c.pause and c.accepted_on + timedelta(days=off) >= c.pause[0]:
                    off += pause_len  # nothing happens while the assessment runs
                dates.append(min(cal.on_or_after(c.accepted_on + timedelta(days=off)), c.concluded))
            if n:
                dates.append(c.concluded)
        c.past_sessions = past = [d for d in sorted(set(dates)) if d <= self.today and (
            c.is_concluded or d < c.concluded)]
        c.first_session_at = c.last_end = None
        c.expert_id = c.public_on = None
        expert_text = ""
        if c.com.experts and r.random() < c.prof.expert:
            c.expert_id, ename, etitle = r.choice(c.com.experts)
            expert_text = f"{ename}（{etitle}，专家库成员，经双方当事人同意参与调解）"
        if not past:
            return
        recorder_pool = [m for m in c.com.mediators if m != c.mediator] or self.reception
        present = [x[0] for x in c.cps]
        statements = _js([{"case_party_id": c.applicant[0], "text": story.applicant_says},
                          {"case_party_id": c.respondent[0], "text": story.respondent_says}])
        facts = "经调查核实，双方对基本事实无异议，争议焦点在于" + ("赔偿（给付）数额。" if story.amount else "处理方式。")
        rows = self.rows["mediation_sessions"]
        for idx, sd in enumerate(past):
            last_end = c.last_end
            if last_end is not None and last_end.date() == sd:
                start = last_end + timedelta(minutes=30)
            elif sd == c.accepted_on:
                start = c.accepted_at + timedelta(minutes=r.randint(20, 90))
            else:
                start = datetime.combine(sd, r.choice(_SESSION_STARTS))
            end = start + timedelta(minutes=r.randint(40, 150))
            if idx == len(past) - 1 and c.is_concluded:
                if c.outcome == "agreed":
                    result, nxt = "双方自愿达成调解协议", "制作调解协议书，跟踪协议履行"
                else:
                    result, nxt = texts.FAIL_REASONS.get(c.outcome, "调解不成"), "告知当事人其他救济途径"
            else:
                result = r.choice(("双方意见仍有差距，约定择日继续调解", "双方同意补充提交证据材料后继续调解",
                                   "双方各自作出让步，分歧缩小"))
                nxt = r.choice(("补充提交票据及证明材料", "择日再次组织调解", "听取专家意见后再行调解"))
            public = c.code != "medical" and r.random() < 0.15  # medical Art.42: never public
            if public and c.public_on is None:
                c.public_on = sd
            place = (f"{c.town}{c.village}现场" if c.code in ("land", "water", "environment") and r.random() < 0.3
                     else r.choice(c.com.rooms)[1] if c.com.rooms else "调解室")
            rows.append({
                "id": self.nid("mediation_sessions"), "case_id": c.id, "appointment_id": None,
                "started_at": start, "ended_at": end, "place": place, "matter": story.matter,
                "participants": expert_text, "parties_present": _js(present if r.random() < 0.9 else present[:1]),
                "public": public, "statements": statements, "verified_facts": facts,
                "risk_notice": texts.RISK_NOTICE, "outcome": result, "next_steps": nxt,
                "mediator_id": c.mediator, "recorder_id": r.choice(recorder_pool),
                "created_at": end, "updated_at": end})
            c.first_session_at = c.first_session_at or start
            c.last_end = end

    def _consents(self, c: _CaseCtx) -> None:
        """An expert joins (Art.20), the parties choose the mediator (Art.19), a public session
        (Art.23), the other side's consent to a medical application (medical regulation Art.31)."""
        r = self.r
        c.medical_consent = ("both_applied" if r.random() < 0.6 else "consented") if c.code == "medical" else None
        wanted = []
        if c.expert_id is not None and c.past_sessions:
            wanted += [("expert", cp, c.past_sessions[0], "同意专家参与调解（人民调解法第二十条）")
                       for cp in c.principals]
        if c.chosen:
            wanted += [("mediator_choice", cp, c.accepted_on, "当事人选择调解员（人民调解法第十九条）")
                       for cp in c.principals]
        if c.public_on is not None:
            wanted += [("public", cp, c.public_on, "同意公开调解（人民调解法第二十三条）") for cp in c.principals]
        if c.medical_consent == "consented" and c.accepted:
            wanted.append(("medical_application", c.respondent, c.accepted_on,
                           "一方申请调解，另一方同意（医疗纠纷预防和处理条例第三十一条）"))
        rows = self.rows["consents"]
        for kind, cp, on, note in wanted:
            rows.append({"id": self.nid("consents"), "case_id": c.id, "case_party_id": cp[0], "kind": kind,
                         "expert_id": c.expert_id if kind == "expert" else None,
                         "user_id": c.mediator if kind == "mediator_choice" else None, "given": True,
                         "form": "written" if r.random() < 0.8 else "oral", "given_on": on, "note": note,
                         "recorded_by_id": c.mediator})

    def _statuses(self, c: _CaseCtx) -> None:
        """The status history, the outcome, and for agreements their performance."""
        r = self.r
        changes = self.rows["status_changes"]

        def change(frm, to, at, user, reason=""):
            changes.append({"id": self.nid("status_changes"), "case_id": c.id, "from_status": frm,
                            "to_status": to, "at": at, "user_id": user, "reason": reason})

        change(None, "registered", c.received_at, c.reception, "受理登记")
        status = "registered"
        if c.accepted:
            change("registered", "accepted", c.accepted_at, c.mediator, "经当事人同意，受理调解")
            status = "accepted"
        if c.first_session_at is not None:
            change("accepted", "mediating", c.first_session_at, c.mediator)
            status = "mediating"
        c.conclusion_reason = ""
        if c.is_concluded:
            outcome = c.outcome
            if outcome == "refused":
                final_at = c.received_at if c.concluded == c.day else datetime.combine(
                    c.concluded, dtime(9, 0)) + timedelta(minutes=r.randint(0, 450))
                reason = f"当事人{c.respondent[4]}明确拒绝调解，依照《中华人民共和国人民调解法》第十七条不予调解"
                for row in c.cp_rows:
                    if row["id"] == c.respondent[0]:
                        row["refuses_mediation"] = True
            else:
                if c.last_end is not None and c.last_end.date() == c.concluded:
                    final_at = c.last_end + timedelta(minutes=r.randint(5, 20))
                else:
                    floor = max((c.accepted_at or c.received_at), c.last_end or c.received_at)
                    final_at = max(datetime.combine(c.concluded, dtime(10, 0)) + timedelta(minutes=r.randint(0, 390)),
                                   floor + timedelta(minutes=5))
                reason = texts.FAIL_REASONS.get(outcome, "双方达成调解协议")
                if outcome in ("failed", "terminated"):
                    if c.code == "medical" and r.random() < 0.5:
                        reason = texts.MEDICAL_EXPIRED
                    elif c.code == "labour" and r.random() < 0.5:
                        reason = texts.LABOUR_EXPIRED
                    elif c.code == "traffic" and outcome == "terminated":
                        reason = texts.TRAFFIC_TERMINATED
            change(status, outcome, final_at, c.mediator if c.mediator is not None else c.reception, reason)
            if outcome != "agreed":
                c.conclusion_reason = reason
            status = outcome
            if outcome == "agreed":
                performed_on = self._agreement(
                    c.id, c.story, c.prof, c.code, c.concluded, final_at, c.mediator, c.principals, c.applicant,
                    c.respondent, c.insurer)
                if performed_on is not None:
                    change("agreed", "performed", max(datetime.combine(performed_on, dtime(16, 0)),
                                                      final_at + timedelta(minutes=30)), c.mediator, "协议履行完毕")
                    status = "performed"
                    archive = self.cal.on_or_after(performed_on + timedelta(days=r.randint(20, 90)))
                    if archive <= self.today and r.random() < 0.85:
                        change("performed", "archived", datetime.combine(archive, dtime(9, 30)) +
                               timedelta(minutes=r.randint(0, 400)), c.mediator, "立卷归档")
                        status = "archived"
        c.status = status
        c.updated_at = changes[-1]["at"]
        self.statuses[status] += 1

    def _deadlines(self, c: _CaseCtx) -> None:
        r = self.r
        today = self.today
        if c.pause is not None and c.accepted and c.pause[0] <= today:
            self.rows["deadline_pauses"].append({
                "id": self.nid("deadline_pauses"), "case_id": c.id, "starts": c.pause[0],
                "ends": c.pause[1] if c.pause[1] <= today else None,
                "reason": "医疗损害鉴定期间（医疗纠纷预防和处理条例第三十四条、第三十八条）"})
        if (c.accepted and c.code in ("medical", "general", "legal") and (c.concluded - c.accepted_on).days > 30
                and r.random() < 0.3):
            consented = c.accepted_on + timedelta(days=r.randint(20, 30))
            if consented <= today:
                self.rows["deadline_extensions"].append({
                    "id": self.nid("deadline_extensions"), "case_id": c.id, "days": r.choice((15, 30)),
                    "consented_on": consented, "note": "双方当事人同意延长调解期限"})

    def _case_row(self, c: _CaseCtx) -> None:
        r = self.r
        story = c.story
        # Art.25: risk of escalation, more likely with a death or a group
        escalation = r.random() < c.prof.escalation * (3 if story.severe or story.group_size else 1)
        notified_to = notified_at = None
        if escalation:
            notified_to = r.choice(c.prof.notify).format(town=c.town)
            notified_at = c.received_at + timedelta(minutes=r.randint(30, 600))
        number = self.number_format.format(county=self.county, prefix=c.com.prefix, year=c.year, seq=c.seq)
        self.rows["cases"].append({
            "id": c.id, "number": number, "year": c.year, "seq": c.seq, "committee_id": c.com.id,
            "dispute_type": story.dispute_type, "source": c.source, "status": c.status, "summary": story.summary,
            "requests": _js(story.requests), "amount_claimed": story.amount * 100 if story.amount else None,
            "is_group": story.group_size is not None, "group_size": story.group_size,
            "escalation_risk": escalation, "escalation_notified_to": notified_to,
            "escalation_notified_at": notified_at,
            "medical_consent": c.medical_consent, "conclusion_reason": c.conclusion_reason,
            "repeat_visit": story.repeat_visit, "received_on": c.day, "received_at": c.received_at,
            "received_by_id": c.reception, "accepted_on": c.accepted_on if c.accepted else None,
            "concluded_on": c.concluded if c.is_concluded else None, "mediator_id": c.mediator,
            "ticket_id": c.ticket_id, "version": 1, "created_at": c.received_at, "updated_at": c.updated_at})

    def _agreement(self, case_id, story, prof, code, concluded, final_at, mediator, principals, applicant_cp,
                   respondent_cp, insurer_cp):
        r = self.r
        rows = self.rows
        today = self.today
        oral = code != "medical" and r.random() < prof.oral
        claimed = story.amount * 100 if story.amount else None
        fen = None
        if claimed:
            low = 0.5 if code == "traffic" else 0.3
            value = claimed * r.triangular(low, 1.0, 0.78)
            step = 10000 if value >= 500000 else 1000
            fen = min(claimed, max(step, int(value // step) * step))
        agreement_id = self.nid("agreements")
        instalments = []  # (id, due, fen, payer cp, payee cp)
        if fen:
            n = r.choices((1, 2, 3), (65, 22, 13))[0] if fen >= 200000 else 1
            if n == 1:
                dues = [concluded + timedelta(days=r.choice((0, 0, 0, 7, 15, 30)))]
            else:
                first = concluded + timedelta(days=r.choice((0, 7, 15)))
                dues = [first + timedelta(days=30 * i) for i in range(n)]
            part = (fen // n) // 10000 * 10000 or fen // n
            amounts = [part] * (n - 1) + [fen - part * (n - 1)]
            for i, (due, amount) in enumerate(zip(dues, amounts, strict=True)):
                payer = insurer_cp if (i == 0 and insurer_cp and r.random() < 0.7) else respondent_cp
                instalments.append((self.nid("instalments"), due, amount, payer, applicant_cp))
            last_due = dues[-1]
        else:
            last_due = concluded + timedelta(days=r.randint(7, 30))
        behaviour = r.choices(("good", "late", "partial", "default"), (86, 6, 4, 4))[0]
        performed_on = None
        paid_all = True
        pays = rows["payments"]
        last_paid = None
        first_paid = None
        for idx, (iid, due, amount, payer, payee) in enumerate(instalments):
            last = idx == len(instalments) - 1
            paid_in_full = None
            if behaviour == "good" or (behaviour in ("partial", "default") and not last and idx == 0):
                pay_on = due - timedelta(days=r.randint(0, min(5, (due - concluded).days)))
            elif behaviour == "late":
                pay_on = due + timedelta(days=r.randint(3, 40))
            else:
                pay_on = None
            if behaviour == "partial" and last and due <= today:
                part = max(100, amount * r.randint(3, 7) // 10 // 100 * 100)
                if part < amount:
                    pays.append(self._payment(iid, part, due, mediator))
                    first_paid = min(first_paid or due, due)
            if pay_on is not None and pay_on <= today:
                if amount >= 200000 and r.random() < 0.1:
                    first = amount // 2 // 100 * 100
                    early = max(concluded, pay_on - timedelta(days=r.randint(1, 10)))
                    pays.append(self._payment(iid, first, early, mediator))
                    pays.append(self._payment(iid, amount - first, pay_on, mediator))
                else:
                    pays.append(self._payment(iid, amount, pay_on, mediator))
                paid_in_full = pay_on
                last_paid = max(last_paid or pay_on, pay_on)
                first_paid = min(first_paid or pay_on, pay_on)
            else:
                paid_all = False
            rows["instalments"].append({"id": iid, "agreement_id": agreement_id, "due_on": due, "amount": amount,
                                        "payer_id": payer[0], "payee_id": payee[0],
                                        "paid_in_full_on": paid_in_full})
        if instalments and paid_all:
            performed_on = last_paid
        elif not instalments and behaviour in ("good", "late"):
            done = concluded + timedelta(days=r.randint(0, (last_due - concluded).days + (20 if behaviour == "late"
                                                                                            else 0)))
            if done <= today:
                performed_on = done
        judicial_applied = judicial_confirmed = judicial_court = None
        if not oral and r.random() < prof.judicial:
            applied = concluded + timedelta(days=r.randint(1, 28))
            if applied <= today:
                judicial_applied = applied
                judicial_court = r.choices([c for c, _ in _COURTS], [w for _, w in _COURTS])[0]
                confirmed = applied + timedelta(days=r.randint(3, 20))
                judicial_confirmed = confirmed if confirmed <= today else None
        app_name = applicant_cp[4]
        resp_name = respondent_cp[4]
        terms = []
        for idx, (_iid, due, amount, payer, payee) in enumerate(instalments):
            when = "当场" if due == concluded else f"于{texts.cn_date(due)}前"
            lead = "一次性" if len(instalments) == 1 else f"第{idx + 1}期"
            terms.append(f"{payer[4]}{when}{lead}{story.pays}{payee[4]}人民币{_yuan(amount)}元")
        if story.remedy:
            terms.append(story.remedy)
        if instalments:
            terms.append(f"{app_name}收到上述款项后，双方就本纠纷再无其他争议")
        copies = len(principals) + 1
        terms.append("本协议为口头协议，自双方当事人达成之日起生效，调解员已记录协议内容" if oral else
                     f"本协议一式{copies}份，当事人各执一份，调解委员会留存一份，自各方当事人签名（盖章或按指印）、"
                     f"调解员签名并加盖调解委员会印章之日起生效")
        for pos, text in enumerate(terms, start=1):
            rows["agreement_terms"].append({"id": self.nid("agreement_terms"), "agreement_id": agreement_id,
                                            "position": pos, "text": text})
        responsibilities = []
        if story.ratios:
            responsibilities = [
                {"case_party_id": applicant_cp[0], "text": f"{app_name}承担{story.ratios[0]}%的责任",
                 "ratio": story.ratios[0]},
                {"case_party_id": respondent_cp[0], "text": f"{resp_name}承担{story.ratios[1]}%的责任",
                 "ratio": story.ratios[1]}]
        performance = "；".join(terms[: len(instalments)]) if instalments else (story.remedy or "双方按协议约定履行")
        rows["agreements"].append({
            "id": agreement_id, "case_id": case_id, "kind": "oral" if oral else "written",
            "facts": story.summary, "matters": story.matter or DISPUTE_TYPES[story.dispute_type],
            "responsibilities": _js(responsibilities), "performance": performance, "amount": fen,
            "formed_on": concluded, "effective_on": concluded, "last_due_on": last_due,
            "performed_on": performed_on, "judicial_applied_on": judicial_applied, "judicial_court": judicial_court,
            "judicial_confirmed_on": judicial_confirmed, "created_at": final_at, "updated_at": final_at})
        sigs = rows["signatures"]
        for cp in principals:
            sigs.append({"id": self.nid("signatures"), "agreement_id": agreement_id, "case_party_id": cp[0],
                         "user_id": None, "signed_on": concluded})
        if mediator is not None:
            sigs.append({"id": self.nid("signatures"), "agreement_id": agreement_id, "case_party_id": None,
                         "user_id": mediator, "signed_on": concluded})
        # follow-up visit (回访)
        if r.random() < 0.65:
            scheduled = self.cal.on_or_after(concluded + timedelta(days=r.randint(14, 45)))
            visited = scheduled + timedelta(days=r.choice((0, 0, 1, 2, 3)))
            visited = visited if visited <= today and scheduled <= today else None
            rating = None
            if visited is not None and r.random() < 0.85:
                rating = r.choices((5, 4, 3, 2, 1), (62, 25, 8, 3, 2))[0]
            if visited is None:
                perf_text = ""
            elif performed_on is not None and performed_on <= visited:
                perf_text = r.choice(texts.FOLLOWUP_DONE)
            elif first_paid is not None and first_paid <= visited:
                perf_text = r.choice(texts.FOLLOWUP_PART)
            else:
                perf_text = r.choice(texts.FOLLOWUP_NONE)
            fid = self.nid("followups")
            created = datetime.combine(concluded, dtime(17, 0))
            rows["followups"].append({
                "id": fid, "case_id": case_id, "scheduled_on": scheduled, "visited_on": visited,
                "visitor_id": mediator, "party_id": applicant_cp[0], "performance": perf_text, "rating": rating,
                "court_action": visited is not None and r.random() < 0.01, "escalation_risk": False,
                "action_taken": "已列入差评台账，限期回复" if rating is not None and rating <= 2 else "",
                "created_at": created,
                "updated_at": datetime.combine(visited, dtime(15, 0)) if visited else created})
            if rating is not None and rating <= 2:
                due = self.cal.add_workdays(visited, self.bad_days)
                answered = visited + timedelta(days=r.randint(1, 14))
                answered = answered if answered <= today else None
                rows["rating_ledger"].append({
                    "id": self.nid("rating_ledger"), "followup_id": fid, "opened_on": visited, "due_on": due,
                    "answered_on": answered, "answer": r.choice(texts.BAD_RATING_ANSWERS) if answered else ""})
        return performed_on

    def _payment(self, instalment_id: int, fen: int, on: date, mediator: int | None) -> dict:
        r = self.r
        pid = self.nid("payments")
        return {"id": pid, "instalment_id": instalment_id, "amount": fen, "paid_on": on,
                "method": r.choices(_METHODS[0], cum_weights=_METHODS[1])[0],
                "receipt_no": f"SK{on:%Y%m%d}{pid % 100000:05d}", "recorded_by_id": mediator}

    def _book(self, case_id, com: _Com, prof, mediator: int, cps, number: int) -> None:
        r = self.r
        if not self.booking_days or not com.rooms:
            return
        busy = self.busy
        buffer = self.buffer

        def free(key, start, end):
            return all(not (start < e + buffer and s < end + buffer) for s, e in busy.get(key, ()))

        for _ in range(6):
            d = r.choice(self.booking_days)
            t, minutes = r.choice(_SLOTS)
            start = datetime.combine(d, t)
            end = start + timedelta(minutes=minutes)
            room_id = r.choice(com.rooms)[0]
            if not (free(("room", room_id), start, end) and free(("user", mediator), start, end)):
                continue
            held = [("room", room_id), ("user", mediator)]
            if com.experts and r.random() < prof.expert:
                eid = r.choice(com.experts)[0]
                if free(("expert", eid), start, end):
                    held.append(("expert", eid))
            aid = self.nid("appointments")
            created = datetime.combine(self.today, dtime(8, 30)) + timedelta(minutes=r.randint(0, 480))
            self.rows["appointments"].append({
                "id": aid, "case_id": case_id, "starts_at": start, "ends_at": end, "room_id": room_id,
                "status": "booked", "purpose": f"第{number}次调解", "cancel_reason": None,
                "booked_by_id": r.choice(self.reception), "rescheduled_from_id": None,
                "created_at": created, "updated_at": created})
            # as core.booking stores them: padded by the buffer, in canonical (kind, id) order
            for kind, rid in sorted(held):
                busy.setdefault((kind, rid), []).append((start, end))
                self.rows["booked_resources"].append({
                    "id": self.nid("booked_resources"), "appointment_id": aid, "resource_kind": kind,
                    "resource_id": rid, "starts_at": start, "ends_at": end + buffer, "active": True})
            for cp in cps:
                self.rows["invitations"].append({"id": self.nid("invitations"), "appointment_id": aid,
                                                 "case_party_id": cp[0], "attendance": "invited"})
            return

    # flushing --------------------------------------------------------------------------------

    # Generation runs in this thread while a writer thread inserts the previous chunk: the
    # database driver releases the GIL while the engine works, so the two overlap.

    def _start_writer(self) -> None:
        self.queue: queue.Queue[dict[str, list[dict]] | None] = queue.Queue(maxsize=2)
        self.write_error: BaseException | None = None
        self.thread = threading.Thread(target=self._write_loop, name="demo-writer", daemon=True)
        self.thread.start()

    def _write_loop(self) -> None:
        while True:
            chunk = self.queue.get()
            if chunk is None:
                return
            if self.write_error is not None:
                continue  # keep draining so the producer never blocks
            try:
                with self.conn.begin():
                    for name in _CHUNK_ORDER:
                        if chunk[name]:
                            self.writer.write(_T[name], chunk[name])
            except BaseException as exc:  # re-raised in the generating thread
                self.write_error = exc

    def _stop_writer(self) -> None:
        if getattr(self, "thread", None) is None:
            return
        self.queue.put(None)
        self.thread.join()
        self.thread = None
        if self.write_error is not None:
            raise self.write_error

    def _flush(self) -> None:
        if self.write_error is not None:
            raise self.write_error
        chunk = self.rows
        for name, batch in chunk.items():
            self.counts[name] += len(batch)
        self.rows = {t: [] for t in _CHUNK_ORDER}
        self.queue.put(chunk)
        self.pending = 0

    def _finish(self) -> None:
        conn = self.conn
        t = CaseNumberCounter.__table__
        for (cid, year), last in sorted(self.counters.items()):
            before = self.counters_before.get((cid, year))
            if before == last:
                continue
            if before is None:
                conn.execute(insert(t).values(committee_id=cid, year=year, last_seq=last))
            else:
                conn.execute(t.update().where(t.c.committee_id == cid, t.c.year == year).values(last_seq=last))
        if self.dialect == "postgresql":
            for name in _ID_TABLES:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {name}), (SELECT MAX(id) IS NOT NULL FROM {name}))")
        elif self.dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA analysis_limit=400")
            conn.exec_driver_sql("ANALYZE")


_METHODS = _cum(texts.PAYMENT_METHODS)


@cache
def _demo_password_hash() -> str:
    """One argon2 hash for every demo account (hashing is deliberately slow)."""
    from core.auth import hash_password

    return hash_password(DEMO_PASSWORD)


def _name_initials(name: str, *, person: bool) -> str:
    """Parties' search initials exactly as intake computes them (core.visitors)."""
    try:
        from core.visitors import name_initials
    except ImportError:  # pragma: no cover - the module ships with the app
        name_initials = names.name_initials
    return name_initials(name, person=person)


def _expert_readings(name: str) -> tuple[str, str]:
    """Experts' ``name_pinyin`` / ``name_initials`` as the expert editor stores them (every
    reading of heteronyms, primary first, space-separated)."""
    try:
        from core.expert_search import name_readings, pack_readings
    except ImportError:  # pragma: no cover
        return names.name_pinyin(name), names.name_initials(name)
    pinyin, initials = name_readings(name)
    return pack_readings(pinyin, 120), pack_readings(initials, 20)

_PARTY_TEMPLATE = {
    "id": None, "kind": "person", "name": "", "name_initials": "", "sex": None, "ethnicity": None,
    "birth_date": None, "id_type": None, "id_number": None, "occupation": None, "workplace": None,
    "org_kind": None, "uscc": None, "legal_representative": None, "phone": None, "address": None,
    "anonymised": False, "created_at": None, "updated_at": None,
}
