"""The queue ticket (取号凭条): what a walk-in takes away after taking a number.

Two outputs from the same :class:`TicketData`:

* :func:`ticket_pdf` — a PDF on thermal receipt paper (80 mm or 58 mm; the page is as
  tall as the content), printable on any printer or kept as a record;
* :func:`notice_text` and the other helpers here are shared with the ESC/POS adapter
  (:mod:`core.devices.printer`), so both say the same thing.

ReportLab is imported only when a PDF is built: :class:`TicketData` is a plain value
that the queue use cases build without loading the document engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["PAPER_WIDTHS", "TicketData", "ahead_text", "notice_text", "ticket_pdf"]

#: Paper width (mm) → page key of :data:`core.documents.engine.PAGE_SIZES`.
PAPER_WIDTHS: dict[int, str] = {80: "receipt-80", 58: "receipt-58"}


@dataclass(frozen=True)
class TicketData:
    """Everything printed on one ticket."""

    centre_name: str  # 衢州市衢江区专业调解中心
    service_name: str  # 医疗纠纷人民调解委员会
    service_short: str  # 医患
    label: str  # 医-003
    ahead: int  # waiting tickets in front of this one for the same service
    taken_at: datetime
    missed_after: int  # calls without answer before the ticket counts as missed
    phone: str = ""  # the centre's phone (Setting centre_phone), if set
    transferred_from: str = ""  # label of the ticket this one replaces (转窗口)


def ahead_text(ahead: int) -> str:
    return f"前面还有 {ahead} 人等候" if ahead > 0 else "前面无人等候，请留意叫号"


def notice_text(missed_after: int) -> str:
    """The missed-ticket rule in words: N calls without answer → missed."""
    return f"请留意叫号。叫号{missed_after}次未到视为过号，过号请到服务台重新取号。"


def taken_text(taken_at: datetime) -> str:
    return f"取号时间：{taken_at:%Y-%m-%d %H:%M}"


def ticket_pdf(data: TicketData, *, paper: int = 80, out=None) -> bytes:
    """The ticket as a one-page PDF on ``paper`` mm thermal paper (80 or 58)."""
    try:
        page = PAPER_WIDTHS[int(paper)]
    except (KeyError, ValueError):
        raise ValueError(f"票据纸宽只能是 80 或 58 毫米，不是 {paper!r}") from None
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable

    from core.documents.engine import para, render, spacer

    narrow = page == "receipt-58"
    # Every string goes through para(); a character no bundled font has becomes □
    # (logged) instead of stopping a visitor's ticket.
    p = dict(on_missing="replace")

    def rule(dash: bool = False) -> HRFlowable:
        return HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=3,
                          spaceAfter=3, dash=(2, 2) if dash else None)

    story = [
        para(data.centre_name, "receipt_title", fontSize=11 if narrow else 13, **p),
        para(data.service_name, "receipt_center", fontSize=9 if narrow else 10.5, **p),
        rule(),
        para("您的号码", "receipt_center", fontSize=8 if narrow else 9, **p),
        para(data.label, "receipt_big", fontSize=30 if narrow else 40, spaceBefore=4,
             spaceAfter=6, **p),
        para(ahead_text(data.ahead), "receipt_center", fontSize=10 if narrow else 11.5, **p),
    ]
    if data.transferred_from:
        story.append(para(f"（由 {data.transferred_from} 转入，按原取号时间排队）",
                          "receipt_center", fontSize=7.5 if narrow else 8.5, **p))
    story += [
        rule(dash=True),
        para(taken_text(data.taken_at), "receipt", fontSize=8 if narrow else 9, **p),
        para(notice_text(data.missed_after), "receipt", fontSize=8 if narrow else 9, **p),
    ]
    if data.phone:
        story.append(para(f"咨询电话：{data.phone}", "receipt", fontSize=8 if narrow else 9, **p))
    story += [spacer(4), para("请妥善保管此凭条", "receipt_small", align="center", **p)]
    return render(story, page=page, title=f"取号凭条 {data.label}", out=out)
