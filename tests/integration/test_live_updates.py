"""Several PCs: a change committed by another process reaches this one's listener within two
seconds, on SQLite (PRAGMA data_version) and on PostgreSQL (LISTEN/NOTIFY sent with the
commit); a rolled-back change publishes nothing; the listener survives the server dropping it.
Also the connection test against a real server (db.connection)."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import time
from datetime import date, datetime

import pytest
from sqlalchemy import select, text, update

from core import change_feed
from core.booking import BookingRequest, book
from core.change_feed import ANY
from core.uow import read_only, unit_of_work
from db import connection
from db.connection import ConnectionConfig, ConnectionTestError
from db.models import Case, CaseParty
from tests.factories import add_case

NOW = datetime(2026, 11, 22, 8, 0)  # a Sunday: the session below is the next morning
MONDAY = date(2026, 11, 23)
ROOM1 = 3  # 第一调解室 (seeded)
LIMIT = 2.0  # seconds from commit to being heard


def _case(engine) -> tuple[int, tuple[int, ...]]:
    number = add_case(engine)
    with read_only(engine) as s:
        case_id = s.scalar(select(Case.id).where(Case.number == number))
        parties = tuple(s.scalars(select(CaseParty.id).where(CaseParty.case_id == case_id)
                                  .order_by(CaseParty.position)))
    return case_id, parties


def book_elsewhere(url: str, user, request: BookingRequest, go, out) -> None:
    """Another PC: its own process and engine. Warmed up (imports, connection) before the
    signal, so what is measured is commit → heard. Sends back the time of the commit."""
    from core.uow import read_only as ro
    from db.engine import make_engine

    engine = make_engine(url)
    with ro(engine) as s:
        s.execute(text("SELECT 1"))
    if not go.wait(60):
        return
    book(engine, user, request, now=NOW)
    out.send(time.time())
    engine.dispose()


class Heard:
    """Collects what a listener reports, with the time it arrived."""

    def __init__(self) -> None:
        self.topics: queue_module.Queue[tuple[str, float]] = queue_module.Queue()
        self.states: list[bool] = []

    def __call__(self, topic: str) -> None:
        self.topics.put((topic, time.time()))

    def next(self, timeout: float) -> tuple[str, float] | None:
        try:
            return self.topics.get(timeout=max(0.0, timeout))
        except queue_module.Empty:
            return None

    def drain(self) -> list[str]:
        out = []
        while True:
            try:
                out.append(self.topics.get_nowait()[0])
            except queue_module.Empty:
                return out


def _listen(url: str) -> tuple[change_feed.ChangeListener, Heard]:
    heard = Heard()
    listener = change_feed.listener_for(url, heard, heard.states.append, interval=0.5).start()
    deadline = time.monotonic() + 10
    while not listener.connected and time.monotonic() < deadline:
        time.sleep(0.02)
    assert listener.connected
    return listener, heard


def test_a_booking_committed_by_another_process_is_heard_within_two_seconds(engine, db_url, users):
    case_id, parties = _case(engine)
    request = BookingRequest(case_id, datetime.combine(MONDAY, datetime.min.time()).replace(hour=9), 60,
                             ROOM1, (users["mediator"].id,), (), parties, "第1次调解")
    listener, heard = _listen(db_url)
    ctx = multiprocessing.get_context("spawn")
    go = ctx.Event()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=book_elsewhere, args=(db_url, users["reception"], request, go, send))
    process.start()
    try:
        time.sleep(0.3)
        heard.drain()  # nothing of ours is pending; start clean
        go.set()
        assert receive.poll(60), "the other process did not book"
        committed = receive.recv()
        expected = "appointments" if engine.dialect.name == "postgresql" else ANY
        got = None
        while got is None or got[0] not in (expected, ANY):
            got = heard.next(committed + LIMIT - time.time())
            assert got is not None, f"nothing heard within {LIMIT} s of the commit"
        assert got[1] - committed < LIMIT
        if engine.dialect.name == "postgresql":
            assert got[0] == "appointments"  # PostgreSQL says what changed
    finally:
        process.join(60)
        listener.stop()
    assert process.exitcode == 0


def test_sqlite_hears_any_other_connection_commit(sqlite_engine, sqlite_url):
    listener, heard = _listen(sqlite_url)
    try:
        add_case(sqlite_engine)  # another connection of this very process counts too
        got = heard.next(LIMIT)
        assert got is not None and got[0] == ANY
        heard.drain()
        with read_only(sqlite_engine) as s:  # reading changes nothing
            s.scalar(select(Case.id).limit(1))
        assert heard.next(1.2) is None
    finally:
        listener.stop()


@pytest.mark.postgres
def test_postgres_publishes_only_what_commits_and_says_what(pg_engine, pg_url, users):
    add_case(pg_engine)
    listener, heard = _listen(pg_url)
    try:
        with pytest.raises(RuntimeError), unit_of_work(pg_engine) as s:
            s.execute(update(Case).values(summary="改了又撤销"))
            assert change_feed.pending_topics(s) == {"cases"}
            raise RuntimeError("rolled back")
        assert heard.next(1.0) is None  # a rollback publishes nothing

        from core import queue

        queue.take_ticket(pg_engine, users["reception"], queue.services(pg_engine)[0].code)
        got = heard.next(LIMIT)
        assert got is not None and got[0] == "queue"

        with unit_of_work(pg_engine) as s:
            s.execute(update(Case).values(summary="双方已达成初步意向"))
            change_feed.publish(s, "settings")  # a change the table map cannot see
        assert sorted(t for t, _ in (heard.next(LIMIT), heard.next(LIMIT))) == ["cases", "settings"]
    finally:
        listener.stop()


@pytest.mark.postgres
def test_the_postgres_listener_reconnects_when_the_server_drops_it(pg_engine, pg_url):
    listener, heard = _listen(pg_url)
    try:
        with pg_engine.connect() as conn:
            killed = conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'tiaojie-live' AND datname = current_database()")).all()
        assert killed
        deadline = time.monotonic() + 10
        while heard.states[-1:] != [True] or len(heard.states) < 3:
            assert time.monotonic() < deadline, heard.states
            time.sleep(0.05)
        assert heard.states == [True, False, True]
        topics = []
        while (got := heard.next(2)) is not None and got[0] != ANY:
            topics.append(got[0])
        assert got is not None  # after a reconnect: "something may have changed"
        add_case(pg_engine)
        got = heard.next(LIMIT)
        assert got is not None and got[0] == "cases"  # and it listens again
    finally:
        listener.stop()
    assert not listener.running


@pytest.mark.postgres
def test_testing_a_real_postgresql_server(pg_url):
    base = connection.config_from_url(pg_url)
    assert connection.test_connection(pg_url).startswith("PostgreSQL ")
    missing = connection.to_url(ConnectionConfig(**{**base.__dict__, "database": "tj_no_such_db"}))
    with pytest.raises(ConnectionTestError) as info:
        connection.test_connection(missing)
    assert info.value.field == "database" and "tj_no_such_db" in str(info.value)
    closed = connection.to_url(ConnectionConfig(**{**base.__dict__, "port": 1}))
    with pytest.raises(ConnectionTestError) as info:
        connection.test_connection(closed)
    assert info.value.field == "host" and "拒绝连接" in str(info.value)
    # The test server has no SSL: requiring it is explained as such.
    ssl = connection.to_url(ConnectionConfig(**{**base.__dict__, "sslmode": "require"}))
    with pytest.raises(ConnectionTestError) as info:
        connection.test_connection(ssl)
    assert info.value.field == "sslmode"
