"""The director's statistics: monthly (or any date range) figures, in total and by committee,
dispute type, source and mediator, with the previous period and the same period last year.

Definitions (printed as the report's footnotes, see :data:`DEFINITIONS`). "The period" is the
inclusive date range ``date_from``–``date_to``; every figure is attributed to the case's current
committee, dispute type, source and lead mediator (``cases.mediator_id``; co-mediators are not
credited).

* **受理 received** — cases whose ``received_on`` (登记日期) lies in the period, whatever happened
  to them later (refusals included). **涉案金额 amount_claimed** — the sum of their
  ``amount_claimed`` (cases without an amount count as 0). **重复来访 repeat_visitors** — those
  of them flagged ``repeat_visit``.
* **进入调解 accepted** — cases whose ``accepted_on`` lies in the period.
* **办结 concluded** — cases whose ``concluded_on`` lies in the period and whose status is a
  concluded one (agreed, failed, terminated, withdrawn, performed, archived) **except
  ``refused``**. A refusal at intake (人民调解法第十七条: one party clearly refuses, so there is
  no mediation) is not a mediation that failed: it is counted on its own as **拒绝调解
  refused** (``concluded_on`` in the period, status ``refused``) and is left out of the success
  rate and of the average duration. A party who stops a mediation already under way makes it
  ``terminated``, which does count as concluded-unsuccessful.
* **调解成功 successful** — concluded cases (above) with status agreed, performed or archived
  **and** an ``agreements`` row; split into written (书面) and oral (口头, Art.28) by
  ``agreements.kind``. An archived case without an agreement (a failed case filed away) is
  concluded but not successful. **协议金额 amount_agreed** — the sum of ``agreements.amount``
  of the successful cases.
* **调解成功率 success_rate** = successful ÷ concluded (domain.md §5).
* **兑现率 fulfilment_rate** = agreements_performed ÷ agreements_due, where
  **应履行协议 agreements_due** are agreements whose ``last_due_on`` lies in the period and
  **履行完毕 agreements_performed** those of them with ``performed_on`` on or before the end of
  the period (so a closed month's figure does not change later). Partly paid agreements are due
  but not performed.
* **司法确认 judicial_confirmed** — agreements whose ``judicial_confirmed_on`` lies in the period.
* **回访评价 ratings** — follow-up visits (``followups``) with ``visited_on`` in the period and a
  rating; **满意率 satisfaction_rate** = (非常满意 5 + 满意 4 + 基本满意 3) ÷ ratings,
  **好评率 good_rate** = (5 + 4) ÷ ratings (domain.md §5, §6). A case rated twice counts twice.
* **平均办结天数 avg_days** = mean of (``concluded_on`` − ``received_on``) in calendar days over
  the concluded cases (refusals excluded).
* **超期未结 overdue** — cases still open at the end of the period (received on or before
  ``date_to``, and not concluded by then: ``concluded_on`` empty or later) whose legal deadline
  fell on or before ``date_to``. The deadline is taken from :mod:`core.deadlines` by committee:
  medical committee 30 working days (医疗纠纷预防和处理条例第三十八条), labour committee 15 days from
  receiving the application (劳动争议调解仲裁法第十四条), every other committee one month (人民调解工作
  若干规定第三十三条); counted from ``accepted_on``, or from ``received_on`` for a case not yet
  accepted at the end of the period (labour always from ``received_on``), with the rest-day rule
  and the holiday calendar (core.workdays, with the admin's overrides).
  *Approximation*: agreed extensions (deadline_extensions) and 医疗损害鉴定 pauses are not taken
  into account, so a case whose deadline was extended or paused may be counted; the case's own
  screen shows its exact deadline.
* **防止民转刑/群体性事件 escalations_prevented** — successful cases (above) flagged
  ``escalation_risk`` (Art.25); **涉及人数 escalation_persons** — their ``group_size`` when set,
  else their number of parties (agents not counted).
* **排队取号 queue_tickets** — queue tickets taken on a day of the period; **平均等候
  avg_wait_minutes** — mean of (``called_at`` − ``taken_at``) over those called. Tickets belong
  to a committee (window) but not to a case type, source or mediator: those breakdowns show no
  queue figures.
* **调解场次 sessions** — mediation sessions (调解记录) started in the period, by the mediator who
  held the session (the mediator table, 一案一补) and in total; like the queue figures they are
  not broken down by committee, type or source (``None`` there).

Every figure except the rates and averages is additive: the sum over committees (and over types,
sources, mediators) equals the total. Rates and averages are ``None`` when there is nothing to
divide. Money is ``Decimal`` yuan; in the JSON (:func:`to_json`) it is a number of yuan with at
most two decimals (the database keeps whole fen, so the sums are exact); rates are fractions
0–1.

Speed: the database keeps every additive figure per day and per committee, dispute type, source
and lead mediator (:mod:`db.rollups`: daily rollups kept exact by triggers on both engines, so
every writer — the use cases, the demo's bulk load, a hand-typed UPDATE — keeps them right). A
month's figures are then a few hundred rollup rows per breakdown, plus two figures that depend
on the end of the period and are counted directly over an index: 超期未结 and the agreements
performed after their due date (the overdue count's index range assumes that no case was
accepted before it was registered, which :mod:`core.lifecycle` refuses). While a bulk load has
the rollups marked stale, :class:`StatsUnavailable` is raised rather than wrong figures shown.
See ``bench/bench_stats.py`` and ``docs/benchmarks.md``.
"""

from __future__ import annotations

import calendar as _calendar
import operator
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import Date, DateTime, Engine, bindparam, func, select, text
from sqlalchemy.orm import Session

from core.cases import SORT_COLUMNS, CaseRow, _party_names
from core.deadlines import general_deadline, labour_deadline, medical_deadline
from core.messages import code_label, msg
from core.uow import read_only
from core.workdays import WorkCalendar
from db import rollups
from db.codes import CASE_SOURCES, CONCLUDED_STATUSES, DISPUTE_TYPES
from db.models import Case, Committee, User
from db.types import fen_to_yuan

__all__ = [
    "ADDITIVE",
    "COLUMN_LABELS",
    "DEFINITIONS",
    "FIGURE_KINDS",
    "FIGURE_LABELS",
    "RATES",
    "SUMMARY_ROWS",
    "UNASSIGNED",
    "Figures",
    "MediatorInfo",
    "MediatorRow",
    "MonthlyStats",
    "Stats",
    "StatsUnavailable",
    "TrendPoint",
    "STATS_INDEXES",
    "cases_behind",
    "change",
    "compute_stats",
    "core_table",
    "count_behind",
    "drill_figure",
    "fmt",
    "fmt_change",
    "headline_sentence",
    "mediator_rows",
    "mediator_table",
    "month_range",
    "monthly_report_data",
    "parse_month",
    "previous_period",
    "same_period_last_year",
    "to_json",
    "wan",
]

#: Key of the "no mediator yet" group in ``by_mediator`` (registered and refused cases).
UNASSIGNED = "unassigned"

SUCCESS_STATUSES = ("agreed", "performed", "archived")
MEDIATED_STATUSES = tuple(s for s in CONCLUDED_STATUSES if s != "refused")


# ------------------------------------------------------------------------------ figures


@dataclass(frozen=True)
class Figures:
    """The figures of one group (total, a committee, a type …) for one period.

    All fields are additive (see :data:`ADDITIVE`); the rates and averages are properties.
    ``sessions`` (by mediator) and ``queue_*`` (by committee) are ``None`` where the breakdown
    does not attribute them.
    """

    received: int = 0
    accepted: int = 0
    concluded: int = 0
    refused: int = 0
    successful: int = 0
    successful_written: int = 0
    successful_oral: int = 0
    amount_claimed: Decimal = Decimal("0.00")
    amount_agreed: Decimal = Decimal("0.00")
    agreements_due: int = 0
    agreements_performed: int = 0
    judicial_confirmed: int = 0
    ratings: int = 0
    ratings_satisfied: int = 0
    ratings_good: int = 0
    days_total: int = 0
    overdue: int = 0
    escalations_prevented: int = 0
    escalation_persons: int = 0
    repeat_visitors: int = 0
    sessions: int | None = 0
    queue_tickets: int | None = 0
    queue_called: int | None = 0
    queue_wait_seconds: int | None = 0

    # -- rates and averages (None when there is nothing to divide) ----------------------------
    @property
    def success_rate(self) -> float | None:
        return _ratio(self.successful, self.concluded)

    @property
    def fulfilment_rate(self) -> float | None:
        return _ratio(self.agreements_performed, self.agreements_due)

    @property
    def satisfaction_rate(self) -> float | None:
        return _ratio(self.ratings_satisfied, self.ratings)

    @property
    def good_rate(self) -> float | None:
        return _ratio(self.ratings_good, self.ratings)

    @property
    def avg_days(self) -> float | None:
        return _ratio(self.days_total, self.concluded)

    @property
    def avg_wait_minutes(self) -> float | None:
        if not self.queue_called:
            return None
        return self.queue_wait_seconds / self.queue_called / 60

    def value(self, name: str) -> Any:
        """A field or a derived figure by name (``"success_rate"`` …)."""
        return getattr(self, name)

    def __add__(self, other: Figures) -> Figures:
        if not isinstance(other, Figures):
            return NotImplemented
        return Figures(**{f: _add(getattr(self, f), getattr(other, f)) for f in ADDITIVE})

    def without_queue(self) -> Figures:
        return replace(self, queue_tickets=None, queue_called=None, queue_wait_seconds=None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ADDITIVE:
            value = getattr(self, name)
            out[name] = _money_json(value) if isinstance(value, Decimal) else value
        for name in RATES:
            value = getattr(self, name)
            out[name] = None if value is None else float(value)
        return out


ADDITIVE: tuple[str, ...] = tuple(f.name for f in fields(Figures))
RATES: tuple[str, ...] = (
    "success_rate", "fulfilment_rate", "satisfaction_rate", "good_rate", "avg_days", "avg_wait_minutes",
)
_QUEUE = ("queue_tickets", "queue_called", "queue_wait_seconds")


def _add(a, b):
    if a is None or b is None:
        return a if b is None else b
    return a + b


def _ratio(num: int | Decimal, den: int | None) -> float | None:
    if not den:
        return None
    return num / den


def _money_json(value: Decimal) -> float:
    # Whole fen below 2**53 / 100 yuan: the float's shortest repr is exactly the 2-decimal amount.
    return float(value.quantize(Decimal("0.01")))


#: Chinese names of the figures (tables, cards, the workbook).
FIGURE_LABELS: Mapping[str, str] = MappingProxyType({
    "received": "受理",
    "accepted": "进入调解",
    "concluded": "办结",
    "refused": "拒绝调解",
    "successful": "调解成功",
    "successful_written": "书面协议",
    "successful_oral": "口头协议",
    "success_rate": "调解成功率",
    "amount_claimed": "涉案金额（元）",
    "amount_agreed": "协议金额（元）",
    "agreements_due": "应履行协议",
    "agreements_performed": "履行完毕",
    "fulfilment_rate": "兑现率",
    "judicial_confirmed": "司法确认",
    "ratings": "回访评价",
    "ratings_satisfied": "满意评价",
    "ratings_good": "好评",
    "satisfaction_rate": "满意率",
    "good_rate": "好评率",
    "days_total": "办结天数合计",
    "avg_days": "平均办结天数",
    "overdue": "超期未结",
    "escalations_prevented": "防止激化（件）",
    "escalation_persons": "防止激化（人）",
    "repeat_visitors": "重复来访",
    "sessions": "调解场次",
    "queue_tickets": "取号人次",
    "queue_called": "已叫号",
    "queue_wait_seconds": "等候总秒数",
    "avg_wait_minutes": "平均等候（分钟）",
})

#: The footnotes: (figure label, definition), in the order printed.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("受理", "统计期内登记的纠纷（按登记日期），含其后拒绝调解的；涉案金额为其申请金额之和，未填金额的按0计。"),
    ("进入调解", "统计期内经当事人同意受理调解的案件（按受理日期）。"),
    ("办结", "统计期内结案（按结案日期）且状态为达成协议、调解不成、终止调解、撤回申请、履行完毕或已归档的案件。"
     "一方明确拒绝调解的（人民调解法第十七条）未开展调解，单列为“拒绝调解”，不计入办结、成功率和平均办结天数。"),
    ("调解成功", "办结案件中状态为达成协议、履行完毕或已归档且有调解协议的，分书面协议和口头协议（人民调解法第二十八条）；"
     "协议金额为其协议金额之和。"),
    ("调解成功率", "调解成功件数 ÷ 办结件数。"),
    ("兑现率", "履行完毕协议数 ÷ 应履行协议数。应履行协议指最后履行期限在统计期内的协议；履行完毕指统计期末前已全部履行，"
     "部分履行的不计。"),
    ("司法确认", "统计期内经人民法院确认的调解协议（按确认日期）。"),
    ("满意率", "（非常满意＋满意＋基本满意）÷ 回访评价数；好评率 =（非常满意＋满意）÷ 回访评价数。回访评价指统计期内"
     "完成且有评价的回访（按回访日期），同一案件多次回访分别计算。"),
    ("平均办结天数", "办结案件自登记至结案的日历天数的平均值。"),
    ("超期未结", "统计期末仍未结案且已过法定期限的案件：医疗纠纷自受理起30个工作日，劳动争议自收到申请起15日，其他纠纷自受理起"
     "一个月（未受理的自登记日起算），期限末日遇休息日顺延。为估算值：未扣除当事人同意的延长期限和医疗损害鉴定期间。"),
    ("防止激化", "调解成功且登记有激化风险（人民调解法第二十五条）的案件数；人数为群体纠纷登记人数，否则为当事人人数（不含代理人）。"),
    ("重复来访", "受理案件中标记为重复来访的。"),
    ("排队等候", "统计期内取号的人次；平均等候为已叫号者自取号至叫号的平均分钟数。取号按窗口（委员会）统计，不分纠纷类型、来源和调解员。"),
    ("调解场次", "统计期内开始的调解（调解记录），按主持该场调解的调解员统计，不分委员会、纠纷类型和来源。"),
    ("归属", "各项按案件当前所属委员会、纠纷类型、来源和承办调解员（第一承办人）统计；各委员会（各类型、各来源、各调解员）"
     "之和等于合计。"),
)


@dataclass(frozen=True)
class MediatorInfo:
    key: str  # username, or UNASSIGNED
    id: int | None
    name: str
    committees: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stats:
    """All figures of one period."""

    date_from: date
    date_to: date
    total: Figures
    by_committee: Mapping[str, Figures]  # every committee (code), in display order
    by_type: Mapping[str, Figures]  # every dispute type code
    by_source: Mapping[str, Figures]  # every source code
    by_mediator: Mapping[str, Figures]  # username (or UNASSIGNED) → figures
    committee_names: Mapping[str, str] = field(default_factory=dict)
    mediators: Mapping[str, MediatorInfo] = field(default_factory=dict)

    @property
    def month(self) -> str | None:
        """"YYYY-MM" when the period is exactly one calendar month."""
        a, b = self.date_from, self.date_to
        if a.day == 1 and (a.year, a.month) == (b.year, b.month) and b == month_range(a.year, a.month)[1]:
            return f"{a.year:04d}-{a.month:02d}"
        return None

    def breakdown(self, axis: str) -> Mapping[str, Figures]:
        return {"committee": self.by_committee, "dispute_type": self.by_type, "source": self.by_source,
                "mediator": self.by_mediator}[axis]


@dataclass(frozen=True)
class TrendPoint:
    year: int
    month: int
    received: int
    concluded: int
    successful: int

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def success_rate(self) -> float | None:
        return _ratio(self.successful, self.concluded)


@dataclass(frozen=True)
class MonthlyStats:
    """A month's report: the month, the previous month, the same month last year, a 13-month
    trend ending with the month (so it starts with the same month last year)."""

    year: int
    month: int
    centre_name: str
    current: Stats
    previous: Stats
    last_year: Stats
    trend: tuple[TrendPoint, ...]

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def previous_label(self) -> str:
        p = self.previous.date_from
        return f"{p.year}年{p.month}月"

    @property
    def last_year_label(self) -> str:
        p = self.last_year.date_from
        return f"{p.year}年{p.month}月"


# ------------------------------------------------------------------------------ periods


def parse_month(value: str) -> tuple[int, int]:
    """"2026-10" → (2026, 10); raises ValueError with a Chinese message."""
    try:
        year_s, month_s = value.strip().split("-")
        year, month = int(year_s), int(month_s)
        if len(year_s) != 4 or not 1 <= month <= 12:
            raise ValueError
    except ValueError:
        raise ValueError(msg("月份格式应为 YYYY-MM，例如 2026-10：{value}", value=value)) from None
    return year, month


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + delta, 12)
    return y, m + 1


def _is_month(a: date, b: date) -> bool:
    return a.day == 1 and (a.year, a.month) == (b.year, b.month) and b == month_range(a.year, a.month)[1]


def previous_period(date_from: date, date_to: date) -> tuple[date, date]:
    """The previous month for a month; else the range of the same length just before."""
    if _is_month(date_from, date_to):
        return month_range(*_shift_month(date_from.year, date_from.month, -1))
    days = (date_to - date_from).days + 1
    return date_from - timedelta(days=days), date_from - timedelta(days=1)


def _year_earlier(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return date(d.year - 1, 2, 28)


def same_period_last_year(date_from: date, date_to: date) -> tuple[date, date]:
    if _is_month(date_from, date_to):
        return month_range(date_from.year - 1, date_from.month)
    return _year_earlier(date_from), _year_earlier(date_to)


# ------------------------------------------------------------------------------ SQL

#: The indexes the statistics read, per engine: {dialect: ((name, table, columns), …)}; created by
#: migration 0003 (the daily rollups themselves are read by their primary keys).
#:
#: * ``ix_cases_stats_open`` — 超期未结: the cases still open at the end of a period, i.e. not yet
#:   concluded, or concluded on one of the days after it (one index seek per day), received early
#:   enough to be late; covering, so no table row is read.
#: * ``ix_stats_case_facts_late`` (partial: ``late_performed_on IS NOT NULL``) — agreements due in
#:   the period but performed after their due date: performed by the period's end or not.
#: * ``ix_cases_accepted``, ``ix_agreements_judicial``, ``ix_mediation_sessions_started`` — the
#:   drill-down lists (:func:`cases_behind`) by those dates; received, concluded, due and visit
#:   dates had indexes already.
_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_cases_stats_open", "cases",
     ("concluded_on", "received_on", "accepted_on", "committee_id", "dispute_type", "source", "mediator_id")),
    ("ix_stats_case_facts_late", "stats_case_facts",
     ("day", "late_performed_on", "committee_id", "dispute_type", "source", "mediator_id")),
    ("ix_cases_accepted", "cases", ("accepted_on",)),
    ("ix_agreements_judicial", "agreements", ("judicial_confirmed_on",)),
    ("ix_mediation_sessions_started", "mediation_sessions", ("started_at",)),
)
STATS_INDEXES: Mapping[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = MappingProxyType({
    "sqlite": _INDEXES,
    "postgresql": _INDEXES,
})

# Group key of the queries that read cases: committee × type × source × lead mediator.
_DIMS = "c.committee_id, c.dispute_type, c.source, c.mediator_id"
_SUCCESS_STATUS = "c.status IN ('agreed', 'performed', 'archived')"
# The agreement is joined only to cases whose status can be a success (ON … AND status), so
# a.case_id is set exactly for the successes.
_SUCCESS = "(a.case_id IS NOT NULL)"
_CONCLUDED = "c.status IN (" + ", ".join(f"'{s}'" for s in CONCLUDED_STATUSES) + ")"
# Past the deadline at the end of the period (:b); the start is the acceptance if it had happened
# by then, else the registration; labour counts from the application (registration) anyway.
_START = "(CASE WHEN c.accepted_on <= :b THEN c.accepted_on ELSE c.received_on END)"
_OVERDUE = (f"(CASE WHEN c.committee_id = :med THEN {_START} <= :t_med "
            "WHEN c.committee_id = :lab THEN c.received_on <= :t_lab "
            f"ELSE {_START} <= :t_gen END)")

_DATE_PARAMS = ("a", "b", "lim", "t_med", "t_lab", "t_gen")
_DATETIME_PARAMS = ("a_at", "b_at")


def _q(sql: str, *extra) -> Any:
    """text() with the date parameters it uses typed (SQLite keeps dates as ISO text)."""
    names = set(re.findall(r":(\w+)", sql))
    binds = [bindparam(n, type_=Date) for n in _DATE_PARAMS if n in names]
    binds += [bindparam(n, type_=DateTime) for n in _DATETIME_PARAMS if n in names]
    return text(sql).bindparams(*binds, *extra)


# The integer sums kept per group while a period is read (money in fen), by position; the rollups'
# columns (db.rollups.FIGURES) map onto them.
_VEC = tuple(n for n in ADDITIVE if n not in ("successful_written", "sessions") and n not in _QUEUE)
_IDX = {name: i for i, name in enumerate(_VEC)}
_N = len(_VEC)
_ROLLUP_POS = tuple(_IDX["agreements_performed" if f == "agreements_performed_in_time" else f]
                    for f in rollups.FIGURES)
_MONEY = frozenset({"amount_claimed", "amount_agreed"})


def _rollup_query(axis: str) -> Any:
    """One breakdown of a period: the days' rows summed per group (rows of the days of the
    period, read by the primary key (day, group))."""
    table, key = rollups.AXES[axis]
    columns = (*rollups.FIGURES, *rollups.EXTRA.get(axis, ()))
    sums = ", ".join(f"SUM({c})" for c in columns)
    return _q(f"SELECT {key}, {sums} FROM {table} WHERE day BETWEEN :a AND :b GROUP BY {key}")


_ROLLUP_QUERIES = {axis: _rollup_query(axis) for axis in rollups.AXES}

# Agreements due in the period and performed after their due date, but by the period's end.
_LATE_QUERY = _q("""
    SELECT committee_id, dispute_type, source, mediator_id, COUNT(*) FROM stats_case_facts
    WHERE day BETWEEN :a AND :b AND late_performed_on IS NOT NULL AND late_performed_on <= :b
    GROUP BY committee_id, dispute_type, source, mediator_id""")

_CORE_FIGURES = ("received", "amount_claimed", "repeat_visitors", "accepted", "concluded", "refused",
                 "days_total", "successful", "successful_oral", "amount_agreed", "escalations_prevented",
                 "escalation_persons")
_CORE_QUERY = _q(f"""
    SELECT committee_id, {', '.join(f'SUM({c})' for c in _CORE_FIGURES)} FROM stats_by_committee
    WHERE day BETWEEN :a AND :b GROUP BY committee_id""")

_TREND_QUERY = _q("""
    SELECT day, SUM(received), SUM(concluded), SUM(successful) FROM stats_by_committee
    WHERE day BETWEEN :a AND :b GROUP BY day""").columns(day=Date)


def _overdue_queries(with_days: bool) -> Any:
    """Open at the end of the period and past the deadline. Cases concluded after the period
    are looked up day by day (``concluded_on IN (…)``), which is an index seek per day on
    ``ix_cases_stats_open`` instead of a scan of everything concluded since."""
    cond = _OVERDUE
    parts = [f"SELECT {_DIMS} FROM cases c WHERE c.concluded_on IS NULL AND c.received_on <= :lim AND {cond}"]
    if with_days:
        parts.append(f"SELECT {_DIMS} FROM cases c WHERE c.concluded_on IN :days "
                     f"AND c.received_on <= :lim AND {cond}")
    sql = ("SELECT committee_id, dispute_type, source, mediator_id, COUNT(*) FROM ("
           + " UNION ALL ".join(parts) + ") o GROUP BY committee_id, dispute_type, source, mediator_id")
    if with_days:
        return _q(sql, bindparam("days", type_=Date, expanding=True))
    return _q(sql)


@dataclass(frozen=True)
class _Thresholds:
    """Latest start dates whose deadline falls on or before the period's end."""

    general: date
    medical: date
    labour: date


def _latest_start(deadline, end: date, lo_days: int) -> date:
    """The latest start day s with deadline(s).due <= end (due is non-decreasing in s)."""
    lo, hi = end - timedelta(days=lo_days), end
    if deadline(lo).due > end:  # pragma: no cover - lo_days is generous
        raise AssertionError("threshold search window too small")
    while lo < hi:
        mid = lo + timedelta(days=(hi - lo).days // 2 + 1)
        if deadline(mid).due <= end:
            lo = mid
        else:
            hi = mid - timedelta(days=1)
    return lo


class _MemoCalendar(WorkCalendar):
    """Remembers each day's answer: chinese-calendar's lookups are slow (~0.5 ms each) and the
    threshold search asks about the same few months again and again."""

    def __init__(self, inner: WorkCalendar) -> None:
        super().__init__()
        self._inner = inner
        self._workday: dict[date, bool] = {}
        self._known: dict[int, bool] = {}

    def is_workday(self, d: date) -> bool:
        value = self._workday.get(d)
        if value is None:
            value = self._workday[d] = self._inner.is_workday(d)
        return value

    def is_known(self, d: date) -> bool:
        value = self._known.get(d.year)
        if value is None:
            value = self._known[d.year] = self._inner.is_known(d)
        return value


# Per set of calendar overrides: the memo calendar and the thresholds already computed (both
# depend only on the dates and the overrides, so they are kept for the life of the process).
_CALENDARS: dict[frozenset, _MemoCalendar] = {}
_THRESHOLDS: dict[tuple[frozenset, date], _Thresholds] = {}


def _memo_calendar(cal: WorkCalendar) -> tuple[frozenset, _MemoCalendar]:
    if isinstance(cal, _MemoCalendar):
        cal = cal._inner
    key = frozenset(cal.overrides.items())
    memo = _CALENDARS.get(key)
    if memo is None:
        if len(_CALENDARS) > 8:
            _CALENDARS.clear()
            _THRESHOLDS.clear()
        memo = _CALENDARS[key] = _MemoCalendar(cal)
    return key, memo


def _thresholds(end: date, cal: WorkCalendar) -> _Thresholds:
    key, memo = _memo_calendar(cal)
    found = _THRESHOLDS.get((key, end))
    if found is None:
        found = _THRESHOLDS[(key, end)] = _Thresholds(
            general=_latest_start(lambda s: general_deadline(s, cal=memo), end, 60),
            medical=_latest_start(lambda s: medical_deadline(s, cal=memo), end, 120),
            labour=_latest_start(lambda s: labour_deadline(s, cal=memo), end, 40),
        )
    return found


# ------------------------------------------------------------------------------ computing


class StatsUnavailable(RuntimeError):
    """The daily rollups are being rebuilt after a bulk load (``tiaojie demo``)."""


def _check_fresh(session: Session) -> None:
    if session.scalar(text("SELECT stale FROM stats_state")):
        raise StatsUnavailable(msg("统计汇总表正在批量写入后重建（例如正在生成演示数据），暂时不能统计，请稍后再试。"))


class _Context:
    """What the queries need besides the dates: committees, users, calendar (read once)."""

    def __init__(self, session: Session, cal: WorkCalendar | None = None) -> None:
        _check_fresh(session)
        rows = session.execute(
            select(Committee.id, Committee.code, Committee.short_name).order_by(Committee.sort_order, Committee.id)
        ).all()
        self.committee_code = {r.id: r.code for r in rows}
        self.committee_names = {r.code: r.short_name for r in rows}
        self.committee_id = {r.code: r.id for r in rows}
        if cal is None:
            from core.calendar_overrides import load_calendar

            cal = load_calendar(session)
        self.cal = cal
        self._users: dict[int, MediatorInfo] | None = None
        self._session = session

    def users(self) -> dict[int, MediatorInfo]:
        if self._users is None:
            from db.models import user_committees

            links: dict[int, list[str]] = {}
            for uid, cid in self._session.execute(select(user_committees.c.user_id, user_committees.c.committee_id)):
                links.setdefault(uid, []).append(self.committee_code.get(cid, ""))
            self._users = {
                r.id: MediatorInfo(r.username, r.id, r.full_name, tuple(sorted(links.get(r.id, ()))))
                for r in self._session.execute(select(User.id, User.username, User.full_name))
            }
        return self._users

    def mediator_ids(self) -> list[int]:
        return list(self._session.scalars(select(User.id).where(User.role == "mediator", User.active.is_(True))
                                          .order_by(User.id)))


@dataclass
class _Raw:
    """The sums of one period: per breakdown {group key: vector of :data:`_VEC`} (the mediator
    key is None for "no mediator"), the queue figures {committee_id: [tickets, called, wait
    seconds]} and the sessions {mediator_id: count}."""

    axes: dict[str, dict[Any, list[int]]]
    queue: dict[int, list[int]]
    sessions: dict[int | None, int]

    def add(self, dims: tuple, name: str, n: int) -> None:
        """Add ``n`` to figure ``name`` of a (committee, type, source, mediator) group."""
        i = _IDX[name]
        committee_id, dispute_type, source, mediator_id = dims
        for axis, key in (("committee", committee_id), ("dispute_type", dispute_type), ("source", source),
                          ("mediator", mediator_id or None)):
            groups = self.axes[axis]
            vec = groups.get(key)
            if vec is None:
                vec = groups[key] = [0] * _N
            vec[i] += n


def _run_period(session: Session, ctx: _Context, a: date, b: date) -> _Raw:
    """Every figure of one period: the four rollups over its days, then the two figures that
    depend on its end (agreements performed late but by then, 超期未结)."""
    raw = _Raw({axis: {} for axis in rollups.AXES}, {}, {})
    params = {"a": a, "b": b}
    width = len(rollups.FIGURES)
    for axis, query in _ROLLUP_QUERIES.items():
        groups = raw.axes[axis]
        for row in session.execute(query, params):
            key = row[0]
            if axis == "mediator":
                key = key or None
            vec = [0] * _N
            for i, value in zip(_ROLLUP_POS, row[1:1 + width], strict=True):
                vec[i] = int(value or 0)
            extra = [int(v or 0) for v in row[1 + width:]]
            if axis == "committee" and any(extra):
                raw.queue[key] = extra
            elif axis == "mediator" and extra[0]:
                raw.sessions[key] = extra[0]
            if any(vec):
                groups[key] = vec
    for *dims, n in session.execute(_LATE_QUERY, params):
        raw.add(tuple(dims), "agreements_performed", int(n))
    for *dims, n in _overdue(session, ctx, b):
        raw.add(tuple(dims), "overdue", int(n))
    return raw


def _overdue(session: Session, ctx: _Context, end: date):
    t = _thresholds(end, ctx.cal)
    lim = max(t.general, t.medical, t.labour)
    latest = session.scalar(select(func.max(Case.concluded_on)))
    days = []
    if latest is not None and latest > end:
        days = [end + timedelta(days=i) for i in range(1, (latest - end).days + 1)]
    q = _overdue_queries(bool(days))
    params = {"b": end, "lim": lim, "t_med": t.medical, "t_lab": t.labour, "t_gen": t.general,
              "med": ctx.committee_id.get("medical", -1), "lab": ctx.committee_id.get("labour", -1)}
    if days:
        params["days"] = days
    return session.execute(q, params).all()


def _period_params(a: date, b: date) -> dict[str, Any]:
    return {"a": a, "b": b, "a_at": datetime.combine(a, time.min),
            "b_at": datetime.combine(b + timedelta(days=1), time.min)}


def _figures(values: dict) -> Figures:
    """Figures from {field: value} (money in fen); ``successful_written`` is derived."""
    kw = {}
    for name, value in values.items():
        kw[name] = fen_to_yuan(value) if name in _MONEY else value
    if "successful" in values or "successful_oral" in values:
        kw["successful_written"] = values.get("successful", 0) - values.get("successful_oral", 0)
    return Figures(**kw)


def _vec_figures(vec: list[int], queue: list[int] | None, sessions: int | None) -> Figures:
    values: dict[str, Any] = dict(zip(_VEC, vec, strict=True))
    values.update(dict(zip(_QUEUE, queue, strict=True)) if queue is not None else dict.fromkeys(_QUEUE))
    values["sessions"] = sessions
    return _figures(values)


def _sum_into(target: dict, groups: dict) -> None:
    for key, vec in groups.items():
        acc = target.get(key)
        if acc is None:
            target[key] = list(vec)
        else:
            acc[:] = map(operator.add, acc, vec)


def _assemble(ctx: _Context, a: date, b: date, raw: _Raw, extra_mediators: Iterable[int] = ()) -> Stats:
    by_com: dict[int, list[int]] = {cid: [0] * _N for cid in ctx.committee_code}
    by_type: dict[str, list[int]] = {code: [0] * _N for code in DISPUTE_TYPES}
    by_source: dict[str, list[int]] = {code: [0] * _N for code in CASE_SOURCES}
    by_med: dict[int | None, list[int]] = {m: [0] * _N for m in (*extra_mediators, *raw.sessions)}
    for target, axis in ((by_com, "committee"), (by_type, "dispute_type"), (by_source, "source"),
                         (by_med, "mediator")):
        _sum_into(target, raw.axes[axis])
    # Every case has a committee: the total is the sum over committees.
    total = [0] * _N
    for vec in raw.axes["committee"].values():
        total[:] = map(operator.add, total, vec)
    queue_total = [0, 0, 0]
    for q in raw.queue.values():
        queue_total[:] = map(operator.add, queue_total, q)

    users = ctx.users()
    mediators: dict[str, MediatorInfo] = {}
    med_figures: dict[str, Figures] = {}
    rank = {code: i for i, code in enumerate(ctx.committee_names)}

    def med_order(m: int | None):
        info = users.get(m) if m is not None else None
        first = min((rank.get(c, 99) for c in info.committees), default=99) if info else 99
        return (m is None, first, info.name if info else "", m or 0)

    for m in sorted(by_med, key=med_order):
        info = users.get(m) if m is not None else None
        if info is None:
            info = MediatorInfo(UNASSIGNED if m is None else f"user{m}", m, "（未分配）" if m is None else f"用户{m}")
        mediators[info.key] = info
        med_figures[info.key] = _vec_figures(by_med[m], None, raw.sessions.get(m, 0))
    return Stats(
        date_from=a,
        date_to=b,
        total=_vec_figures(total, queue_total, sum(raw.sessions.values())),
        by_committee={ctx.committee_code.get(cid, str(cid)): _vec_figures(vec, raw.queue.get(cid, [0, 0, 0]), None)
                      for cid, vec in by_com.items()},
        by_type={code: _vec_figures(vec, None, None) for code, vec in by_type.items()},
        by_source={code: _vec_figures(vec, None, None) for code, vec in by_source.items()},
        by_mediator=med_figures,
        committee_names=dict(ctx.committee_names),
        mediators=mediators,
    )


def _check_range(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise ValueError(msg("截止日期（{end}）早于起始日期（{start}）", end=date_to.isoformat(),
                             start=date_from.isoformat()))


def _authorise(user) -> None:
    if user is not None:
        from core.auth import require

        require(user, "statistics")


def compute_stats(source: Engine | Session, date_from: date, date_to: date, *, user=None,
                  calendar: WorkCalendar | None = None) -> Stats:
    """Every figure of the period [date_from, date_to], in total and by committee, type, source and
    mediator. ``source``: an engine (a read-only unit of work is opened) or an open session.
    ``user``: when given, must hold the ``statistics`` permission. Raises
    :class:`StatsUnavailable` while the rollups are being rebuilt after a bulk load."""
    _authorise(user)
    _check_range(date_from, date_to)
    if isinstance(source, Session):
        return _compute(source, date_from, date_to, calendar)
    with read_only(source) as session:
        return _compute(session, date_from, date_to, calendar)


def _compute(session: Session, a: date, b: date, cal: WorkCalendar | None) -> Stats:
    _tune(session)
    ctx = _Context(session, cal)
    return _assemble(ctx, a, b, _run_period(session, ctx, a, b), ctx.mediator_ids())


def core_table(source: Engine | Session, date_from: date, date_to: date, *, user=None) -> dict[str, Figures]:
    """The per-committee core table of the period — received, accepted, concluded, refused,
    successful (written / oral), amount claimed and agreed, days, escalations, repeat visitors —
    the case figures only (no events, queue or overdue), from the committee rollup. Every
    committee, zeros included; the other fields are 0."""
    _authorise(user)
    _check_range(date_from, date_to)
    positions = [_IDX[c] for c in _CORE_FIGURES]

    def run(session: Session) -> dict[str, Figures]:
        _check_fresh(session)
        committees = session.execute(select(Committee.id, Committee.code).order_by(Committee.sort_order,
                                                                                   Committee.id)).all()
        by_com = {cid: [0] * _N for cid, _code in committees}
        for cid, *values in session.execute(_CORE_QUERY, {"a": date_from, "b": date_to}):
            vec = by_com.get(cid)
            if vec is not None:
                for i, value in zip(positions, values, strict=True):
                    vec[i] = int(value or 0)
        return {code: _vec_figures(by_com[cid], [0, 0, 0], 0) for cid, code in committees}

    if isinstance(source, Session):
        return run(source)
    with read_only(source) as session:
        return run(session)


def _trend_months(year: int, month: int) -> list[tuple[int, int]]:
    return [_shift_month(year, month, -i) for i in range(12, -1, -1)]


def _trend(session: Session, year: int, month: int) -> tuple[TrendPoint, ...]:
    """Received / concluded / successful for the 13 months ending with the month (from the
    committee rollup: one row per day and committee)."""
    months = _trend_months(year, month)
    a, b = month_range(*months[0])[0], month_range(*months[-1])[1]
    counts: dict[tuple[int, int], list[int]] = {ym: [0, 0, 0] for ym in months}
    for day, received, concluded, successful in session.execute(_TREND_QUERY, {"a": a, "b": b}):
        c = counts[(day.year, day.month)]
        c[0] += int(received or 0)
        c[1] += int(concluded or 0)
        c[2] += int(successful or 0)
    return tuple(TrendPoint(y, m, *counts[(y, m)]) for y, m in months)


def monthly_report_data(engine: Engine | Session, year: int, month: int, *, user=None,
                        calendar: WorkCalendar | None = None, trend: bool = True) -> MonthlyStats:
    """The month, the previous month and the same month last year (every breakdown), and a
    13-month trend of the headline counts (``trend=False``: none). Read in one read-only
    transaction (one snapshot: the three periods agree with each other); given a session, it is
    used as is."""
    _authorise(user)
    if not 1 <= month <= 12:
        raise ValueError(msg("月份应在1至12之间：{month}", month=month))
    if isinstance(engine, Session):
        return _monthly(engine, year, month, calendar, trend)
    with read_only(engine) as session:
        return _monthly(session, year, month, calendar, trend)


def _periods(year: int, month: int) -> dict[tuple[int, int], tuple[date, date]]:
    previous = _shift_month(year, month, -1)
    return {(year, month): month_range(year, month), previous: month_range(*previous),
            (year - 1, month): month_range(year - 1, month)}


def _monthly(session: Session, year: int, month: int, cal: WorkCalendar | None, with_trend: bool = True
             ) -> MonthlyStats:
    from core.settings import get_settings

    _tune(session)
    ctx = _Context(session, cal)
    mediators = ctx.mediator_ids()
    stats = {ym: _assemble(ctx, a, b, _run_period(session, ctx, a, b), mediators)
             for ym, (a, b) in _periods(year, month).items()}
    return MonthlyStats(year=year, month=month, centre_name=get_settings(session)["centre_name"],
                        current=stats[(year, month)], previous=stats[_shift_month(year, month, -1)],
                        last_year=stats[(year - 1, month)],
                        trend=_trend(session, year, month) if with_trend else ())


def _tune(session: Session) -> None:
    """Settings for the statistics' reads, on this connection / in this transaction only."""
    conn = session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        # 64 MB of page cache: the index pages the overdue count reads stay in memory for the
        # next report (the default 2 MB would re-read them from the file every time).
        conn.exec_driver_sql("PRAGMA cache_size=-65536")
    elif dialect == "postgresql":
        # JIT compilation costs more than these queries.
        conn.exec_driver_sql("SET LOCAL jit = off")


# ------------------------------------------------------------------------------ JSON


def _stats_json(stats: Stats) -> dict[str, Any]:
    by_mediator = {}
    for key, figures in stats.by_mediator.items():
        info = stats.mediators.get(key)
        by_mediator[key] = {"id": info.id if info else None, "name": info.name if info else key,
                            **figures.to_json()}
    return {
        "month": stats.month,
        "from": stats.date_from.isoformat(),
        "to": stats.date_to.isoformat(),
        "total": stats.total.to_json(),
        "by_committee": {code: f.to_json() for code, f in stats.by_committee.items()},
        "by_type": {code: f.to_json() for code, f in stats.by_type.items()},
        "by_source": {code: f.to_json() for code, f in stats.by_source.items()},
        "by_mediator": by_mediator,
    }


def to_json(data: Stats | MonthlyStats, previous: Stats | None = None, last_year: Stats | None = None
            ) -> dict[str, Any]:
    """The ``tiaojie stats --json`` document::

        {"month": "2026-10", "from": …, "to": …, "total": {…}, "by_committee": {code: {…}},
         "by_type": {…}, "by_source": {…}, "by_mediator": {username: {"id", "name", …}},
         "previous": {"month", "from", "to", "total"}, "last_year": {…}}

    Every inner object has all of :data:`ADDITIVE` and :data:`RATES`; money is a number of yuan
    (≤ 2 decimals), rates fractions 0–1 or null. ``by_committee`` lists every committee,
    ``by_type`` every dispute type and ``by_source`` every source, zeros included; ``by_mediator``
    every active mediator plus anyone with a figure, and ``"unassigned"`` for cases without one.
    For a MonthlyStats the comparisons come from it; for Stats pass them (optional).
    """
    if isinstance(data, MonthlyStats):
        previous, last_year, current = data.previous, data.last_year, data.current
    else:
        current = data
    out = _stats_json(current)
    for name, other in (("previous", previous), ("last_year", last_year)):
        if other is not None:
            out[name] = {"month": other.month, "from": other.date_from.isoformat(),
                         "to": other.date_to.isoformat(), "total": other.total.to_json()}
    if isinstance(data, MonthlyStats):
        out["trend"] = [{"month": p.label, "received": p.received, "concluded": p.concluded,
                         "successful": p.successful, "success_rate": p.success_rate} for p in data.trend]
    return out


# ------------------------------------------------------------------------------ drill-down

#: Which cases stand behind each figure: (base, extra condition). The bases select case ids;
#: the conditions are the same expressions the counting queries use.
_DRILL: dict[str, tuple[str, str]] = {
    "received": ("received", ""),
    "amount_claimed": ("received", ""),
    "repeat_visitors": ("received", "c.repeat_visit"),
    "accepted": ("accepted", ""),
    "concluded": ("concluded", "c.status <> 'refused'"),
    "avg_days": ("concluded", "c.status <> 'refused'"),
    "days_total": ("concluded", "c.status <> 'refused'"),
    "success_rate": ("concluded", "c.status <> 'refused'"),
    "refused": ("concluded", "c.status = 'refused'"),
    "successful": ("concluded", _SUCCESS),
    "amount_agreed": ("concluded", _SUCCESS),
    "successful_written": ("concluded", f"{_SUCCESS} AND a.kind = 'written'"),
    "successful_oral": ("concluded", f"{_SUCCESS} AND a.kind = 'oral'"),
    "escalations_prevented": ("concluded", f"{_SUCCESS} AND c.escalation_risk"),
    "escalation_persons": ("concluded", f"{_SUCCESS} AND c.escalation_risk"),
    "agreements_due": ("due", ""),
    "fulfilment_rate": ("due", ""),
    "agreements_performed": ("due", "a.performed_on <= :b"),
    "judicial_confirmed": ("judicial", ""),
    "ratings": ("ratings", ""),
    "satisfaction_rate": ("ratings", ""),
    "good_rate": ("ratings", ""),
    "ratings_satisfied": ("ratings", "f.rating >= 3"),
    "ratings_good": ("ratings", "f.rating >= 4"),
    "sessions": ("sessions", ""),
    "overdue": ("overdue", ""),
}

_BASES = {
    "received": "SELECT c.id FROM cases c WHERE c.received_on BETWEEN :a AND :b",
    "accepted": "SELECT c.id FROM cases c WHERE c.accepted_on BETWEEN :a AND :b",
    "concluded": (f"SELECT c.id FROM cases c LEFT JOIN agreements a ON a.case_id = c.id AND {_SUCCESS_STATUS} "
                  f"WHERE c.concluded_on BETWEEN :a AND :b AND {_CONCLUDED}"),
    "due": "SELECT c.id FROM agreements a JOIN cases c ON c.id = a.case_id WHERE a.last_due_on BETWEEN :a AND :b",
    "judicial": ("SELECT c.id FROM agreements a JOIN cases c ON c.id = a.case_id "
                 "WHERE a.judicial_confirmed_on BETWEEN :a AND :b"),
    "ratings": ("SELECT c.id FROM followups f JOIN cases c ON c.id = f.case_id "
                "WHERE f.visited_on BETWEEN :a AND :b AND f.rating IS NOT NULL"),
    "sessions": ("SELECT c.id FROM mediation_sessions s JOIN cases c ON c.id = s.case_id "
                 "WHERE s.started_at >= :a_at AND s.started_at < :b_at"),
    "overdue": ("SELECT c.id FROM cases c WHERE c.received_on <= :lim "
                f"AND (c.concluded_on IS NULL OR c.concluded_on > :b) AND {_OVERDUE}"),
}


def drill_figure(figure: str) -> str:
    """The figure whose cases a cell of ``figure`` opens (rates open their denominator)."""
    if figure not in _DRILL:
        raise ValueError(msg("“{figure}”不对应具体案件，无法查看明细", figure=code_label(FIGURE_LABELS.get(figure, figure))))
    return figure


def _period_of(month) -> tuple[date, date]:
    if isinstance(month, str):
        return month_range(*parse_month(month))
    if isinstance(month, tuple) and len(month) == 2 and all(isinstance(v, date) for v in month):
        return month
    if isinstance(month, tuple) and len(month) == 2:
        return month_range(*month)
    raise TypeError("month: 'YYYY-MM', (year, month) or (date_from, date_to)")


def _drill_query(session: Session, period: tuple[date, date], figure: str, *, committee, dispute_type,
                 source, mediator_id, cal: WorkCalendar | None) -> tuple[str, dict]:
    base_name, cond = _DRILL[drill_figure(figure)]
    a, b = period
    _check_range(a, b)
    sql = _BASES[base_name]
    params: dict[str, Any] = _period_params(a, b)
    if cond:
        sql += f" AND {cond}"
    if base_name == "overdue":
        if cal is None:
            from core.calendar_overrides import load_calendar

            cal = load_calendar(session)
        t = _thresholds(b, cal)
        ids = dict(session.execute(select(Committee.code, Committee.id)).all())
        params.update({"lim": max(t.general, t.medical, t.labour), "t_med": t.medical, "t_lab": t.labour,
                       "t_gen": t.general, "med": ids.get("medical", -1), "lab": ids.get("labour", -1)})
    if committee is not None:
        sql += " AND c.committee_id = (SELECT id FROM committees WHERE code = :committee)"
        params["committee"] = committee
    if dispute_type is not None:
        sql += " AND c.dispute_type = :dispute_type"
        params["dispute_type"] = dispute_type
    if source is not None:
        sql += " AND c.source = :source"
        params["source"] = source
    if mediator_id is not None:
        column = "s.mediator_id" if base_name == "sessions" else "c.mediator_id"
        if mediator_id == UNASSIGNED:
            sql += f" AND {column} IS NULL"
        else:
            sql += f" AND {column} = :mediator_id"
            params["mediator_id"] = int(mediator_id)
    return sql, params


def count_behind(engine: Engine | Session, month, figure: str, *, committee: str | None = None,
                 dispute_type: str | None = None, source: str | None = None,
                 mediator_id: int | str | None = None, user=None, calendar: WorkCalendar | None = None) -> int:
    """How many distinct cases :func:`cases_behind` lists."""
    _authorise(user)

    def run(session: Session) -> int:
        sql, params = _drill_query(session, _period_of(month), figure, committee=committee,
                                          dispute_type=dispute_type, source=source, mediator_id=mediator_id,
                                          cal=calendar)
        q = _q(f"SELECT COUNT(DISTINCT id) FROM ({sql}) x")
        return int(session.scalar(q, params) or 0)

    if isinstance(engine, Session):
        return run(engine)
    with read_only(engine) as session:
        return run(session)


def cases_behind(engine: Engine | Session, month, figure: str, *, committee: str | None = None,
                 dispute_type: str | None = None, source: str | None = None,
                 mediator_id: int | str | None = None, offset: int = 0, limit: int | None = None,
                 sort: str = "received", descending: bool = True, user=None,
                 calendar: WorkCalendar | None = None) -> list[CaseRow]:
    """The cases counted in ``figure`` for ``month`` ("YYYY-MM", (year, month) or a
    (date_from, date_to) pair), optionally within one committee (code), dispute type, source or
    mediator (user id, or :data:`UNASSIGNED`). Rates and averages list the cases of their
    denominator; ``amount_*`` the cases summed. A case appears once even when it carries the
    figure twice (two rated visits, several sessions). Pages with ``offset``/``limit``; sorts by
    the case list's keys (``core.cases.SORT_COLUMNS``)."""
    _authorise(user)

    def run(session: Session) -> list[CaseRow]:
        sql, params = _drill_query(session, _period_of(month), figure, committee=committee,
                                          dispute_type=dispute_type, source=source, mediator_id=mediator_id,
                                          cal=calendar)
        column = SORT_COLUMNS[sort]
        order = [column.desc(), Case.id.desc()] if descending else [column.asc(), Case.id.asc()]
        query = (
            select(Case.id, Case.number, Committee.code, Case.status, Case.dispute_type, Case.received_on,
                   Case.amount_claimed, Case.summary, User.full_name)
            .join(Committee, Committee.id == Case.committee_id)
            .outerjoin(User, User.id == Case.mediator_id)
            .where(Case.id.in_(_q(sql).columns(id=Case.id.type)))
            .order_by(*order)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query, params).all()
        names = _party_names(session, [r.id for r in rows])
        return [
            CaseRow(id=r.id, number=r.number, committee=r.code, status=r.status, dispute_type=r.dispute_type,
                    received=r.received_on, parties=len(names.get(r.id, ())),
                    party_names="、".join(names.get(r.id, ())), mediator=r.full_name or "",
                    amount_claimed=r.amount_claimed, summary=r.summary)
            for r in rows
        ]

    if isinstance(engine, Session):
        return run(engine)
    with read_only(engine) as session:
        return run(session)


# ------------------------------------------------------------------------------ presenting

#: How each figure is shown: count, money (yuan; 万元 in tables), rate, days, minutes.
FIGURE_KINDS: Mapping[str, str] = MappingProxyType({
    **{name: "count" for name in ADDITIVE},
    "amount_claimed": "money",
    "amount_agreed": "money",
    "days_total": "days",
    "queue_wait_seconds": "count",
    "success_rate": "rate",
    "fulfilment_rate": "rate",
    "satisfaction_rate": "rate",
    "good_rate": "rate",
    "avg_days": "days",
    "avg_wait_minutes": "minutes",
})

#: The rows of the summary table (report page 1, workbook sheet 汇总, dashboard), in order.
SUMMARY_ROWS: tuple[str, ...] = (
    "received", "accepted", "concluded", "successful", "successful_written", "successful_oral",
    "success_rate", "refused", "amount_claimed", "amount_agreed", "agreements_due", "agreements_performed",
    "fulfilment_rate", "judicial_confirmed", "ratings", "satisfaction_rate", "good_rate", "avg_days",
    "overdue", "escalations_prevented", "escalation_persons", "repeat_visitors", "sessions", "queue_tickets",
    "avg_wait_minutes",
)

#: Short labels for table columns (the money columns in 万元).
COLUMN_LABELS: Mapping[str, str] = MappingProxyType({
    **FIGURE_LABELS,
    "amount_claimed": "涉案金额（万元）",
    "amount_agreed": "协议金额（万元）",
    "escalations_prevented": "防止激化（件）",
    "escalation_persons": "防止激化（人）",
})

_WAN = Decimal(10000)


def wan(amount: Decimal | None) -> Decimal | None:
    """Yuan → 万元 (two decimals)."""
    if amount is None:
        return None
    return (amount / _WAN).quantize(Decimal("0.01"))


def fmt(name: str, value: Any) -> str:
    """A figure as the report prints it: counts with thousands separators, money in 万元 with two
    decimals, rates as percentages with one decimal, averages with one decimal; "—" for none."""
    if value is None:
        return "—"
    kind = FIGURE_KINDS.get(name, "count")
    if kind == "money":
        return f"{wan(value):,.2f}"
    if kind == "rate":
        return f"{value * 100:.1f}%"
    if kind in ("days", "minutes") and name != "days_total":
        return f"{value:.1f}"
    return f"{value:,}"


def change(name: str, current: Any, base: Any) -> float | None:
    """The change of a figure against a comparison period: relative (fraction) for counts and
    money, in percentage points (fraction) for rates, absolute for averages; None when the base
    is missing or zero (counts) or either rate is missing."""
    if current is None or base is None:
        return None
    kind = FIGURE_KINDS.get(name, "count")
    if kind == "rate" or (kind in ("days", "minutes") and name != "days_total"):
        return float(current) - float(base)
    if not base:
        return None
    return float(current) / float(base) - 1


#: The unit of a change of a rate (the desktop hands in its translation).
POINTS = "{value}个百分点"


def fmt_change(name: str, current: Any, base: Any, points: str = POINTS) -> str:
    """"+12.5%", "−3.0个百分点", "+1.2" or "—"."""
    value = change(name, current, base)
    if value is None:
        return "—"
    kind = FIGURE_KINDS.get(name, "count")
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    if kind == "rate":
        return points.format(value=f"{sign}{abs(value) * 100:.1f}")
    if kind in ("days", "minutes") and name != "days_total":
        return f"{sign}{abs(value):.1f}"
    return f"{sign}{abs(value) * 100:.1f}%"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def headline_sentence(data: MonthlyStats) -> str:
    """The month in one sentence, as the director would say it."""
    t = data.current.total
    prev = data.previous.total
    parts = [f"{data.label}，{data.centre_name}共受理矛盾纠纷{t.received:,}件，"
             f"调解成功{t.successful:,}件（其中口头协议{t.successful_oral:,}件），"
             f"涉案金额{fmt('amount_claimed', t.amount_claimed)}万元，"
             f"调解成功率{_pct(t.success_rate)}，兑现率{_pct(t.fulfilment_rate)}，满意率{_pct(t.satisfaction_rate)}。"]
    diff = t.received - prev.received
    if prev.received:
        trend = "增加" if diff > 0 else "减少" if diff < 0 else "持平"
        amount = f"{abs(diff):,}件（{abs(diff) / prev.received * 100:.1f}%）" if diff else ""
        parts.append(f"受理数较上月{trend}{amount}")
    else:
        parts.append("上月无受理案件")
    ly = data.last_year.total
    if ly.received:
        d = t.received - ly.received
        trend = "增加" if d > 0 else "减少" if d < 0 else "持平"
        amount = f"{abs(d):,}件（{abs(d) / ly.received * 100:.1f}%）" if d else ""
        parts.append(f"，较去年同月{trend}{amount}")
    else:
        parts.append("，去年同月无受理案件")
    parts.append(f"；办结{t.concluded:,}件，平均办结{fmt('avg_days', t.avg_days)}天，月末超期未结{t.overdue:,}件；"
                 f"司法确认{t.judicial_confirmed:,}件，防止矛盾激化{t.escalations_prevented:,}件、"
                 f"涉及{t.escalation_persons:,}人。")
    return "".join(parts)


# ------------------------------------------------------------------------------ mediators


@dataclass(frozen=True)
class MediatorRow:
    """One line of the mediator table (the basis of 一案一补 per-case subsidies)."""

    key: str
    id: int | None
    name: str
    committees: tuple[str, ...]
    accepted: int
    concluded: int
    successful: int
    success_rate: float | None
    avg_days: float | None
    sessions: int
    amount_agreed: Decimal


def _mediator_rows(stats: Stats) -> list[MediatorRow]:
    rows = []
    for key, f in stats.by_mediator.items():
        info = stats.mediators.get(key) or MediatorInfo(key, None, key)
        rows.append(MediatorRow(key=key, id=info.id, name=info.name, committees=info.committees,
                                accepted=f.accepted, concluded=f.concluded, successful=f.successful,
                                success_rate=f.success_rate, avg_days=f.avg_days, sessions=f.sessions or 0,
                                amount_agreed=f.amount_agreed))
    return rows


def mediator_table(engine: Engine | Session, year: int, month: int, *, user=None,
                   calendar: WorkCalendar | None = None) -> list[MediatorRow]:
    """Per mediator for the month: cases accepted, concluded, successful, success rate, average
    days and sessions held — every active mediator (zeros included), then anyone else with a
    figure, then the unassigned cases."""
    a, b = month_range(year, month)
    return _mediator_rows(compute_stats(engine, a, b, user=user, calendar=calendar))


def mediator_rows(stats: Stats) -> list[MediatorRow]:
    """The mediator table from already computed figures."""
    return _mediator_rows(stats)
