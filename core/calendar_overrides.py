"""The admin-editable holiday / make-up working day table (调休) and the working calendar
built from it.

``CalendarOverride`` rows win over the ``chinese-calendar`` package (see
:mod:`core.workdays`): an admin enters the State Council's schedule for a year the package
does not know yet, or corrects a day. Booking, deadlines and the calendar screens read the
calendar through :func:`load_calendar` so they all agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import chinese_calendar
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core import audit
from core.auth import CurrentUser, require, use_case
from core.messages import joined, msg
from core.uow import read_only, unit_of_work
from core.workdays import WorkCalendar, statutory_holidays
from db.models import CalendarOverride

# Messages (their text is the plain name): day labels and the booking refusals show them translated.
WEEKDAYS = (msg("星期一"), msg("星期二"), msg("星期三"), msg("星期四"), msg("星期五"), msg("星期六"), msg("星期日"))
NAME_MAX = 40

# chinese-calendar names its holidays in English; its enum carries the Chinese too.
_CC_CHINESE = {h.value: h.chinese for h in chinese_calendar.Holiday}


@dataclass(frozen=True)
class OverrideRow:
    day: date
    workday: bool
    name: str

    @property
    def kind_name(self) -> str:
        return "调休上班" if self.workday else "放假"


@dataclass(frozen=True)
class DayInfo:
    """What a day is, for messages and calendar headers."""

    day: date
    workday: bool
    label: str  # "国庆节", "星期六", "调休上班（国庆节）", "" for an ordinary working day
    provisional: bool  # the year's schedule is not known: weekends + statutory holidays only


class Calendar(WorkCalendar):
    """A :class:`WorkCalendar` that also knows the override table's day names."""

    def __init__(self, rows: list[OverrideRow] | tuple[OverrideRow, ...] = ()) -> None:
        super().__init__({r.day: r.workday for r in rows})
        self._names = {r.day: r.name for r in rows}

    def info(self, d: date) -> DayInfo:
        workday = self.is_workday(d)
        provisional = not self.is_known(d)
        name = self._names.get(d)
        if d in self._names:
            label = name or ("调休上班" if workday else "放假")
            if workday and name and "上班" not in name and "调休" not in name:
                label = f"调休上班（{name}）"
            return DayInfo(d, workday, label, provisional)
        holiday = _holiday_name(d)
        weekend = d.weekday() >= 5
        if workday:
            # A weekend day that is a working day is a make-up day (调休).
            label = (f"调休上班（{holiday}）" if holiday else "调休上班") if weekend else ""
            return DayInfo(d, True, label, provisional)
        if holiday:
            return DayInfo(d, False, holiday, provisional)
        return DayInfo(d, False, WEEKDAYS[d.weekday()] if weekend else "休息日", provisional)


def _cc_knows(d: date) -> bool:
    try:
        chinese_calendar.is_workday(d)
    except NotImplementedError:
        return False
    return True


def _holiday_name(d: date) -> str:
    """The Chinese name of the holiday *d* belongs to (also for the make-up day that pays for
    it), from chinese-calendar when it knows the year, else from the statutory list."""
    if _cc_knows(d):
        _, name = chinese_calendar.get_holiday_detail(d)
        if name:
            return _CC_CHINESE.get(name, name)
        return ""
    return statutory_holidays(d.year).get(d, "")


_OVERRIDES_SQL = select(CalendarOverride.day, CalendarOverride.workday, CalendarOverride.name).order_by(
    CalendarOverride.day)


def load_override_rows(session: Session, *, year: int | None = None) -> list[OverrideRow]:
    query = _OVERRIDES_SQL
    if year is not None:
        query = query.where(CalendarOverride.day >= date(year, 1, 1), CalendarOverride.day <= date(year, 12, 31))
    return [OverrideRow(day, bool(workday), name or "") for day, workday, name in session.execute(query)]


def load_calendar(session: Session) -> Calendar:
    """The working calendar with the override table applied (a :class:`WorkCalendar`)."""
    return Calendar(load_override_rows(session))


def list_overrides(engine: Engine, *, year: int | None = None) -> list[OverrideRow]:
    with read_only(engine) as session:
        return load_override_rows(session, year=year)


def validate_override(day: date | None, name: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if day is None:
        errors["day"] = msg("请选择日期")
    if len(name.strip()) > NAME_MAX:
        errors["name"] = msg("名称不超过{limit}个字", limit=NAME_MAX)
    return errors


@use_case
def set_override(engine: Engine, user: CurrentUser, day: date, workday: bool, name: str = "") -> OverrideRow:
    """Enter (or change) one day: ``workday=True`` for a make-up working day (调休上班),
    False for a holiday or extra day off."""
    require(user, "settings")
    errors = validate_override(day, name)
    if errors:
        raise ValueError(joined(errors.values()))
    name = name.strip()
    with unit_of_work(engine) as session:
        row = session.get(CalendarOverride, day)
        before = None if row is None else {"workday": row.workday, "name": row.name}
        if row is None:
            row = CalendarOverride(day=day, workday=workday, name=name)
            session.add(row)
        else:
            row.workday, row.name = workday, name
        audit.record(session, user, "calendar_override.set", entity="calendar_override",
                     before=before, after={"day": day.isoformat(), "workday": workday, "name": name},
                     detail=day.isoformat())
    return OverrideRow(day, workday, name)


@use_case
def remove_override(engine: Engine, user: CurrentUser, day: date) -> None:
    require(user, "settings")
    with unit_of_work(engine) as session:
        row = session.get(CalendarOverride, day)
        if row is None:
            raise ValueError(msg("{day} 没有调整记录", day=day.isoformat()))
        audit.record(session, user, "calendar_override.remove", entity="calendar_override",
                     before={"day": day.isoformat(), "workday": row.workday, "name": row.name},
                     detail=day.isoformat())
        session.delete(row)


# ------------------------------------------------------------------ the admin's year view


@dataclass(frozen=True)
class SpecialDay:
    """A day that is not what its weekday says: a holiday on a weekday, a make-up working day
    on a weekend — from the State Council's schedule (chinese-calendar) or the centre's table."""

    day: date
    workday: bool
    name: str
    source: str  # "schedule" (chinese-calendar), "override" (entered here), "corrected" (both)

    @property
    def weekday_name(self) -> str:
        return WEEKDAYS[self.day.weekday()]

    @property
    def kind_name(self) -> str:
        return "调休上班" if self.workday else "放假"

    @property
    def source_name(self) -> str:
        return {"schedule": "国务院放假安排（chinese-calendar）", "override": "本中心录入",
                "corrected": "本中心更正"}[self.source]

    @property
    def editable(self) -> bool:
        return self.source != "schedule"


@dataclass(frozen=True)
class YearCalendar:
    year: int
    known: bool  # chinese-calendar has this year's schedule
    entered: int  # rows of the centre's own table in this year
    days: tuple[SpecialDay, ...]

    @property
    def provisional(self) -> bool:
        """Deadlines through this year are computed provisionally (domain.md §3)."""
        return not self.known and self.entered == 0


def year_calendar(engine: Engine, year: int) -> YearCalendar:
    """Every special day of ``year``, the package's and the centre's, in date order."""
    if not 1900 < year < 2200:
        raise ValueError(msg("年份不正确"))
    overrides = {r.day: r for r in list_overrides(engine, year=year)}
    known = _cc_knows(date(year, 6, 1))
    days: dict[date, SpecialDay] = {}
    if known:
        d = date(year, 1, 1)
        while d.year == year:
            workday = chinese_calendar.is_workday(d)
            if workday == (d.weekday() >= 5):  # a weekend at work, or a weekday off
                days[d] = SpecialDay(d, workday, _holiday_name(d), "schedule")
            d = date.fromordinal(d.toordinal() + 1)
    for d, row in overrides.items():
        days[d] = SpecialDay(d, row.workday, row.name, "corrected" if d in days else "override")
    return YearCalendar(year, known, len(overrides), tuple(days[d] for d in sorted(days)))
