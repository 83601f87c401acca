"""The saved connection (db.connection): the JSON config without the password, the keyring,
the start-up precedence --db > TIAOJIE_DB > saved choice > default SQLite file, and the Chinese
explanations of a connection that does not work."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db import connection
from db.connection import ConnectionConfig, ConnectionTestError
from db.engine import data_dir, default_url, resolve_url
from tests.memory_keyring import config_dir, memory_keyring, no_keyring  # noqa: F401 — fixtures

SECRET = "Zz9#秘密@/:?&pw"  # every character that must survive a URL
PG = ConnectionConfig(kind="postgresql", host="192.168.1.10", port=5433, database="tiaojie",
                      user="tiaojie_app", sslmode="require")


def _files_containing(folders, needle: str) -> list[Path]:
    found = []
    for folder in folders:
        for path in Path(folder).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                if needle.encode("utf-8") in data or needle.encode("utf-16-le") in data:
                    found.append(path)
    return found


def test_first_start_has_no_config(config_dir):  # noqa: F811
    assert connection.load_config() is None
    assert not connection.has_config()
    assert connection.config_path() == config_dir / "connection.json"


def test_the_config_round_trips_as_json_without_a_password(config_dir):  # noqa: F811
    connection.save_config(PG)
    assert connection.load_config() == PG
    data = json.loads((config_dir / "connection.json").read_text("utf-8"))
    assert data == {"kind": "postgresql", "sqlite_folder": "", "host": "192.168.1.10", "port": 5433,
                    "database": "tiaojie", "user": "tiaojie_app", "sslmode": "require"}
    assert not any("pass" in key for key in data)


def test_a_damaged_config_is_treated_as_missing(config_dir):  # noqa: F811
    config_dir.mkdir(parents=True)
    (config_dir / "connection.json").write_text("{not json", "utf-8")
    assert connection.load_config() is None
    (config_dir / "connection.json").write_text(json.dumps({"kind": "oracle"}), "utf-8")
    assert connection.load_config() is None


def test_the_form_is_validated_field_by_field():
    errors = connection.validate(ConnectionConfig(kind="postgresql", host="", port=70000, database="",
                                                  user="a b", sslmode="maybe"))
    assert set(errors) == {"host", "port", "database", "user", "sslmode"}
    assert errors["host"].startswith("请填写数据库服务器的地址")
    assert "5432" in errors["port"]
    assert connection.validate(PG) == {}
    assert connection.validate(ConnectionConfig()) == {}  # the default: SQLite in the data dir
    assert "sqlite_folder" in connection.validate(ConnectionConfig(sqlite_folder="relative/dir"))
    with pytest.raises(ValueError, match="请填写数据库名"):
        connection.save_config(ConnectionConfig(kind="postgresql", host="h", database=""))


def test_urls_for_sqlite_and_postgresql(tmp_path):
    assert connection.to_url(ConnectionConfig()) == default_url()
    assert connection.to_url(ConnectionConfig(sqlite_folder=str(tmp_path))) == \
        f"sqlite:///{tmp_path / 'tiaojie.sqlite3'}"
    url = make_url(connection.to_url(PG, SECRET))
    assert (url.drivername, url.host, url.port, url.database, url.username, url.password) == \
        ("postgresql+psycopg", "192.168.1.10", 5433, "tiaojie", "tiaojie_app", SECRET)
    assert url.query == {"sslmode": "require"}
    assert make_url(connection.to_url(PG)).password is None
    assert connection.config_from_url(connection.to_url(PG, SECRET)) == PG
    assert connection.password_of(connection.to_url(PG, SECRET)) == SECRET


def test_the_password_lives_in_the_keyring_under_user_host_port_database(memory_keyring):  # noqa: F811
    assert connection.keyring_available()
    assert connection.store_password(PG, SECRET)
    assert memory_keyring.store == {("tiaojie", "tiaojie_app@192.168.1.10:5433/tiaojie"): SECRET}
    assert connection.get_password(PG) == SECRET
    connection.forget_password(PG)
    assert connection.get_password(PG) is None
    connection.forget_password(PG)  # nothing stored: fine


def test_without_a_keyring_nothing_is_stored_and_nothing_raises(no_keyring):  # noqa: F811
    assert not connection.keyring_available()
    assert connection.store_password(PG, SECRET) is False
    assert connection.get_password(PG) is None


@pytest.mark.parametrize("keyring_fixture", ["memory_keyring", "no_keyring"])
def test_the_password_is_never_written_to_a_file(request, config_dir, keyring_fixture):  # noqa: F811
    request.getfixturevalue(keyring_fixture)
    connection.save_config(PG)
    connection.store_password(PG, SECRET)
    url = connection.to_url(PG, SECRET)  # what the running app holds in memory
    assert connection.password_of(url) == SECRET
    connection.saved_url()
    resolve_url()
    assert connection.config_path().exists()
    assert _files_containing([config_dir, data_dir()], SECRET) == []


def test_precedence_cli_then_environment_then_saved_choice_then_default(config_dir, memory_keyring,  # noqa: F811
                                                                        monkeypatch, tmp_path):
    assert resolve_url() == default_url()  # nothing saved
    connection.save_config(PG)
    connection.store_password(PG, SECRET)
    saved = resolve_url()
    assert make_url(saved).host == "192.168.1.10" and make_url(saved).password == SECRET
    monkeypatch.setenv("TIAOJIE_DB", "sqlite:///from-env.sqlite3")
    assert resolve_url() == "sqlite:///from-env.sqlite3"
    assert resolve_url("sqlite:///from-cli.sqlite3") == "sqlite:///from-cli.sqlite3"
    monkeypatch.delenv("TIAOJIE_DB")
    folder = ConnectionConfig(sqlite_folder=str(tmp_path))
    connection.save_config(folder)
    assert resolve_url() == f"sqlite:///{tmp_path / 'tiaojie.sqlite3'}"


def test_a_saved_server_without_a_stored_password_gives_a_url_without_one(config_dir, no_keyring):  # noqa: F811
    connection.save_config(PG)
    assert make_url(resolve_url()).password is None  # the GUI asks for it (desktop.app)


@pytest.mark.parametrize(("message", "field", "expected"), [
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  password '
     'authentication failed for user "tiaojie"', "password", "密码错误"),
    ('connection failed: FATAL:  用户 "tiaojie" Password 认证失败', "password", "密码错误"),
    ("connection failed: fe_sendauth: no password supplied", "password", "请填写密码"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  database '
     '"tiaojie" does not exist', "database", "没有数据库 tiaojie"),
    ('FATAL:  数据库 "tiaojie" 不存在', "database", "没有数据库"),
    ('FATAL:  role "nobody" does not exist', "user", "没有用户"),
    ('connection failed: connection to server at "10.0.0.5", port 5999 failed: Connection refused\n'
     "\tIs the server running on that host and accepting TCP/IP connections?", "host", "拒绝连接"),
    ("failed to resolve host 'no-such-host': [Errno -2] Name or service not known", "host", "找不到服务器"),
    ("connection failed: server does not support SSL, but SSL was required", "sslmode", "加密连接失败"),
    ('FATAL:  no pg_hba.conf entry for host "10.0.0.9", user "tiaojie", database "tiaojie", no encryption',
     "host", "pg_hba.conf"),
    ("connection failed: timeout expired", "host", "超时"),
    ("something else entirely", "host", "无法连接数据库：something else entirely"),
])
def test_connection_failures_are_explained_in_chinese_beside_the_field(message, field, expected):
    import psycopg

    error = connection.explain(psycopg.OperationalError(message))
    assert isinstance(error, ConnectionTestError)
    assert error.field == field
    assert expected in str(error)


def test_the_explanation_names_the_server_of_the_url():
    import psycopg

    error = connection.explain(psycopg.OperationalError("Connection refused"),
                               connection.to_url(PG, SECRET))
    assert str(error) == ("服务器 192.168.1.10 的端口 5433 拒绝连接：数据库服务未启动，或端口不对，"
                          "或被防火墙拦截")
    assert SECRET not in str(error)


def test_testing_a_sqlite_folder(tmp_path):
    folder = tmp_path / "new" / "folder"
    assert "将新建数据库文件" in connection.test_connection(f"sqlite:///{folder / 'tiaojie.sqlite3'}")
    assert not folder.exists()  # testing creates nothing
    existing = tmp_path / "tiaojie.sqlite3"
    import sqlite3

    sqlite3.connect(existing).close()
    assert "使用已有数据库文件" in connection.test_connection(f"sqlite:///{existing}")
    garbage = tmp_path / "garbage" / "tiaojie.sqlite3"
    garbage.parent.mkdir()
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ConnectionTestError) as info:
        connection.test_connection(f"sqlite:///{garbage}")
    assert info.value.field == "sqlite_folder"


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root may write anywhere")
def test_an_unwritable_sqlite_folder_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(ConnectionTestError, match="无法写入"):
            connection.test_connection(f"sqlite:///{locked / 'tiaojie.sqlite3'}")
    finally:
        locked.chmod(0o755)
