"""Small pieces of on-screen text that many screens put together: list separators, day names,
dates. The core builds the same pieces in Chinese for the CLI and the documents; the screens
build them here in the UI's language (Qt Linguist context ``Text``; day and month names come
from the locale, which :func:`desktop.app.install_translations` sets with the language)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from core.calendar_overrides import WEEKDAYS as CALENDAR_WEEKDAYS


def list_separator() -> str:
    """"、" between the items of a list (names, specialties, committees): ", " in English."""
    return QCoreApplication.translate("Text", "、")


def clause_separator() -> str:
    """"；" between whole entries (duty slots, reasons): "; " in English."""
    return QCoreApplication.translate("Text", "；")


def join_list(items: Iterable[str]) -> str:
    return list_separator().join(items)


def day_counts(n: int) -> dict[str, str]:
    """The amounts of core.case_deadlines.DEADLINE_WORDS ("{n}个工作日", "{n}日") for ``n`` days:
    "{n} working day" or "{n} working days" in English (Qt's plural forms), the same in Chinese."""
    return {"working_days": QCoreApplication.translate("Text", "{n}个工作日", None, n),
            "days": QCoreApplication.translate("Text", "{n}日", None, n)}


def weekday_name(weekday: int) -> str:
    """周一 … 周日 (0 = Monday), from the locale: Mon … Sun in English."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def day_label(d: date) -> str:
    """"11月23日（星期一）" (core.booking.day_label) — "Mon 23 Nov" in English."""
    return QLocale().toString(QDate(d.year, d.month, d.day), QCoreApplication.translate("Text", "M月d日（dddd）"))


# The holidays' names as core.calendar_overrides / core.workdays give them (chinese-calendar's
# and the statutory list's); a name the admin typed in is shown as typed.
HOLIDAY_NAMES = (
    QT_TRANSLATE_NOOP("Holidays", "元旦"),
    QT_TRANSLATE_NOOP("Holidays", "春节"),
    QT_TRANSLATE_NOOP("Holidays", "清明"),
    QT_TRANSLATE_NOOP("Holidays", "清明节"),
    QT_TRANSLATE_NOOP("Holidays", "劳动节"),
    QT_TRANSLATE_NOOP("Holidays", "端午"),
    QT_TRANSLATE_NOOP("Holidays", "端午节"),
    QT_TRANSLATE_NOOP("Holidays", "中秋"),
    QT_TRANSLATE_NOOP("Holidays", "中秋节"),
    QT_TRANSLATE_NOOP("Holidays", "国庆节"),
    QT_TRANSLATE_NOOP("Holidays", "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"),
)
_MAKE_UP = "调休上班"


def holiday_name(name: str) -> str:
    return QCoreApplication.translate("Holidays", name) if name in HOLIDAY_NAMES else name


def day_note(label: str) -> str:
    """A day's label (core.calendar_overrides.DayInfo.label: "国庆节", "星期六", "调休上班（国庆节）",
    "放假", "休息日" or an admin's name) in the UI's language."""
    if label in CALENDAR_WEEKDAYS:
        return weekday_name(CALENDAR_WEEKDAYS.index(label))
    if label == _MAKE_UP:
        return QCoreApplication.translate("Holidays", "调休上班")
    if label.startswith(f"{_MAKE_UP}（") and label.endswith("）"):
        return (QCoreApplication.translate("Holidays", "调休上班（%1）")
                .replace("%1", holiday_name(label[len(_MAKE_UP) + 1:-1])))
    if label == "放假":
        return QCoreApplication.translate("Holidays", "放假")
    if label == "休息日":
        return QCoreApplication.translate("Holidays", "休息日")
    return holiday_name(label)


def closed_note(label: str) -> str:
    """"国庆节假期，不安排调解" (core.booking.rest_phrase + the reason) in the UI's language."""
    if not label or label in CALENDAR_WEEKDAYS or label == "休息日":
        return QCoreApplication.translate("Holidays", "休息日，不安排调解")
    if label == "放假":
        return QCoreApplication.translate("Holidays", "放假日，不安排调解")
    if label.endswith(("假", "假期", "休", "放假")):  # the admin's own wording, kept
        return QCoreApplication.translate("Holidays", "%1，不安排调解").replace("%1", label)
    return QCoreApplication.translate("Holidays", "%1假期，不安排调解").replace("%1", holiday_name(label))


def rest_label(label: str) -> str:
    """"休息日" for a plain weekend, "国庆节·休" for a holiday (the week grid's small header)."""
    if label in CALENDAR_WEEKDAYS or not label:
        return QCoreApplication.translate("Holidays", "休息日")
    return QCoreApplication.translate("Holidays", "%1·休").replace("%1", day_note(label))
