"""Document engine: every printed document (slips, tickets, forms, agreements, reports).

Qt-free, on ReportLab platypus with the bundled fonts (see :mod:`core.documents.fonts`).

Typical use::

    from core.documents.engine import para, table, signature_block, checkbox, render

    pdf = render(
        [
            para("人民调解协议书", "title"),
            para(f"申请人：{name}　身份证号：{id_number}", "body"),
            para(long_text, "body_indent"),
            table([["项目", "金额（元）"], ["赔偿款", "12,345.00"]], [300, 168]),
            para(checkbox("履行完毕", True) + "　" + checkbox("分期履行", False)),
            signature_block("申请人", "被申请人", columns=2),
        ],
        title="人民调解协议书",
        footer="××县人民调解中心",
        out="协议书.pdf",
    )

Text in, PDF out:

* :func:`para` takes *plain text* (never markup): ``& < >`` are escaped, ``\\n`` is a
  line break, spaces are kept as typed, each character goes to the first bundled font
  that has it (Droid Sans Fallback → DejaVu Sans → Hanazono subsets), and the line
  breaker obeys Chinese punctuation rules (:mod:`core.documents.linebreak`).
* **Missing characters** — characters in no bundled font (private-use, unassigned,
  scripts we do not ship) — are never dropped silently. Policy, chosen per call with
  ``on_missing``: ``"raise"`` (default) raises :class:`MissingGlyphError` listing them
  (``err.chars``), so the UI can tell the clerk which character cannot be printed;
  ``"replace"`` prints □ instead and issues a :class:`MissingGlyphWarning` (also
  logged). Control/format characters and variation selectors are removed first (see
  :func:`core.documents.fonts.normalize`); they are not "missing".
* :func:`render` lays out the flowables on A4 (portrait / landscape) or on a thermal
  receipt (80 mm / 58 mm wide, page height computed from the content — one page, no
  blank paper fed after the text), adds header/footer text and "第 N 页 共 M 页".

Units are PDF points (1 mm = :data:`mm` ≈ 2.835 pt).
"""

from __future__ import annotations

import io
import logging
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from core.documents.fonts import (
    FONT_MAIN,
    REPLACEMENT_CHAR,
    MissingGlyphError,
    MissingGlyphWarning,
    ensure_fonts,
    font_runs,
    missing_glyphs,
    normalize,
    preload,
)
from core.documents.linebreak import CJKParagraph

__all__ = [
    "PAGE_SIZES",
    "CJKParagraph",
    "MissingGlyphError",
    "MissingGlyphWarning",
    "PageInfo",
    "PageSpec",
    "SectionStart",
    "checkbox",
    "missing_glyphs",
    "mm",
    "page_break",
    "para",
    "preload",
    "render",
    "signature_block",
    "spacer",
    "styles",
    "table",
    "to_markup",
]

log = logging.getLogger(__name__)

# Binary (Flate-only) content streams: ASCII85 on top only made PDFs 25 % larger and
# slower to write. Process-wide ReportLab setting; ReportLab is only used through here.
rl_config.useA85 = 0

CREATOR = "调解超市前台"


# ------------------------------------------------------------------------ pages


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page size with its margins (points). ``height=None``: receipt, height from content."""

    name: str
    width: float
    height: float | None
    top: float
    right: float
    bottom: float
    left: float

    @property
    def receipt(self) -> bool:
        return self.height is None

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right


_A4_W, _A4_H = A4
_A4L_W, _A4L_H = landscape(A4)

#: Page sizes accepted by :func:`render` (``page=``). Receipt widths are the paper width;
#: the side margins leave the printable width of common thermal printers (72 mm of
#: 80 mm paper, 48 mm of 58 mm paper).
PAGE_SIZES: MappingProxyType[str, PageSpec] = MappingProxyType({
    "A4": PageSpec("A4", _A4_W, _A4_H, top=25 * mm, right=20 * mm, bottom=22 * mm, left=25 * mm),
    "A4-landscape": PageSpec("A4-landscape", _A4L_W, _A4L_H,
                             top=20 * mm, right=20 * mm, bottom=20 * mm, left=20 * mm),
    "receipt-80": PageSpec("receipt-80", 80 * mm, None,
                           top=3 * mm, right=4 * mm, bottom=6 * mm, left=4 * mm),
    "receipt-58": PageSpec("receipt-58", 58 * mm, None,
                           top=3 * mm, right=5 * mm, bottom=6 * mm, left=5 * mm),
})


# ----------------------------------------------------------------------- styles

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def _build_styles() -> dict[str, ParagraphStyle]:
    def s(name, size, leading, align=TA_LEFT, **kw) -> ParagraphStyle:
        kw.setdefault("textColor", colors.black)
        return ParagraphStyle(name, fontName=FONT_MAIN, fontSize=size, leading=leading,
                              alignment=align, wordWrap="CJK", **kw)

    body_kw = dict(spaceAfter=4)
    return {
        # A4 documents
        "title": s("title", 20, 30, TA_CENTER, spaceAfter=10, tj_bold=0.035),
        "subtitle": s("subtitle", 15, 22, TA_CENTER, spaceAfter=8),
        "heading": s("heading", 14, 22, spaceBefore=8, spaceAfter=4, tj_bold=0.03),
        "body": s("body", 12, 21, TA_JUSTIFY, **body_kw),
        "body_indent": s("body_indent", 12, 21, TA_JUSTIFY, firstLineIndent=24, **body_kw),
        "center": s("center", 12, 21, TA_CENTER, **body_kw),
        "right": s("right", 12, 21, TA_RIGHT, **body_kw),
        "small": s("small", 9, 13),
        "cell": s("cell", 10.5, 14.5),
        "cell_center": s("cell_center", 10.5, 14.5, TA_CENTER),
        "cell_head": s("cell_head", 10.5, 14.5, TA_CENTER, tj_bold=0.03),
        "signature": s("signature", 12, 26),
        "header": s("header", 9, 12, TA_CENTER, textColor=colors.HexColor("#444444")),
        "footer": s("footer", 9, 12, TA_CENTER, textColor=colors.HexColor("#444444")),
        # thermal receipts (72 mm / 48 mm of text width)
        "receipt_title": s("receipt_title", 13, 18, TA_CENTER, spaceAfter=4, tj_bold=0.035),
        "receipt": s("receipt", 9, 12.5),
        "receipt_center": s("receipt_center", 9, 12.5, TA_CENTER),
        "receipt_small": s("receipt_small", 7.5, 10),
        "receipt_big": s("receipt_big", 30, 36, TA_CENTER, spaceBefore=2, spaceAfter=4,
                         tj_bold=0.04),
    }


_STYLES: dict[str, ParagraphStyle] | None = None
_DERIVED: dict[tuple, ParagraphStyle] = {}


def styles() -> dict[str, ParagraphStyle]:
    """The named paragraph styles (a new dict; the style objects are shared — derive,
    don't mutate: ``para(text, "body", fontSize=14)``).

    A4: ``title`` (20 pt, centred, faux bold), ``subtitle`` (15), ``heading`` (14, bold),
    ``body`` (12 pt ≈ 小四, justified), ``body_indent`` (body + 2-character first-line
    indent), ``center``, ``right``, ``small`` (9), ``cell`` / ``cell_center`` /
    ``cell_head`` (10.5 ≈ 五号), ``signature``, ``header``, ``footer``.
    Receipts: ``receipt_title``, ``receipt`` (9), ``receipt_center``, ``receipt_small``,
    ``receipt_big`` (30 pt, e.g. a queue number).
    """
    global _STYLES
    if _STYLES is None:
        _STYLES = _build_styles()
    return dict(_STYLES)


def _style(style: str | ParagraphStyle, overrides: dict) -> ParagraphStyle:
    base = style if isinstance(style, ParagraphStyle) else None
    if base is None:
        all_styles = styles()
        try:
            base = all_styles[style]
        except KeyError:
            raise KeyError(f"unknown style {style!r}; known: {', '.join(all_styles)}") from None
    if not overrides:
        return base
    kw = dict(overrides)
    if "align" in kw:
        kw["alignment"] = kw.pop("align")
    if isinstance(kw.get("alignment"), str):
        kw["alignment"] = _ALIGN[kw["alignment"]]
    if "fontSize" in kw and "leading" not in kw:
        kw["leading"] = base.leading * kw["fontSize"] / base.fontSize
    key = (id(base), tuple(sorted((k, repr(v)) for k, v in kw.items())))
    derived = _DERIVED.get(key)
    if derived is None:
        if "tj_bold" not in kw and hasattr(base, "tj_bold"):
            kw["tj_bold"] = base.tj_bold  # custom attributes are not inherited
        derived = _DERIVED[key] = ParagraphStyle(f"{base.name}*", parent=base, **kw)
    return derived


# ------------------------------------------------------------------------- text


def _escape(run: str) -> str:
    out = []
    for ch in run:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch.isspace():
            # ReportLab's paragraph cleaner collapses raw whitespace (even U+3000);
            # character references survive it, so spaces stay as typed.
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def _prepare(text: str, on_missing: str) -> str:
    """Normalise ``text`` and apply the missing-glyph policy."""
    if on_missing not in ("raise", "replace"):
        raise ValueError(f"on_missing must be 'raise' or 'replace', not {on_missing!r}")
    ensure_fonts()
    text = normalize(str(text))
    missing = missing_glyphs(text)
    if missing:
        if on_missing == "raise":
            raise MissingGlyphError(missing)
        text = "".join(REPLACEMENT_CHAR if ch in missing else ch for ch in text)
        warning = MissingGlyphWarning(missing)
        log.warning("%s", warning)
        warnings.warn(warning, stacklevel=4)
    return text


def to_markup(text: str, *, base_font: str = FONT_MAIN, on_missing: str = "raise") -> str:
    """Plain text → ReportLab paragraph markup with per-character font fallback.

    Runs of characters the base font lacks are wrapped in ``<font name="TJLatin">`` …;
    ``& < >`` are escaped, whitespace is kept (as character references), ``\\n`` becomes
    ``<br/>``. For callers composing their own markup (e.g. ``<u>`` around a filled-in
    value): ``CJKParagraph(to_markup(a) + "<u>" + to_markup(b) + "</u>", style)``.
    :func:`para` builds the same fragments without the XML round trip.
    """
    parts = []
    for font, run in font_runs(_prepare(text, on_missing)):
        if font == "\n":
            parts.append("<br/>" * len(run))
        elif font == base_font:
            parts.append(_escape(run))
        else:
            parts.append(f'<font name="{font}">{_escape(run)}</font>')
    return "".join(parts)


_templates: dict[int, tuple[ParagraphStyle, object, object]] = {}


def _frag_templates(st: ParagraphStyle):
    """A text frag and a <br/> frag exactly as ReportLab's parser makes them for ``st``."""
    entry = _templates.get(id(st))
    if entry is None or entry[0] is not st:
        frags = CJKParagraph("x<br/>", st).frags
        entry = _templates[id(st)] = (st, frags[0], frags[1])
    return entry[1], entry[2]


def para(text: str, style: str | ParagraphStyle = "body", *, on_missing: str = "raise",
         **overrides) -> CJKParagraph:
    """A paragraph of plain ``text`` in a named style (see :func:`styles`).

    ``overrides`` are ``ParagraphStyle`` attributes for this paragraph, plus
    ``align="left"|"center"|"right"|"justify"``; e.g. ``para(t, "body", fontSize=14)``
    (leading scales along unless given). Raises :class:`MissingGlyphError` for
    unprintable characters unless ``on_missing="replace"``.
    """
    st = _style(style, overrides)
    plain = _prepare(text, on_missing)
    text_frag, br_frag = _frag_templates(st)
    frags = []
    for font, run in font_runs(plain):
        if font == "\n":
            frags.extend(br_frag.clone() for _ in run)
        else:
            frags.append(text_frag.clone(text=run, fontName=font))
    return CJKParagraph(plain, st, frags=frags)


def checkbox(label: str, checked: bool = False) -> str:
    """Text "☑ label" / "☐ label" to put into :func:`para` (several per line are fine)."""
    return ("\u2611" if checked else "\u2610") + "\u00a0" + label


def spacer(height: float = 6) -> Spacer:
    """Vertical space of ``height`` points (``spacer(5 * mm)``)."""
    return Spacer(1, height)


def page_break() -> PageBreak:
    return PageBreak()


# ----------------------------------------------------------------------- tables

Cell = str | int | float | Flowable | Sequence[Flowable] | None


def table(rows: Sequence[Sequence[Cell]], col_widths: Sequence[float | str] | None = None, *,
          header: bool = True, grid: bool = True, style: str = "cell",
          header_style: str = "cell_head", valign: str = "MIDDLE",
          extra_style: Iterable[tuple] = (), space_before: float = 0, space_after: float = 0,
          on_missing: str = "raise") -> Table:
    """A table whose text cells are :func:`para` paragraphs (they wrap and fall back).

    ``rows``: cells are str/number (→ paragraph in ``style``; the first row in
    ``header_style`` when ``header``), a flowable (or list of flowables), or ``None``.
    ``col_widths``: points, or strings ``"30%"`` / ``"*"`` (share of the rest); default:
    equal columns over the frame width. ``header``: first row shaded and repeated on
    each page. ``grid``: 0.5 pt lines. ``extra_style``: more ReportLab ``TableStyle``
    commands, e.g. ``("SPAN", (0, 1), (0, 2))``. ``space_before``/``space_after``:
    vertical space (points) around the table (0: tables stack seamlessly).
    """
    data = []
    for r, row in enumerate(rows):
        cells = []
        st = header_style if header and r == 0 else style
        for cell in row:
            if cell is None:
                cells.append("")
            elif isinstance(cell, str | int | float):
                cells.append(para(str(cell), st, on_missing=on_missing))
            else:
                cells.append(cell)
        data.append(cells)
    ncols = max((len(r) for r in data), default=0)
    for cells in data:
        cells.extend([""] * (ncols - len(cells)))
    widths = list(col_widths) if col_widths is not None else ["*"] * ncols
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_MAIN),  # for empty cells: no stray Helvetica
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if grid:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    if header and data:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EBEBEB")))
    cmds.extend(extra_style)
    return Table(data, colWidths=widths, style=TableStyle(cmds),
                 repeatRows=1 if header and len(data) > 1 else 0, hAlign="CENTER",
                 spaceBefore=space_before, spaceAfter=space_after)


def signature_block(*parties: str, seal: bool = True, date: bool = True, columns: int = 1,
                    style: str = "signature", on_missing: str = "raise") -> Table:
    """Signature lines: "申请人签名（盖章）：__________ 日期：______年____月____日".

    One entry per party (no party: a single anonymous line). ``columns=2`` puts parties
    side by side, each with the date on its own line (agreements with 甲方/乙方).
    ``seal=False`` omits "（盖章）", ``date=False`` the date.
    """
    parties = parties or ("",)
    sign = "签名（盖章）：" if seal else "签名："
    date_text = "日期：" + "_" * 6 + "年" + "_" * 4 + "月" + "_" * 4 + "日"
    columns = max(1, int(columns))
    if columns == 1:
        texts = [f"{p}{sign}" + "_" * 16 + ("\u3000\u3000" + date_text if date else "")
                 for p in parties]
    else:
        texts = [f"{p}{sign}" + "_" * 12 + ("\n" + date_text if date else "") for p in parties]
    rows = [texts[i:i + columns] for i in range(0, len(texts), columns)]
    return table(rows, None, header=False, grid=False, style=style, valign="BOTTOM",
                 extra_style=[("TOPPADDING", (0, 0), (-1, -1), 10),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)],
                 on_missing=on_missing)


# ---------------------------------------------------------------------- render


def _draw_text(canv: Canvas, text: str, style: str, x: float, y: float, width: float,
               **overrides) -> None:
    p = para(text, style, on_missing="replace", **overrides)
    _, h = p.wrap(width, 1000)
    p.drawOn(canv, x, y - h)


@dataclass(frozen=True)
class PageInfo:
    """Where a page stands, for a ``decorate`` hook of :func:`render`: in the document and in
    its section (see :class:`SectionStart`; without sections the document is one)."""

    number: int
    total: int
    section_page: int
    section_pages: int
    section_label: str = ""


class SectionStart(Flowable):
    """Zero-size marker: a section (one copy of an agreement, say) starts on the page this is
    drawn on; :class:`PageInfo` then numbers pages within it, known only once all are laid out."""

    _ZERO_SIZE = 1

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.label = label

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self) -> None:
        self.canv._sections.append((self.canv.getPageNumber(), self.label))


def _page_info(number: int, total: int, starts: list[tuple[int, str]]) -> PageInfo:
    first, label, end = 1, "", total + 1
    for page, text in starts:
        if page > number:
            end = page
            break
        first, label = page, text
    return PageInfo(number, total, number - first + 1, end - first, label)


def _canvas_class(spec: PageSpec, footer: str, page_numbers: bool, decorate):
    """A canvas that defers page output so the footer can say 共 M 页 (and a section's pages
    their own count)."""

    class _FooterCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._deferred: list[dict] = []
            self._sections: list[tuple[int, str]] = []

        def showPage(self):  # noqa: N802 (ReportLab API)
            self._deferred.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._deferred)
            starts = sorted(self._sections)
            for number, state in enumerate(self._deferred, 1):
                self.__dict__.update(state)
                self._footer(number, total)
                if decorate is not None:
                    self.saveState()
                    decorate(self, _page_info(number, total, starts))
                    self.restoreState()
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            if not (footer or page_numbers):
                return
            width = spec.frame_width
            y = min(spec.bottom * 0.6, spec.bottom - 4) + 12
            numbers = f"第 {number} 页 共 {total} 页" if page_numbers else ""
            if footer and numbers:
                _draw_text(self, footer, "footer", spec.left, y, width * 0.7, align="left")
                _draw_text(self, numbers, "footer", spec.left, y, width, align="right")
            else:
                _draw_text(self, footer or numbers, "footer", spec.left, y, width)

    return _FooterCanvas


def _content_height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    last = len(flowables) - 1
    for i, f in enumerate(flowables):
        _, h = f.wrap(width, 1e7)
        total += h
        if i > 0:
            total += f.getSpaceBefore()
        if i < last:
            total += f.getSpaceAfter()
    return total


def render(flowables: Iterable[Flowable], *, page: str = "A4", title: str = "",
           author: str = "", header: str = "", footer: str = "",
           page_numbers: bool | None = None, decorate: Callable[[Canvas, PageInfo], None] | None = None,
           out: str | os.PathLike | BinaryIO | None = None) -> bytes:
    """Lay out ``flowables`` and return the PDF bytes (also written to ``out`` if given).

    ``page``: a key of :data:`PAGE_SIZES`. ``title``/``author``: PDF metadata.
    ``header``: small centred text above the body on every page; ``footer``: small text
    at the bottom (left when page numbers are shown). ``page_numbers``: "第 N 页 共 M 页";
    default on for A4, off for receipts. ``decorate(canvas, page_info)`` draws more on every
    page once the whole document is laid out (e.g. "本份第 k 页 共 n 页" per :class:`SectionStart`).
    Receipts are a single page whose height fits
    the content (thermal printers then cut right after the text).

    The flowables are consumed (ReportLab wraps and splits them): build a fresh list for
    every call. Thread-safe as long as threads do not share flowables.
    """
    try:
        spec = PAGE_SIZES[page]
    except KeyError:
        raise KeyError(f"unknown page {page!r}; known: {', '.join(PAGE_SIZES)}") from None
    ensure_fonts()
    story = list(flowables)
    if page_numbers is None:
        page_numbers = not spec.receipt
    top, bottom = spec.top, spec.bottom
    if header and spec.receipt:
        top += 14
    if (footer or page_numbers) and spec.receipt:
        bottom += 14
    if spec.receipt:
        body_h = _content_height(story, spec.frame_width) + 2  # slack: never a 2nd page
        height = max(top + body_h + bottom, 30 * mm)
    else:
        height = spec.height
        body_h = height - top - bottom

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=(spec.width, height), leftMargin=spec.left, rightMargin=spec.right,
        topMargin=top, bottomMargin=bottom, title=title, author=author, creator=CREATOR,
        producer=CREATOR, subject=title,
        initialFontName=FONT_MAIN,  # a TrueType initial font: no unembedded Helvetica
    )
    frame = Frame(spec.left, height - top - body_h, spec.frame_width, body_h, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canv: Canvas, _doc) -> None:
        if not header:
            return
        canv.saveState()
        y = height - (spec.top if spec.receipt else 0.45 * top)
        _draw_text(canv, header, "header", spec.left, y, spec.frame_width)
        if not spec.receipt:
            canv.setLineWidth(0.4)
            canv.setStrokeColor(colors.HexColor("#888888"))
            canv.line(spec.left, y - 14, spec.width - spec.right, y - 14)
        canv.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_canvas_class(spec, footer, bool(page_numbers), decorate))
    data = buf.getvalue()
    if out is not None:
        if isinstance(out, str | os.PathLike):
            Path(out).write_bytes(data)
        else:
            out.write(data)
    return data
