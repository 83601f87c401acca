"""Chinese line breaking (禁则) for ReportLab paragraphs.

ReportLab's ``wordWrap='CJK'`` only knows a Japanese list of characters that may not
start a line (it lacks ，；：？！》 …), lets the *second* of two closing marks start a
line, ignores characters that may not end a line and splits Latin tokens anywhere.
:class:`CJKParagraph` replaces its line breaker:

* a line never starts with closing punctuation (:data:`NO_LINE_START`: ，。、；：？！）」》』
  】〕〉… ％ ℃ and the half-width , . ; : ? ! ) ] } %) and never ends with opening
  punctuation (:data:`NO_LINE_END`: （「《『【〔〈“‘ ( [ { ￥ $ …);
* runs of narrow characters (Latin words, ID numbers, amounts such as 12,345.00) are
  not split, nor are —— and …… pairs;
* when a line would overflow, the text is broken at the last allowed position and the
  rest moves to the next line (推出; nothing hangs into the margin, so table cells are
  never overrun). Only when no allowed position exists on the whole line (a token or a
  punctuation run longer than the line) is it broken anyway — first inside the token,
  and only if even that is impossible, before a closing mark;
* ordinary spaces at a wrapped line's start/end are dropped; hard breaks (``<br/>``)
  are kept;
* justified paragraphs (``alignment=TA_JUSTIFY``) are justified by spreading the
  spare width evenly between the characters (PDF character spacing, ``Tc``) — lines
  that would need more than :data:`MAX_CHAR_SPACE_EM` per gap, lines with
  underline/strike/link, the last line and lines ending in a hard break stay
  left-aligned.

Also: ``tj_bold`` on a style (stroke width as a fraction of the font size, e.g. 0.03)
draws the text filled *and* stroked — a clean faux bold for the single-weight CJK font.
Bullets (``bulletText``) are not supported by this paragraph class.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.lib.abag import ABag
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines
from reportlab.rl_config import _FUZZ

__all__ = ["CJKParagraph", "NO_LINE_END", "NO_LINE_START", "break_allowed"]

#: Characters that must not start a line.
NO_LINE_START = frozenset(
    "，。、；：？！）」》』】〕〉〗〙〛｝］｠…‥·・〃々〻ー～％‰℃°′″’”〞〟"
    "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞．｡､｣"
    ",.;:?!)]}%"
) | frozenset(ALL_CANNOT_START)

#: Characters that must not end a line.
NO_LINE_END = frozenset(
    "（「《『【〔〈〖〘〚｛［｟“‘〝﹙﹛﹝｢"
    "([{"
    "￥＄￡$£¥€＃＠№§"
) | frozenset(ALL_CANNOT_END)

#: Pairs of these are never split (—— …… ‥‥ ──).
_NO_SPLIT_PAIRS = frozenset("—…‥─―")

# character classes
_SPACE, _GLUE, _NARROW, _WIDE = 1, 2, 3, 4
_GLUE_CHARS = frozenset("\u00a0\u2007\u202f\u2060\ufeff")
_OBJECT = "\ufffc"  # stands for images / other zero-text frags in the rules

_CS_CALLBACK = "_tj_char_space"

#: Justification spreads at most this much extra space (in em) between two characters;
#: a line needing more (e.g. an 18-digit ID number moved to the next line) stays ragged.
MAX_CHAR_SPACE_EM = 0.2


@lru_cache(maxsize=65536)
def _cls(ch: str) -> int:
    if ch in _GLUE_CHARS:
        return _GLUE
    if ch.isspace():
        return _SPACE
    if unicodedata.east_asian_width(ch) in ("Na", "N", "H"):
        return _NARROW
    return _WIDE


def break_allowed(a: str, b: str, *, strict: bool = True) -> bool:
    """May a line break fall between characters ``a`` and ``b``?

    ``strict=False`` checks only the punctuation rules (used when a token is longer
    than the line).
    """
    if b in NO_LINE_START or a in NO_LINE_END:
        return False
    if not strict:
        return True
    ca, cb = _cls(a), _cls(b)
    if ca == _GLUE or cb == _GLUE:
        return False
    if ca == _SPACE or cb == _SPACE:
        return True
    if ca == _NARROW and cb == _NARROW:
        return False
    return not (a == b and a in _NO_SPLIT_PAIRS)


@lru_cache(maxsize=256)
def _ascent_descent(font_name: str, font_size: float) -> tuple[float, float]:
    return getAscentDescent(font_name, font_size)


class _WidthTable(dict):
    """char → advance width at one font size; filled on demand."""

    __slots__ = ("font_name", "font_size")

    def __init__(self, font_name: str, font_size: float):
        super().__init__()
        self.font_name, self.font_size = font_name, font_size

    def __missing__(self, ch: str) -> float:
        width = self[ch] = stringWidth(ch, self.font_name, self.font_size)
        return width


_width_tables: dict[tuple[str, float], _WidthTable] = {}


def _char_widths(text: str, font_name: str, font_size: float) -> list[float]:
    table = _width_tables.get((font_name, font_size))
    if table is None:
        table = _width_tables[font_name, font_size] = _WidthTable(font_name, font_size)
    return list(map(table.__getitem__, text))


def _is_marker(frag) -> bool:
    cb = getattr(frag, "cbDefn", None)
    return cb is not None and getattr(cb, "name", None) == _CS_CALLBACK


def _marker(frag, char_space: float):
    m = frag.clone(text="")
    m.cbDefn = ABag(kind="onDraw", name=_CS_CALLBACK, label=char_space, width=0)
    for attr in ("lineBreak", "us_lines", "link", "backColor"):
        if hasattr(m, attr):
            delattr(m, attr)
    return m


def _set_char_space(canvas, kind, label) -> None:
    info = getattr(canvas, "_curr_tx_info", None)
    if info is not None:
        info["tx"].setCharSpace(float(label or 0))


class _Units:
    """The paragraph flattened to one entry per character (or special frag).

    ``run[k]`` is the index (into ``runs``) of the frag unit ``k`` comes from and
    ``offset[k]`` its position in that frag's text.
    """

    __slots__ = ("chars", "hard", "n", "offset", "run", "runs", "special", "widths")

    def __init__(self, frags):
        chars: list[str] = []
        widths: list[float] = []
        run: list[int] = []
        offset: list[int] = []
        hard: set[int] = set()
        special: set[int] = set()
        runs = []
        for f in frags:
            if _is_marker(f):
                continue
            text = getattr(f, "text", "")
            r = len(runs)
            if hasattr(f, "cbDefn"):
                special.add(len(chars))
                chars.append(_OBJECT)
                widths.append(getattr(f.cbDefn, "width", 0) or 0)
            elif getattr(f, "lineBreak", False):
                hard.add(len(chars))
                chars.append("\n")
                widths.append(0.0)
            elif text:
                chars.extend(text)
                widths.extend(_char_widths(text, f.fontName, f.fontSize))
                run.extend([r] * len(text))
                offset.extend(range(len(text)))
                runs.append(f)
                continue
            else:
                continue
            run.append(r)
            offset.append(0)
            runs.append(f)
        self.chars, self.widths, self.run, self.offset = chars, widths, run, offset
        self.runs, self.hard, self.special = runs, hard, special
        self.n = len(chars)


def _allowed_at(u: _Units, start: int, b: int, strict: bool) -> bool:
    """May the line u[start:] end before unit b?

    Spaces around a break are dropped, so the punctuation rules look through them: the
    last non-space character before the break must not be opening punctuation and the
    first non-space one after it not closing punctuation.
    """
    chars = u.chars
    a, c = chars[b - 1], chars[b]
    if _cls(a) != _SPACE and _cls(c) != _SPACE:
        return break_allowed(a, c, strict=strict)
    k = b - 1
    while k > start and _cls(chars[k]) == _SPACE:
        k -= 1
    if _cls(chars[k]) == _SPACE:
        return False  # only spaces before: the line would be empty
    if chars[k] in NO_LINE_END or (strict and _cls(chars[k]) == _GLUE):
        return False
    k = b
    while k < u.n and _cls(chars[k]) == _SPACE:
        k += 1
    return k >= u.n or k in u.hard or chars[k] not in NO_LINE_START


def _choose_break(u: _Units, start: int, i: int) -> int:
    """Best break position b in (start, i]: the line is u[start:b]."""
    for strict in (True, False):
        for b in range(i, start, -1):
            if _allowed_at(u, start, b, strict):
                return b
    return i  # nothing allowed on the whole line: forced break


def break_lines(frags, max_widths, alignment) -> ParaLines:
    """Break ``frags`` into ReportLab ``FragLine`` lines (``kind=1``)."""
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    u = _Units(frags)
    chars, widths, hard, n = u.chars, u.widths, u.hard, u.n
    lines = []
    start = 0
    justify = alignment == TA_JUSTIFY
    n_widths = len(max_widths)
    while start < n:
        max_w = max_widths[min(len(lines), n_widths - 1)] + _FUZZ
        width = 0.0
        i = line_start = start
        is_hard = False
        while i < n:
            if i in hard:
                is_hard = True
                break
            width += widths[i]
            if width > max_w and i > start:
                i = _choose_break(u, start, i)
                break
            i += 1
        end = i + 1 if is_hard else i  # the <br/> frag belongs to its line
        text_end = i
        if not is_hard:
            while text_end > start and _cls(chars[text_end - 1]) == _SPACE:
                text_end -= 1
        start = end
        if not is_hard:
            while start < n and _cls(chars[start]) == _SPACE:
                start += 1
        last = is_hard or start >= n
        lines.append(_make_line(u, line_start, text_end, end if is_hard else text_end,
                                max_w - _FUZZ, is_hard, justify and not last))
    return ParaLines(kind=1, lines=lines)


def _make_line(u: _Units, start: int, text_end: int, end: int, max_w: float,
               is_hard: bool, justify: bool) -> FragLine:
    """Line of units [start, end); units from text_end on are the <br/> (if any)."""
    words = []
    max_size = 0.0
    ascent = descent = 0.0
    plain = True
    run, offset, runs = u.run, u.offset, u.runs
    k = start
    while k < end:
        r = run[k]
        f = runs[r]
        # the part of run r inside [k, end)
        stop = k + 1
        while stop < end and run[stop] == r:
            stop += 1
        if k in u.hard or k in u.special:
            words.append(f.clone(text=""))
        else:
            o = offset[k]
            words.append(f.clone(text=f.text[o:o + stop - k]))
        size = f.fontSize
        if size > max_size:
            max_size = size
        a, d = _ascent_descent(f.fontName, size)
        if a > ascent:
            ascent = a
        if d < descent:
            descent = d
        if plain and (getattr(f, "us_lines", None) or getattr(f, "link", None)
                      or k in u.special):
            plain = False
        k = stop
    width = sum(u.widths[start:text_end])
    extra = max_w - width
    if justify and words and plain:
        glyphs = text_end - start
        if glyphs > 1 and extra > _FUZZ:
            char_space = extra / (glyphs - 1)
            if char_space <= MAX_CHAR_SPACE_EM * max_size:
                words = [_marker(words[0], char_space), *words, _marker(words[-1], 0)]
    return FragLine(kind=1, extraSpace=0.0 if justify else extra, wordCount=1, words=words,
                    fontSize=max_size, ascent=ascent, descent=descent, maxWidth=max_w,
                    currentWidth=width, lineBreak=is_hard)


def _split_frags(bl_para, start, stop):
    """Frags of lines[start:stop] for ReportLab's ``Paragraph.split`` (no added spaces)."""
    out = []
    for line in bl_para.lines[start:stop]:
        words = line.words
        if words and _is_marker(words[0]):  # justified line: a marker at each end
            words = words[1:-1]
        out.extend(words)
    return out


class CJKParagraph(Paragraph):
    """A ReportLab ``Paragraph`` with Chinese line breaking (see the module docstring)."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (ReportLab API)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        self.height = 0
        # frames and tables often wrap a paragraph more than once at the same width
        key = (tuple(maxWidths) if isinstance(maxWidths, list | tuple) else (maxWidths,),
               self.style.alignment, len(self.frags))
        cached = getattr(self, "_tj_lines", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        lines = break_lines(self.frags, maxWidths, self.style.alignment)
        self._tj_lines = (key, lines)
        return lines

    breakLines = breakLinesCJK  # any wordWrap setting uses the same breaker

    def _get_split_blParaFunc(self):  # noqa: N802
        return _split_frags

    def split(self, availWidth, availHeight):  # noqa: N803 (ReportLab API)
        parts = super().split(availWidth, availHeight)
        widths = getattr(self, "_wrapWidths", None)
        if len(parts) == 2 and widths and hasattr(self, "blPara"):
            # Hand the remaining lines to the second part: its first line is not
            # indented, so at the same width it would break exactly the same — without
            # this every page of a long paragraph re-breaks the whole rest (quadratic).
            first, rest = parts
            lines = self.blPara.lines[len(first.blPara.lines):]
            key = ((widths[-1], widths[-1]), rest.style.alignment, len(rest.frags))
            rest._tj_lines = (key, ParaLines(kind=1, lines=lines))
        return parts

    def minWidth(self):  # noqa: N802
        u = _Units(self.frags)
        return max(u.widths, default=0.0)

    def draw(self):
        canv = self.canv
        if hasattr(canv, "setNamedCB"):
            canv.setNamedCB(_CS_CALLBACK, _set_char_space)
        bold = getattr(self.style, "tj_bold", 0)
        if not bold:
            super().draw()
            return
        canv.saveState()
        try:
            canv.setLineWidth(bold * self.style.fontSize)
            canv.setStrokeColor(self.style.textColor)
            canv.setLineJoin(1)
            super().draw()
        finally:
            canv.restoreState()

    def beginText(self, x, y):  # noqa: N802
        tx = super().beginText(x, y)
        if getattr(self.style, "tj_bold", 0):
            tx.setTextRenderMode(2)
        return tx
