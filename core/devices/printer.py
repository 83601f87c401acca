"""Queue-ticket printers: ESC/POS thermal printers, with Chinese in GBK.

* :class:`TicketPrinter` — the interface the queue screen uses: ``print_ticket(data)``.
* :func:`ticket_escpos` — the ticket as an ESC/POS byte stream (no cut): Chinese text
  is sent in **Hanzi mode** (``FS &`` … ``FS .``) encoded in **GBK**, the number in a
  large size (``GS !``). Characters GBK cannot encode (𠮷 and other Ext-B ideographs,
  emoji) become ``?`` and are logged — a visitor's ticket is never refused for a name.
* :class:`SimulatedPrinter` — keeps the bytes it would send (``jobs``) and shows them
  as text (:func:`escpos_to_text`); for tests, demonstrations and PCs without a printer.
* :class:`EscposPrinter` — sends the same stream through python-escpos (USB, network,
  serial, or its ``Dummy`` in tests) and cuts the paper. python-escpos is imported
  only when such a printer is built; USB needs ``pyusb`` and serial needs ``pyserial``.
* :func:`printer_from_setting` — reads the ``ticket_printer`` Setting:
  ``escpos:usb:VID:PID`` (hex, e.g. ``escpos:usb:0416:5011``), ``escpos:net:HOST[:PORT]``,
  ``escpos:serial:DEVICE[:BAUD]``, ``simulated``; empty or ``pdf`` means no ESC/POS
  printer (the screen then saves and shows the PDF ticket).

Why not python-escpos' own ``text()``: its "magic" encoder picks single-byte code
pages and has no GBK; thermal printers sold in China print GB2312/GBK in Hanzi mode.
GB18030's four-byte sequences are not sent: most such printers do not know them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from core.documents.ticket import TicketData, ahead_text, notice_text, taken_text
from core.messages import msg

__all__ = [
    "CUT",
    "EscposPrinter",
    "PrinterError",
    "SimulatedPrinter",
    "TicketPrinter",
    "encode_gbk",
    "escpos_to_text",
    "printer_from_setting",
    "ticket_escpos",
]

log = logging.getLogger(__name__)

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
INIT = ESC + b"@"
HANZI_ON = FS + b"&"  # FS & — select Chinese (Hanzi) character mode
HANZI_OFF = FS + b"."  # FS . — cancel it
LF = b"\n"
#: Feed six lines and cut: exactly what python-escpos' ``cut()`` sends by default.
CUT = ESC + b"d\x06" + GS + b"V\x00"

_ALIGN = {"left": 0, "center": 1, "right": 2}
#: Characters per line in the printer's standard font (12×24 dots; a Hanzi takes two).
COLUMNS = {80: 48, 58: 32}


class PrinterError(RuntimeError):
    """The ticket could not be printed (message in Chinese, for the receptionist)."""


@runtime_checkable
class TicketPrinter(Protocol):
    def print_ticket(self, data: TicketData) -> None: ...


# ------------------------------------------------------------------- the byte stream


def encode_gbk(text: str) -> bytes:
    """``text`` in GBK; characters GBK lacks become ``?`` (and are logged)."""
    try:
        return text.encode("gbk")
    except UnicodeEncodeError:
        pass
    out = bytearray()
    missing = []
    for ch in text:
        try:
            out += ch.encode("gbk")
        except UnicodeEncodeError:
            out += b"?"
            missing.append(ch)
    log.warning("票据打印机无法打印这些字符（GBK 无此字），已用 ? 代替：%s",
                " ".join(f"{c} U+{ord(c):04X}" for c in missing))
    return bytes(out)


def _width(ch: str) -> int:
    """Printed cells: a GBK double-byte character takes two, ASCII (and '?') one."""
    try:
        return len(ch.encode("gbk"))
    except UnicodeEncodeError:
        return 1


def _wrap(text: str, columns: int) -> list[str]:
    """Break ``text`` into lines of at most ``columns`` half-width cells. A closing mark
    (，。）…) never starts a line: the character before it moves down with it."""
    closing = "，。、；：？！）》」』】〕…,.;:?!)"
    lines: list[str] = []
    line = ""
    for ch in text:
        if sum(_width(c) for c in line) + _width(ch) > columns and line:
            # Carry the trailing closing marks and the character before them down too.
            keep = len(line)
            if ch in closing:
                while keep > 0 and line[keep - 1] in closing:
                    keep -= 1
                keep -= 1
            if ch in closing and keep > 0:
                lines.append(line[:keep])
                line = line[keep:]
            else:
                lines.append(line)
                line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


def _size(width: int, height: int) -> bytes:
    """GS ! n: character size, ``width``/``height`` magnification 1–8."""
    return GS + b"!" + bytes([((width - 1) << 4) | (height - 1)])


def ticket_escpos(data: TicketData, *, paper: int = 80) -> bytes:
    """The ticket as ESC/POS commands, without the final cut."""
    if paper not in COLUMNS:
        raise ValueError(msg("票据纸宽只能是 80 或 58 毫米，不是 {paper!r}", paper=paper))
    columns = COLUMNS[paper]
    out = bytearray(INIT + HANZI_ON)

    def align(where: str) -> None:
        out.extend(ESC + b"a" + bytes([_ALIGN[where]]))

    def line(text: str = "", *, wrap: bool = True) -> None:
        for part in _wrap(text, columns) if wrap and text else [text]:
            out.extend(encode_gbk(part) + LF)

    align("center")
    out.extend(ESC + b"E\x01" + _size(1, 2))  # centre name: bold, double height
    line(data.centre_name)
    out.extend(ESC + b"E\x00" + _size(1, 1))
    line(data.service_name)
    line("-" * columns, wrap=False)
    line("您的号码")
    # The number as large as the paper allows: 4× on 80 mm, 3× on 58 mm.
    big = 4 if paper == 80 else 3
    out.extend(ESC + b"E\x01" + _size(big, big))
    line(data.label, wrap=False)
    out.extend(ESC + b"E\x00" + _size(1, 1))
    out.extend(LF)
    out.extend(_size(1, 2))
    line(ahead_text(data.ahead))
    out.extend(_size(1, 1))
    if data.transferred_from:
        line(f"（由 {data.transferred_from} 转入，按原取号时间排队）")
    line("- " * (columns // 2), wrap=False)
    align("left")
    line(taken_text(data.taken_at))
    line(notice_text(data.missed_after))
    if data.phone:
        line(f"咨询电话：{data.phone}")
    align("center")
    line("请妥善保管此凭条")
    out.extend(HANZI_OFF)
    return bytes(out)


def escpos_to_text(stream: bytes) -> str:
    """What a receipt printer would print for ``stream``, as plain text (for tests and
    the simulator's log). Text printed larger than normal is wrapped in 【】; a cut is
    shown as a line of scissors."""
    text: list[str] = []
    i, hanzi, big = 0, False, False
    n = len(stream)
    while i < n:
        b = stream[i]
        if b == 0x1B:  # ESC
            cmd = stream[i + 1:i + 2]
            if cmd == b"@":
                i += 2
            elif cmd in (b"a", b"E", b"!", b"-", b"M"):
                i += 3
            elif cmd == b"d":
                text.append("\n" * stream[i + 2])
                i += 3
            else:
                raise ValueError(f"unknown ESC command {cmd!r} at {i}")
        elif b == 0x1D:  # GS
            cmd = stream[i + 1:i + 2]
            if cmd == b"!":
                now_big = stream[i + 2] != 0
                if now_big != big:
                    text.append("【" if now_big else "】")
                big = now_big
                i += 3
            elif cmd == b"V":
                mode = stream[i + 2]
                i += 4 if mode in (65, 66) else 3
                text.append("\n✂-------- 切纸 --------\n")
            else:
                raise ValueError(f"unknown GS command {cmd!r} at {i}")
        elif b == 0x1C:  # FS
            cmd = stream[i + 1:i + 2]
            if cmd == b"&":
                hanzi = True
            elif cmd == b".":
                hanzi = False
            else:
                raise ValueError(f"unknown FS command {cmd!r} at {i}")
            i += 2
        elif b == 0x0A:
            text.append("\n")
            i += 1
        elif b >= 0x81 and hanzi and i + 1 < n:
            text.append(stream[i:i + 2].decode("gbk", errors="replace"))
            i += 2
        else:
            text.append(chr(b) if b < 0x80 else "?")
            i += 1
    # "【医-003\n】" → "【医-003】\n": the bracket closes on the line it belongs to.
    return "".join(text).replace("\n】", "】\n").replace("【】", "")


# ------------------------------------------------------------------------ printers


@dataclass
class SimulatedPrinter:
    """Records each ticket's ESC/POS bytes (with the cut) instead of printing them."""

    paper: int = 80
    jobs: list[bytes] = field(default_factory=list)
    description: str = "模拟打印机"

    def print_ticket(self, data: TicketData) -> None:
        stream = ticket_escpos(data, paper=self.paper) + CUT
        self.jobs.append(stream)
        log.info("模拟打印票据 %s（%d 字节）", data.label, len(stream))

    @property
    def output(self) -> bytes:
        return b"".join(self.jobs)

    def text(self, job: int = -1) -> str:
        return escpos_to_text(self.jobs[job]) if self.jobs else ""


class EscposPrinter:
    """A real ESC/POS printer through python-escpos (``device`` is an
    ``escpos.escpos.Escpos``: ``Usb``, ``Network``, ``Serial`` or ``Dummy``)."""

    def __init__(self, device: Any, *, paper: int = 80, description: str = "") -> None:
        if paper not in COLUMNS:
            raise ValueError(msg("票据纸宽只能是 80 或 58 毫米，不是 {paper!r}", paper=paper))
        self.device = device
        self.paper = paper
        self.description = description or type(device).__name__

    @classmethod
    def usb(cls, vendor_id: int, product_id: int, *, paper: int = 80) -> EscposPrinter:
        from escpos.printer import Usb

        return cls(Usb(vendor_id, product_id), paper=paper,
                   description=f"USB {vendor_id:04x}:{product_id:04x}")

    @classmethod
    def network(cls, host: str, port: int = 9100, *, paper: int = 80) -> EscposPrinter:
        from escpos.printer import Network

        return cls(Network(host, port=port, timeout=10), paper=paper,
                   description=msg("网络 {host}:{port}", host=host, port=port))

    @classmethod
    def serial(cls, devfile: str, baudrate: int = 9600, *, paper: int = 80) -> EscposPrinter:
        from escpos.printer import Serial

        return cls(Serial(devfile=devfile, baudrate=baudrate), paper=paper,
                   description=msg("串口 {device}", device=devfile))

    @classmethod
    def dummy(cls, *, paper: int = 80) -> EscposPrinter:
        from escpos.printer import Dummy

        return cls(Dummy(), paper=paper, description="Dummy")

    def print_ticket(self, data: TicketData) -> None:
        stream = ticket_escpos(data, paper=self.paper)
        try:
            self.device._raw(stream)  # python-escpos' raw channel: our GBK bytes as they are
            self.device.cut()
        except Exception as exc:  # noqa: BLE001 — every driver error becomes one message
            log.exception("ticket printer %s failed", self.description)
            raise PrinterError(msg(
                "票据打印机（{printer}）无法打印：{error}。"
                "请检查打印机电源、纸张和连接线，或改用 PDF 打印。", printer=self.description, error=str(exc)
            )) from exc
        finally:
            # Network and serial printers keep a connection; let the next ticket reopen it.
            close = getattr(self.device, "close", None)
            if close is not None and type(self.device).__name__ != "Dummy":
                try:
                    close()
                except Exception:  # noqa: BLE001 — closing a dead link is not an error
                    log.debug("closing %s failed", self.description, exc_info=True)
                self.device._device = False


def _hex_id(text: str) -> int:
    text = text.strip().lower().removeprefix("0x")
    if not text or len(text) > 4:
        raise ValueError(text)
    return int(text, 16)


def printer_from_setting(value: str | None, *, paper: int = 80) -> TicketPrinter | None:
    """The printer the ``ticket_printer`` Setting names, or None for the PDF ticket."""
    spec = (value or "").strip()
    if spec.lower() in ("", "pdf", "none"):
        return None
    if spec.lower() == "simulated":
        return SimulatedPrinter(paper=paper)
    parts = spec.split(":")
    if parts[0].lower() != "escpos" or len(parts) < 3:
        raise ValueError(msg("票据打印机设置无法识别：{spec}（例如 escpos:usb:0416:5011 或 "
                             "escpos:net:192.168.1.50）", spec=spec))
    kind = parts[1].lower()
    try:
        if kind == "usb" and len(parts) == 4:
            return EscposPrinter.usb(_hex_id(parts[2]), _hex_id(parts[3]), paper=paper)
        if kind == "net" and len(parts) in (3, 4):
            port = int(parts[3]) if len(parts) == 4 else 9100
            if not parts[2].strip() or not 0 < port < 65536:
                raise ValueError(spec)
            return EscposPrinter.network(parts[2].strip(), port, paper=paper)
        if kind == "serial" and len(parts) >= 3:
            # Windows: COM3; Linux: /dev/ttyUSB0; an optional last part is the baud rate.
            baud = 9600
            device = ":".join(parts[2:])
            if len(parts) >= 4 and parts[-1].isdigit():
                baud = int(parts[-1])
                device = ":".join(parts[2:-1])
            return EscposPrinter.serial(device, baud, paper=paper)
    except ValueError:
        pass
    raise ValueError(msg("票据打印机设置无法识别：{spec}（USB 写作 escpos:usb:厂商号:产品号，"
                         "十六进制；网络打印机写作 escpos:net:地址[:端口]）", spec=spec))
