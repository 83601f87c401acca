"""Daily rollups of the director's statistics, kept exact by the database itself.

Every figure of :mod:`core.stats` except the two that depend on the end of the period (超期未结,
and agreements performed after their due date but by the period's end) is a sum over days. So
the database keeps, per day, one row per committee / dispute type / source / lead mediator
(``stats_by_committee`` … ``stats_by_mediator``, the four breakdowns are not crossed), and a
month's figures are a few hundred rows to add instead of a few hundred thousand to attribute.

How they stay exact, whoever writes (the use cases, the demo's bulk load, a hand-typed UPDATE):

* ``stats_case_facts`` holds what each case currently contributes: one row per case and kind
  (received, accepted, concluded, agreement due, 司法确认, ratings of one visit day), with the
  day, the case's four groups and the figures. It is the case's contribution as last applied.
* A trigger on every table the figures read (cases, agreements, followups, case_parties) *resyncs*
  the case concerned: recompute its facts from the current rows (:func:`facts_select`), add the
  difference from its stored facts to the four rollups (only the day × group rows that change),
  store the new facts. Resyncing is idempotent and depends only on the current state, so the
  order in which triggers fire (cascades, multi-row statements, the deferred AFTER triggers of
  PostgreSQL) cannot make it wrong. A change to a case's parties only
  matters when the case is counted as an escalation prevented without a group size (the persons
  are its parties), so those triggers fire only then.
* Queue tickets and mediation sessions depend on their own row only: their triggers add the new
  row and subtract the old one.
* SQLite: triggers (a resync is an ``INSERT`` into the view ``stats_resync``, whose INSTEAD OF
  trigger does the work); PostgreSQL: PL/pgSQL functions and row triggers.
* Bulk loads (``tiaojie demo``) mark the rollups stale (``stats_state.stale``: the triggers then
  do nothing — on PostgreSQL the load also runs with ``session_replication_role = replica``,
  which skips them anyway), load, and :func:`rebuild` everything in one set-based pass. While
  stale, :mod:`core.stats` refuses to compute rather than show wrong figures.

The SQL here is part of the schema: migration 0003 installs it. Changing it needs a new
migration that calls :func:`install` again (and :func:`rebuild`).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from db.codes import CONCLUDED_STATUSES, sql_in

#: The additive figures of a case kept per day (money in fen). ``agreements_performed_in_time``:
#: agreements due that day and performed on or before it; the ones performed later are found
#: through ``stats_case_facts.late_performed_on`` (their count depends on the period's end).
FIGURES: tuple[str, ...] = (
    "received", "amount_claimed", "repeat_visitors", "accepted", "concluded", "refused", "days_total",
    "successful", "successful_oral", "amount_agreed", "escalations_prevented", "escalation_persons",
    "agreements_due", "agreements_performed_in_time", "judicial_confirmed", "ratings", "ratings_satisfied",
    "ratings_good",
)
MONEY_FIGURES = ("amount_claimed", "amount_agreed")
QUEUE_FIGURES = ("queue_tickets", "queue_called", "queue_wait_seconds")

#: breakdown → (rollup table, key column). The mediator key is 0 for "no mediator".
AXES: dict[str, tuple[str, str]] = {
    "committee": ("stats_by_committee", "committee_id"),
    "dispute_type": ("stats_by_type", "dispute_type"),
    "source": ("stats_by_source", "source"),
    "mediator": ("stats_by_mediator", "mediator_id"),
}
#: Columns a rollup table has besides the case figures.
EXTRA: dict[str, tuple[str, ...]] = {"committee": QUEUE_FIGURES, "mediator": ("sessions",)}

#: ``stats_case_facts.kind``
RECEIVED, ACCEPTED, CONCLUDED, DUE, JUDICIAL, RATED = 1, 2, 3, 4, 5, 6

FACT_COLUMNS = ("case_id", "kind", "day", "committee_id", "dispute_type", "source", "mediator_id", *FIGURES,
                "late_performed_on")

# Every writer of these columns changes some figure; others (summary, notes …) do not fire.
WATCHED = {
    "cases": ("id", "committee_id", "dispute_type", "source", "mediator_id", "status", "received_on",
              "accepted_on", "concluded_on", "amount_claimed", "repeat_visit", "escalation_risk", "group_size"),
    "agreements": ("case_id", "kind", "amount", "last_due_on", "performed_on", "judicial_confirmed_on"),
    "followups": ("case_id", "visited_on", "rating"),
    "case_parties": ("case_id", "role"),
    "queue_tickets": ("committee_id", "day", "taken_at", "called_at"),
    "mediation_sessions": ("mediator_id", "started_at"),
}

_SUCCESS_STATUSES = ("agreed", "performed", "archived")
_DIMS = "c.committee_id, c.dispute_type, c.source, COALESCE(c.mediator_id, 0)"


def _days(dialect: str) -> str:
    if dialect == "sqlite":
        return "CAST(julianday(c.concluded_on) - julianday(c.received_on) AS INTEGER)"
    return "(c.concluded_on - c.received_on)"


def wait_seconds(dialect: str, row: str) -> str:
    """Seconds from taking a ticket to its call, rounded (as :mod:`core.stats` always counted)."""
    if dialect == "sqlite":
        return f"CAST(ROUND((julianday({row}.called_at) - julianday({row}.taken_at)) * 86400) AS INTEGER)"
    return f"CAST(ROUND(EXTRACT(EPOCH FROM ({row}.called_at - {row}.taken_at))) AS BIGINT)"


def session_day(dialect: str, row: str) -> str:
    if dialect == "sqlite":
        return f"date({row}.started_at)"
    return f"CAST({row}.started_at AS DATE)"


def _fact(kind: int, day: str, values: dict[str, str], late: str = "CAST(NULL AS DATE)") -> str:
    unknown = set(values) - set(FIGURES)
    assert not unknown, unknown
    figures = ", ".join(values.get(f, "0") for f in FIGURES)
    return f"SELECT c.id, {kind}, {day}, {_DIMS}, {figures}, {late}"


def facts_select(dialect: str, cond: str, *, pending: bool = False) -> str:
    """The facts of the cases selected by ``cond`` (a condition on ``c``, the cases table):
    columns :data:`FACT_COLUMNS`. The definitions are those of :mod:`core.stats`. ``pending``:
    with negative kinds (a resync's new facts, while the old ones are still there)."""
    sign = -1 if pending else 1
    success = "a.case_id IS NOT NULL"  # the agreement is joined only to a success status
    persons = ("COALESCE(c.group_size, (SELECT COUNT(*) FROM case_parties p "
               "WHERE p.case_id = c.id AND p.role <> 'agent'))")
    parts = [
        _fact(sign * RECEIVED, "c.received_on", {
            "received": "1",
            "amount_claimed": "COALESCE(c.amount_claimed, 0)",
            "repeat_visitors": "CASE WHEN c.repeat_visit THEN 1 ELSE 0 END",
        }) + f" FROM cases c WHERE {cond}",
        _fact(sign * ACCEPTED, "c.accepted_on", {"accepted": "1"})
        + f" FROM cases c WHERE {cond} AND c.accepted_on IS NOT NULL",
        _fact(sign * CONCLUDED, "c.concluded_on", {
            "concluded": "CASE WHEN c.status <> 'refused' THEN 1 ELSE 0 END",
            "refused": "CASE WHEN c.status = 'refused' THEN 1 ELSE 0 END",
            "days_total": f"CASE WHEN c.status <> 'refused' THEN {_days(dialect)} ELSE 0 END",
            "successful": f"CASE WHEN {success} THEN 1 ELSE 0 END",
            "successful_oral": "CASE WHEN a.kind = 'oral' THEN 1 ELSE 0 END",
            "amount_agreed": "COALESCE(a.amount, 0)",
            "escalations_prevented": f"CASE WHEN {success} AND c.escalation_risk THEN 1 ELSE 0 END",
            "escalation_persons": f"CASE WHEN {success} AND c.escalation_risk THEN {persons} ELSE 0 END",
        }) + (f" FROM cases c LEFT JOIN agreements a ON a.case_id = c.id AND c.status IN "
              f"({sql_in(_SUCCESS_STATUSES)}) WHERE {cond} AND c.concluded_on IS NOT NULL "
              f"AND c.status IN ({sql_in(CONCLUDED_STATUSES)})"),
        _fact(sign * DUE, "a.last_due_on", {
            "agreements_due": "1",
            "agreements_performed_in_time": "CASE WHEN a.performed_on <= a.last_due_on THEN 1 ELSE 0 END",
        }, late="CASE WHEN a.performed_on > a.last_due_on THEN a.performed_on END")
        + f" FROM agreements a JOIN cases c ON c.id = a.case_id WHERE {cond} AND a.last_due_on IS NOT NULL",
        _fact(sign * JUDICIAL, "a.judicial_confirmed_on", {"judicial_confirmed": "1"})
        + f" FROM agreements a JOIN cases c ON c.id = a.case_id WHERE {cond} "
          "AND a.judicial_confirmed_on IS NOT NULL",
        _fact(sign * RATED, "f.visited_on", {
            "ratings": "COUNT(*)",
            "ratings_satisfied": "SUM(CASE WHEN f.rating >= 3 THEN 1 ELSE 0 END)",
            "ratings_good": "SUM(CASE WHEN f.rating >= 4 THEN 1 ELSE 0 END)",
        }) + (f" FROM followups f JOIN cases c ON c.id = f.case_id WHERE {cond} "
              "AND f.visited_on IS NOT NULL AND f.rating IS NOT NULL "
              "GROUP BY c.id, f.visited_on, c.committee_id, c.dispute_type, c.source, c.mediator_id"),
    ]
    return "\nUNION ALL\n".join(parts)


def _insert_facts(dialect: str, cond: str, *, pending: bool = False) -> str:
    return (f"INSERT INTO stats_case_facts ({', '.join(FACT_COLUMNS)})\n"
            f"{facts_select(dialect, cond, pending=pending)}")


def _rollup_columns(axis: str) -> tuple[str, ...]:
    return (*FIGURES, *EXTRA.get(axis, ()))


def _upsert_tail(table: str, key: str, columns) -> str:
    sets = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in columns)
    return f" ON CONFLICT (day, {key}) DO UPDATE SET {sets}"


def _apply_delta(axis: str, case: str) -> str:
    """Add one case's change to one rollup: new facts (pending, negative kinds) minus old ones,
    per day and group. Groups whose figures did not change are left alone (no row written, none
    locked), and the others are written in key order, so concurrent PostgreSQL writers lock
    rollup rows in the same order."""
    table, key = AXES[axis]
    deltas = [f"SUM(CASE WHEN kind < 0 THEN {f} ELSE -{f} END)" for f in FIGURES]
    extra = ["0"] * len(EXTRA.get(axis, ()))
    return (f"INSERT INTO {table} (day, {key}, {', '.join(_rollup_columns(axis))}) "
            f"SELECT day, {key}, {', '.join(deltas + extra)} FROM stats_case_facts WHERE case_id = {case} "
            f"GROUP BY day, {key} HAVING {' OR '.join(f'{d} <> 0' for d in deltas)} ORDER BY day, {key}"
            + _upsert_tail(table, key, FIGURES))


def resync_statements(dialect: str, case: str) -> list[str]:
    """Bring one case's contribution up to date (``case``: an SQL expression for its id): its
    new facts are added beside the old ones (negative kinds), the difference goes into the four
    rollups, then the new facts replace the old."""
    return [
        _insert_facts(dialect, f"c.id = {case}", pending=True),
        *(_apply_delta(axis, case) for axis in AXES),
        f"DELETE FROM stats_case_facts WHERE case_id = {case} AND kind > 0",
        f"UPDATE stats_case_facts SET kind = -kind WHERE case_id = {case}",
    ]


def _queue_delta(dialect: str, row: str, sign: int) -> str:
    table, key = AXES["committee"]
    called = f"CASE WHEN {row}.called_at IS NULL THEN 0 ELSE {sign} END"
    wait = f"CASE WHEN {row}.called_at IS NULL THEN 0 ELSE {sign} * {wait_seconds(dialect, row)} END"
    zeros = ", ".join("0" for _ in FIGURES)
    return (f"INSERT INTO {table} (day, {key}, {', '.join(_rollup_columns('committee'))}) "
            f"VALUES ({row}.day, {row}.committee_id, {zeros}, {sign}, {called}, {wait})"
            + _upsert_tail(table, key, QUEUE_FIGURES))


def _session_delta(dialect: str, row: str, sign: int) -> str:
    table, key = AXES["mediator"]
    zeros = ", ".join("0" for _ in FIGURES)
    return (f"INSERT INTO {table} (day, {key}, {', '.join(_rollup_columns('mediator'))}) "
            f"VALUES ({session_day(dialect, row)}, COALESCE({row}.mediator_id, 0), {zeros}, {sign})"
            + _upsert_tail(table, key, ("sessions",)))


# ------------------------------------------------------------------------------ installing

_NOT_STALE = "NOT EXISTS (SELECT 1 FROM stats_state WHERE stale)"
# Case-parties changes matter only while the case counts its parties as escalation persons.
_COUNTS_PARTIES = ("EXISTS (SELECT 1 FROM stats_case_facts x WHERE x.case_id = {row}.case_id "
                   f"AND x.kind = {CONCLUDED} AND x.escalations_prevented <> 0)")

_CASE_ID = {"cases": "id", "agreements": "case_id", "followups": "case_id", "case_parties": "case_id"}

_SQLITE_TRIGGERS = [f"stats_{t}_{op}" for t in WATCHED for op in ("ins", "upd", "del")] + ["stats_resync_case"]
_PG_TRIGGERS = [f"stats_{t}" for t in WATCHED]
_PG_FUNCTIONS = ["stats_resync(integer)", *(f"stats_on_{t}()" for t in WATCHED)]


def install(conn: Connection) -> None:
    """Create (or re-create) the triggers and PostgreSQL functions that keep the rollups exact.

    On SQLite a migration that rebuilds one of the watched tables (Alembic's batch mode copies
    the table and drops the old one) drops its triggers with it: such a migration must call this
    again, and then :func:`rebuild`. ``tests/integration/test_stats_rollups.py`` checks that
    every trigger is in place at the head revision."""
    uninstall(conn)
    statements = _sqlite_install() if conn.dialect.name == "sqlite" else _pg_install()
    for sql in statements:
        conn.exec_driver_sql(sql)


def trigger_names(dialect: str) -> list[str]:
    """The triggers :func:`install` creates."""
    return list(_SQLITE_TRIGGERS if dialect == "sqlite" else _PG_TRIGGERS)


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in _SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("DROP VIEW IF EXISTS stats_resync")
        return
    for name, table in zip(_PG_TRIGGERS, WATCHED, strict=True):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for fn in _PG_FUNCTIONS:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {fn}")


def _sqlite_install() -> list[str]:
    out = [
        "CREATE VIEW stats_resync AS SELECT 0 AS case_id WHERE 0",
        (f"CREATE TRIGGER stats_resync_case INSTEAD OF INSERT ON stats_resync WHEN {_NOT_STALE} BEGIN\n"
         + ";\n".join(resync_statements("sqlite", "NEW.case_id")) + ";\nEND"),
    ]
    for table, column in _CASE_ID.items():
        cols = ", ".join(WATCHED[table])
        out += [
            (f"CREATE TRIGGER stats_{table}_ins AFTER INSERT ON {table}{_sqlite_when(table, 'NEW')} "
             f"BEGIN {_sqlite_resync(column, 'NEW')} END"),
            (f"CREATE TRIGGER stats_{table}_upd AFTER UPDATE OF {cols} ON {table}"
             f"{_sqlite_when(table, 'OLD', 'NEW')} BEGIN {_sqlite_resync(column, 'OLD', 'NEW')} END"),
            (f"CREATE TRIGGER stats_{table}_del AFTER DELETE ON {table}{_sqlite_when(table, 'OLD')} "
             f"BEGIN {_sqlite_resync(column, 'OLD')} END"),
        ]
    for table, delta in (("queue_tickets", _queue_delta), ("mediation_sessions", _session_delta)):
        cols = ", ".join(WATCHED[table])
        out += [
            (f"CREATE TRIGGER stats_{table}_ins AFTER INSERT ON {table} WHEN {_NOT_STALE} "
             f"BEGIN {delta('sqlite', 'NEW', 1)}; END"),
            (f"CREATE TRIGGER stats_{table}_upd AFTER UPDATE OF {cols} ON {table} WHEN {_NOT_STALE} "
             f"BEGIN {delta('sqlite', 'OLD', -1)}; {delta('sqlite', 'NEW', 1)}; END"),
            (f"CREATE TRIGGER stats_{table}_del AFTER DELETE ON {table} WHEN {_NOT_STALE} "
             f"BEGIN {delta('sqlite', 'OLD', -1)}; END"),
        ]
    return out


def _sqlite_resync(column: str, *rows: str) -> str:
    ids = " UNION ".join(f"SELECT {r}.{column}" for r in rows)
    return f"INSERT INTO stats_resync (case_id) {ids};"


def _sqlite_when(table: str, *rows: str) -> str:
    if table != "case_parties":
        return ""
    return " WHEN " + " OR ".join(_COUNTS_PARTIES.format(row=r) for r in rows)


def _pg_install() -> list[str]:
    body = ";\n  ".join(resync_statements("postgresql", "p_case"))
    out = [
        ("CREATE FUNCTION stats_resync(p_case integer) RETURNS void LANGUAGE plpgsql AS $$\n"
         f"BEGIN\n  {body};\nEND $$"),
    ]
    for table, column in _CASE_ID.items():
        old_cond = new_cond = "TRUE"
        if table == "case_parties":
            old_cond, new_cond = _COUNTS_PARTIES.format(row="OLD"), _COUNTS_PARTIES.format(row="NEW")
        out.append(
            f"CREATE FUNCTION stats_on_{table}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"  IF NOT {_NOT_STALE} THEN RETURN NULL; END IF;\n"
            f"  IF TG_OP <> 'INSERT' AND {old_cond} THEN PERFORM stats_resync(OLD.{column}); END IF;\n"
            f"  IF (TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.{column} IS DISTINCT FROM OLD.{column}))\n"
            f"     AND {new_cond} THEN PERFORM stats_resync(NEW.{column}); END IF;\n"
            "  RETURN NULL;\nEND $$")
    for table, delta in (("queue_tickets", _queue_delta), ("mediation_sessions", _session_delta)):
        out.append(
            f"CREATE FUNCTION stats_on_{table}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            f"  IF NOT {_NOT_STALE} THEN RETURN NULL; END IF;\n"
            f"  IF TG_OP <> 'INSERT' THEN {delta('postgresql', 'OLD', -1)}; END IF;\n"
            f"  IF TG_OP <> 'DELETE' THEN {delta('postgresql', 'NEW', 1)}; END IF;\n"
            "  RETURN NULL;\nEND $$")
    for table in WATCHED:
        out.append(f"CREATE TRIGGER stats_{table} AFTER INSERT OR DELETE OR UPDATE OF {', '.join(WATCHED[table])} "
                   f"ON {table} FOR EACH ROW EXECUTE FUNCTION stats_on_{table}()")
    return out


# ------------------------------------------------------------------------------ bulk loads

def mark_stale(conn: Connection) -> None:
    """Before a bulk load: the triggers stop maintaining the rollups until :func:`rebuild`."""
    conn.execute(text("UPDATE stats_state SET stale = :t"), {"t": True})


def is_stale(conn: Connection) -> bool:
    return bool(conn.execute(text("SELECT stale FROM stats_state")).scalar())


def rebuild(conn: Connection) -> None:
    """Recompute the facts and every rollup from the data, in one set-based pass, and clear
    the stale mark. Run inside a transaction (the migration's, or the caller's)."""
    dialect = conn.dialect.name
    for table in ("stats_case_facts", *(t for t, _k in AXES.values())):
        conn.exec_driver_sql(f"DELETE FROM {table}")
    conn.exec_driver_sql(_insert_facts(dialect, "1 = 1"))
    for axis, (table, key) in AXES.items():
        extra = ", ".join("0" for _ in EXTRA.get(axis, ()))
        conn.exec_driver_sql(
            f"INSERT INTO {table} (day, {key}, {', '.join(_rollup_columns(axis))}) "
            f"SELECT day, {key}, {', '.join(f'SUM({f})' for f in FIGURES)}{', ' + extra if extra else ''} "
            f"FROM stats_case_facts GROUP BY day, {key}")
    zeros = ", ".join("0" for _ in FIGURES)
    table, key = AXES["committee"]
    conn.exec_driver_sql(
        f"INSERT INTO {table} (day, {key}, {', '.join(_rollup_columns('committee'))}) "
        f"SELECT t.day, t.committee_id, {zeros}, COUNT(*), COUNT(t.called_at), "
        f"COALESCE(SUM(CASE WHEN t.called_at IS NOT NULL THEN {wait_seconds(dialect, 't')} END), 0) "
        "FROM queue_tickets t WHERE 1 = 1 GROUP BY t.day, t.committee_id"
        + _upsert_tail(table, key, QUEUE_FIGURES))
    table, key = AXES["mediator"]
    day = session_day(dialect, "s")
    conn.exec_driver_sql(
        f"INSERT INTO {table} (day, {key}, {', '.join(_rollup_columns('mediator'))}) "
        f"SELECT {day}, COALESCE(s.mediator_id, 0), {zeros}, COUNT(*) FROM mediation_sessions s WHERE 1 = 1 "
        f"GROUP BY {day}, COALESCE(s.mediator_id, 0)" + _upsert_tail(table, key, ("sessions",)))
    conn.execute(text("UPDATE stats_state SET stale = :f"), {"f": False})


def analyze(conn: Connection) -> None:
    """Planner statistics for the new tables and indexes (after a rebuild)."""
    tables = ("cases", "agreements", "mediation_sessions", "stats_case_facts",
              *(t for t, _k in AXES.values()))
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=400")
        for table in tables:
            conn.exec_driver_sql(f"ANALYZE {table}")
    else:
        conn.exec_driver_sql(f"ANALYZE {', '.join(tables)}")
