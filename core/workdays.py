"""Working-day calendar for legal deadlines (Qt-free).

Which days are working days, in order of authority:

1. the admin-editable override table (``overrides``: date → True for a working day such as an
   admin-entered 调休 make-up day, False for a rest day or holiday);
2. the ``chinese-calendar`` package, for the years it knows (2004–2026 in version 1.11);
3. a fallback: Saturdays and Sundays are rest days, plus the statutory holidays fixed in advance by
   《全国年节及纪念日放假办法》 as revised from 2025 (see :func:`statutory_holidays`). The fallback knows
   no 调休 make-up days and no extra days off: only the State Council's yearly schedule does.

A year is *known* when chinese-calendar covers it, or when the override table holds at least one
entry for it: the admin entering dates for a year means they entered that year's published schedule.
In a year known only through the override table, dates without an entry follow the fallback rule
(weekends plus statutory holidays), since the published schedule always keeps those as rest days.

Any result whose computation looked at a date in an unknown year is ``provisional``: it is a
guess from the fallback and must be shown as such, never as final.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import chinese_calendar

__all__ = [
    "LUNAR_FESTIVALS",
    "WorkCalendar",
    "WorkdayResult",
    "statutory_holidays",
]

_ONE_DAY = timedelta(days=1)

# Years covered by the installed chinese-calendar release (derived, so a newer release widens it).
_CC_MIN_YEAR = min(chinese_calendar.holidays).year
_CC_MAX_YEAR = max(chinese_calendar.holidays).year


@cache
def _cc_is_workday(d: date) -> bool:
    """chinese-calendar's answer, kept: the library scans its whole table for every question
    (≈ 20 µs), and the deadline lists of a busy centre ask about the same few hundred days
    hundreds of thousands of times. Its table never changes while the process runs."""
    return bool(chinese_calendar.is_workday(d))


# Gregorian dates of 春节 (1st day of the 1st lunar month), 清明 (the Qingming solar term),
# 端午 (5th day of the 5th lunar month) and 中秋 (15th day of the 8th lunar month), 2025–2050.
# Source: the official Chinese calendar as published by 中国科学院紫金山天文台 and 香港天文台
# (Gregorian–lunar conversion tables), computed under GB/T 33661-2017《农历的编算和颁行》
# (Beijing time; the 2033 leap month is 闰十一月, so 春节 2034 is 19 February).
# Cross-checked when written against an independent astronomical computation (new moons and solar
# terms after Meeus, Astronomical Algorithms, ch. 25/49) and, for 清明, against
# ``chinese_calendar.get_solar_terms``; tests re-check 清明 and the 2025–2026 rows.
#   year: (春节, 清明, 端午, 中秋) as (month, day)
_LUNAR_TABLE: dict[int, tuple[tuple[int, int], ...]] = {
    2025: ((1, 29), (4, 4), (5, 31), (10, 6)),
    2026: ((2, 17), (4, 5), (6, 19), (9, 25)),
    2027: ((2, 6), (4, 5), (6, 9), (9, 15)),
    2028: ((1, 26), (4, 4), (5, 28), (10, 3)),
    2029: ((2, 13), (4, 4), (6, 16), (9, 22)),
    2030: ((2, 3), (4, 5), (6, 5), (9, 12)),
    2031: ((1, 23), (4, 5), (6, 24), (10, 1)),
    2032: ((2, 11), (4, 4), (6, 12), (9, 19)),
    2033: ((1, 31), (4, 4), (6, 1), (9, 8)),
    2034: ((2, 19), (4, 5), (6, 20), (9, 27)),
    2035: ((2, 8), (4, 5), (6, 10), (9, 16)),
    2036: ((1, 28), (4, 4), (5, 30), (10, 4)),
    2037: ((2, 15), (4, 4), (6, 18), (9, 24)),
    2038: ((2, 4), (4, 5), (6, 7), (9, 13)),
    2039: ((1, 24), (4, 5), (5, 27), (10, 2)),
    2040: ((2, 12), (4, 4), (6, 14), (9, 20)),
    2041: ((2, 1), (4, 4), (6, 3), (9, 10)),
    2042: ((1, 22), (4, 4), (6, 22), (9, 28)),
    2043: ((2, 10), (4, 5), (6, 11), (9, 17)),
    2044: ((1, 30), (4, 4), (5, 31), (10, 5)),
    2045: ((2, 17), (4, 4), (6, 19), (9, 25)),
    2046: ((2, 6), (4, 4), (6, 8), (9, 15)),
    2047: ((1, 26), (4, 5), (5, 29), (10, 4)),
    2048: ((2, 14), (4, 4), (6, 15), (9, 22)),
    2049: ((2, 2), (4, 4), (6, 4), (9, 11)),
    2050: ((1, 23), (4, 4), (6, 23), (9, 30)),
}

#: year → {"春节": date, "清明": date, "端午": date, "中秋": date}
LUNAR_FESTIVALS: dict[int, dict[str, date]] = {
    year: {
        name: date(year, month, day)
        for name, (month, day) in zip(("春节", "清明", "端午", "中秋"), row, strict=True)
    }
    for year, row in _LUNAR_TABLE.items()
}


def _qingming(year: int) -> date | None:
    if year in LUNAR_FESTIVALS:
        return LUNAR_FESTIVALS[year]["清明"]
    try:
        terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 30))
    except NotImplementedError:  # outside 1900–2100
        return None
    return next((d for d, name in terms if name == "清明"), None)


def statutory_holidays(year: int) -> dict[date, str]:
    """The statutory holidays of *year* fixed in advance (放假办法 as revised from 2025).

    元旦 Jan 1; 春节 lunar New Year's Eve to the 3rd day of the 1st lunar month (4 days); 清明 1 day;
    劳动节 May 1–2; 端午 1 day; 中秋 1 day; 国庆 Oct 1–3. The lunar holidays are only known for the
    years in the embedded table (2025–2050); outside it only the fixed-date holidays and 清明 are
    returned. 除夕 of a year belongs to that year's 春节, even when it falls on Dec 31 (never so
    2025–2050).
    """
    out: dict[date, str] = {date(year, 1, 1): "元旦"}
    qingming = _qingming(year)
    if qingming is not None:
        out[qingming] = "清明节"
    out[date(year, 5, 1)] = out[date(year, 5, 2)] = "劳动节"
    for day in (1, 2, 3):
        out[date(year, 10, day)] = "国庆节"
    lunar = LUNAR_FESTIVALS.get(year)
    if lunar is not None:
        new_year = lunar["春节"]
        for offset in (-1, 0, 1, 2):
            out[new_year + timedelta(days=offset)] = "春节"
        out[lunar["端午"]] = "端午节"
        out[lunar["中秋"]] = "中秋节"
    return out


@dataclass(frozen=True)
class WorkdayResult:
    """A computed day, and whether the computation relied on the fallback for an unknown year."""

    day: date
    provisional: bool


def _as_date(d: date) -> date:
    if isinstance(d, _dt.datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"expected datetime.date, got {type(d).__name__}")
    return d


class WorkCalendar:
    """Working days: override table, then chinese-calendar, then the weekend/statutory fallback."""

    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        self._overrides: dict[date, bool] = {
            _as_date(d): bool(v) for d, v in (overrides or {}).items()
        }
        self._override_years = frozenset(d.year for d in self._overrides)
        self._fallback_cache: dict[int, frozenset[date]] = {}

    @property
    def overrides(self) -> Mapping[date, bool]:
        return dict(self._overrides)

    # -- single days -----------------------------------------------------------------------

    def is_known(self, d: date) -> bool:
        """True if *d*'s year is covered by chinese-calendar or has entries in the override table."""
        year = _as_date(d).year
        return _CC_MIN_YEAR <= year <= _CC_MAX_YEAR or year in self._override_years

    def is_workday(self, d: date) -> bool:
        d = _as_date(d)
        override = self._overrides.get(d)
        if override is not None:
            return override
        if _CC_MIN_YEAR <= d.year <= _CC_MAX_YEAR:
            return _cc_is_workday(d)
        return self._fallback_is_workday(d)

    def _fallback_is_workday(self, d: date) -> bool:
        if d.weekday() >= 5:
            return False
        holidays = self._fallback_cache.get(d.year)
        if holidays is None:
            holidays = frozenset(statutory_holidays(d.year))
            self._fallback_cache[d.year] = holidays
        return d not in holidays

    def touches_unknown(self, start: date, end: date) -> bool:
        """True if any day of the inclusive range [start, end] lies in an unknown year."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            start, end = end, start
        return any(not self.is_known(date(y, 1, 1)) for y in range(start.year, end.year + 1))

    # -- stepping --------------------------------------------------------------------------

    def next_workday(self, d: date) -> WorkdayResult:
        """The first working day strictly after *d*."""
        day = _as_date(d)
        provisional = False
        while True:
            day += _ONE_DAY
            provisional |= not self.is_known(day)
            if self.is_workday(day):
                return WorkdayResult(day, provisional)

    def roll_forward(self, d: date) -> WorkdayResult:
        """*d* itself if it is a working day, else the first working day after it.

        This is the rest-day rule of 民法典第二百零三条 (民事诉讼法第八十五条): a period whose last day
        is a rest day ends on the first working day after it.
        """
        d = _as_date(d)
        if self.is_workday(d):
            return WorkdayResult(d, not self.is_known(d))
        nxt = self.next_workday(d)
        return WorkdayResult(nxt.day, nxt.provisional or not self.is_known(d))

    def add_workdays(
        self,
        start: date,
        n: int,
        *,
        skip: Iterable[tuple[date, date]] = (),
    ) -> WorkdayResult:
        """The day on which the *n*-th working day after *start* falls.

        Counting starts the day after *start* (the start day itself never counts). Days inside any
        inclusive ``(from, to)`` range of *skip* (paused periods, e.g. 医疗损害鉴定) do not count.
        ``n == 0`` returns *start* unchanged. Only the days actually examined decide
        ``provisional``; days inside paused ranges are not examined.
        """
        start = _as_date(start)
        if n < 0:
            raise ValueError("n must be >= 0")
        ranges = []
        for a, b in skip:
            a, b = _as_date(a), _as_date(b)
            if b < a:
                raise ValueError(f"paused range ends before it starts: {a}..{b}")
            ranges.append((a, b))
        day = start
        provisional = False
        remaining = n
        while remaining:
            day += _ONE_DAY
            paused_until = max((b for a, b in ranges if a <= day <= b), default=None)
            if paused_until is not None:
                day = paused_until
                continue
            provisional |= not self.is_known(day)
            if self.is_workday(day):
                remaining -= 1
        return WorkdayResult(day, provisional)

    def count_workdays(self, after: date, until: date) -> int:
        """Working days in the half-open range (after, until]; 0 if until <= after."""
        after, until = _as_date(after), _as_date(until)
        count = 0
        day = after
        while day < until:
            day += _ONE_DAY
            if self.is_workday(day):
                count += 1
        return count
