"""统计月报 PDF: the summary sentence, the tables and the footnotes as pdftotext reads them, the
page count, and the charts — with every chart label drawn in a font that has its characters."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.graphics.shapes import String

from core import stats
from core.documents import fonts
from core.documents.monthly_report import (
    build_monthly_report,
    chart_text,
    committee_chart,
    rate_trend_chart,
    report_title,
    trend_chart,
)
from core.stats import MediatorInfo
from tests.unit.test_stats_definitions import sample_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _text(pdf: Path, first: int | None = None, last: int | None = None, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[stats.MonthlyStats, Path]:
    data = sample_report()
    path = tmp_path_factory.mktemp("report") / "月报.pdf"
    build_monthly_report(data, today=date(2026, 11, 3), out=path)
    return data, path


def test_first_page_title_sentence_and_summary(report):
    data, pdf = report
    page1 = _flat(_text(pdf, 1))
    assert "衢州市衢江区专业调解中心" in page1 and "2026年10月人民调解工作统计月报" in page1
    assert "统计期间：2026年10月1日至2026年10月31日" in page1 and "报出日期：2026年11月3日" in page1
    assert _flat(stats.headline_sentence(data)) in page1
    cur, prev = data.current.total, data.previous.total
    page1 = _flat(_text(pdf, 1, layout=True))  # table rows stay on their lines
    # the summary table: 本月, 上月, 环比, 去年同月, 同比 on the first page
    for name in ("received", "successful", "success_rate", "amount_claimed", "fulfilment_rate", "satisfaction_rate",
                 "overdue", "avg_wait_minutes"):
        row = (stats.COLUMN_LABELS[name] + stats.fmt(name, cur.value(name)) + stats.fmt(name, prev.value(name))
               + stats.fmt_change(name, cur.value(name), prev.value(name)))
        assert _flat(row) in page1, name
    assert "单位负责人" in page1 and "制表人" in page1


def test_tables_by_committee_type_source_and_mediator(report):
    data, pdf = report
    text = _flat(_text(pdf, layout=True))
    cur = data.current
    for code, f in cur.by_committee.items():
        row = cur.committee_names[code] + "".join(stats.fmt(c, f.value(c)) for c in (
            "received", "accepted", "concluded", "successful", "success_rate", "amount_claimed", "amount_agreed",
            "fulfilment_rate", "satisfaction_rate", "avg_days", "overdue"))
        assert row in text, code
    t = cur.total
    assert ("合计" + stats.fmt("received", t.received) + stats.fmt("accepted", t.accepted)) in text
    # the comparison table: 受理 this month, last month, last year (empty: 0)
    traffic, prev_traffic = cur.by_committee["traffic"], data.previous.by_committee["traffic"]
    assert f"交通事故{traffic.received}{prev_traffic.received}0{traffic.successful}{prev_traffic.successful}0" in text
    assert "表3" in text and "14道路交通事故" in text and "99其他" in text
    assert "表4" in text and "当事人申请" in text and "热线/网上" in text
    assert "调解员工作量（一案一补依据）" in text and "方少华交通事故" in text and "李秀英医患、综合" in text
    assert "（未分配）" not in text  # nobody to pay for unassigned cases with nothing in the columns


def test_footnotes_carry_every_definition(report):
    _data, pdf = report
    text = _flat(_text(pdf))
    assert "指标说明" in text
    for i, (label, body) in enumerate(stats.DEFINITIONS, 1):
        assert _flat(f"{i}.{label}：{body}") in text, label


def test_page_count_numbers_and_metadata(report):
    data, pdf = report
    pages = _pages(pdf)
    assert pages == 5  # summary · charts · committees · types and sources · mediators and footnotes
    for n in range(1, pages + 1):
        assert f"第{n}页共{pages}页" in _flat(_text(pdf, n)), n
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert report_title(data) in info and "595.276 x 841.89" in info  # A4
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines()[2:]:
        assert line.split()[-5] == "yes", line  # every font embedded: no stray Helvetica from the charts


def test_charts_are_on_page_two(report):
    _data, pdf = report
    page2 = _flat(_text(pdf, 2))
    assert "二、统计图" in page2
    assert "图1" in page2 and "图2" in page2 and "图3" in page2
    for name in ("交通事故", "医患", "涉法涉诉", "综合", "受理", "调解成功", "办结", "10月", "2025年", "2026年"):
        assert name in page2, name


def _all_strings(node) -> list[String]:
    """Every String the drawing renders, the chart widgets' own labels included."""
    if hasattr(node, "provideNode"):  # a widget (chart, axis, label): what it draws
        node = node.provideNode()
    if isinstance(node, String):
        return [node]
    out = []
    for child in getattr(node, "contents", []):
        out.extend(_all_strings(child))
    return out


@pytest.mark.parametrize("make", [lambda d: committee_chart(d.current), trend_chart, rate_trend_chart])
def test_every_chart_label_is_drawn_in_a_font_that_has_it(make):
    data = sample_report()
    drawing = make(data)
    strings = _all_strings(drawing)
    assert strings
    fonts.ensure_fonts()
    seen = set()
    for s in strings:
        for ch in s.text:
            assert fonts.font_for(ch) == s.fontName, (s.text, ch, s.fontName)
        seen.add(s.fontName)
    assert fonts.FONT_MAIN in seen and fonts.FONT_LATIN in seen  # Chinese names and digits


def test_committee_labels_use_the_main_cjk_font():
    data = sample_report()
    strings = _all_strings(committee_chart(data.current))
    by_text = {s.text: s.fontName for s in strings}
    assert by_text["交通事故"] == fonts.FONT_MAIN and by_text["涉法涉诉"] == fonts.FONT_MAIN
    value = str(data.current.by_committee["traffic"].received)
    assert by_text[value] == fonts.FONT_LATIN


def test_chart_text_falls_back_per_character():
    group = chart_text(100, 10, "𠮷10月（%）", 8, anchor="middle")
    runs = [(s.text, s.fontName) for s in group.contents]
    rare = fonts.font_for("𠮷")
    assert rare in (fonts.FONT_RARE, fonts.FONT_RARE2)
    assert runs == [("𠮷", rare), ("10", fonts.FONT_LATIN), ("月（", fonts.FONT_MAIN),
                    ("%", fonts.FONT_LATIN), ("）", fonts.FONT_MAIN)]
    xs = [s.x for s in group.contents]
    assert xs == sorted(xs) and xs[0] < 100 < xs[-1]  # centred on x
    missing = chart_text(0, 0, "\ue000", 8, anchor="start")  # private use: no font has it
    assert [s.text for s in missing.contents] == [fonts.REPLACEMENT_CHAR]


def test_rare_characters_in_names_print(tmp_path):
    data = sample_report()
    mediators = dict(data.current.mediators)
    mediators["tjy_traffic_1"] = MediatorInfo("tjy_traffic_1", 7, "𠮷䶮", ("traffic",))
    names = dict(data.current.committee_names, general="综合𠮷")
    current = replace(data.current, mediators=mediators, committee_names=names)
    build_monthly_report(replace(data, current=current), out=tmp_path / "r.pdf")
    listing = subprocess.run(["pdffonts", str(tmp_path / "r.pdf")], capture_output=True, text=True,
                             check=True).stdout
    assert "TJRareHan" in listing  # the Ext-B character (table and chart label) came from the fallback font
    strings = _all_strings(committee_chart(current))
    assert any(s.text == "𠮷" and s.fontName == fonts.font_for("𠮷") for s in strings)


def test_empty_month_renders(tmp_path):
    data = sample_report()
    empty = replace(data.last_year, total=stats.Figures())
    zero_trend = tuple(replace(p, received=0, concluded=0, successful=0) for p in data.trend)
    blank = replace(data, current=replace(empty, date_from=data.current.date_from, date_to=data.current.date_to,
                                          by_committee={c: stats.Figures() for c in data.current.by_committee}),
                    previous=empty, trend=zero_trend)
    path = tmp_path / "empty.pdf"
    build_monthly_report(blank, out=path)
    text = _flat(_text(path))
    assert "共受理矛盾纠纷0件" in text and "调解成功率—" in text
    assert _pages(path) >= 5
