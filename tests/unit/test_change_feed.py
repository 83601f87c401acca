"""Which topics a write publishes (core.change_feed), read off the SQL itself, and which
listener each kind of database gets."""

from __future__ import annotations

import pytest

from core import change_feed
from core.change_feed import ANY, NullListener, PostgresListener, SqlitePoller, topics_for


@pytest.mark.parametrize(("statement", "topics"), [
    ("INSERT INTO appointments (case_id, starts_at) VALUES (?, ?) RETURNING id", {"appointments"}),
    # The PostgreSQL booking: one statement, three inserts in CTEs.
    ("WITH a AS (INSERT INTO appointments (case_id) VALUES (%(case_id)s) RETURNING id), "
     "r AS (INSERT INTO booked_resources (appointment_id) SELECT a.id FROM a) "
     "INSERT INTO invitations (appointment_id, case_party_id) SELECT a.id, 1 FROM a", {"appointments"}),
    ("UPDATE queue_tickets SET status=%(status)s WHERE queue_tickets.id = %(id)s", {"queue"}),
    ('DELETE FROM "case_mediators" WHERE case_id = ?', {"cases"}),
    ("update cases set status = 'closed'", {"cases"}),
    ("INSERT INTO audit_log (action) VALUES (?)", set()),  # every write has one: not a topic
    ("INSERT INTO experts (name) VALUES (?)", {"experts"}),
    ("INSERT INTO calendar_overrides (day) VALUES (?)", {"settings"}),
    ("SELECT * FROM queue_tickets FOR UPDATE", set()),
    ("INSERT INTO case_number_counters (year) VALUES (?) ON CONFLICT DO UPDATE SET seq = seq + 1", set()),
])
def test_the_topics_of_a_statement(statement, topics):
    assert topics_for(statement) == topics


def test_every_topic_is_known():
    assert set(change_feed.TOPIC_OF_TABLE.values()) <= set(change_feed.TOPICS)
    assert ANY not in change_feed.TOPICS


def test_each_database_gets_its_listener(tmp_path):
    def nothing(_topic):
        return None

    assert isinstance(change_feed.listener_for("postgresql+psycopg://u@h/db", nothing), PostgresListener)
    poller = change_feed.listener_for(f"sqlite:///{tmp_path / 'x.sqlite3'}", nothing)
    assert isinstance(poller, SqlitePoller) and poller.path == tmp_path / "x.sqlite3"
    assert isinstance(change_feed.listener_for("sqlite://", nothing), NullListener)


def test_the_postgres_listener_connects_with_keepalives_and_the_urls_ssl_mode():
    listener = PostgresListener("postgresql+psycopg://app:pw%40x@10.0.0.5:5433/tiaojie?sslmode=require",
                                lambda _t: None)
    kwargs = listener._connect_kwargs()
    assert kwargs["host"] == "10.0.0.5" and kwargs["port"] == 5433 and kwargs["dbname"] == "tiaojie"
    assert kwargs["user"] == "app" and kwargs["password"] == "pw@x" and kwargs["sslmode"] == "require"
    assert kwargs["keepalives"] == 1 and kwargs["connect_timeout"] == 5
    # A primary and its hot standby: libpq tries both and keeps the writable one.
    pair = PostgresListener("postgresql+psycopg://app@/tiaojie?host=10.0.0.1:5432&host=10.0.0.2:5432"
                            "&target_session_attrs=read-write", lambda _t: None)._connect_kwargs()
    assert pair["host"] == "10.0.0.1,10.0.0.2" and pair["target_session_attrs"] == "read-write"


def test_a_listener_stops_promptly_and_reports_it(tmp_path):
    import sqlite3
    import time

    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).close()
    states = []
    poller = SqlitePoller(path, lambda _t: None, states.append, interval=0.05).start()
    deadline = time.monotonic() + 5
    while not poller.connected and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    poller.stop()
    assert time.monotonic() - started < 1
    assert not poller.running
    assert states == [True, False]
