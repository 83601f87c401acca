"""The admin's 系统设置 form: every centre-wide setting with its label, help and check, read and
saved as one unit of work (all or nothing), each change audited with its old value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, select

from core import audit
from core.auth import CurrentUser, require, use_case
from core.booking import parse_working_hours
from core.devices.idcard import reader_from_settings
from core.devices.printer import printer_from_setting
from core.messages import joined, message_of, msg
from core.uow import read_only, unit_of_work
from db.models import Setting
from db.seed import DEFAULT_SETTINGS


def _int_between(low: int, high: int, unit: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not re.fullmatch(r"\d{1,6}", value):
            return msg("请填写 {low}–{high} 之间的整数{unit}", low=low, high=high, unit=unit)
        if not low <= int(value) <= high:
            return msg("应在 {low}–{high}{unit} 之间", low=low, high=high, unit=unit)
        return None

    return check


def _not_blank(what: str, longest: int) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not value:
            return msg("请填写{what}", what=what)
        if len(value) > longest:
            return msg("{what}不超过 {limit} 个字", what=what, limit=longest)
        return None

    return check


def _number_format(value: str) -> str | None:
    if "{seq" not in value:
        return msg("编号格式须含 {{seq}}（顺序号），如 {example}", example="{county}{prefix}人调字〔{year}〕第{seq:03d}号")
    try:
        value.format(county="衢江", prefix="医", year=2026, seq=1)
    except (KeyError, IndexError, ValueError) as exc:
        return msg("编号格式有误（{error}）：可用 {{county}} {{prefix}} {{year}} {{seq}}", error=str(exc))
    return None


def _working_hours(value: str) -> str | None:
    try:
        parse_working_hours(value)
    except ValueError as exc:
        return message_of(exc)
    return None


def _reader(value: str) -> str | None:
    kind = value.partition(":")[0].strip().lower()
    if kind == "termb":
        return None  # the driver is loaded on the desk's PC, not checked here
    try:
        reader_from_settings(value)
    except ValueError as exc:
        return message_of(exc)
    return None


def _printer(value: str) -> str | None:
    try:
        printer_from_setting(value)
    except ValueError as exc:
        return message_of(exc)
    except Exception:  # noqa: BLE001 — a device missing on this PC is not a wrong setting
        return None
    return None


def _folder(value: str) -> str | None:
    if len(value) > 400:
        return msg("路径过长")
    return None


@dataclass(frozen=True)
class SettingField:
    key: str
    label: str
    help: str
    check: Callable[[str], str | None]
    group: str


# Labels, help, groups and units are messages (their text as before): the screen shows them
# in the UI's language with desktop.messages.tr_message.
_MINUTES, _CENTRE, _BOOKING, _QUEUE, _MEDIATION, _SECURITY, _BACKUP = (
    msg("分钟"), msg("中心"), msg("预约"), msg("取号叫号"), msg("调解"), msg("安全"), msg("备份"))
_CENTRE_NAME, _COUNTY = msg("中心名称"), msg("县区简称")
FIELDS: tuple[SettingField, ...] = (
    SettingField("centre_name", _CENTRE_NAME, msg("印在文书、号票和统计报表上"), _not_blank(_CENTRE_NAME, 60), _CENTRE),
    SettingField("county_short", _COUNTY, msg("案件编号中的 {{county}}，如 {example}", example="衢江"),
                 _not_blank(_COUNTY, 10), _CENTRE),
    SettingField("case_number_format", msg("案件编号格式"), msg("{{county}}{{prefix}}{{year}}{{seq}}；改动只影响此后登记的案件"),
                 _number_format, _CENTRE),
    SettingField("working_hours", msg("工作时间"), msg("如 08:30-12:00,14:00-17:30（预约只排在这些时段内）"),
                 _working_hours, _BOOKING),
    SettingField("session_minutes_default", msg("调解默认时长（分钟）"), msg("预约时默认的时长"),
                 _int_between(15, 480, _MINUTES), _BOOKING),
    SettingField("booking_buffer_minutes", msg("两场调解间隔（分钟）"), msg("同一调解室、同一人两场之间至少留出的时间"),
                 _int_between(0, 120, _MINUTES), _BOOKING),
    SettingField("queue_missed_after_calls", msg("过号前叫号次数"), msg("叫号几次未到视为过号"),
                 _int_between(1, 10, msg("次")), _QUEUE),
    SettingField("ticket_printer", msg("号票打印机"), msg("留空：PDF 号票；热敏打印机如 escpos:usb:0416:5011、"
                 "escpos:net:192.168.1.50、escpos:serial:COM3"), _printer, _QUEUE),
    SettingField("idcard_reader", msg("身份证阅读器"), msg("none、simulator、termb 或 termb:驱动路径（个别电脑可用环境变量 "
                 "TIAOJIE_IDCARD_READER 另行指定）"), _reader, _QUEUE),
    SettingField("deadline_warn_days", msg("期限提前提醒（日）"), msg("调解期限到期前几日列入“即将到期”"),
                 _int_between(1, 30, msg("日")), _MEDIATION),
    SettingField("bad_rating_deadline_workdays", msg("差评整改期限（工作日）"), msg("差评须在几个工作日内回访答复"),
                 _int_between(1, 60, msg("个工作日")), _MEDIATION),
    SettingField("idle_lock_minutes", msg("无操作锁屏（分钟）"), msg("0 表示不自动锁屏"), _int_between(0, 240, _MINUTES),
                 _SECURITY),
    SettingField("anonymise_after_years", msg("归档后可匿名化（年）"), msg("归档满此年数的案件可由管理员匿名化"),
                 _int_between(1, 100, msg("年")), _SECURITY),
    SettingField("backup_folder", msg("自动备份目录"), msg("留空：数据目录下的 backups（仅单机 SQLite 数据库）"), _folder,
                 _BACKUP),
    SettingField("backup_keep", msg("保留备份份数"), msg("每天一份，保留最近几份"), _int_between(1, 3650, msg("份")),
                 _BACKUP),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)


def validate_settings(values: dict[str, str]) -> dict[str, str]:
    """``{key: 中文说明}`` for every value that is not acceptable."""
    errors: dict[str, str] = {}
    for f in FIELDS:
        if f.key in values:
            problem = f.check(str(values[f.key]).strip())
            if problem:
                errors[f.key] = problem
    return errors


@use_case
def load_settings_form(engine: Engine, user: CurrentUser) -> dict[str, str]:
    """The values of every field of the form (the admin, ``settings``)."""
    require(user, "settings")
    with read_only(engine) as session:
        stored = dict(session.execute(select(Setting.key, Setting.value).where(Setting.key.in_(FIELD_KEYS))).all())
    return {k: stored.get(k, DEFAULT_SETTINGS.get(k, "")) for k in FIELD_KEYS}


class SettingsError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(joined(errors.values()))
        self.errors = errors


@use_case
def save_settings(engine: Engine, user: CurrentUser, values: dict[str, str]) -> list[str]:
    """Save the changed settings in one transaction; returns the keys changed. Raises
    :class:`SettingsError` with per-field messages, writing nothing, when any value is wrong."""
    require(user, "settings")
    unknown = [k for k in values if k not in FIELD_KEYS]
    if unknown:
        raise SettingsError({unknown[0]: msg("未知的设置项：{key}", key=unknown[0])})
    values = {k: str(v).strip() for k, v in values.items()}
    errors = validate_settings(values)
    if errors:
        raise SettingsError(errors)
    changed: list[str] = []
    with unit_of_work(engine) as session:
        for key, value in values.items():
            row = session.get(Setting, key)
            before = row.value if row is not None else DEFAULT_SETTINGS.get(key, "")
            if before == value:
                continue
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
            audit.record(session, user, "setting.change", entity="setting", before={key: before},
                         after={key: value}, detail=key)
            changed.append(key)
    return changed
