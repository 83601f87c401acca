"""Working-day calendar (core.workdays): override table > chinese-calendar > statutory fallback."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.workdays import LUNAR_FESTIVALS, WorkCalendar, WorkdayResult, statutory_holidays

D = date


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


# -- chinese-calendar years ----------------------------------------------------------------------


def test_ordinary_weekday_and_weekend(cal):
    assert cal.is_workday(D(2026, 7, 10))  # Friday
    assert not cal.is_workday(D(2026, 7, 11))  # Saturday
    assert not cal.is_workday(D(2026, 7, 12))  # Sunday


def test_tiaoxiu_saturdays_2026_are_working_days(cal):
    """调休 make-up days count as working days (民法典第二百零三条 as courts apply it)."""
    for d in (D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 10, 10)):
        assert d.weekday() == 5
        assert d in chinese_calendar.workdays
        assert cal.is_workday(d)


def test_official_holidays_2026_are_rest_days(cal):
    for d in (D(2026, 2, 16), D(2026, 2, 23), D(2026, 10, 1), D(2026, 10, 7)):
        assert d.weekday() < 5
        assert not cal.is_workday(d)
    assert cal.is_workday(D(2026, 10, 8))


def test_known_years(cal):
    assert cal.is_known(D(2004, 1, 1))
    assert cal.is_known(D(2026, 12, 31))
    assert not cal.is_known(D(2027, 1, 1))
    assert not cal.is_known(D(2003, 12, 31))


@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 12, 31)))
def test_every_day_of_the_library_years_is_the_library_answer_asked_twice(d):
    """The library's answers are kept (it scans its table on every question); a day asked again —
    by another calendar, with overrides elsewhere — gets the same answer."""
    first, again = WorkCalendar(), WorkCalendar({d + timedelta(days=1): True})
    assert first.is_workday(d) == chinese_calendar.is_workday(d) == again.is_workday(d)


def test_an_override_still_beats_a_kept_answer():
    d = D(2026, 10, 8)
    assert WorkCalendar().is_workday(d)  # kept
    assert not WorkCalendar({d: False}).is_workday(d)


# -- override table ------------------------------------------------------------------------------


def test_override_beats_chinese_calendar():
    cal = WorkCalendar({D(2026, 10, 8): False, D(2026, 10, 4): True})
    assert not cal.is_workday(D(2026, 10, 8))
    assert cal.is_workday(D(2026, 10, 4))
    assert cal.overrides == {D(2026, 10, 8): False, D(2026, 10, 4): True}


def test_override_beats_fallback_and_makes_the_year_known():
    """An admin entering a year's schedule makes that year known (no longer provisional)."""
    cal = WorkCalendar({D(2027, 10, 4): False, D(2027, 9, 26): True})
    assert cal.is_known(D(2027, 3, 1))
    assert not cal.is_known(D(2028, 3, 1))
    assert not cal.is_workday(D(2027, 10, 4))  # Monday made a holiday
    assert cal.is_workday(D(2027, 9, 26))  # Sunday made a make-up day
    # dates without an entry still follow weekends + statutory holidays
    assert not cal.is_workday(D(2027, 10, 1))
    assert cal.is_workday(D(2027, 10, 5))
    assert cal.add_workdays(D(2027, 9, 24), 1) == WorkdayResult(D(2027, 9, 26), False)


def test_override_accepts_datetimes():
    from datetime import datetime

    cal = WorkCalendar({datetime(2026, 7, 10, 9, 30): False})
    assert not cal.is_workday(D(2026, 7, 10))
    assert not cal.is_workday(datetime(2026, 7, 10, 15, 0))


# -- fallback for unknown years ------------------------------------------------------------------


def test_fallback_statutory_holidays_2027(cal):
    """2027 is unknown to chinese-calendar: 国庆 Oct 1–3, 春节 除夕–初三 etc. are rest days."""
    assert not cal.is_workday(D(2027, 10, 1))  # Friday, 国庆
    assert not cal.is_workday(D(2027, 2, 5))  # Friday, 除夕
    assert not cal.is_workday(D(2027, 2, 8))  # Monday, 初三
    assert cal.is_workday(D(2027, 2, 9))
    assert not cal.is_workday(D(2027, 4, 5))  # Monday, 清明
    assert not cal.is_workday(D(2027, 6, 9))  # Wednesday, 端午
    assert not cal.is_workday(D(2027, 9, 15))  # Wednesday, 中秋
    assert not cal.is_workday(D(2027, 1, 1))  # Friday, 元旦
    assert cal.is_workday(D(2027, 10, 4))  # no 调休 guessed
    assert not cal.is_workday(D(2027, 10, 9))  # plain Saturday


def test_statutory_holidays_shape():
    hol = statutory_holidays(2027)
    assert len(hol) == 1 + 4 + 1 + 2 + 1 + 1 + 3
    assert [d for d, name in hol.items() if name == "春节"] == [
        D(2027, 2, 5),
        D(2027, 2, 6),
        D(2027, 2, 7),
        D(2027, 2, 8),
    ]
    # beyond the lunar table only fixed dates and 清明 remain
    assert set(statutory_holidays(2060).values()) == {"元旦", "清明节", "劳动节", "国庆节"}


@pytest.mark.parametrize("year", [2025, 2026])
def test_fallback_agrees_with_chinese_calendar_2025_2026(year):
    """The fallback's statutory holidays are rest days in the State Council's real schedule."""
    for d, name in statutory_holidays(year).items():
        assert not chinese_calendar.is_workday(d), (d, name)
        detail = chinese_calendar.get_holiday_detail(d)
        assert detail[0] is True


def test_lunar_table_qingming_matches_solar_terms():
    for year, fest in LUNAR_FESTIVALS.items():
        terms = chinese_calendar.get_solar_terms(D(year, 4, 1), D(year, 4, 30))
        assert (fest["清明"], "清明") in terms, year


def test_lunar_table_is_plausible():
    """Sanity bounds: 春节 Jan 21–Feb 20; 端午 ≈ 4 lunar months after (5 with a leap month);
    中秋 ≈ 3 lunar months after 端午 (4 with a leap month)."""
    assert set(LUNAR_FESTIVALS) == set(range(2025, 2051))
    for year, f in LUNAR_FESTIVALS.items():
        assert D(year, 1, 21) <= f["春节"] <= D(year, 2, 20), year
        assert f["清明"] in (D(year, 4, 4), D(year, 4, 5)), year
        a = (f["端午"] - f["春节"]).days
        b = (f["中秋"] - f["端午"]).days
        assert 115 <= a <= 155, (year, a)
        assert 95 <= b <= 130, (year, b)
        # spacing between consecutive new years is 12 or 13 lunar months
        if year + 1 in LUNAR_FESTIVALS:
            gap = (LUNAR_FESTIVALS[year + 1]["春节"] - f["春节"]).days
            assert gap in range(353, 356) or gap in range(383, 386), (year, gap)


# -- add_workdays / next_workday / roll_forward ---------------------------------------------------


def test_add_workdays_does_not_count_start_day(cal):
    """民法典第二百零一条: the start day is not counted."""
    assert cal.add_workdays(D(2026, 7, 6), 1) == WorkdayResult(D(2026, 7, 7), False)
    assert cal.add_workdays(D(2026, 7, 10), 1) == WorkdayResult(D(2026, 7, 13), False)
    assert cal.add_workdays(D(2026, 7, 10), 0) == WorkdayResult(D(2026, 7, 10), False)
    with pytest.raises(ValueError):
        cal.add_workdays(D(2026, 7, 10), -1)


def test_add_workdays_skips_paused_days(cal):
    # Mon 2026-07-06 + 5 working days = Mon 07-13; pausing Tue–Thu moves it 3 working days later
    assert cal.add_workdays(D(2026, 7, 6), 5).day == D(2026, 7, 13)
    res = cal.add_workdays(D(2026, 7, 6), 5, skip=[(D(2026, 7, 7), D(2026, 7, 9))])
    assert res.day == D(2026, 7, 16)
    with pytest.raises(ValueError):
        cal.add_workdays(D(2026, 7, 6), 5, skip=[(D(2026, 7, 9), D(2026, 7, 7))])


def test_add_workdays_into_unknown_year_is_provisional(cal):
    res = cal.add_workdays(D(2026, 12, 30), 2)
    assert res.day == D(2027, 1, 4)  # Dec 31 Thu, Jan 1 (元旦 fallback), Jan 2–3 weekend
    assert res.provisional
    assert not cal.add_workdays(D(2026, 12, 29), 2).provisional


def test_paused_days_in_unknown_year_are_not_examined(cal):
    res = cal.add_workdays(D(2026, 12, 30), 1, skip=[(D(2026, 12, 31), D(2027, 1, 10))])
    assert res.day == D(2027, 1, 11) and res.provisional
    res = cal.add_workdays(D(2026, 12, 1), 1, skip=[(D(2026, 12, 2), D(2026, 12, 2))])
    assert res == WorkdayResult(D(2026, 12, 3), False)


def test_next_workday_and_roll_forward(cal):
    assert cal.next_workday(D(2026, 9, 30)) == WorkdayResult(D(2026, 10, 8), False)
    assert cal.next_workday(D(2026, 10, 8)) == WorkdayResult(D(2026, 10, 9), False)
    assert cal.roll_forward(D(2026, 10, 8)) == WorkdayResult(D(2026, 10, 8), False)
    assert cal.roll_forward(D(2026, 10, 3)) == WorkdayResult(D(2026, 10, 8), False)
    assert cal.roll_forward(D(2027, 10, 2)) == WorkdayResult(D(2027, 10, 4), True)
    assert cal.roll_forward(D(2027, 10, 4)) == WorkdayResult(D(2027, 10, 4), True)


def test_count_workdays_and_touches_unknown(cal):
    assert cal.count_workdays(D(2026, 9, 30), D(2026, 10, 10)) == 3  # Oct 8, 9, 10 (调休 Sat)
    assert cal.count_workdays(D(2026, 10, 10), D(2026, 9, 30)) == 0
    assert cal.touches_unknown(D(2026, 12, 1), D(2027, 1, 1))
    assert not cal.touches_unknown(D(2026, 1, 1), D(2026, 12, 31))


# -- properties ----------------------------------------------------------------------------------

_starts = st.dates(min_value=D(2020, 1, 1), max_value=D(2049, 6, 30))
_ns = st.integers(min_value=1, max_value=120)
_CAL = WorkCalendar()


@settings(max_examples=150, deadline=None)
@given(start=_starts, n=_ns)
def test_property_result_is_a_workday_and_not_too_early(start, n):
    res = _CAL.add_workdays(start, n)
    assert _CAL.is_workday(res.day)
    assert res.day >= start + timedelta(days=n)
    assert _CAL.count_workdays(start, res.day) == n


@settings(max_examples=100, deadline=None)
@given(start=_starts, n=_ns)
def test_property_monotonic_in_n(start, n):
    assert _CAL.add_workdays(start, n).day < _CAL.add_workdays(start, n + 1).day


@settings(max_examples=100, deadline=None)
@given(start=_starts, n=_ns, pause_from=st.integers(0, 60), pause_len=st.integers(0, 60))
def test_property_pauses_never_shorten(start, n, pause_from, pause_len):
    a = start + timedelta(days=pause_from)
    b = a + timedelta(days=pause_len)
    plain = _CAL.add_workdays(start, n)
    paused = _CAL.add_workdays(start, n, skip=[(a, b)])
    assert paused.day >= plain.day
    assert _CAL.is_workday(paused.day)
    assert not a <= paused.day <= b


@settings(max_examples=100, deadline=None)
@given(start=_starts, n=_ns)
def test_property_provisional_iff_unknown_year_reached(start, n):
    res = _CAL.add_workdays(start, n)
    assert res.provisional == _CAL.touches_unknown(start + timedelta(days=1), res.day)
