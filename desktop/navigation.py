"""Which screens each role sees, in order. Screens are imported and built only when
first opened, so start-up stays fast."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext


@dataclass(frozen=True)
class Screen:
    key: str  # also the name used by ``tiaojie screenshot --screen``
    title: str
    roles: tuple[str, ...]
    factory: str  # "module:Class", the class takes (ctx, parent)


SCREENS: tuple[Screen, ...] = (
    Screen("cases", QT_TRANSLATE_NOOP("Navigation", "案件列表"), ("reception", "mediator", "director"), "desktop.screens.cases:CasesScreen"),
    Screen("queue", QT_TRANSLATE_NOOP("Navigation", "取号叫号"), ("reception",), "desktop.screens.queue:QueueScreen"),
    Screen("intake", QT_TRANSLATE_NOOP("Navigation", "受理登记"), ("reception",), "desktop.screens.intake:IntakeScreen"),
    Screen("call_display", QT_TRANSLATE_NOOP("Navigation", "叫号大屏"), ("reception",), "desktop.screens.call_display:CallDisplayScreen"),
    Screen("booking", QT_TRANSLATE_NOOP("Navigation", "预约调解"), ("reception", "mediator"), "desktop.screens.booking:BookingScreen"),
    Screen("calendar_day", QT_TRANSLATE_NOOP("Navigation", "日程（日）"), ("reception", "mediator", "director"),
           "desktop.screens.calendar:CalendarDayScreen"),
    Screen("calendar_week", QT_TRANSLATE_NOOP("Navigation", "日程（周）"), ("reception", "mediator", "director"),
           "desktop.screens.calendar:CalendarWeekScreen"),
    Screen("today", QT_TRANSLATE_NOOP("Navigation", "今日预约"), ("reception", "mediator", "director"), "desktop.screens.today:TodayScreen"),
    Screen("my_cases", QT_TRANSLATE_NOOP("Navigation", "我的案件"), ("mediator",), "desktop.screens.my_cases:MyCasesScreen"),
    Screen("case_detail", QT_TRANSLATE_NOOP("Navigation", "案件详情"), ("mediator", "director", "reception"),
           "desktop.screens.case_detail:CaseDetailScreen"),
    Screen("session_record", QT_TRANSLATE_NOOP("Navigation", "调解记录"), ("mediator",), "desktop.screens.session_record:SessionRecordScreen"),
    Screen("agreement_editor", QT_TRANSLATE_NOOP("Navigation", "调解协议"), ("mediator",), "desktop.screens.agreement_editor:AgreementEditorScreen"),
    Screen("print_preview", QT_TRANSLATE_NOOP("Navigation", "打印预览"), ("mediator", "reception", "director"),
           "desktop.screens.print_preview:PrintPreviewScreen"),
    Screen("followups", QT_TRANSLATE_NOOP("Navigation", "回访与评价"), ("mediator", "director"), "desktop.screens.followups:FollowupsScreen"),
    Screen("deadlines", QT_TRANSLATE_NOOP("Navigation", "期限提醒"), ("mediator", "director"), "desktop.screens.deadlines:DeadlinesScreen"),
    Screen("users", QT_TRANSLATE_NOOP("Navigation", "用户管理"), ("admin",), "desktop.screens.users:UsersScreen"),
    Screen("audit", QT_TRANSLATE_NOOP("Navigation", "审计日志"), ("admin", "director"), "desktop.screens.audit:AuditScreen"),
    Screen("settings", QT_TRANSLATE_NOOP("Navigation", "系统设置"), ("admin",), "desktop.screens.settings:SettingsScreen"),
    Screen("holidays", QT_TRANSLATE_NOOP("Navigation", "节假日与调休"), ("admin",), "desktop.screens.holidays:HolidaysScreen"),
    Screen("privacy", QT_TRANSLATE_NOOP("Navigation", "个人信息保护"), ("admin",), "desktop.screens.privacy:PrivacyScreen"),
    Screen("experts", QT_TRANSLATE_NOOP("Navigation", "专家库"), ("reception", "mediator", "director", "admin"), "desktop.screens.experts:ExpertsScreen"),
    Screen("expert_detail", QT_TRANSLATE_NOOP("Navigation", "专家详情"), ("reception", "mediator", "director", "admin"),
           "desktop.screens.expert_detail:ExpertDetailScreen"),
    Screen("stats", QT_TRANSLATE_NOOP("Navigation", "统计报表"), ("director",), "desktop.screens.stats:StatsScreen"),
    Screen("stats_drilldown", QT_TRANSLATE_NOOP("Navigation", "统计明细"), ("director",), "desktop.screens.stats_drilldown:StatsDrilldownScreen"),
)


# Where each role's working day starts: the first screen in its navigation, shown at login.
HOME: dict[str, str] = {"reception": "queue", "mediator": "my_cases", "director": "stats", "admin": "users"}


def screens_for(role: str) -> list[Screen]:
    """The role's screens in SCREENS order, its home screen first."""
    mine = [s for s in SCREENS if role in s.roles]
    home = [s for s in mine if s.key == HOME.get(role)]
    return home + [s for s in mine if s not in home]


def home_modules() -> list[str]:
    """The modules of every role's home screen (what the first main window after a login
    builds): desktop.app imports them while the login dialog waits for the user."""
    return sorted({s.factory.split(":")[0] for s in SCREENS if s.key in HOME.values()})


def screen_by_key(key: str) -> Screen | None:
    return next((s for s in SCREENS if s.key == key), None)


def build(screen: Screen, ctx: AppContext, parent: QWidget | None = None) -> QWidget:
    module_name, class_name = screen.factory.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(ctx, parent)
