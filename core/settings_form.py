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
from core.uow import read_only, unit_of_work
from db.models import Setting
from db.seed import DEFAULT_SETTINGS


def _int_between(low: int, high: int, unit: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not re.fullmatch(r"\d{1,6}", value):
            return f"请填写 {low}–{high} 之间的整数{unit}"
        if not low <= int(value) <= high:
            return f"应在 {low}–{high}{unit} 之间"
        return None

    return check


def _not_blank(what: str, longest: int) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not value:
            return f"请填写{what}"
        if len(value) > longest:
            return f"{what}不超过 {longest} 个字"
        return None

    return check


def _number_format(value: str) -> str | None:
    if "{seq" not in value:
        return "编号格式须含 {seq}（顺序号），如 {county}{prefix}人调字〔{year}〕第{seq:03d}号"
    try:
        value.format(county="衢江", prefix="医", year=2026, seq=1)
    except (KeyError, IndexError, ValueError) as exc:
        return f"编号格式有误（{exc}）：可用 {{county}} {{prefix}} {{year}} {{seq}}"
    return None


def _working_hours(value: str) -> str | None:
    try:
        parse_working_hours(value)
    except ValueError as exc:
        return str(exc)
    return None


def _reader(value: str) -> str | None:
    kind = value.partition(":")[0].strip().lower()
    if kind == "termb":
        return None  # the driver is loaded on the desk's PC, not checked here
    try:
        reader_from_settings(value)
    except ValueError as exc:
        return str(exc)
    return None


def _printer(value: str) -> str | None:
    try:
        printer_from_setting(value)
    except ValueError as exc:
        return str(exc)
    except Exception:  # noqa: BLE001 — a device missing on this PC is not a wrong setting
        return None
    return None


def _folder(value: str) -> str | None:
    if len(value) > 400:
        return "路径过长"
    return None


@dataclass(frozen=True)
class SettingField:
    key: str
    label: str
    help: str
    check: Callable[[str], str | None]
    group: str


FIELDS: tuple[SettingField, ...] = (
    SettingField("centre_name", "中心名称", "印在文书、号票和统计报表上", _not_blank("中心名称", 60), "中心"),
    SettingField("county_short", "县区简称", "案件编号中的 {county}，如 衢江", _not_blank("县区简称", 10), "中心"),
    SettingField("case_number_format", "案件编号格式", "{county}{prefix}{year}{seq}；改动只影响此后登记的案件",
                 _number_format, "中心"),
    SettingField("working_hours", "工作时间", "如 08:30-12:00,14:00-17:30（预约只排在这些时段内）",
                 _working_hours, "预约"),
    SettingField("session_minutes_default", "调解默认时长（分钟）", "预约时默认的时长", _int_between(15, 480, "分钟"),
                 "预约"),
    SettingField("booking_buffer_minutes", "两场调解间隔（分钟）", "同一调解室、同一人两场之间至少留出的时间",
                 _int_between(0, 120, "分钟"), "预约"),
    SettingField("queue_missed_after_calls", "过号前叫号次数", "叫号几次未到视为过号", _int_between(1, 10, "次"),
                 "取号叫号"),
    SettingField("ticket_printer", "号票打印机", "留空：PDF 号票；热敏打印机如 escpos:usb:0416:5011、"
                 "escpos:net:192.168.1.50、escpos:serial:COM3", _printer, "取号叫号"),
    SettingField("idcard_reader", "身份证阅读器", "none、simulator、termb 或 termb:驱动路径（个别电脑可用环境变量 "
                 "TIAOJIE_IDCARD_READER 另行指定）", _reader, "取号叫号"),
    SettingField("deadline_warn_days", "期限提前提醒（日）", "调解期限到期前几日列入“即将到期”", _int_between(1, 30, "日"),
                 "调解"),
    SettingField("bad_rating_deadline_workdays", "差评整改期限（工作日）", "差评须在几个工作日内回访答复",
                 _int_between(1, 60, "个工作日"), "调解"),
    SettingField("idle_lock_minutes", "无操作锁屏（分钟）", "0 表示不自动锁屏", _int_between(0, 240, "分钟"), "安全"),
    SettingField("anonymise_after_years", "归档后可匿名化（年）", "归档满此年数的案件可由管理员匿名化",
                 _int_between(1, 100, "年"), "安全"),
    SettingField("backup_folder", "自动备份目录", "留空：数据目录下的 backups（仅单机 SQLite 数据库）", _folder, "备份"),
    SettingField("backup_keep", "保留备份份数", "每天一份，保留最近几份", _int_between(1, 3650, "份"), "备份"),
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
        super().__init__("；".join(errors.values()))
        self.errors = errors


@use_case
def save_settings(engine: Engine, user: CurrentUser, values: dict[str, str]) -> list[str]:
    """Save the changed settings in one transaction; returns the keys changed. Raises
    :class:`SettingsError` with per-field messages, writing nothing, when any value is wrong."""
    require(user, "settings")
    unknown = [k for k in values if k not in FIELD_KEYS]
    if unknown:
        raise SettingsError({unknown[0]: f"未知的设置项：{unknown[0]}"})
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
