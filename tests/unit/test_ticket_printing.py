"""Queue tickets: the PDF on 80/58 mm paper and the ESC/POS byte stream (GBK, Hanzi mode,
large number, cut) through the simulator and python-escpos' Dummy printer (domain.md §9)."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.devices import printer as printer_module
from core.devices.printer import (
    CUT,
    HANZI_OFF,
    HANZI_ON,
    EscposPrinter,
    PrinterError,
    SimulatedPrinter,
    TicketPrinter,
    _wrap,
    encode_gbk,
    printer_from_setting,
    ticket_escpos,
)
from core.documents.ticket import TicketData, notice_text, ticket_pdf

CENTRE = "衢州市衢江区专业调解中心"


def ticket(**changes) -> TicketData:
    values = dict(centre_name=CENTRE, service_name="医疗纠纷人民调解委员会", service_short="医患",
                  label="医-003", ahead=2, taken_at=datetime(2026, 11, 2, 9, 15), missed_after=3,
                  phone="0570-3456789")
    values.update(changes)
    return TicketData(**values)


# ----------------------------------------------------------------------- ESC/POS


def test_dummy_printer_gets_gbk_in_hanzi_mode_a_large_number_and_a_cut():
    p = EscposPrinter.dummy()
    p.print_ticket(ticket())
    out = p.device.output
    on, off = out.index(b"\x1c\x26"), out.rindex(b"\x1c\x2e")
    centre = out.index(CENTRE.encode("gbk"))
    number = out.index("医-003".encode("gbk"))
    assert on < centre < number < off
    assert out[number - 3:number] == b"\x1d!\x33"  # GS ! — 4× wide and high on 80 mm
    assert out.index(b"\x1d!\x00", number) > number  # back to normal size after the number
    assert out.endswith(b"\x1bd\x06\x1dV\x00")  # feed and cut, from python-escpos' cut()
    assert off < out.rindex(b"\x1dV\x00")
    assert "前面还有 2 人等候".encode("gbk") in out
    assert "咨询电话：0570-3456789".encode("gbk") in out


def test_the_simulator_sends_what_python_escpos_sends():
    sim = SimulatedPrinter()
    sim.print_ticket(ticket())
    dummy = EscposPrinter.dummy()
    dummy.print_ticket(ticket())
    assert sim.output == dummy.device.output
    assert isinstance(sim, TicketPrinter) and isinstance(dummy, TicketPrinter)
    assert sim.output.endswith(CUT) and sim.output.count(HANZI_ON) == sim.output.count(HANZI_OFF) == 1


def test_the_simulator_shows_the_ticket_as_text():
    sim = SimulatedPrinter(paper=58)
    sim.print_ticket(ticket(ahead=0))
    text = sim.text()
    assert f"【{CENTRE}】" in text
    assert "【医-003】" in text
    assert "前面无人等候" in text
    assert "叫号3次未到视为过号" in text.replace("\n", "")
    assert "切纸" in text.splitlines()[-1]
    # 58 mm paper: 32 half-width cells (a Hanzi takes two) per line.
    body = [line for line in text.splitlines() if line and "【" not in line and "切纸" not in line]
    assert all(len(line.encode("gbk")) <= 32 for line in body)
    assert sim.output[sim.output.index("医-003".encode("gbk")) - 3:][:3] == b"\x1d!\x22"


def test_characters_gbk_cannot_encode_become_question_marks_and_are_logged(caplog):
    sim = SimulatedPrinter()
    with caplog.at_level(logging.WARNING, logger="core.devices.printer"):
        sim.print_ticket(ticket(centre_name="衢江区𠮷调解中心", transferred_from="综-001"))
    assert "衢江区?调解中心".encode("gbk") in sim.output
    assert "U+20BB7" in caplog.text
    assert "由 综-001 转入" in sim.text()


@settings(deadline=None)  # timing varies on a loaded CI machine; the property does not
@given(st.text(max_size=80))
def test_gbk_encoding_never_fails_and_keeps_what_gbk_can_say(text):
    out = encode_gbk(text)
    decoded = out.decode("gbk")
    assert len(decoded) == len(text)
    for original, printed in zip(text, decoded, strict=True):
        try:
            original.encode("gbk")
        except UnicodeEncodeError:
            assert printed == "?"
        else:
            assert printed == original


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("调解中心医患ab1 ，。？（）—")), max_size=120),
       st.sampled_from([32, 48]))
def test_wrapped_lines_fit_the_paper_and_lose_nothing(text, columns):
    lines = _wrap(text, columns)
    assert "".join(lines) == text
    for i, line in enumerate(lines):
        assert len(encode_gbk(line)) <= columns
        # A closing mark starts a line only after a line of nothing but closing marks.
        assert i == 0 or line[0] not in "，。？）" or set(lines[i - 1]) <= set("，。？）")


def test_a_printer_error_is_explained_in_chinese():
    class Unplugged:
        def _raw(self, _data):
            raise OSError("USB device not found")

        def cut(self):
            raise AssertionError("not reached")

        def close(self):
            pass

    with pytest.raises(PrinterError, match="票据打印机.*无法打印：USB device not found"):
        EscposPrinter(Unplugged(), description="USB 0416:5011").print_ticket(ticket())


def test_paper_width_is_80_or_58():
    with pytest.raises(ValueError, match="80 或 58"):
        ticket_escpos(ticket(), paper=76)
    with pytest.raises(ValueError, match="80 或 58"):
        ticket_pdf(ticket(), paper=76)


# -------------------------------------------------------------------- the Setting


def test_printer_setting_is_parsed(monkeypatch):
    made = []
    monkeypatch.setattr(EscposPrinter, "usb", classmethod(lambda cls, v, p, paper=80: made.append(("usb", v, p, paper))))
    monkeypatch.setattr(EscposPrinter, "serial",
                        classmethod(lambda cls, d, b=9600, paper=80: made.append(("serial", d, b, paper))))
    assert printer_from_setting(None) is None
    assert printer_from_setting(" pdf ") is None
    assert isinstance(printer_from_setting("simulated", paper=58), SimulatedPrinter)
    printer_from_setting("escpos:usb:0416:5011", paper=58)
    printer_from_setting("escpos:usb:0x04B8:0x0E15")
    printer_from_setting("escpos:serial:COM3")
    printer_from_setting("escpos:serial:/dev/ttyUSB0:19200")
    assert made == [("usb", 0x0416, 0x5011, 58), ("usb", 0x04B8, 0x0E15, 80),
                    ("serial", "COM3", 9600, 80), ("serial", "/dev/ttyUSB0", 19200, 80)]
    net = printer_from_setting("escpos:net:192.168.1.50")
    assert (net.device.host, net.device.port, net.description) == ("192.168.1.50", 9100, "网络 192.168.1.50:9100")
    assert printer_from_setting("escpos:net:10.0.0.7:9101").device.port == 9101
    for bad in ("escpos:usb:0416", "escpos:usb:xyz:5011", "escpos:net:", "escpos:net:h:99999",
                "epson", "escpos:bluetooth:1"):
        with pytest.raises(ValueError, match="票据打印机设置无法识别"):
            printer_from_setting(bad)


def test_escpos_is_imported_only_for_a_real_printer():
    source = Path(printer_module.__file__).read_text("utf-8")
    assert not re.search(r"^(from|import) escpos", source, re.MULTILINE)


# -------------------------------------------------------------------------- PDF

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils missing")


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    src = tmp_path / "t.pdf"
    src.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(src), "-"], check=True,
                          capture_output=True, text=True).stdout


def _page_size_mm(pdf: bytes) -> tuple[float, float]:
    m = re.search(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]", pdf)
    x0, y0, x1, y1 = (float(v) for v in m.groups())
    return (x1 - x0) / 72 * 25.4, (y1 - y0) / 72 * 25.4


@needs_poppler
@pytest.mark.parametrize("paper", [80, 58])
def test_pdf_ticket_on_receipt_paper(paper, tmp_path):
    pdf = ticket_pdf(ticket(transferred_from="综-001"), paper=paper)
    width, height = _page_size_mm(pdf)
    assert width == pytest.approx(paper, abs=0.1)
    assert 60 < height < 160  # one short slip, as tall as its content
    text = re.sub(r"\s+", "", _pdftotext(pdf, tmp_path))
    for expected in (CENTRE, "医疗纠纷人民调解委员会", "医-003", "前面还有2人等候",
                     "取号时间：2026-11-0209:15", re.sub(r"\s+", "", notice_text(3)),
                     "咨询电话：0570-3456789", "由综-001转入"):
        assert expected in text, expected


@needs_poppler
def test_pdf_ticket_without_phone_and_with_a_rare_character(tmp_path):
    pdf = ticket_pdf(ticket(phone="", centre_name="衢江区𠮷调解中心", ahead=0), paper=58)
    text = _pdftotext(pdf, tmp_path)
    assert "咨询电话" not in text
    assert "前面无人等候" in re.sub(r"\s+", "", text)
