"""The statistics workbook, reopened with openpyxl: sheets, values, number formats, print setup."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from core.stats_xlsx import SHEETS, build_workbook, write_workbook
from db.codes import CASE_SOURCES
from tests.unit.test_stats_definitions import sample_report


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    data = sample_report()
    path = tmp_path_factory.mktemp("xlsx") / "月报.xlsx"
    content = write_workbook(data, path)
    assert path.read_bytes() == content
    return data, openpyxl.load_workbook(path)


def _rows(ws) -> dict[str, list]:
    """Label in column A → the row's cells (from the header row down)."""
    out = {}
    for row in ws.iter_rows(min_row=4):
        if row[0].value is not None:
            out.setdefault(str(row[0].value), list(row))
    return out


def test_sheets_and_titles(workbook):
    data, wb = workbook
    assert wb.sheetnames == list(SHEETS)
    assert wb.sheetnames[:5] == ["汇总", "按委员会", "按纠纷类型", "按来源", "按调解员"]
    for ws in wb.worksheets:
        assert data.centre_name in ws["A1"].value and "2026年10月" in ws["A1"].value
    assert "一案一补" in wb["按调解员"]["A1"].value
    assert wb["汇总"]["A2"].value.startswith("统计期间：2026年10月1日至2026年10月31日")


def test_summary_values_and_formats(workbook):
    data, wb = workbook
    rows = _rows(wb["汇总"])
    header = [c.value for c in rows["指标"]]
    assert header == ["指标", "本月（2026年10月）", "上月（2026年9月）", "环比", "去年同月（2025年10月）", "同比"]
    cur, prev = data.current.total, data.previous.total
    received = rows["受理"]
    assert [c.value for c in received[:6]] == ["受理", cur.received, prev.received,
                                               pytest.approx(cur.received / prev.received - 1), 0, "—"]
    assert received[1].number_format == "#,##0" and received[3].number_format == "+0.0%;-0.0%;0.0%"
    rate = rows["调解成功率"]
    assert rate[1].value == pytest.approx(cur.success_rate) and rate[1].number_format == "0.0%"
    assert rate[3].value == pytest.approx(0.0) and "个百分点" in rate[3].number_format
    assert rate[4].value == "—"  # last year: nothing concluded
    money = rows["涉案金额（元）"]
    assert money[1].value == float(cur.amount_claimed) and money[1].number_format == "#,##0.00"
    assert Decimal(str(money[1].value)) == cur.amount_claimed
    assert rows["平均办结天数"][1].number_format == "0.0"
    assert rows["其中：书面协议"][1].value == cur.successful_written
    assert rows["口头协议"][1].value == cur.successful_oral
    # the definitions are printed under the table
    texts = [c.value for c in wb["汇总"]["A"] if isinstance(c.value, str)]
    assert any(t.startswith("1. 受理：") for t in texts) and any("单位负责人" in t for t in texts)


def test_committee_sheet(workbook):
    data, wb = workbook
    ws = wb["按委员会"]
    rows = _rows(ws)
    assert ws.cell(4, 1).value == "委员会" and ws.cell(5, 13).value == "本月"
    assert "A4:A5" in {str(r) for r in ws.merged_cells.ranges}
    cur, prev = data.current, data.previous
    for code, f in cur.by_committee.items():
        row = rows[cur.committee_names[code]]
        assert row[1].value == f.received and row[4].value == f.successful
        assert row[5].value == pytest.approx(f.success_rate)
        assert row[6].value == float(f.amount_claimed)
        assert row[12].value == f.received and row[13].value == prev.by_committee[code].received
    total = rows["合计"]
    assert total[1].value == cur.total.received and total[1].font.bold
    assert sum(rows[cur.committee_names[c]][1].value for c in cur.by_committee) == total[1].value


def test_type_source_mediator_and_all_sheets(workbook):
    data, wb = workbook
    types = _rows(wb["按纠纷类型"])
    assert types["14 道路交通事故"][1].value == data.current.by_type["14"].received
    assert types["01 婚姻家庭"][4].value == "—"  # no success rate without concluded cases
    sources = _rows(wb["按来源"])
    assert set(CASE_SOURCES.values()) <= set(sources)
    assert sources["当事人申请"][1].value == data.current.by_source["application"].received
    mediators = _rows(wb["按调解员"])
    assert mediators["方少华"][1].value == "交通事故" and mediators["方少华"][2].value == "tjy_traffic_1"
    assert mediators["李秀英"][3].value == 0  # listed with zeros: 一案一补 shows who did nothing
    assert "（未分配）" not in mediators
    assert mediators["合计"][5].value == data.current.total.successful
    everything = _rows(wb["全部指标"])
    assert everything["调解场次"][-1].value == data.current.total.sessions
    assert everything["平均等候（分钟）"][1].value == pytest.approx(data.current.by_committee["traffic"].avg_wait_minutes)
    trend = _rows(wb["近13个月"])
    assert trend["2026年10月"][1].value == data.current.total.received
    assert trend["2025年10月"][4].value == "—"


def test_print_setup(workbook):
    data, wb = workbook
    for name in SHEETS:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert int(ws.page_setup.paperSize) == 9, name  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, name
        assert data.centre_name in ws.oddHeader.center.text, name
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text, name
    for name in SHEETS[:-1]:
        ws = wb[name]
        assert ws.print_title_rows in ("$4:$4", "$4:$5"), name
        assert ws.freeze_panes in ("B5", "B6"), name
        assert ws.print_area, name
        assert ws.column_dimensions["A"].width >= 12, name
        header = ws.cell(4, 2)
        assert header.font.bold and header.border.left.style == "thin", name
    assert wb["按委员会"].print_title_rows == "$4:$5"


def test_in_memory_build_has_the_same_sheets():
    wb = build_workbook(sample_report())
    buf = io.BytesIO()
    wb.save(buf)
    assert openpyxl.load_workbook(io.BytesIO(buf.getvalue())).sheetnames == list(SHEETS)
