"""The monthly statistics as an Excel workbook (openpyxl), formatted for printing.

Sheets, each with a title, the period, bold framed headers, number formats (counts ``#,##0``,
money in yuan ``#,##0.00``, rates ``0.0%``, averages ``0.0``), column widths, frozen headers,
the header row repeated on every printed page, landscape A4 fitted to the page width, and a
page header/footer with the centre's name, the month and "第 N 页 共 M 页":

* 汇总 — every headline figure: the month, the previous month, 环比, the same month last year,
  同比 (as the report's first table), with the definitions below;
* 按委员会 — the main figures per committee with the previous month and the same month last year;
* 按纠纷类型, 按来源 — the main figures per dispute type / source;
* 按调解员 — the mediators' workload, the basis of 一案一补 payments;
* 全部指标 — every figure (rows) by committee (columns);
* 近13个月 — the trend; 指标说明 — the definitions.

Values are stored as numbers (changes too: a fraction for counts and money, percentage points
for rates); "—" stands for nothing to divide.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from core.stats import (
    DEFINITIONS,
    FIGURE_KINDS,
    FIGURE_LABELS,
    SUMMARY_ROWS,
    UNASSIGNED,
    Figures,
    MonthlyStats,
    change,
    mediator_rows,
)
from db.codes import CASE_SOURCES, COMMITTEE_SHORT, DISPUTE_TYPES

__all__ = ["SHEETS", "build_workbook", "write_workbook"]

SHEETS = ("汇总", "按委员会", "按纠纷类型", "按来源", "按调解员", "全部指标", "近13个月", "指标说明")

_FORMATS = {
    "count": "#,##0",
    "money": "#,##0.00",
    "rate": "0.0%",
    "days": "0.0",
    "minutes": "0.0",
}
_CHANGE_FORMATS = {
    "relative": '+0.0%;-0.0%;0.0%',
    "points": '+0.0"个百分点";-0.0"个百分点";0.0"个百分点"',
    "absolute": "+0.0;-0.0;0.0",
}
_DASH = "—"

#: Yuan, not 万元, in the workbook: the labels say so.
_XLSX_LABELS = {
    **FIGURE_LABELS,
    "escalations_prevented": "防止激化（件）",
    "escalation_persons": "防止激化（人）",
}
_MAIN_COLUMNS = ("received", "accepted", "concluded", "successful", "success_rate", "amount_claimed",
                 "amount_agreed", "fulfilment_rate", "satisfaction_rate", "avg_days", "overdue")
_TYPE_COLUMNS = ("received", "concluded", "successful", "success_rate", "amount_claimed", "amount_agreed",
                 "fulfilment_rate", "satisfaction_rate", "avg_days")
_MEDIATOR_COLUMNS = ("accepted", "concluded", "successful", "success_rate", "avg_days", "sessions",
                     "amount_agreed")
_ALL_ROWS = (
    "received", "accepted", "concluded", "refused", "successful", "successful_written", "successful_oral",
    "success_rate", "amount_claimed", "amount_agreed", "agreements_due", "agreements_performed",
    "fulfilment_rate", "judicial_confirmed", "ratings", "ratings_satisfied", "ratings_good",
    "satisfaction_rate", "good_rate", "avg_days", "overdue", "escalations_prevented", "escalation_persons",
    "repeat_visitors", "sessions", "queue_tickets", "avg_wait_minutes",
)


def _kind(name: str) -> str:
    return FIGURE_KINDS.get(name, "count")


def _value(name: str, value: Any) -> Any:
    """A cell value: numbers as they are (Decimal money as float yuan), None as "—"."""
    if value is None:
        return _DASH
    if _kind(name) == "money":
        return float(value)
    return value


def _change_cell(name: str, current: Any, base: Any) -> tuple[Any, str | None]:
    value = change(name, current, base)
    if value is None:
        return _DASH, None
    kind = _kind(name)
    if kind == "rate":
        return round(value * 100, 6), _CHANGE_FORMATS["points"]
    if kind in ("days", "minutes") and name != "days_total":
        return value, _CHANGE_FORMATS["absolute"]
    return value, _CHANGE_FORMATS["relative"]


class _Sheet:
    """Writes one formatted sheet: title, subtitle, one header block, rows, totals, notes."""

    def __init__(self, wb, title: str, data: MonthlyStats, heading: str, subtitle: str = "") -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.ws = wb.create_sheet(title)
        self.data = data
        self.Font, self.Alignment = Font, Alignment
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fill = PatternFill("solid", fgColor="E7E6E6")
        self.total_fill = PatternFill("solid", fgColor="F2F2F2")
        self.font = Font(name="宋体", size=10.5)
        self.bold = Font(name="宋体", size=10.5, bold=True)
        self.heading = heading
        self.subtitle = subtitle or (f"统计期间：{_cn(data.current.date_from)}至{_cn(data.current.date_to)}"
                                     f"　　单位：件、元")
        self.row = 4
        self.ncols = 1
        self.header_rows: tuple[int, int] | None = None
        self._notes: list[list[str]] = []

    def header(self, rows: Sequence[Sequence[str]], merges: Sequence[tuple[int, int, int, int]] = ()) -> None:
        """Header rows (strings; "" under a merged cell); merges as (row offset, col, row offset, col)."""
        ws = self.ws
        first = self.row
        for r, labels in enumerate(rows):
            for c, label in enumerate(labels, start=1):
                cell = ws.cell(first + r, c, label or None)
                cell.font = self.bold
                cell.fill = self.fill
                cell.border = self.border
                cell.alignment = self.Alignment(horizontal="center", vertical="center", wrap_text=True)
            self.ncols = max(self.ncols, len(labels))
        for r1, c1, r2, c2 in merges:
            ws.merge_cells(start_row=first + r1, start_column=c1, end_row=first + r2, end_column=c2)
        self.row = first + len(rows)
        self.header_rows = (first, self.row - 1)
        for r in range(first, self.row):
            ws.row_dimensions[r].height = 30

    def line(self, label: str, cells: Sequence[tuple[Any, str | None]], *, total: bool = False,
             indent: int = 0) -> None:
        ws = self.ws
        r = self.row
        first = ws.cell(r, 1, label)
        first.font = self.bold if total else self.font
        first.border = self.border
        first.alignment = self.Alignment(horizontal="left", vertical="center", indent=indent)
        for c, (value, number_format) in enumerate(cells, start=2):
            cell = ws.cell(r, c, value)
            cell.font = self.bold if total else self.font
            cell.border = self.border
            cell.alignment = self.Alignment(horizontal="right", vertical="center")
            if number_format and not isinstance(value, str):
                cell.number_format = number_format
        if total:
            for c in range(1, len(cells) + 2):
                ws.cell(r, c).fill = self.total_fill
        self.row += 1

    def text_cell(self, col: int, value: str) -> None:
        """Replace a cell of the last line with left-aligned text (a name beside the label)."""
        cell = self.ws.cell(self.row - 1, col, value)
        cell.alignment = self.Alignment(horizontal="left", vertical="center")

    def notes(self, lines: Sequence[str]) -> None:
        """Paragraphs under the table (written by :meth:`finish`, once the widths are known)."""
        self._notes.append(list(lines))

    def _write_notes(self, total_width: float) -> None:
        ws = self.ws
        chars_per_line = max(10, int(total_width / 2.1))  # a CJK character is about two width units
        for block in self._notes:
            self.row += 1
            for text in block:
                cell = ws.cell(self.row, 1, text)
                cell.font = self.Font(name="宋体", size=9)
                cell.alignment = self.Alignment(wrap_text=True, vertical="top")
                ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                               end_column=max(self.ncols, 2))
                ws.row_dimensions[self.row].height = 13 * max(1, -(-len(text) // chars_per_line))
                self.row += 1

    def finish(self, widths: Sequence[float]) -> None:
        """Title, widths, freeze panes, print setup."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self.ws
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = w
        self._write_notes(sum(widths[: max(self.ncols, 2)]))
        last = get_column_letter(max(self.ncols, 2))
        ws["A1"] = self.heading
        ws["A1"].font = self.Font(name="黑体", size=16, bold=True)
        ws["A1"].alignment = self.Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A1:{last}1")
        ws.row_dimensions[1].height = 28
        ws["A2"] = self.subtitle
        ws["A2"].font = self.Font(name="宋体", size=10)
        ws["A2"].alignment = self.Alignment(horizontal="center")
        ws.merge_cells(f"A2:{last}2")
        if self.header_rows:
            top, bottom = self.header_rows
            ws.freeze_panes = ws.cell(bottom + 1, 2)
            ws.print_title_rows = f"{top}:{bottom}"
        ws.print_area = f"A1:{last}{max(self.row - 1, 2)}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.75
        ws.page_margins.header = ws.page_margins.footer = 0.3
        d = self.data
        ws.oddHeader.center.text = f"{d.centre_name}　{d.year}年{d.month}月统计月报"
        ws.oddHeader.center.size = 9
        ws.oddFooter.left.text = d.centre_name
        ws.oddFooter.left.size = 9
        ws.oddFooter.right.text = "第 &P 页 共 &N 页"
        ws.oddFooter.right.size = 9


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _cells(f: Figures, columns: Sequence[str]) -> list[tuple[Any, str]]:
    return [(_value(c, f.value(c)), _FORMATS[_kind(c)]) for c in columns]


def _title(data: MonthlyStats, what: str) -> str:
    return f"{data.centre_name}{data.year}年{data.month}月人民调解工作统计 — {what}"


def _summary(wb, data: MonthlyStats) -> None:
    s = _Sheet(wb, "汇总", data, _title(data, "主要指标"))
    s.header([["指标", f"本月（{data.label}）", f"上月（{data.previous_label}）", "环比",
               f"去年同月（{data.last_year_label}）", "同比"]])
    cur, prev, ly = data.current.total, data.previous.total, data.last_year.total
    for name in SUMMARY_ROWS:
        label = _XLSX_LABELS[name]
        indent = 0
        if name == "successful_written":
            label, indent = "其中：" + label, 1
        elif name == "successful_oral":
            indent = 4
        values = cur.value(name), prev.value(name), ly.value(name)
        fmt = _FORMATS[_kind(name)]
        s.line(label, [(_value(name, values[0]), fmt), (_value(name, values[1]), fmt),
                       _change_cell(name, values[0], values[1]),
                       (_value(name, values[2]), fmt), _change_cell(name, values[0], values[2])], indent=indent)
    s.notes(["注：环比、同比为增减百分比；比率类指标为增减百分点；平均天数、平均等候为增减值。金额单位为元。",
             "单位负责人：__________　　审核人：__________　　制表人：__________　　（盖章）"])
    s.notes([f"{i}. {label}：{text}" for i, (label, text) in enumerate(DEFINITIONS, 1)])
    s.finish([24, 18, 18, 16, 20, 16])


def _committee_sheet(wb, data: MonthlyStats) -> None:
    cur, prev, ly = data.current, data.previous, data.last_year
    s = _Sheet(wb, "按委员会", data, _title(data, "分委员会统计"))
    labels = [_XLSX_LABELS[c] for c in _MAIN_COLUMNS]
    compare = ("received", "successful", "success_rate")
    row1 = ["委员会", *labels]
    row2 = [""] * (1 + len(labels))
    for name in compare:
        row1 += [f"{FIGURE_LABELS[name]}（比较）", "", ""]
        row2 += ["本月", "上月", "去年同月"]
    merges = [(0, c, 1, c) for c in range(1, 2 + len(labels))]
    start = 2 + len(labels)
    merges += [(0, start + 3 * i, 0, start + 3 * i + 2) for i in range(len(compare))]
    s.header([row1, row2], merges)

    def cells(code_or_none: str | None) -> list:
        fs = [x.total if code_or_none is None else x.by_committee.get(code_or_none, Figures()) for x in (cur, prev, ly)]
        out = _cells(fs[0], _MAIN_COLUMNS)
        for name in compare:
            out += [(_value(name, f.value(name)), _FORMATS[_kind(name)]) for f in fs]
        return out

    for code in cur.by_committee:
        s.line(cur.committee_names.get(code) or COMMITTEE_SHORT.get(code, code), cells(code))
    s.line("合计", cells(None), total=True)
    s.notes(["注：各项按案件当前所属委员会统计；口径见“指标说明”。"])
    s.finish([12] + [11] * len(_MAIN_COLUMNS) + [9] * (3 * len(compare)))


def _breakdown_sheet(wb, data: MonthlyStats, title: str, heading: str, labels: dict[str, str], axis: str,
                     first: str) -> None:
    cur, prev, ly = data.current.breakdown(axis), data.previous.breakdown(axis), data.last_year.breakdown(axis)
    s = _Sheet(wb, title, data, _title(data, heading))
    s.header([[first, *(_XLSX_LABELS[c] for c in _TYPE_COLUMNS), "受理（上月）", "受理（去年同月）"]])
    count = _FORMATS["count"]
    for code, label in labels.items():
        f = cur.get(code, Figures())
        s.line(label, [*_cells(f, _TYPE_COLUMNS), (prev.get(code, Figures()).received, count),
                       (ly.get(code, Figures()).received, count)])
    s.line("合计", [*_cells(data.current.total, _TYPE_COLUMNS), (data.previous.total.received, count),
                   (data.last_year.total.received, count)], total=True)
    s.finish([18] + [12] * len(_TYPE_COLUMNS) + [11, 13])


def _mediator_sheet(wb, data: MonthlyStats) -> None:
    stats = data.current
    s = _Sheet(wb, "按调解员", data, _title(data, "调解员工作量（一案一补依据）"),
               f"统计期间：{_cn(stats.date_from)}至{_cn(stats.date_to)}　　单位：件、场、元")
    s.header([["调解员", "所属委员会", "用户名", *(_XLSX_LABELS[c] for c in _MEDIATOR_COLUMNS)]])
    for r in mediator_rows(stats):
        f = stats.by_mediator[r.key]
        if r.key == UNASSIGNED and not any(f.value(c) for c in _MEDIATOR_COLUMNS):
            continue
        committees = "、".join(stats.committee_names.get(c) or COMMITTEE_SHORT.get(c, c) for c in r.committees)
        s.line(r.name, [("", None), ("", None), *_cells(f, _MEDIATOR_COLUMNS)])
        s.text_cell(2, committees or _DASH)
        s.text_cell(3, "" if r.key == UNASSIGNED else r.key)
    s.line("合计", [("", None), ("", None), *_cells(stats.total, _MEDIATOR_COLUMNS)], total=True)
    s.notes(["注：按案件第一承办调解员统计；调解场次计入主持该场调解的调解员；协议金额为调解成功案件的协议金额之和。"])
    s.finish([12, 16, 16] + [12] * len(_MEDIATOR_COLUMNS))


def _all_sheet(wb, data: MonthlyStats) -> None:
    stats = data.current
    codes = list(stats.by_committee)
    s = _Sheet(wb, "全部指标", data, _title(data, "全部指标（按委员会）"))
    s.header([["指标", *(stats.committee_names.get(c) or COMMITTEE_SHORT.get(c, c) for c in codes), "合计"]])
    for name in _ALL_ROWS:
        fmt = _FORMATS[_kind(name)]
        values = [stats.by_committee[c].value(name) for c in codes] + [stats.total.value(name)]
        s.line(_XLSX_LABELS[name], [(_value(name, v), fmt) for v in values])
    s.notes(["注：取号人次、平均等候按取号窗口（委员会）统计。"])
    s.finish([18] + [11] * (len(codes) + 1))


def _trend_sheet(wb, data: MonthlyStats) -> None:
    s = _Sheet(wb, "近13个月", data, _title(data, "近13个月趋势"),
               f"{data.trend[0].year}年{data.trend[0].month}月至{data.label}　　单位：件")
    s.header([["月份", "受理", "办结", "调解成功", "调解成功率"]])
    for p in data.trend:
        s.line(f"{p.year}年{p.month}月", [(p.received, _FORMATS["count"]), (p.concluded, _FORMATS["count"]),
                                          (p.successful, _FORMATS["count"]),
                                          (_value("success_rate", p.success_rate), _FORMATS["rate"])])
    s.finish([14, 12, 12, 12, 12])


def _definitions_sheet(wb, data: MonthlyStats) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet("指标说明")
    ws["A1"] = _title(data, "指标说明")
    ws["A1"].font = Font(name="黑体", size=14, bold=True)
    ws.merge_cells("A1:C1")
    for i, (label, text) in enumerate(DEFINITIONS, start=3):
        ws.cell(i, 1, i - 2).alignment = Alignment(vertical="top")
        ws.cell(i, 2, label).font = Font(name="宋体", size=10.5, bold=True)
        ws.cell(i, 2).alignment = Alignment(vertical="top")
        cell = ws.cell(i, 3, text)
        cell.font = Font(name="宋体", size=10.5)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[i].height = 15 * max(1, -(-len(text) // 48))
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 100
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.oddHeader.center.text = f"{data.centre_name}　{data.year}年{data.month}月统计月报"
    ws.oddFooter.right.text = "第 &P 页 共 &N 页"


def build_workbook(data: MonthlyStats):
    """An openpyxl Workbook with the sheets of :data:`SHEETS`."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    _summary(wb, data)
    _committee_sheet(wb, data)
    _breakdown_sheet(wb, data, "按纠纷类型", "分纠纷类型统计",
                     {code: f"{code} {name}" for code, name in DISPUTE_TYPES.items()}, "dispute_type", "纠纷类型")
    _breakdown_sheet(wb, data, "按来源", "分来源统计", dict(CASE_SOURCES), "source", "来源")
    _mediator_sheet(wb, data)
    _all_sheet(wb, data)
    _trend_sheet(wb, data)
    _definitions_sheet(wb, data)
    wb.properties.title = f"{data.centre_name}{data.year}年{data.month}月人民调解工作统计"
    wb.properties.creator = "调解超市前台"
    return wb


def write_workbook(data: MonthlyStats, out: str | os.PathLike | BinaryIO | None = None) -> bytes:
    """The workbook as .xlsx bytes (also written to ``out`` if given)."""
    buf = io.BytesIO()
    build_workbook(data).save(buf)
    content = buf.getvalue()
    if out is not None:
        if isinstance(out, str | os.PathLike):
            Path(out).write_bytes(content)
        else:
            out.write(content)
    return content
