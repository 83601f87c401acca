"""The case list's text search structures (migration 0005), kept in step by the database itself.

What the search box matches is ``LIKE '%text%'`` over parties' names, case numbers and summaries;
these structures only find the candidates quickly, the ``LIKE`` is always checked again:

* ``party_name_suffixes`` (a model, both engines): every suffix of every party's name. A name
  contains ``text`` exactly when one of its suffixes starts with it, so a substring of *any*
  length — a surname alone, 张伟, 王秀英 — is an index range (``suffix >= q AND suffix < q || U+10FFFF``).
  Names are short (≈ 2.8 characters on average), so this is ≈ 3 rows per party. Triggers on
  ``parties`` keep it (an anonymised or renamed party is no longer found by its old name).
* numbers and summaries: SQLite — a contentless FTS5 ``trigram`` table ``cases_fts`` kept by
  triggers, fed each value followed by two padding characters (``PAD``), so that every character
  of a value begins a trigram: a text of ≥ 3 characters is a phrase of its trigrams, a 1–2
  character one is every term of the vocabulary (``cases_fts_terms``) that starts with it;
  PostgreSQL — ``pg_trgm`` GIN indexes, which serve ``LIKE`` directly from 3 characters (they hash
  CJK trigrams under this server's C.UTF-8 ctype), and for 1–2 characters, which they cannot serve,
  a GIN index over ``case_search_grams(number, summary)``: the number's characters and the bigrams
  of both (≈ 200 MB on a million cases). Names need no trigram index: the suffixes serve them. Where SQLite lacks FTS5 or its trigram
  tokenizer (before 3.34) there is no ``cases_fts`` and the search reads the rows as before.

None of this is in the ORM metadata except the suffix table: :func:`include_name` keeps
autogenerate from reporting the FTS tables and the GIN indexes as strays. A bulk load
(:mod:`db.bulk_load`) suspends the GIN indexes with the other secondary indexes and the triggers
here, and rebuilds all of it once at the end.
"""

from __future__ import annotations

from sqlalchemy import Connection

FTS_TABLE = "cases_fts"
PG_TRGM_INDEXES = {
    "ix_cases_number_trgm": ("cases", "number"),
    "ix_cases_summary_trgm": ("cases", "summary"),
}
PG_GRAMS_INDEX = "ix_cases_search_grams"
#: The indexed expression (PostgreSQL); a query must spell it the same way to use the index.
PG_GRAMS = "case_search_grams(cases.number, cases.summary)"
# The highest code point: ``q || MAX_CHAR`` is above every string that starts with ``q``.
MAX_CHAR = "\U0010ffff"
# SQLite's LIKE ignores the case of ASCII letters (only those): its suffixes are stored with ASCII
# folded by lower() — which folds only ASCII too — and a query folds its text the same way
# (:func:`suffix_key`). PostgreSQL's LIKE is case-sensitive: stored as they are.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def suffix_key(dialect: str, value: str) -> str:
    """``value`` as the suffix table compares it on this engine."""
    return value.translate(_ASCII_LOWER) if dialect == "sqlite" else value


# SQLite triggers cannot use a recursive CTE: the positions 0 … n-1 of a name come from
# json_each over a JSON array of n zeros, made from zeroblob(n)'s hex digits.
_SQLITE_POSITIONS = "json_each('[' || substr(replace(hex(zeroblob(length({n}))), '00', ',0'), 2) || ']')"

# Deleted by key (suffix, party_id): the table has no index on party_id alone.
_SQLITE_DELETE = ("DELETE FROM party_name_suffixes WHERE party_id = old.id AND suffix IN"
                  f" (SELECT substr(lower(old.name), key + 1) FROM {_SQLITE_POSITIONS.format(n='old.name')});")

_SQLITE_NAME_TRIGGERS = {
    "party_name_suffixes_ai": f"""
CREATE TRIGGER party_name_suffixes_ai AFTER INSERT ON parties BEGIN
  INSERT INTO party_name_suffixes (suffix, party_id)
  SELECT substr(lower(new.name), key + 1), new.id FROM {_SQLITE_POSITIONS.format(n='new.name')};
END""",
    "party_name_suffixes_ad": f"""
CREATE TRIGGER party_name_suffixes_ad AFTER DELETE ON parties BEGIN
  {_SQLITE_DELETE}
END""",
    "party_name_suffixes_au": f"""
CREATE TRIGGER party_name_suffixes_au AFTER UPDATE OF name ON parties BEGIN
  {_SQLITE_DELETE}
  INSERT INTO party_name_suffixes (suffix, party_id)
  SELECT substr(lower(new.name), key + 1), new.id FROM {_SQLITE_POSITIONS.format(n='new.name')};
END""",
}

# What cases_fts indexes of a case: each column followed by PAD, so that every character of the
# value begins a trigram and a 1–2 character text is a range of trigram terms (see core.cases).
PAD = "\x1f\x1f"
_PADDED = "{row}.number || char(31, 31), {row}.summary || char(31, 31)"

_SQLITE_FTS_TRIGGERS = {
    "cases_fts_ai": f"""
CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts (rowid, number, summary) VALUES (new.id, {_PADDED.format(row='new')});
END""",
    "cases_fts_ad": f"""
CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, number, summary) VALUES ('delete', old.id, {_PADDED.format(row='old')});
END""",
    "cases_fts_au": f"""
CREATE TRIGGER cases_fts_au AFTER UPDATE OF number, summary ON cases BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, number, summary) VALUES ('delete', old.id, {_PADDED.format(row='old')});
  INSERT INTO cases_fts (rowid, number, summary) VALUES (new.id, {_PADDED.format(row='new')});
END""",
}

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION party_name_suffixes_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- by key (suffix, party_id): the table has no index on party_id alone
    DELETE FROM party_name_suffixes WHERE party_id = OLD.id
      AND suffix IN (SELECT substr(OLD.name, i) FROM generate_series(1, char_length(OLD.name)) AS i);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  INSERT INTO party_name_suffixes (suffix, party_id)
  SELECT substr(NEW.name, i), NEW.id FROM generate_series(1, char_length(NEW.name)) AS i;
  RETURN NULL;
END $$"""
# The 1–2 character texts pg_trgm cannot serve: a GIN index over each case's characters of the
# number and the bigrams of number and summary (a spurious bigram across the joint only widens
# the candidates, which the LIKE checks again).
_PG_GRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION case_search_grams(number text, summary text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(number, i, 1) AS g FROM generate_series(1, char_length(number)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM (SELECT number || chr(31) || summary AS t) AS s,
      generate_series(1, char_length(t) - 1) AS i
  ) AS grams
$$"""

_PG_TRIGGERS = {
    "party_name_suffixes_ai": "CREATE TRIGGER party_name_suffixes_ai AFTER INSERT ON parties "
                              "FOR EACH ROW EXECUTE FUNCTION party_name_suffixes_sync()",
    "party_name_suffixes_ad": "CREATE TRIGGER party_name_suffixes_ad AFTER DELETE ON parties "
                              "FOR EACH ROW EXECUTE FUNCTION party_name_suffixes_sync()",
    "party_name_suffixes_au": "CREATE TRIGGER party_name_suffixes_au AFTER UPDATE OF name ON parties "
                              "FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) "
                              "EXECUTE FUNCTION party_name_suffixes_sync()",
}


def fts5_trigram_available(conn: Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34+, and FTS5 compiled in)."""
    try:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x, tokenize='trigram')")
    except Exception:  # sqlite3.OperationalError: no such module / tokenizer
        return False
    conn.exec_driver_sql("DROP TABLE temp.fts5_probe")
    return True


def has_fts(conn: Connection) -> bool:
    """Whether ``cases_fts`` exists (SQLite): the core reads rows instead when it does not."""
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases_fts'"
    ).scalar() is not None


def triggers(conn: Connection) -> dict[str, str]:
    """The search triggers of this engine (name → CREATE statement)."""
    if conn.dialect.name == "sqlite":
        return {**_SQLITE_NAME_TRIGGERS, **(_SQLITE_FTS_TRIGGERS if has_fts(conn) else {})}
    return dict(_PG_TRIGGERS)


def install(conn: Connection) -> None:
    """Create the structures the suffix table does not cover, the triggers, and fill them all."""
    if conn.dialect.name == "sqlite":
        if fts5_trigram_available(conn):
            # Contentless: it holds the padded values the triggers give it, the rows stay in cases.
            conn.exec_driver_sql(
                "CREATE VIRTUAL TABLE cases_fts USING fts5(number, summary, content='', "
                "tokenize='trigram', detail='full', columnsize=0)"
            )
            conn.exec_driver_sql("CREATE VIRTUAL TABLE cases_fts_terms USING fts5vocab(cases_fts, 'col')")
    else:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.exec_driver_sql(_PG_FUNCTION)
        conn.exec_driver_sql(_PG_GRAMS_FUNCTION)
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")  # each GIN built in memory
        for name, (table, column) in PG_TRGM_INDEXES.items():
            conn.exec_driver_sql(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")
        conn.exec_driver_sql(f"CREATE INDEX {PG_GRAMS_INDEX} ON cases USING gin ({PG_GRAMS})")
    create_triggers(conn)
    rebuild(conn)


def uninstall(conn: Connection) -> None:
    drop_triggers(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TABLE IF EXISTS cases_fts_terms")
        conn.exec_driver_sql("DROP TABLE IF EXISTS cases_fts")
    else:
        for name in (*PG_TRGM_INDEXES, PG_GRAMS_INDEX):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS party_name_suffixes_sync()")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS case_search_grams(text, text)")


def create_triggers(conn: Connection) -> None:
    for sql in triggers(conn).values():
        conn.exec_driver_sql(sql)


def drop_triggers(conn: Connection) -> None:
    on = "" if conn.dialect.name == "sqlite" else " ON parties"
    for name in triggers(conn):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}{on}")


def rebuild(conn: Connection) -> None:
    """Fill the search structures from the tables, in one set-based pass each (the migration's
    backfill and the end of a bulk load, which runs without the triggers)."""
    conn.exec_driver_sql("DELETE FROM party_name_suffixes")
    if conn.dialect.name == "sqlite":
        # Inserted in key order: one sequential pass over the WITHOUT ROWID B-tree.
        conn.exec_driver_sql(
            "INSERT INTO party_name_suffixes (suffix, party_id)"
            " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
            " SELECT substr(lower(p.name), n.i), p.id FROM parties p JOIN n ON n.i <= length(p.name)"
            " ORDER BY 1, 2"
        )
        if has_fts(conn):
            conn.exec_driver_sql("INSERT INTO cases_fts (cases_fts) VALUES ('delete-all')")
            conn.exec_driver_sql(f"INSERT INTO cases_fts (rowid, number, summary) SELECT id, {_PADDED.format(row='cases')}"
                                 " FROM cases")
    else:
        conn.exec_driver_sql(
            "INSERT INTO party_name_suffixes (suffix, party_id)"
            " SELECT substr(p.name, i), p.id FROM parties p, generate_series(1, char_length(p.name)) AS i"
        )


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic ``include_name`` hook: leave the FTS5 table (and its shadow tables) and the GIN
    trigram indexes out of autogenerate — they are made by :func:`install`, not the models."""
    if type_ == "table" and name is not None and name.startswith(FTS_TABLE):
        return False
    return not (type_ == "index" and (name in PG_TRGM_INDEXES or name == PG_GRAMS_INDEX))
