"""Legal deadlines of a mediation case (Qt-free).

Counting rules (民法典第二百零一条至第二百零三条; 民事诉讼法第八十五条 says the same for procedure):

* the day the period starts is not counted: it runs from the next day;
* a period in months ends on the corresponding day of the last month, or on that month's last day
  when there is no such day (Jan 31 + 1 month → Feb 28/29);
* when the last day is a rest day, the period ends on the first working day after it. Weekends and
  official holidays are rest days, 调休 make-up days are working days (see :mod:`core.workdays`);
* periods in working days (medical: 30) count only working days, from the day after acceptance.

Extensions:

* general (one month): ``extend_days`` calendar days counted from the original due date *as
  displayed*, i.e. after the rest-day rule moved it; the start day is not counted and the rest-day
  rule applies again to the new last day. (Counting from the un-moved last day would shorten an
  agreed extension whenever the original month ended in a holiday.)
* medical (30 working days): ``extend_days`` more working days, counted on after the original term;
  paused days (医疗损害鉴定, inclusive FROM:TO) never count.
* labour, judicial confirmation and police mediation periods are statutory and cannot be extended
  or paused here: passing ``pauses``/``extend_days`` for them raises ``ValueError``.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from core.messages import code_label, msg
from core.workdays import WorkCalendar, WorkdayResult

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "START_LABELS",
    "Deadline",
    "DeadlineStatus",
    "add_months",
    "compute",
    "days_left",
    "deadline_status",
    "general_deadline",
    "judicial_deadline",
    "labour_deadline",
    "medical_deadline",
    "police_deadline",
]

KINDS: tuple[str, ...] = ("general", "medical", "labour", "judicial", "police")

#: What each kind's deadline is, in Chinese.
KIND_LABELS: dict[str, str] = {
    "general": "一般纠纷调解期限",
    "medical": "医疗纠纷调解期限",
    "labour": "劳动争议调解期限",
    "judicial": "申请司法确认期限",
    "police": "申请公安机关调解期限",
}

#: What the start date of each kind is, in Chinese.
START_LABELS: dict[str, str] = {
    "general": "受理日",
    "medical": "受理日",
    "labour": "收到调解申请日",
    "judicial": "调解协议生效日",
    "police": "终止调解日",
}

_COUNTING = "期间依《民法典》第二百零一条、第二百零三条计算"

BASIS_GENERAL = (
    "《人民调解工作若干规定》第三十三条：调解纠纷一般在一个月内调结"
    "（期间依《民法典》第二百零一条至第二百零三条计算）"
)
BASIS_MEDICAL = "《医疗纠纷预防和处理条例》第三十八条：自受理之日起30个工作日内（鉴定期间不计入）"
BASIS_LABOUR = (
    "《劳动争议调解仲裁法》第十四条：自调解组织收到调解申请之日起15日内未达成调解协议的，"
    f"当事人可以依法申请仲裁（{_COUNTING}）"
)
BASIS_JUDICIAL = (
    f"《人民调解法》第三十三条：自调解协议生效之日起30日内共同向人民法院申请司法确认（{_COUNTING}）"
)
BASIS_POLICE = (
    "《道路交通事故处理程序规定》第八十五条：自人民调解委员会终止调解之日起3日内"
    f"一致书面申请公安机关交通管理部门调解（{_COUNTING}）"
)


@dataclass(frozen=True)
class Deadline:
    """A computed deadline: the last day, how it was counted, whether it is a guess, and its law."""

    due: date
    working_days: bool
    provisional: bool
    basis: str


class DeadlineStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"


_DEFAULT_CALENDAR: WorkCalendar | None = None


def _cal(cal: WorkCalendar | None) -> WorkCalendar:
    global _DEFAULT_CALENDAR
    if cal is not None:
        return cal
    if _DEFAULT_CALENDAR is None:
        _DEFAULT_CALENDAR = WorkCalendar()
    return _DEFAULT_CALENDAR


def _check_extend(extend_days: int) -> int:
    if isinstance(extend_days, bool) or not isinstance(extend_days, int):
        raise TypeError("extend_days must be an int")
    if extend_days < 0:
        raise ValueError(msg("延长天数不能为负数"))
    return extend_days


def add_months(d: date, months: int) -> date:
    """The corresponding day *months* later, or that month's last day if there is none.

    民法典第二百零二条: 按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为
    期间的最后一日。
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _calendar_period(start: date, days: int, cal: WorkCalendar) -> WorkdayResult:
    """*days* calendar days after *start* (start not counted), then the rest-day rule."""
    return cal.roll_forward(start + timedelta(days=days))


def general_deadline(
    accepted: date, *, extend_days: int = 0, cal: WorkCalendar | None = None
) -> Deadline:
    """One month from acceptance (人民调解工作若干规定第三十三条), optionally extended.

    The extension is *extend_days* calendar days counted from the original due date after the
    rest-day rule (see the module docstring).
    """
    cal = _cal(cal)
    extend_days = _check_extend(extend_days)
    first = cal.roll_forward(add_months(accepted, 1))
    basis = BASIS_GENERAL
    if not extend_days:
        return Deadline(first.day, False, first.provisional, basis)
    extended = _calendar_period(first.day, extend_days, cal)
    basis += f"；经双方当事人同意，自原期限届满之日（{first.day.isoformat()}）起延长{extend_days}日"
    return Deadline(extended.day, False, first.provisional or extended.provisional, basis)


def _normalise_pauses(
    accepted: date, pauses: Iterable[tuple[date, date]]
) -> list[tuple[date, date]]:
    out = []
    for a, b in pauses:
        if b < a:
            raise ValueError(msg("鉴定期间的结束日早于开始日：{start}至{end}", start=a.isoformat(), end=b.isoformat()))
        if a < accepted:
            raise ValueError(msg("鉴定期间不能早于受理日（{accepted}）：{start}", accepted=accepted.isoformat(),
                                 start=a.isoformat()))
        out.append((a, b))
    return sorted(out)


def medical_deadline(
    accepted: date,
    *,
    pauses: Iterable[tuple[date, date]] = (),
    extend_days: int = 0,
    cal: WorkCalendar | None = None,
) -> Deadline:
    """30 working days from the day after acceptance (医疗纠纷预防和处理条例第三十八条).

    *pauses* are inclusive (from, to) ranges of 医疗损害鉴定 that do not count; *extend_days* adds
    working days agreed by both parties.
    """
    cal = _cal(cal)
    extend_days = _check_extend(extend_days)
    ranges = _normalise_pauses(accepted, pauses)
    result = cal.add_workdays(accepted, 30 + extend_days, skip=ranges)
    basis = BASIS_MEDICAL
    if ranges:
        spans = "、".join(f"{a.isoformat()}至{b.isoformat()}" for a, b in ranges)
        basis += f"；已扣除鉴定期间{spans}"
    if extend_days:
        basis += f"；经双方当事人同意延长{extend_days}个工作日"
    return Deadline(result.day, True, result.provisional, basis)


def labour_deadline(received: date, cal: WorkCalendar | None = None) -> Deadline:
    """15 days from receiving the application (劳动争议调解仲裁法第十四条), calendar days."""
    result = _calendar_period(received, 15, _cal(cal))
    return Deadline(result.day, False, result.provisional, BASIS_LABOUR)


def judicial_deadline(effective: date, cal: WorkCalendar | None = None) -> Deadline:
    """30 days from the agreement taking effect to apply for 司法确认 (人民调解法第三十三条)."""
    result = _calendar_period(effective, 30, _cal(cal))
    return Deadline(result.day, False, result.provisional, BASIS_JUDICIAL)


def police_deadline(terminated: date, cal: WorkCalendar | None = None) -> Deadline:
    """3 days from termination to apply for police mediation (道路交通事故处理程序规定第八十五条)."""
    result = _calendar_period(terminated, 3, _cal(cal))
    return Deadline(result.day, False, result.provisional, BASIS_POLICE)


def compute(
    kind: str,
    start: date,
    *,
    pauses: Iterable[tuple[date, date]] = (),
    extend_days: int = 0,
    cal: WorkCalendar | None = None,
) -> Deadline:
    """Dispatch on *kind*: "general", "medical", "labour", "judicial" or "police"."""
    pauses = list(pauses)
    if kind == "medical":
        return medical_deadline(start, pauses=pauses, extend_days=extend_days, cal=cal)
    if kind not in KINDS:
        raise ValueError(msg("未知的期限类型：{kind}（可选：{kinds}）", kind=kind, kinds=list(KINDS)))
    if pauses:
        raise ValueError(msg("只有医疗纠纷（medical）可以扣除鉴定期间"))
    if kind == "general":
        return general_deadline(start, extend_days=extend_days, cal=cal)
    if _check_extend(extend_days):
        raise ValueError(msg("{kind}为法定期间，不能延长", kind=code_label(KIND_LABELS[kind])))
    if kind == "labour":
        return labour_deadline(start, cal)
    if kind == "judicial":
        return judicial_deadline(start, cal)
    return police_deadline(start, cal)


def days_left(deadline: Deadline, today: date, cal: WorkCalendar | None = None) -> int:
    """Days from *today* to the due date: 0 = due today, negative = overdue.

    Calendar-day deadlines count calendar days. Working-day deadlines count working days in
    (today, due]; once overdue, minus the working days in (due, today], and at least -1 so an
    overdue deadline never reads as "due today" over a weekend.
    """
    due = deadline.due
    if not deadline.working_days:
        return (due - today).days
    cal = _cal(cal)
    if today <= due:
        return cal.count_workdays(today, due)
    return -max(1, cal.count_workdays(due, today))


def deadline_status(
    deadline: Deadline,
    today: date,
    cal: WorkCalendar | None = None,
    *,
    warn_days: int = 3,
) -> DeadlineStatus:
    """OVERDUE when past due, DUE_SOON when at most *warn_days* remain (in the deadline's own
    unit: working days for working-day deadlines), else OK."""
    if warn_days < 0:
        raise ValueError("warn_days must be >= 0")
    left = days_left(deadline, today, cal)
    if left < 0:
        return DeadlineStatus.OVERDUE
    if left <= warn_days:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.OK
