"""Where the data lives: the connection chosen in the first-start wizard or by the admin.

The choice is kept as JSON in the per-user config directory — never with the password. The
PostgreSQL password goes to the system keyring (Windows Credential Manager, macOS Keychain,
Secret Service); without a usable keyring the application asks for it at each start and keeps
it in memory only. Qt-free; db.engine.resolve_url reads the saved choice.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from db.messages import msg

log = logging.getLogger(__name__)

APP_NAME = "tiaojie"
ENV_CONFIG_DIR = "TIAOJIE_CONFIG_DIR"
CONFIG_FILE = "connection.json"
SQLITE_FILE = "tiaojie.sqlite3"
KEYRING_SERVICE = "tiaojie"

KINDS = ("sqlite", "postgresql")
SSL_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: a wrong address must not hang the dialog for minutes


@dataclass(frozen=True)
class ConnectionConfig:
    """The saved choice. ``sqlite_folder`` empty = the per-user data directory."""

    kind: str = "sqlite"
    sqlite_folder: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = "tiaojie"
    user: str = "tiaojie"
    sslmode: str = "prefer"

    @property
    def is_postgresql(self) -> bool:
        return self.kind == "postgresql"


class ConnectionTestError(Exception):
    """A connection that does not work, explained in Chinese; ``field`` names the form field
    the message belongs beside (host, port, database, user, password, sslmode, sqlite_folder)."""

    def __init__(self, message: str, field: str = "host") -> None:
        super().__init__(message)
        self.field = field


# ----------------------------------------------------------------------- the config file


def config_dir() -> Path:
    """The per-user config directory (``TIAOJIE_CONFIG_DIR`` overrides it, for tests)."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def has_config() -> bool:
    return config_path().is_file()


def load_config() -> ConnectionConfig | None:
    """The saved choice, or None when none was saved (first start). A damaged file is
    logged and treated as missing, so the wizard comes up instead of a crash."""
    path = config_path()
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        known = {f.name for f in fields(ConnectionConfig)}
        config = ConnectionConfig(**{k: v for k, v in data.items() if k in known})
        config = replace(config, port=int(config.port))
    except (OSError, ValueError, TypeError) as exc:
        log.warning("ignoring unreadable connection config %s: %s", path, exc)
        return None
    if config.kind not in KINDS:
        log.warning("ignoring connection config with unknown kind %r", config.kind)
        return None
    return config


def save_config(config: ConnectionConfig) -> Path:
    """Write the choice (atomically). The password is not part of it and is never written."""
    problems = validate(config)
    if problems:
        raise ValueError("；".join(problems.values()))
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(config), ensure_ascii=False, indent=2) + "\n", "utf-8")
    os.replace(tmp, path)
    return path


_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.\-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:]+\]?$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$\-]*$")


def validate(config: ConnectionConfig) -> dict[str, str]:
    """Field → Chinese message for everything wrong with the form (empty = fine)."""
    errors: dict[str, str] = {}
    if config.kind not in KINDS:
        errors["kind"] = msg("请选择数据存放方式")
        return errors
    if config.kind == "sqlite":
        folder = config.sqlite_folder.strip()
        if folder and not Path(folder).is_absolute():
            errors["sqlite_folder"] = msg("请选择一个完整的文件夹路径")
        return errors
    host = config.host.strip()
    if not host:
        errors["host"] = msg("请填写数据库服务器的地址（IP 或计算机名）")
    elif not _HOST.match(host):
        errors["host"] = msg("服务器地址只能包含字母、数字、点和连字符")
    if not 1 <= int(config.port) <= 65535:
        errors["port"] = msg("端口应在 1–65535 之间（PostgreSQL 默认 5432）")
    if not config.database.strip():
        errors["database"] = msg("请填写数据库名")
    elif not _NAME.match(config.database.strip()):
        errors["database"] = msg("数据库名只能包含字母、数字和下划线")
    if not config.user.strip():
        errors["user"] = msg("请填写数据库用户名")
    elif not _NAME.match(config.user.strip()):
        errors["user"] = msg("用户名只能包含字母、数字和下划线")
    if config.sslmode not in SSL_MODES:
        errors["sslmode"] = msg("请选择加密方式")
    return errors


def sqlite_path(config: ConnectionConfig) -> Path:
    from db.engine import data_dir

    folder = config.sqlite_folder.strip()
    return (Path(folder) if folder else data_dir()) / SQLITE_FILE


def to_url(config: ConnectionConfig, password: str | None = None) -> str:
    """The SQLAlchemy URL. Only ever held in memory when it carries the password."""
    if config.kind == "sqlite":
        return f"sqlite:///{sqlite_path(config)}"
    from sqlalchemy.engine import URL

    url = URL.create(
        "postgresql+psycopg",
        username=config.user.strip(),
        password=password or None,
        host=config.host.strip(),
        port=int(config.port),
        database=config.database.strip(),
        query={"sslmode": config.sslmode},
    )
    return url.render_as_string(hide_password=False)


def config_from_url(url: str) -> ConnectionConfig:
    """The form prefilled from a URL (``--db``, ``TIAOJIE_DB`` or the one that failed)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        db = u.database or ""
        return ConnectionConfig(kind="sqlite", sqlite_folder=str(Path(db).parent) if db else "")
    sslmode = u.query.get("sslmode", "prefer")
    return ConnectionConfig(
        kind="postgresql", host=u.host or "", port=u.port or DEFAULT_PORT, database=u.database or "",
        user=u.username or "", sslmode=sslmode if sslmode in SSL_MODES else "prefer",
    )


def password_of(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    return make_url(url).password


# -------------------------------------------------------------------------- the keyring


def keyring_username(config: ConnectionConfig) -> str:
    return f"{config.user.strip()}@{config.host.strip()}:{int(config.port)}/{config.database.strip()}"


def _backend():
    """The keyring backend in use, or None when there is none worth the name (headless
    Linux, the fail/null backends). A plaintext file backend is refused: passwords must not
    end up in a file."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 — a broken keyring install = no keyring
        log.warning("no keyring: %s", exc)
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    module = type(backend).__module__
    if module.startswith("keyrings.alt") and "file" in module.lower():
        return None
    return backend


def keyring_available() -> bool:
    return _backend() is not None


def get_password(config: ConnectionConfig) -> str | None:
    """The stored password, or None (not stored, no keyring, keyring locked)."""
    if not config.is_postgresql:
        return None
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(KEYRING_SERVICE, keyring_username(config))
    except Exception as exc:  # noqa: BLE001 — locked/unavailable keyring: ask instead
        log.warning("could not read the keyring: %s", exc)
        return None


def store_password(config: ConnectionConfig, password: str) -> bool:
    """Keep the password in the keyring. False when there is no usable keyring: the caller
    then keeps it in memory only and asks again at the next start."""
    backend = _backend()
    if backend is None or not config.is_postgresql:
        return False
    try:
        backend.set_password(KEYRING_SERVICE, keyring_username(config), password)
    except Exception as exc:  # noqa: BLE001
        log.warning("could not write the keyring: %s", exc)
        return False
    return True


def forget_password(config: ConnectionConfig) -> None:
    backend = _backend()
    if backend is None or not config.is_postgresql:
        return
    with contextlib.suppress(Exception):  # nothing stored is fine
        backend.delete_password(KEYRING_SERVICE, keyring_username(config))


def saved_url() -> str | None:
    """The saved choice as a URL (with the keyring's password when there is one), or None."""
    config = load_config()
    if config is None:
        return None
    return to_url(config, get_password(config))


# ------------------------------------------------------------------- testing a connection


def test_connection(url: str) -> str:
    """Connect once and return what is there ("PostgreSQL 15.6" / "SQLite 3.40.1 …"), or raise
    :class:`ConnectionTestError` with a Chinese message: server unreachable, wrong password,
    no such database or user, SSL refused."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return _test_sqlite(Path(u.database or ""))
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, hide_parameters=True,
                           connect_args={"connect_timeout": CONNECT_TIMEOUT})
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar() or ""
            pgconn = getattr(conn.connection.dbapi_connection, "pgconn", None)
            ssl = bool(getattr(pgconn, "ssl_in_use", False))
    except Exception as exc:  # noqa: BLE001 — every failure is explained
        raise explain(exc, url) from exc
    finally:
        engine.dispose()
    version = version.split(" ")[0]
    if ssl:
        return msg("PostgreSQL {version}（已加密）", version=version)
    return msg("PostgreSQL {version}（未加密）", version=version)


def _test_sqlite(path: Path) -> str:
    import sqlite3

    if not str(path) or str(path) == ":memory:":
        return msg("SQLite {version}（内存）", version=sqlite3.sqlite_version)
    folder = path.parent
    if path.exists():
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise ConnectionTestError(msg("无法打开数据库文件 {path}：{error}", path=str(path), error=str(exc)),
                                      "sqlite_folder") from exc
        if not os.access(path, os.W_OK):
            raise ConnectionTestError(msg("数据库文件 {path} 是只读的，请检查文件权限", path=str(path)), "sqlite_folder")
        return msg("SQLite {version}（使用已有数据库文件 {path}）", version=sqlite3.sqlite_version, path=str(path))
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK):
        raise ConnectionTestError(msg("文件夹 {folder} 无法写入，请选择其他文件夹", folder=str(folder)), "sqlite_folder")
    return msg("SQLite {version}（将新建数据库文件 {path}）", version=sqlite3.sqlite_version, path=str(path))


# (pattern, field, message). libpq's own messages are English; the server's FATAL lines come
# in its lc_messages language, hence the Chinese alternatives. Each message is made from the
# names found (user, database, host, port), with a literal template so that it is translated.
_EXPLANATIONS: tuple[tuple[str, str, Callable[[dict[str, str]], str]], ...] = (
    (r"password authentication failed|口令认证失败|密码认证失败|Password 认证失败|authentication failed",
     "password", lambda v: msg("密码错误：服务器拒绝了用户 {user} 的密码", user=v["user"])),
    (r"no password supplied|fe_sendauth", "password", lambda v: msg("请填写密码")),
    (r'database ".*" does not exist|数据库 ".*" 不存在', "database",
     lambda v: msg("服务器上没有数据库 {database}，请检查数据库名，或请管理员先建库（见部署说明）", database=v["database"])),
    (r'role ".*" does not exist|角色 ".*" 不存在|用户 ".*" 不存在', "user",
     lambda v: msg("服务器上没有用户 {user}，请检查用户名", user=v["user"])),
    (r"no pg_hba\.conf entry|pg_hba\.conf", "host",
     lambda v: msg("服务器不允许本机连接（pg_hba.conf 未放行本机地址或要求加密），请联系管理员")),
    (r"SSL|certificate|TLS", "sslmode",
     lambda v: msg("加密连接失败：服务器与所选的加密方式不匹配或证书无法校验，请检查“加密方式”")),
    (r"timeout expired|timed out", "host",
     lambda v: msg("连接服务器超时：请检查服务器地址、网络和防火墙（端口 {port}）", port=v["port"])),
    (r"Connection refused|拒绝连接", "host",
     lambda v: msg("服务器 {host} 的端口 {port} 拒绝连接：数据库服务未启动，或端口不对，或被防火墙拦截",
                   host=v["host"], port=v["port"])),
    (r"could not translate host name|failed to resolve host|Name or service not known|nodename nor servname|"
     r"No such host|getaddrinfo", "host", lambda v: msg("找不到服务器 {host}：请检查地址是否写错", host=v["host"])),
    (r"No route to host|Network is unreachable|unreachable", "host",
     lambda v: msg("无法到达服务器 {host}：请检查网络连接", host=v["host"])),
)


def explain(exc: BaseException, url: str | None = None) -> ConnectionTestError:
    """Turn a driver error into a :class:`ConnectionTestError` with a Chinese message."""
    if isinstance(exc, ConnectionTestError):
        return exc
    orig = getattr(exc, "orig", None) or exc
    text_ = str(orig)
    values = {"user": "", "database": "", "host": "", "port": str(DEFAULT_PORT)}
    for pattern, key in ((r'user "([^"]+)"', "user"), (r'database "([^"]+)"', "database"),
                         (r'role "([^"]+)"', "user"), (r'server at "([^"]+)"', "host"),
                         (r"host '([^']+)'", "host"), (r"port (\d+)", "port")):
        m = re.search(pattern, text_)
        if m and (not values[key] or key == "port"):
            values[key] = m.group(1)
    if url:
        from sqlalchemy.engine import make_url

        u = make_url(url)
        values = {"user": u.username or values["user"], "database": u.database or values["database"],
                  "host": u.host or values["host"], "port": str(u.port or values["port"])}
    for pattern, field, message in _EXPLANATIONS:
        if re.search(pattern, text_, re.IGNORECASE):
            return ConnectionTestError(message(values), field)
    first = text_.strip().splitlines()[0] if text_.strip() else type(orig).__name__
    return ConnectionTestError(msg("无法连接数据库：{error}", error=first), "host")
