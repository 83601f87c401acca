"""The statistics' definitions without a database: rates (domain.md §5), additivity, periods,
the deadline thresholds behind 超期未结, formatting and the JSON shape. ``sample_report`` builds a
MonthlyStats by hand for the report and workbook tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import stats
from core.deadlines import general_deadline, labour_deadline, medical_deadline
from core.stats import Figures, MediatorInfo, MonthlyStats, Stats, TrendPoint
from core.workdays import WorkCalendar
from db.codes import CASE_SOURCES, COMMITTEE_SHORT, COMMITTEES, DISPUTE_TYPES

# ------------------------------------------------------------------------------ a hand-made report


def _committee_figures(i: int, scale: int = 1) -> Figures:
    concluded = (10 + 3 * i) * scale
    successful = (8 + 2 * i) * scale
    oral = i % 3
    return Figures(
        received=(12 + 3 * i) * scale, accepted=(11 + 3 * i) * scale, concluded=concluded, refused=i % 2,
        successful=successful, successful_written=successful - oral, successful_oral=oral,
        amount_claimed=Decimal(123456 * (i + 1) * scale) + Decimal("0.50"),
        amount_agreed=Decimal(65432 * (i + 1) * scale), agreements_due=(7 + i) * scale,
        agreements_performed=(6 + i) * scale, judicial_confirmed=i, ratings=(5 + i) * scale,
        ratings_satisfied=(4 + i) * scale, ratings_good=(3 + i) * scale, days_total=concluded * (15 + i),
        overdue=i % 4, escalations_prevented=i % 2, escalation_persons=(i % 2) * 7, repeat_visitors=i % 3,
        sessions=(14 + 4 * i) * scale, queue_tickets=(9 + i) * scale, queue_called=(8 + i) * scale,
        queue_wait_seconds=(8 + i) * scale * 600,
    )


def _stats(a: date, b: date, scale: int = 1, empty: bool = False) -> Stats:
    codes = list(COMMITTEES)
    by_committee = {c: Figures() if empty else _committee_figures(i, scale) for i, c in enumerate(codes)}
    total = sum(by_committee.values(), Figures())
    no_queue = replace(total.without_queue(), sessions=None)
    by_committee = {c: replace(f, sessions=None) for c, f in by_committee.items()}
    blank = replace(Figures().without_queue(), sessions=None)
    types = dict.fromkeys(DISPUTE_TYPES, blank)
    types["14"] = no_queue
    sources = dict.fromkeys(CASE_SOURCES, blank)
    sources["application"] = no_queue
    half = Figures(**{n: (v // 2 if isinstance(v, int) else v) for n in stats.ADDITIVE
                      if (v := getattr(total, n)) is not None and not isinstance(v, Decimal)})
    mediators = {
        "tjy_traffic_1": MediatorInfo("tjy_traffic_1", 7, "方少华", ("traffic",)),
        "tjy_medical_1": MediatorInfo("tjy_medical_1", 8, "李秀英", ("medical", "general")),
        stats.UNASSIGNED: MediatorInfo(stats.UNASSIGNED, None, "（未分配）"),
    }
    by_mediator = {"tjy_traffic_1": half.without_queue(), "tjy_medical_1": Figures().without_queue(),
                   stats.UNASSIGNED: Figures().without_queue()}
    return Stats(a, b, total, by_committee, types, sources, by_mediator,
                 committee_names=dict(COMMITTEE_SHORT), mediators=mediators)


def sample_report(*, empty_last_year: bool = True) -> MonthlyStats:
    """October 2026 (scale 2), September (scale 1), October 2025 empty by default."""
    cur = _stats(date(2026, 10, 1), date(2026, 10, 31), 2)
    prev = _stats(date(2026, 9, 1), date(2026, 9, 30), 1)
    ly = _stats(date(2025, 10, 1), date(2025, 10, 31), 1, empty=empty_last_year)
    trend = []
    for i in range(13):
        y, m = divmod(2025 * 12 + 9 + i, 12)
        received = 0 if i == 0 else 300 + 10 * i
        concluded = 0 if i == 0 else 280 + 9 * i
        trend.append(TrendPoint(y, m + 1, received, concluded, int(concluded * 0.83)))
    trend[-1] = TrendPoint(2026, 10, cur.total.received, cur.total.concluded, cur.total.successful)
    return MonthlyStats(2026, 10, "衢州市衢江区专业调解中心", cur, prev, ly, tuple(trend))


# ------------------------------------------------------------------------------ rates


def test_rates_follow_domain_definitions_section_5():
    f = Figures(concluded=8, successful=6, agreements_due=5, agreements_performed=4, ratings=10,
                ratings_satisfied=9, ratings_good=7, days_total=100, queue_called=4, queue_wait_seconds=1200)
    assert f.success_rate == 6 / 8  # 调解成功率 = 调解成功 ÷ 办结
    assert f.fulfilment_rate == 4 / 5  # 兑现率 = 履行完毕 ÷ 应履行
    assert f.satisfaction_rate == 9 / 10  # 满意率 = (5+4+3) ÷ 评价数
    assert f.good_rate == 7 / 10  # 好评率 = (5+4) ÷ 评价数
    assert f.avg_days == 12.5
    assert f.avg_wait_minutes == 5.0


def test_nothing_to_divide_gives_none_not_zero():
    f = Figures(received=3)
    assert (f.success_rate, f.fulfilment_rate, f.satisfaction_rate, f.good_rate, f.avg_days,
            f.avg_wait_minutes) == (None,) * 6
    assert Figures(concluded=2).success_rate == 0.0  # something to divide, nothing successful
    assert Figures(queue_tickets=None).without_queue().avg_wait_minutes is None


def test_every_field_is_additive():
    a, b = _committee_figures(1), _committee_figures(4)
    total = a + b
    for name in stats.ADDITIVE:
        assert getattr(total, name) == getattr(a, name) + getattr(b, name), name
    assert (a.without_queue() + b.without_queue()).queue_tickets is None
    assert (a + b.without_queue()).queue_tickets == a.queue_tickets
    assert total.success_rate == (a.successful + b.successful) / (a.concluded + b.concluded)


def test_to_json_shape_and_money():
    f = Figures(received=2, concluded=1, successful=1, amount_claimed=Decimal("12345.67"),
                amount_agreed=Decimal("0.10"))
    doc = f.to_json()
    assert set(doc) == set(stats.ADDITIVE) | set(stats.RATES)
    assert doc["amount_claimed"] == 12345.67 and isinstance(doc["amount_claimed"], float)
    assert repr(doc["amount_agreed"]) == "0.1"
    assert doc["success_rate"] == 1.0 and doc["satisfaction_rate"] is None


@given(st.integers(min_value=0, max_value=10**13))
def test_money_in_json_is_exact_to_the_fen(fen):
    yuan = (Decimal(fen) / 100).quantize(Decimal("0.01"))
    value = Figures(amount_claimed=yuan).to_json()["amount_claimed"]
    assert Decimal(repr(value)) == yuan  # the shortest float repr is the 2-decimal amount


# ------------------------------------------------------------------------------ periods


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=12))
def test_months_parse_and_cover_exactly_one_month(year, month):
    assert stats.parse_month(f"{year:04d}-{month:02d}") == (year, month)
    a, b = stats.month_range(year, month)
    assert (a.year, a.month, a.day) == (year, month, 1)
    assert (b.year, b.month) == (year, month) and (b + timedelta(days=1)).day == 1
    pa, pb = stats.previous_period(a, b)
    assert pb == a - timedelta(days=1) and pa.day == 1
    la, lb = stats.same_period_last_year(a, b)
    assert (la.year, la.month, lb.month) == (year - 1, month, month) and lb == stats.month_range(year - 1, month)[1]


@pytest.mark.parametrize("bad", ["2026-13", "2026-00", "26-10", "2026/10", "2026-1x", ""])
def test_bad_months_are_refused_in_chinese(bad):
    with pytest.raises(ValueError, match="月份格式应为 YYYY-MM"):
        stats.parse_month(bad)


def test_ranges_compare_with_the_same_length_before_and_a_year_earlier():
    assert stats.previous_period(date(2026, 1, 1), date(2026, 1, 31)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert stats.previous_period(date(2026, 3, 1), date(2026, 3, 31)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert stats.previous_period(date(2026, 7, 1), date(2026, 9, 30)) == (date(2026, 3, 31), date(2026, 6, 30))
    assert stats.same_period_last_year(date(2028, 2, 1), date(2028, 2, 29)) == (date(2027, 2, 1),
                                                                                 date(2027, 2, 28))
    assert stats.same_period_last_year(date(2028, 2, 29), date(2028, 3, 5)) == (date(2027, 2, 28),
                                                                                 date(2027, 3, 5))
    with pytest.raises(ValueError, match="早于起始日期"):
        stats._check_range(date(2026, 2, 1), date(2026, 1, 31))


# ------------------------------------------------------------------------------ overdue thresholds

_CAL = WorkCalendar()


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)))
def test_thresholds_are_the_latest_start_still_overdue(end):
    """超期未结: a case is overdue at ``end`` when its deadline fell on or before ``end`` — one month
    (人民调解工作若干规定第三十三条), 30 working days (医疗纠纷预防和处理条例第三十八条), 15 days
    (劳动争议调解仲裁法第十四条), with the rest-day rule (民法典第二百零三条)."""
    t = stats._thresholds(end, _CAL)
    one = timedelta(days=1)
    for deadline, start in ((lambda s: general_deadline(s, cal=_CAL), t.general),
                            (lambda s: medical_deadline(s, cal=_CAL), t.medical),
                            (lambda s: labour_deadline(s, cal=_CAL), t.labour)):
        assert deadline(start).due <= end < deadline(start + one).due


def test_threshold_examples():
    t = stats._thresholds(date(2026, 10, 31), _CAL)
    # Received Oct 15: due Oct 30 (Friday) → overdue on the 31st; received Oct 16: Oct 31 is a
    # Saturday, so the period runs to Monday Nov 2 (民法典第二百零三条) → not yet overdue.
    assert t.labour == date(2026, 10, 15)
    # Accepted Sep 30: due Oct 30; accepted Oct 1: Nov 1 is a Sunday → Nov 2.
    assert t.general == date(2026, 9, 30)
    assert medical_deadline(date(2026, 9, 25), cal=_CAL).due > date(2026, 10, 31)  # National Day


# ------------------------------------------------------------------------------ presenting


def test_formatting():
    assert stats.fmt("received", 12345) == "12,345"
    assert stats.fmt("amount_claimed", Decimal("1234567.89")) == "123.46"  # 万元
    assert stats.fmt("success_rate", 0.8567) == "85.7%"
    assert stats.fmt("avg_days", 12.34) == "12.3"
    assert stats.fmt("success_rate", None) == "—"
    assert stats.fmt_change("received", 110, 100) == "+10.0%"
    assert stats.fmt_change("received", 90, 100) == "−10.0%"
    assert stats.fmt_change("received", 5, 0) == "—"
    assert stats.fmt_change("success_rate", 0.85, 0.80) == "+5.0个百分点"
    assert stats.fmt_change("success_rate", 0.85, None) == "—"
    assert stats.fmt_change("avg_days", 10.0, 12.5) == "−2.5"
    assert stats.fmt_change("overdue", 3, 3) == "±0.0%"


def test_definitions_are_printed_as_domain_md_states_them():
    text = "\n".join(f"{label}：{body}" for label, body in stats.DEFINITIONS)
    assert "调解成功件数 ÷ 办结件数" in text
    assert "履行完毕协议数 ÷ 应履行协议数" in text
    assert "（非常满意＋满意＋基本满意）÷ 回访评价数" in text
    assert "（非常满意＋满意）÷ 回访评价数" in text
    assert "人民调解法第十七条" in text and "拒绝调解" in text  # the refusal decision is stated
    assert "估算" in text  # overdue is an approximation and says so
    assert "refused" in stats.__doc__ and "Approximation" in stats.__doc__
    for name in stats.SUMMARY_ROWS:
        assert name in stats.COLUMN_LABELS and name in stats.FIGURE_KINDS


def test_headline_sentence():
    sentence = stats.headline_sentence(sample_report())
    cur = sample_report().current.total
    assert sentence.startswith("2026年10月，衢州市衢江区专业调解中心共受理矛盾纠纷")
    assert f"受理矛盾纠纷{cur.received:,}件" in sentence and f"调解成功{cur.successful:,}件" in sentence
    assert f"涉案金额{stats.fmt('amount_claimed', cur.amount_claimed)}万元" in sentence
    assert f"调解成功率{cur.success_rate * 100:.1f}%" in sentence
    assert "兑现率" in sentence and "满意率" in sentence
    assert "较上月增加" in sentence and "去年同月无受理案件" in sentence


def test_stats_month_property():
    s = sample_report()
    assert s.current.month == "2026-10"
    assert _stats(date(2026, 10, 2), date(2026, 10, 31)).month is None
    assert (s.label, s.previous_label, s.last_year_label) == ("2026年10月", "2026年9月", "2025年10月")


def test_mediator_rows_from_stats():
    rows = stats.mediator_rows(sample_report().current)
    assert [r.key for r in rows] == ["tjy_traffic_1", "tjy_medical_1", stats.UNASSIGNED]
    assert rows[0].name == "方少华" and rows[1].success_rate is None and rows[1].sessions == 0
