"""统计月报 (A4): the director's monthly report for the 司法局.

Built from a :class:`core.stats.MonthlyStats` (no database access here):

1. title with the centre's name and the month, the month in one sentence
   (:func:`core.stats.headline_sentence`), the main figures with the previous month, the same
   month last year and the changes (环比 / 同比), and the sign-off line;
2. charts (reportlab.graphics): 受理 and 调解成功 by committee; the 13-month trend of 受理 / 办结 /
   调解成功 and of the success rate;
3. tables by committee (the month, then the comparisons), by dispute type, by source, and the
   mediators' workload (一案一补);
4. the definitions as numbered footnotes (:data:`core.stats.DEFINITIONS`).

Chart text goes through :func:`chart_text`: each run of characters is drawn in the first bundled
font that has it (TJMain for Chinese, TJLatin for digits and Latin), exactly like :func:`para`
does for paragraphs, so no label loses a character.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepInFrame, KeepTogether

from core.documents.engine import PAGE_SIZES, mm, page_break, para, render, spacer, styles, table
from core.documents.fonts import (
    FONT_LATIN,
    REPLACEMENT_CHAR,
    ensure_fonts,
    font_runs,
    normalize,
)
from core.stats import (
    COLUMN_LABELS,
    DEFINITIONS,
    FIGURE_LABELS,
    SUMMARY_ROWS,
    UNASSIGNED,
    Figures,
    MonthlyStats,
    Stats,
    fmt,
    fmt_change,
    headline_sentence,
    mediator_rows,
)
from db.codes import CASE_SOURCES, COMMITTEE_SHORT, DISPUTE_TYPES

__all__ = ["FRAME_WIDTH", "build_monthly_report", "chart_text", "committee_chart", "report_title",
           "trend_chart", "rate_trend_chart"]

FRAME_WIDTH = 165 * mm  # A4 minus the engine's margins (25 + 20 mm)

# Print-friendly colours (distinct in greyscale too).
C_RECEIVED = colors.HexColor("#4472C4")
C_CONCLUDED = colors.HexColor("#A5A5A5")
C_SUCCESS = colors.HexColor("#ED7D31")
C_RATE = colors.HexColor("#2E7D32")
C_GRID = colors.HexColor("#D9D9D9")


# ------------------------------------------------------------------------------ styles


def _derive(name: str, base: str, **kw) -> ParagraphStyle:
    parent = styles()[base]
    bold = kw.pop("tj_bold", getattr(parent, "tj_bold", 0))
    st = ParagraphStyle(name, parent=parent, **kw)
    st.tj_bold = bold  # a custom attribute: not inherited from the parent
    return st


_S: dict[str, ParagraphStyle] = {}


def _st(key: str) -> ParagraphStyle:
    if not _S:
        _S.update({
            "cell": _derive("mr_cell", "cell", fontSize=8.5, leading=11),
            "num": _derive("mr_num", "cell", fontSize=8.5, leading=11, alignment=TA_RIGHT),
            "total": _derive("mr_total", "cell", fontSize=8.5, leading=11, tj_bold=0.03),
            "total_num": _derive("mr_total_num", "cell", fontSize=8.5, leading=11, alignment=TA_RIGHT,
                                 tj_bold=0.03),
            "head": _derive("mr_head", "cell_head", fontSize=8.5, leading=11),
            "summary_cell": _derive("mr_scell", "cell", fontSize=9.5, leading=12),
            "summary_num": _derive("mr_snum", "cell", fontSize=9.5, leading=12, alignment=TA_RIGHT),
            "summary_head": _derive("mr_shead", "cell_head", fontSize=9.5, leading=12),
            "section": _derive("mr_section", "heading", fontSize=13, leading=19, spaceBefore=6, spaceAfter=4),
            "caption": _derive("mr_caption", "center", fontSize=10, leading=14, spaceAfter=2, tj_bold=0.02),
            "note": _derive("mr_note", "small", fontSize=8.5, leading=12.5, alignment=TA_LEFT),
            "meta": _derive("mr_meta", "center", fontSize=10.5, leading=15, spaceAfter=6),
            "lead": _derive("mr_lead", "body_indent", fontSize=11.5, leading=19.5),
            "sign": _derive("mr_sign", "body", fontSize=10.5, leading=16, alignment=TA_LEFT),
            "unit": _derive("mr_unit", "small", fontSize=8.5, leading=11, alignment=TA_RIGHT),
        })
    return _S[key]


# ------------------------------------------------------------------------------ chart text


def chart_text(x: float, y: float, text: str, size: float = 8, *, anchor: str = "middle",
               color=colors.black) -> Group:
    """A chart label in as many Strings as it has font runs (TJMain for Chinese, TJLatin for
    digits/Latin, the rare-character fonts when needed); characters no font has become □."""
    ensure_fonts()
    runs = []
    for font, run in font_runs(normalize(text).replace("\n", " ")):
        if font is None:
            font, run = FONT_LATIN, REPLACEMENT_CHAR * len(run)
        runs.append((font, run, stringWidth(run, font, size)))
    width = sum(w for _f, _r, w in runs)
    start = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    group = Group()
    for font, run, w in runs:
        group.add(String(start, y, run, fontName=font, fontSize=size, fillColor=color, textAnchor="start"))
        start += w
    return group


def _nice_max(value: float) -> tuple[float, float]:
    """An axis maximum and step for values up to ``value`` (at least 1)."""
    value = max(float(value), 1.0)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000,
                 50000, 100000, 200000, 250000, 500000, 1000000):
        if value / step <= 6:
            top = step * -(-value // step)
            return top, step
    step = 10 ** len(str(int(value)))
    return step * -(-value // step), step


def _drawing(width: float, height: float) -> Drawing:
    d = Drawing(width, height)
    # The renderer sets this font first: a bundled TrueType one, so the PDF refers to no
    # unembedded Helvetica.
    d.initialFontName = FONT_LATIN
    return d


def _legend(drawing: Drawing, x: float, y: float, items: Sequence[tuple[str, object, str]]) -> None:
    """Legend entries (label, colour, "bar"|"line") from ``x`` to the right."""
    for label, color, kind in items:
        if kind == "bar":
            drawing.add(Rect(x, y - 1, 9, 7, fillColor=color, strokeColor=None))
        else:
            drawing.add(Rect(x, y + 2, 12, 1.6, fillColor=color, strokeColor=None))
        text = chart_text(x + 15, y, label, 8, anchor="start")
        drawing.add(text)
        x += 15 + text.getBounds()[2] - text.getBounds()[0] + 14


def _value_axis(axis, top: float, step: float, fmt_label=lambda v: f"{int(v):,}") -> None:
    axis.valueMin = 0
    axis.valueMax = top
    axis.valueStep = step
    axis.labels.fontName = FONT_LATIN  # numbers only
    axis.labels.fontSize = 7
    axis.labelTextFormat = fmt_label
    axis.visibleGrid = 1
    axis.gridStrokeColor = C_GRID
    axis.gridStrokeWidth = 0.4
    axis.strokeWidth = 0.5


def committee_chart(stats: Stats, width: float = FRAME_WIDTH, height: float = 190) -> Drawing:
    """受理 and 调解成功 by committee (grouped bars, with the values on top)."""
    codes = list(stats.by_committee)
    names = [stats.committee_names.get(c) or COMMITTEE_SHORT.get(c, c) for c in codes]
    received = [stats.by_committee[c].received for c in codes]
    successful = [stats.by_committee[c].successful for c in codes]
    d = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 50, height - 58
    chart.data = [received, successful]
    chart.categoryAxis.categoryNames = [""] * len(codes)
    chart.categoryAxis.visibleLabels = 0
    chart.categoryAxis.strokeWidth = 0.5
    top, step = _nice_max(max(received + successful + [0]) * 1.12)
    _value_axis(chart.valueAxis, top, step)
    chart.groupSpacing = 6
    chart.barSpacing = 1
    chart.bars[0].fillColor = C_RECEIVED
    chart.bars[1].fillColor = C_SUCCESS
    for i in (0, 1):
        chart.bars[i].strokeColor = None
    # Values on the bars when they fit over them (at 6 pt, or 5 pt); otherwise the tables have them.
    bar_w = chart.width / max(len(codes), 1) / 2 - chart.groupSpacing / 2
    widest = max((f"{v:,}" for v in received + successful), key=len, default="")
    size = next((sz for sz in (6, 5.5) if stringWidth(widest, FONT_LATIN, sz) <= bar_w - 1), None)
    if size is not None:
        chart.barLabelFormat = lambda v: f"{int(v):,}"
        chart.barLabels.fontName = FONT_LATIN
        chart.barLabels.fontSize = size
        chart.barLabels.nudge = 5
    d.add(chart)
    slot = chart.width / max(len(codes), 1)
    for i, name in enumerate(names):
        size = 8 if len(name) <= 4 else 7
        d.add(chart_text(chart.x + (i + 0.5) * slot, chart.y - 12, name, size))
    _legend(d, chart.x, height - 14, [("受理", C_RECEIVED, "bar"), ("调解成功", C_SUCCESS, "bar")])
    d.add(chart_text(chart.x - 4, chart.y + chart.height + 6, "件", 7.5, anchor="end"))
    return d


def _month_labels(d: Drawing, chart, points) -> None:
    n = len(points)
    slot = chart.width / max(n, 1)
    for i, p in enumerate(points):
        x = chart.x + (i + 0.5) * slot
        d.add(chart_text(x, chart.y - 11, f"{p.month}月", 7.5))
        if i == 0 or p.month == 1:
            d.add(chart_text(x, chart.y - 21, f"{p.year}年", 7))


def trend_chart(data: MonthlyStats, width: float = FRAME_WIDTH, height: float = 175) -> Drawing:
    """受理 / 办结 / 调解成功 for the 13 months ending with the report's month."""
    points = data.trend
    series = [[p.received for p in points], [p.concluded for p in points], [p.successful for p in points]]
    d = _drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 34
    chart.width, chart.height = width - 50, height - 60
    chart.data = series
    chart.categoryAxis.categoryNames = [""] * len(points)
    chart.categoryAxis.visibleLabels = 0
    chart.categoryAxis.strokeWidth = 0.5
    top, step = _nice_max(max(max(s) for s in series) * 1.1 if points else 1)
    _value_axis(chart.valueAxis, top, step)
    for i, color in enumerate((C_RECEIVED, C_CONCLUDED, C_SUCCESS)):
        chart.lines[i].strokeColor = color
        chart.lines[i].strokeWidth = 1.6
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3.2, fillColor=color, strokeColor=color)
    d.add(chart)
    _month_labels(d, chart, points)
    _legend(d, chart.x, height - 14,
            [("受理", C_RECEIVED, "line"), ("办结", C_CONCLUDED, "line"), ("调解成功", C_SUCCESS, "line")])
    d.add(chart_text(chart.x - 4, chart.y + chart.height + 6, "件", 7.5, anchor="end"))
    return d


def rate_trend_chart(data: MonthlyStats, width: float = FRAME_WIDTH, height: float = 130) -> Drawing:
    """The success rate (%) for the same 13 months; months with nothing concluded are gaps."""
    points = data.trend
    values = [None if p.success_rate is None else round(p.success_rate * 100, 1) for p in points]
    d = _drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 34
    chart.width, chart.height = width - 50, height - 56
    chart.data = [[v if v is not None else None for v in values]]
    chart.categoryAxis.categoryNames = [""] * len(points)
    chart.categoryAxis.visibleLabels = 0
    chart.categoryAxis.strokeWidth = 0.5
    known = [v for v in values if v is not None]
    low = max(0, (int(min(known)) // 10) * 10 - 10) if known else 0
    _value_axis(chart.valueAxis, 100, 10 if low >= 50 else 20, lambda v: f"{int(v)}%")
    chart.valueAxis.valueMin = low
    chart.lines[0].strokeColor = C_RATE
    chart.lines[0].strokeWidth = 1.6
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3.2, fillColor=C_RATE, strokeColor=C_RATE)
    if len(known) < 2:  # a line needs two points; a lone value still gets its marker and label
        chart.lines[0].strokeColor = None
    d.add(chart)
    slot = chart.width / max(len(points), 1)
    span = chart.valueAxis.valueMax - chart.valueAxis.valueMin
    for i, v in enumerate(values):
        if v is not None:
            y = chart.y + (v - chart.valueAxis.valueMin) / span * chart.height
            d.add(chart_text(chart.x + (i + 0.5) * slot, y + 5, f"{v:.1f}", 6.5))
    _month_labels(d, chart, points)
    _legend(d, chart.x, height - 14, [("调解成功率（%）", C_RATE, "line")])
    return d


# ------------------------------------------------------------------------------ tables


def _cell(text: str, key: str = "cell"):
    return para(text, _st(key), on_missing="replace")


def _grid(rows: list[list], widths: Sequence[float], *, header_rows: int = 1, extra: Sequence[tuple] = (),
          total: bool = True, pad: tuple[float, float] = (2, 3)):
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), pad[0]),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad[1]),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#EBEBEB")),
    ]
    if total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F5F5F5")))
    t = table(rows, list(widths), header=True, extra_style=[*style, *extra])
    t.repeatRows = header_rows
    return t


def _heads(labels: Sequence[str], key: str = "head") -> list:
    return [_cell(label, key) for label in labels]


def summary_table(data: MonthlyStats):
    cur, prev, ly = data.current.total, data.previous.total, data.last_year.total
    rows = [_heads(["指标", f"本月\n{data.label}", f"上月\n{data.previous_label}", "环比",
                    f"去年同月\n{data.last_year_label}", "同比"], "summary_head")]
    for name in SUMMARY_ROWS:
        values = (cur.value(name), prev.value(name), ly.value(name))
        label = COLUMN_LABELS[name]
        if name in ("successful_written", "successful_oral"):
            label = "　其中：" + FIGURE_LABELS[name] if name == "successful_written" else "　　　　" + FIGURE_LABELS[name]
        rows.append([
            _cell(label, "summary_cell"),
            _cell(fmt(name, values[0]), "summary_num"),
            _cell(fmt(name, values[1]), "summary_num"),
            _cell(fmt_change(name, values[0], values[1]), "summary_num"),
            _cell(fmt(name, values[2]), "summary_num"),
            _cell(fmt_change(name, values[0], values[2]), "summary_num"),
        ])
    widths = [40 * mm, 23 * mm, 23 * mm, 28 * mm, 23 * mm, 28 * mm]
    return _grid(rows, widths, total=False, pad=(1.5, 2.5))


_COMMITTEE_COLUMNS = ("received", "accepted", "concluded", "successful", "success_rate", "amount_claimed",
                      "amount_agreed", "fulfilment_rate", "satisfaction_rate", "avg_days", "overdue")


def _text_width(text: str, size: float) -> float:
    return sum(stringWidth(run, font or FONT_LATIN, size) for font, run in font_runs(normalize(text))
               if font != "\n")


def _size_styles(size: float) -> dict[str, ParagraphStyle]:
    key = f"size{size}"
    if key not in _S:
        lead = size * 1.3
        _S[key] = {
            "cell": _derive(f"mr_cell{size}", "cell", fontSize=size, leading=lead),
            "num": _derive(f"mr_num{size}", "cell", fontSize=size, leading=lead, alignment=TA_RIGHT),
            "total": _derive(f"mr_total{size}", "cell", fontSize=size, leading=lead, tj_bold=0.03),
            "total_num": _derive(f"mr_tnum{size}", "cell", fontSize=size, leading=lead, alignment=TA_RIGHT,
                                 tj_bold=0.03),
            "head": _derive(f"mr_head{size}", "cell_head", fontSize=size, leading=lead),
        }
    return _S[key]


_PAD = 7.0  # left + right cell padding and a little air (points)


def _fitted(head: list[list[str]], body: list[list[str]], *, text_cols: int, totals: int = 1,
            extra: Sequence[tuple] = ()):
    """A table whose columns are as wide as their numbers need (headers wrap onto two lines), in
    the largest font size from 8.5 pt down that fits the page width; the spare width goes to all
    columns alike. ``body``'s last ``totals`` rows are totals (bold); the first ``text_cols``
    columns are text (left-aligned), the rest numbers (right-aligned)."""
    ncols = len(body[0]) if body else len(head[0])
    for size in (8.5, 8.0, 7.5, 7.0, 6.5, 6.0):
        need = []
        for c in range(ncols):
            data = max((_text_width(r[c], size) for r in body), default=0) + _PAD
            words = max((_text_width(h[c], size) for h in head), default=0)
            need.append(max(data, words / 2 + size + _PAD if c >= text_cols else data))
        if sum(need) <= FRAME_WIDTH or size == 6.0:
            break
    spare = max(0.0, FRAME_WIDTH - sum(need))
    widths = [w + spare / ncols for w in need]
    st = _size_styles(size)
    rows = [[para(h, st["head"], on_missing="replace") for h in line] for line in head]
    for i, line in enumerate(body):
        total = i >= len(body) - totals
        rows.append([para(v, st["total" if total else "cell"] if c < text_cols else
                          st["total_num" if total else "num"], on_missing="replace")
                     for c, v in enumerate(line)])
    return _grid(rows, widths, header_rows=len(head), extra=extra, total=totals > 0)


def _breakdown_table(labels: dict[str, str], breakdown: dict[str, Figures], total: Figures,
                     columns: Sequence[str], first: str):
    body = [[label, *(fmt(c, breakdown.get(code, Figures()).value(c)) for c in columns)]
            for code, label in labels.items()]
    body.append(["合计", *(fmt(c, total.value(c)) for c in columns)])
    return _fitted([[first, *(COLUMN_LABELS[c] for c in columns)]], body, text_cols=1)


def committee_table(stats: Stats):
    labels = {c: stats.committee_names.get(c) or COMMITTEE_SHORT.get(c, c) for c in stats.by_committee}
    return _breakdown_table(labels, dict(stats.by_committee), stats.total, _COMMITTEE_COLUMNS, "委员会")


def comparison_table(data: MonthlyStats, labels: dict[str, str], axis: str, first: str):
    """受理 / 调解成功 / 成功率, each for the month, the previous month and the same month last year."""
    cur, prev, ly = (data.current.breakdown(axis), data.previous.breakdown(axis), data.last_year.breakdown(axis))
    figures = ("received", "successful", "success_rate")
    head1, head2 = [first], [""]
    for name in figures:
        head1 += [FIGURE_LABELS[name], "", ""]
        head2 += ["本月", "上月", "去年同月"]

    def line(label: str, fs: tuple[Figures, Figures, Figures]) -> list[str]:
        return [label, *(fmt(name, f.value(name)) for name in figures for f in fs)]

    body = [line(label, (cur.get(code, Figures()), prev.get(code, Figures()), ly.get(code, Figures())))
            for code, label in labels.items()]
    body.append(line("合计", (data.current.total, data.previous.total, data.last_year.total)))
    spans = [("SPAN", (0, 0), (0, 1))] + [("SPAN", (1 + 3 * i, 0), (3 + 3 * i, 0)) for i in range(3)]
    return _fitted([head1, head2], body, text_cols=1, extra=spans)


_TYPE_COLUMNS = ("received", "concluded", "successful", "success_rate", "amount_claimed", "amount_agreed",
                 "fulfilment_rate", "satisfaction_rate", "avg_days")


def type_table(stats: Stats):
    labels = {code: f"{code} {name}" for code, name in DISPUTE_TYPES.items()}
    return _breakdown_table(labels, dict(stats.by_type), stats.total, _TYPE_COLUMNS, "纠纷类型")


def source_table(stats: Stats):
    return _breakdown_table(dict(CASE_SOURCES), dict(stats.by_source), stats.total, _TYPE_COLUMNS, "来源")


_MEDIATOR_COLUMNS = ("accepted", "concluded", "successful", "success_rate", "avg_days", "sessions", "amount_agreed")


def mediator_table(stats: Stats):
    body = []
    for r in mediator_rows(stats):
        f = stats.by_mediator[r.key]
        if r.key == UNASSIGNED and not any(f.value(c) for c in _MEDIATOR_COLUMNS):
            continue  # cases nobody has taken on yet: nothing to pay for
        committees = "、".join(stats.committee_names.get(c) or COMMITTEE_SHORT.get(c, c) for c in r.committees)
        body.append([r.name, committees or "—", *(fmt(c, f.value(c)) for c in _MEDIATOR_COLUMNS)])
    body.append(["合计", "", *(fmt(c, stats.total.value(c)) for c in _MEDIATOR_COLUMNS)])
    head = [["调解员", "所属委员会", *(COLUMN_LABELS[c] for c in _MEDIATOR_COLUMNS)]]
    return _fitted(head, body, text_cols=2)


# ------------------------------------------------------------------------------ the report


def report_title(data: MonthlyStats) -> str:
    return f"{data.centre_name}{data.year}年{data.month}月人民调解工作统计月报"


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _section(text: str):
    return para(text, _st("section"))


def _unit(text: str):
    return para(text, _st("unit"))


def build_monthly_report(data: MonthlyStats, *, today: date | None = None, out=None) -> bytes:
    """The monthly report as PDF bytes (also written to ``out`` if given)."""
    today = today or date.today()
    cur = data.current
    first_page = [
        para(data.centre_name, "subtitle"),
        para(f"{data.year}年{data.month}月人民调解工作统计月报", "title"),
        para(f"统计期间：{_cn(cur.date_from)}至{_cn(cur.date_to)}　　报出日期：{_cn(today)}", _st("meta")),
        para(headline_sentence(data), _st("lead")),
        spacer(2 * mm),
        _section("一、主要指标"),
        summary_table(data),
        spacer(2 * mm),
        para("注：金额单位为万元；环比、同比为增减百分比，比率类指标为增减百分点，平均天数、平均等候为增减值。"
             "指标口径见文末“指标说明”。", _st("note")),
        spacer(4 * mm),
        para("单位负责人：__________　　审核人：__________　　制表人：__________　　（盖章）", _st("sign")),
    ]
    spec = PAGE_SIZES["A4"]
    story: list = [
        # The summary is one page, to be signed: scaled down a little if a long sentence or
        # wide numbers would push the sign-off line over.
        KeepInFrame(spec.frame_width, spec.height - spec.top - spec.bottom - 2, first_page, mode="shrink"),
        page_break(),
        _section("二、统计图"),
        para(f"图1　{data.label}各委员会受理与调解成功件数", _st("caption")),
        committee_chart(cur),
        spacer(4 * mm),
        para("图2　近13个月受理、办结与调解成功件数", _st("caption")),
        trend_chart(data),
        spacer(3 * mm),
        para("图3　近13个月调解成功率", _st("caption")),
        rate_trend_chart(data),
        page_break(),
        _section("三、分委员会统计"),
        para(f"表1　{data.label}各委员会主要指标", _st("caption")),
        _unit("单位：件"),
        committee_table(cur),
        spacer(5 * mm),
        KeepTogether([
            para("表2　各委员会与上月、去年同月比较", _st("caption")),
            _unit("单位：件"),
            comparison_table(data, {c: cur.committee_names.get(c) or COMMITTEE_SHORT.get(c, c)
                                    for c in cur.by_committee}, "committee", "委员会"),
        ]),
        page_break(),
        _section("四、分纠纷类型统计"),
        para(f"表3　{data.label}各类纠纷主要指标", _st("caption")),
        _unit("单位：件"),
        type_table(cur),
        spacer(5 * mm),
        KeepTogether([
            _section("五、分来源统计"),
            para(f"表4　{data.label}各来源纠纷主要指标", _st("caption")),
            _unit("单位：件"),
            source_table(cur),
        ]),
        page_break(),
        _section("六、调解员工作量（一案一补依据）"),
        para(f"表5　{data.label}调解员工作量", _st("caption")),
        _unit("单位：件、场"),
        mediator_table(cur),
        spacer(2 * mm),
        para("注：按案件第一承办调解员统计；调解场次计入主持该场调解的调解员。", _st("note")),
        spacer(6 * mm),
        KeepTogether([_section("指标说明"), *_footnotes()]),
    ]
    return render(story, title=report_title(data), author=data.centre_name,
                  header=f"{data.centre_name}　{data.year}年{data.month}月统计月报",
                  footer=data.centre_name, page_numbers=True, out=out)


def _footnotes() -> list:
    return [para(f"{i}. {label}：{text}", _st("note")) for i, (label, text) in enumerate(DEFINITIONS, 1)]
