"""``tiaojie print agreement`` without the ORM (core.documents.agreement_print): the same SQL as the
application (core.agreement_reader) on a read-only SQLite connection gives the same 调解协议书
(人民调解法第二十九条: parties + 1 copies), and every situation it does not cover goes the
ordinary way."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from core.agreement_reader import case_id_by_number, read_agreement
from core.agreements import agreement_data
from core.documents.agreement_print import agreement_pdf_from_file
from core.dossier import build_document
from core.uow import read_only
from db.plain_sql import SessionRows, SqliteRows, open_current_sqlite, sqlite_file
from tests.unit.test_case_documents import TODAY, build_scenario

REPO = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def _text(pdf: bytes, tmp_path: Path) -> str:
    src = tmp_path / "a.pdf"
    src.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(src), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_same_data_through_a_session_and_through_sqlite3(sqlite_engine, sqlite_url):
    s = build_scenario(sqlite_engine)
    with read_only(sqlite_engine) as session:
        in_session = agreement_data(session, s.case_id)
        oral = agreement_data(session, s.oral_id)
    conn = open_current_sqlite(sqlite_url)
    assert conn is not None
    try:
        rows = SqliteRows(conn)
        assert case_id_by_number(rows, s.number) == s.case_id
        assert read_agreement(rows, s.case_id) == in_session
        assert read_agreement(rows, s.oral_id) == oral
        assert read_agreement(rows, s.terminated_id) is None
    finally:
        conn.close()
    # what the two ways share is typed data, not the driver's text
    assert in_session.formed_on.isoformat() == "2026-11-10" and str(in_session.amount) == "12000.00"
    assert in_session.signed and all(hasattr(on, "isoformat") for _name, on in in_session.signed)


@pytest.mark.postgres
def test_the_reader_gives_the_same_data_on_postgresql(pg_migrated_url, sqlite_engine):
    """psycopg returns dates, booleans and parsed JSON where sqlite3 returns text and 0/1."""
    from db.engine import make_engine

    pg = make_engine(pg_migrated_url)
    on_pg, on_sqlite = build_scenario(pg), build_scenario(sqlite_engine)
    with read_only(pg) as session:
        a = agreement_data(session, on_pg.case_id)
    with read_only(sqlite_engine) as session:
        b = agreement_data(session, on_sqlite.case_id)
    ids = {"case_id": 0, "agreement_id": 0}
    assert replace(a, **ids, parties=(), responsibilities=(), instalments=()) == \
        replace(b, **ids, parties=(), responsibilities=(), instalments=())
    assert [(p.name, p.birth_date, p.power_of_attorney, p.represents) for p in a.parties] == \
        [(p.name, p.birth_date, p.power_of_attorney, p.represents) for p in b.parties]
    assert [(r.name, r.ratio) for r in a.responsibilities] == [(r.name, r.ratio) for r in b.responsibilities]
    assert [(i.due_on, i.amount, i.payer) for i in a.instalments] == [(i.due_on, i.amount, i.payer) for i in b.instalments]
    with read_only(pg) as session:
        assert read_agreement(SessionRows(session), on_pg.oral_id).kind == "oral"


@needs_poppler
def test_the_quick_agreement_is_the_applications_agreement(sqlite_engine, sqlite_url, tmp_path):
    s = build_scenario(sqlite_engine)
    quick = agreement_pdf_from_file(sqlite_url, s.number)
    ordinary = build_document(sqlite_engine, "agreement", s.number, today=TODAY)
    assert quick is not None
    assert _text(quick, tmp_path) == _text(ordinary, tmp_path)
    text = _text(quick, tmp_path)
    assert text.count("人民调解协议书") >= 4  # 3 parties + the committee (第二十九条)
    assert "本份第 1 页 共" in text and "11010519491231002X" in text  # full IDs only in the agreement


def test_what_the_quick_way_does_not_cover_is_left_to_the_ordinary_way(sqlite_engine, sqlite_url, tmp_path):
    s = build_scenario(sqlite_engine)
    assert agreement_pdf_from_file(sqlite_url, s.oral_number) is None  # an oral agreement: 口头协议登记表
    assert agreement_pdf_from_file(sqlite_url, s.terminated_number) is None  # no agreement
    assert agreement_pdf_from_file(sqlite_url, "衢江交人调字〔2026〕第999号") is None
    assert agreement_pdf_from_file(sqlite_url + "?timeout=5", s.number) is None
    assert agreement_pdf_from_file("postgresql+psycopg://u@localhost/x", s.number) is None
    assert agreement_pdf_from_file("sqlite://", s.number) is None
    assert agreement_pdf_from_file(f"sqlite:///{tmp_path / 'none.sqlite3'}", s.number) is None
    not_ours = tmp_path / "other.sqlite3"
    sqlite3.connect(not_ours).execute("CREATE TABLE t (x)").connection.close()
    assert agreement_pdf_from_file(f"sqlite:///{not_ours}", s.number) is None
    # a file at another schema revision (an older client's, before it is migrated)
    path = sqlite_file(sqlite_url)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
    assert open_current_sqlite(sqlite_url) is None
    assert agreement_pdf_from_file(sqlite_url, s.number) is None


def test_the_quick_way_only_reads(sqlite_engine, sqlite_url):
    build_scenario(sqlite_engine)
    conn = open_current_sqlite(sqlite_url)
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM cases")
    finally:
        conn.close()


def test_sqlite_paths_of_urls():
    assert sqlite_file("sqlite:////home/u/数据/tiaojie.sqlite3") == Path("/home/u/数据/tiaojie.sqlite3")
    assert sqlite_file("sqlite:///relative.db") == Path("relative.db")
    for url in ("sqlite://", "sqlite:///:memory:", "sqlite:///x.db?mode=ro", "postgresql://h/db", "sqlite:///"):
        assert sqlite_file(url) is None, url


def _cli(url: str, *args: str, check_imports: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = ("import sys; from desktop.cli import main; rc = main(sys.argv[1:]); "
            "print('ORM' if 'sqlalchemy' in sys.modules else 'no ORM', file=sys.stderr); sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, "--db", url, "print", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


@needs_poppler
def test_the_command_prints_the_agreement_without_sqlalchemy(sqlite_engine, sqlite_url, tmp_path):
    s = build_scenario(sqlite_engine)
    out = tmp_path / "协议书.pdf"
    done = _cli(sqlite_url, "agreement", s.number, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "no ORM" in done.stderr and "已生成" in done.stderr
    assert _text(out.read_bytes(), tmp_path) == _text(build_document(sqlite_engine, "agreement", s.number), tmp_path)
    # an oral agreement goes the ordinary way, which says what to print instead
    oral = _cli(sqlite_url, "agreement", s.oral_number, "--out", str(tmp_path / "o.pdf"))
    assert oral.returncode == 1 and "口头协议登记表" in oral.stderr and "ORM" in oral.stderr
    # --save writes to the case: the ordinary way
    saved = _cli(sqlite_url, "agreement", s.number, "--out", str(tmp_path / "s.pdf"), "--save")
    assert saved.returncode == 0 and "no ORM" not in saved.stderr


def test_a_file_of_another_schema_goes_the_ordinary_way(sqlite_engine, sqlite_url, tmp_path):
    """The quick way reads only a file at this client's schema; for any other the ordinary way
    decides (it migrates an older one at every start; a newer one it refuses, saying why)."""
    s = build_scenario(sqlite_engine)
    sqlite_engine.dispose()
    with sqlite3.connect(sqlite_file(sqlite_url)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    out = tmp_path / "a.pdf"
    done = _cli(sqlite_url, "agreement", s.number, "--out", str(out))
    assert done.returncode != 0 and "比本程序新" in done.stderr and not out.exists()
