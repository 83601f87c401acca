"""Bundled fonts for ReportLab: lazy registration and per-character fallback.

Font chain (first font whose cmap has the character wins):

=========  ===========================  ==============================================
name       file                         role
=========  ===========================  ==============================================
TJMain     DroidSansFallbackFull.ttf    CJK (no ASCII letters/digits!)
TJLatin    DejaVuSans.ttf               Latin, digits, “ ” — …, ☐ ☑ □
TJRare     TJRareHanA.ttf               U+9FA6…, compatibility ideographs, radicals …
TJRare2    TJRareHanB.ttf               CJK Ext-B … Ext-F
=========  ===========================  ==============================================

TJMain and TJLatin are registered together on first use (≈0.2–0.3 s, pure-Python cmap
parsing inside ReportLab); TJRare / TJRare2 only when a character needs them (≈50 ms /
≈0.35 s). The parsed faces are kept in the per-user cache directory (a pickle keyed by the
font file's size and time and ReportLab's version), which makes later starts ≈5× faster — what
matters for ``tiaojie print`` in a new process. Call :func:`preload` from a background thread
at start-up to hide the rest.

Text normalisation (:func:`normalize`) — applied before fonts are chosen:

* ``\\r\\n`` / ``\\r`` → ``\\n``; a tab → four spaces;
* other control characters (Cc), format characters (Cf: zero-width space, ZWJ, BOM,
  soft hyphen, bidi marks …) and variation selectors (incl. ideographic variation
  sequences) are removed — they have no glyph of their own;
* whitespace that no bundled font has becomes an ordinary space.

Everything else is printed with some bundled font or reported by
:func:`missing_glyphs` / :class:`MissingGlyphError` — never dropped silently.
"""

from __future__ import annotations

import logging
import mmap
import os
import pickle
import threading
import unicodedata
from array import array
from collections.abc import Iterable
from pathlib import Path

from reportlab import Version as _RL_VERSION
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfdoc import PDFArray
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, TTFontFace

from core.resources import font_files

__all__ = [
    "FALLBACK_ORDER",
    "FONT_LATIN",
    "FONT_MAIN",
    "FONT_RARE",
    "FONT_RARE2",
    "MissingGlyphError",
    "MissingGlyphWarning",
    "REPLACEMENT_CHAR",
    "ensure_fonts",
    "font_for",
    "font_runs",
    "has_glyph",
    "missing_glyphs",
    "normalize",
    "preload",
]

FONT_MAIN = "TJMain"
FONT_LATIN = "TJLatin"
FONT_RARE = "TJRare"
FONT_RARE2 = "TJRare2"
FALLBACK_ORDER = (FONT_MAIN, FONT_LATIN, FONT_RARE, FONT_RARE2)

#: Printed instead of a missing character when the caller asked for ``on_missing="replace"``.
REPLACEMENT_CHAR = "\u25a1"  # □ (DejaVu Sans)


class MissingGlyphError(ValueError):
    """Text contains characters that no bundled font can print.

    ``chars`` holds the offending characters (sorted by code point). The UI can show
    them to the user (e.g. "字库缺少：…，请手写补充") or retry with
    ``on_missing="replace"``.
    """

    def __init__(self, chars: Iterable[str]):
        self.chars: tuple[str, ...] = tuple(sorted(set(chars)))
        listed = ", ".join(f"U+{ord(c):04X} {_show(c)}" for c in self.chars)
        super().__init__(f"no bundled font has these characters: {listed}")


class MissingGlyphWarning(UserWarning):
    """Issued (``warnings.warn``) when missing characters were replaced by □."""

    def __init__(self, chars: Iterable[str]):
        self.chars: tuple[str, ...] = tuple(sorted(set(chars)))
        listed = ", ".join(f"U+{ord(c):04X} {_show(c)}" for c in self.chars)
        super().__init__(f"replaced by {REPLACEMENT_CHAR}: {listed}")


def _show(ch: str) -> str:
    return repr(ch) if unicodedata.category(ch) in ("Cs", "Co", "Cn") else ch


# --------------------------------------------------------------------------- registry

_LOCK = threading.RLock()
_cmaps: dict[str, dict[int, int]] = {}  # registered font name -> charToGlyph
_unavailable: set[str] = set()  # optional rare fonts whose file is not bundled
_font_of: dict[str, str | None] = {}  # char -> font name (None: no font has it)


def _to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but with UTF-16 surrogate pairs beyond the BMP."""

    def utf16(cp: int) -> str:
        return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name}) /Supplement 0 >> def",
        f"/CMapName /{font_name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(cp)}>" for i, cp in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


class _TTFont(TTFont):
    """ReportLab's TTFont with two fixes applied to the PDF objects it creates.

    * ToUnicode beyond the BMP: ReportLab writes ``<xx> <20BB7>`` (5 hex digits) for
      U+20BB7, which text extraction and copy/paste turn into garbage; the CMap must
      hold the UTF-16 pair ``<D842DFB7>``.
    * ``/Widths`` pre-formatted (speed only; identical values to 3 decimals).
    """

    def addObjects(self, doc):  # noqa: N802 (ReportLab API)
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(len(subsets))]
        super().addObjects(doc)
        face = self.face
        fonts = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(subsets):
            pdf_font = fonts.get(names[n])
            if pdf_font is not None:
                # Pre-format the /Widths: ReportLab's pure-Python number formatting of
                # 256 widths per subset is a large share of a small document's time.
                pdf_font.Widths = PDFArray([_num(face.getCharWidth(cp)) for cp in subset])
            if not any(cp > 0xFFFF for cp in subset):
                continue
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset)


def _num(value: float) -> bytes:
    """A PDF number (no exponent) with at most 3 decimals, as bytes."""
    text = b"%.3f" % value
    return text.rstrip(b"0").rstrip(b".") or b"0"


_log = logging.getLogger(__name__)
_FACE_CACHE_FORMAT = 3


def _face_cache_dir() -> Path:
    override = os.environ.get("TIAOJIE_CACHE_DIR")
    if override:
        return Path(override) / "fonts"
    import platformdirs

    return Path(platformdirs.user_cache_dir("tiaojie", appauthor=False)) / "fonts"


def _face_cache_path(path: Path) -> Path:
    st = path.stat()
    return _face_cache_dir() / f"{path.stem}-{st.st_size}-{st.st_mtime_ns}-rl{_RL_VERSION}-{_FACE_CACHE_FORMAT}.pickle"


def _scale(units_per_em: int):
    # as ReportLab's TTFontFile.extractInfo builds it (a lambda, so not picklable)
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


# The big per-glyph tables are stored as typed arrays (unpickled as one block of bytes each, then
# turned back into ReportLab's dicts and lists) rather than pickled item by item: ≈ 5× faster to
# load for the 57,000-glyph rare-character font.
_PACKED = ("charToGlyph", "glyphToChar", "charWidths", "hmetrics", "glyphPos", "_ttf_data")


def _pack(face: TTFontFace) -> dict:
    state = {k: v for k, v in vars(face).items() if k != "_pdfScale" and k not in _PACKED}
    chars = array("L", face.charToGlyph)
    glyphs = array("L", face.charToGlyph.values())
    packed = state["_packed"] = {
        "chars": chars,
        "glyphs": glyphs,
        "widths": array("d", (face.charWidths[c] for c in chars)),
        "lsbs": _numbers(lsb for _a, lsb in face.hmetrics),
        "glyph_pos": _numbers(face.glyphPos),
    }
    packed.update(_advances([a for a, _lsb in face.hmetrics]))
    if packed["lsbs"] is None or packed["glyph_pos"] is None or "advances" not in packed and "advance_ints" not in packed:
        packed["hmetrics"], packed["glyphPos"] = face.hmetrics, face.glyphPos  # kept as they are, types and all
    # ReportLab maps U+00A0 onto the space's glyph after building glyphToChar, so a few glyphs
    # differ from what the cmap derives: those are stored, not the whole table.
    derived = _glyph_to_char(chars, glyphs)
    patch = {g: face.glyphToChar.get(g) for g in derived.keys() | face.glyphToChar.keys()
             if derived.get(g) != face.glyphToChar.get(g)}
    if len(patch) <= 64:
        packed["glyph_to_char_patch"] = patch
    else:
        packed["glyph_to_char"] = face.glyphToChar
    if face.charWidths.keys() != set(chars):
        packed["char_widths"] = face.charWidths  # not derivable: kept as it is
    return state


def _advances(values: list) -> dict:
    """Advance widths as typed arrays: ReportLab keeps the hmtx entries as ints and the glyphs
    past numberOfHMetrics as the last width *scaled* (a float), so a run of ints then floats is
    stored as two arrays; anything else is left to the caller."""
    k = next((i for i, v in enumerate(values) if not isinstance(v, int)), len(values))
    head, tail = _numbers(values[:k]), _numbers(values[k:])
    if head is None or tail is None or (tail.typecode != "d" and k < len(values)):
        return {}
    if k == len(values):
        return {"advances": head}
    return {"advance_ints": head, "advance_floats": tail}


def _numbers(values) -> array | None:
    """All integers or all floats as a typed array; ``None`` for a mix (kept as a list then)."""
    values = list(values)
    if all(isinstance(v, int) for v in values):
        return array("q", values)
    if all(isinstance(v, float) for v in values):
        return array("d", values)
    return None


def _glyph_to_char(chars, glyphs) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for c, g in zip(chars, glyphs, strict=True):
        out.setdefault(g, []).append(c)
    return out


class _HMetrics:
    """The (advance, lsb) pairs of every glyph, read by index from the typed arrays (only the
    glyphs a PDF uses are ever read, when it is subset); each pair as ReportLab's own list has it."""

    __slots__ = ("_ints", "_floats", "_lsbs")

    def __init__(self, ints, floats, lsbs) -> None:
        self._ints, self._floats, self._lsbs = ints, floats, lsbs

    def __len__(self) -> int:
        return len(self._lsbs)

    def __getitem__(self, glyph: int) -> tuple:
        if glyph < 0:
            glyph += len(self._lsbs)
        k = len(self._ints)
        advance = self._ints[glyph] if glyph < k else self._floats[glyph - k]
        return advance, self._lsbs[glyph]

    def __iter__(self):
        return (self[i] for i in range(len(self)))


class _CachedFace(TTFontFace):
    """A face from the cache: what measuring text needs (charToGlyph, charWidths) is built at
    once; ``glyphToChar`` (only text shaping reads it) when first asked for."""

    @property
    def glyphToChar(self) -> dict[int, list[int]]:  # noqa: N802 (ReportLab's name)
        g2c = self.__dict__.get("_glyph_to_char")
        if g2c is None:
            packed = self.__dict__.pop("_g2c_source")
            g2c = self.__dict__["_glyph_to_char"] = _glyph_to_char(packed["chars"], packed["glyphs"])
            for glyph, mapped in packed["glyph_to_char_patch"].items():
                if mapped is None:
                    del g2c[glyph]
                else:
                    g2c[glyph] = mapped
        return g2c

    @glyphToChar.setter
    def glyphToChar(self, value: dict) -> None:  # noqa: N802
        self.__dict__.pop("_g2c_source", None)
        self.__dict__["_glyph_to_char"] = value


def _unpack(state: dict, path: Path) -> TTFontFace:
    packed = state.pop("_packed")
    face = _CachedFace.__new__(_CachedFace)
    face.__dict__.update(state)
    chars, glyphs = packed["chars"], packed["glyphs"]
    face.charToGlyph = dict(zip(chars, glyphs, strict=True))
    if "glyph_to_char" in packed:
        face.glyphToChar = packed["glyph_to_char"]
    else:
        face.__dict__["_g2c_source"] = packed
    face.charWidths = (packed["char_widths"] if "char_widths" in packed
                       else dict(zip(chars, packed["widths"], strict=True)))
    if "hmetrics" in packed:
        face.hmetrics, face.glyphPos = packed["hmetrics"], packed["glyphPos"]
    else:  # read by index when a PDF is subset: typed arrays give the same ints and floats
        ints = packed.get("advances", packed.get("advance_ints"))
        face.hmetrics = _HMetrics(ints, packed.get("advance_floats", array("d")), packed["lsbs"])
        face.glyphPos = packed["glyph_pos"]
    # The font file itself is only read when a PDF is saved (subsetting the glyphs it uses):
    # mapped, not loaded (29 MB for the rare-character font).
    with open(path, "rb") as f:
        face._ttf_data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _cached_face(filename: str, validate: int = 0, subfontIndex: int = 0) -> TTFontFace:  # noqa: N803
    """TTFontFace from the cache, or parsed and cached. Any cache problem only costs the parse."""
    path = Path(filename)
    try:
        cache = _face_cache_path(path)
        with open(cache, "rb") as f:
            state = pickle.load(f)
        return _unpack(state, path)
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 — a stale or damaged cache is rebuilt
        _log.info("font cache for %s unusable (%s), parsing the font", path.name, exc)
    face = TTFontFace(filename, validate=validate, subfontIndex=subfontIndex)
    try:
        cache = _face_cache_path(path)
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(_pack(face), f, protocol=5)
        tmp.replace(cache)  # atomically: another process may be reading it
    except OSError as exc:
        _log.info("cannot write the font cache for %s: %s", path.name, exc)
    return face


def _register(name: str, path: Path) -> dict[int, int]:
    # TTFont.__init__ builds its face with the module-level TTFontFace: hand it the cached one.
    # Only our own registrations, under _LOCK, see the substitute.
    original = ttfonts.TTFontFace
    ttfonts.TTFontFace = _cached_face
    try:
        font = _TTFont(name, str(path))
    finally:
        ttfonts.TTFontFace = original
    pdfmetrics.registerFont(font)  # also maps <b>/<i> of this family to itself
    return font.face.charToGlyph


def ensure_fonts() -> None:
    """Register TJMain and TJLatin (idempotent, thread-safe)."""
    if FONT_LATIN in _cmaps:
        return
    with _LOCK:
        if FONT_LATIN in _cmaps:
            return
        files = font_files()
        for name, path in ((FONT_MAIN, files.main), (FONT_LATIN, files.latin)):
            if name not in _cmaps:
                if not path.is_file():
                    raise FileNotFoundError(f"bundled font missing: {path}")
                _cmaps[name] = _register(name, path)


def _rare_cmap(name: str) -> dict[int, int] | None:
    cmap = _cmaps.get(name)
    if cmap is not None or name in _unavailable:
        return cmap
    with _LOCK:
        if name in _cmaps or name in _unavailable:
            return _cmaps.get(name)
        wanted = {FONT_RARE: "TJRareHanA.ttf", FONT_RARE2: "TJRareHanB.ttf"}[name]
        path = next((p for p in font_files().rare if p.name == wanted), None)
        if path is None:
            _unavailable.add(name)
            return None
        _cmaps[name] = cmap = _register(name, path)
        return cmap


def preload(rare: bool = False) -> None:
    """Register the fonts now (e.g. from a start-up thread). ``rare`` also loads TJRare*."""
    ensure_fonts()
    if rare:
        _rare_cmap(FONT_RARE)
        _rare_cmap(FONT_RARE2)


def font_for(ch: str) -> str | None:
    """Name of the first font in :data:`FALLBACK_ORDER` having ``ch``, or ``None``."""
    try:
        return _font_of[ch]
    except KeyError:
        pass
    ensure_fonts()
    cp = ord(ch)
    found: str | None = None
    # ASCII/Latin-1 (in practice only spaces: Droid has no other character below
    # U+0100; ReportLab also maps U+00A0 onto Droid's space) from DejaVu, so spaces in
    # Latin text and between CJK and digits have Latin proportions.
    order = (FONT_LATIN, FONT_MAIN) if cp < 0x100 else (FONT_MAIN, FONT_LATIN)
    for name in order:
        if _cmaps[name].get(cp):
            found = name
            break
    if found is None and cp > 0x7F and not _ignorable(ch):
        for name in (FONT_RARE, FONT_RARE2):
            cmap = _rare_cmap(name)
            if cmap is not None and cmap.get(cp):
                found = name
                break
    _font_of[ch] = found
    return found


def has_glyph(ch: str) -> bool:
    """True when some bundled font can print ``ch``."""
    return font_for(ch) is not None


# ------------------------------------------------------------------- normalisation

_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))
_ignorable_cache: dict[str, bool] = {}


def _ignorable(ch: str) -> bool:
    """Control/format characters and variation selectors: removed, never 'missing'."""
    try:
        return _ignorable_cache[ch]
    except KeyError:
        pass
    cp = ord(ch)
    result = ch != "\n" and (
        unicodedata.category(ch) in ("Cc", "Cf") or any(cp in r for r in _VARIATION_SELECTORS)
    )
    _ignorable_cache[ch] = result
    return result


def normalize(text: str) -> str:
    """Apply the normalisation described in the module docstring."""
    if text.isascii() and text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    changes = {}
    for ch in set(text):
        if _ignorable(ch):
            changes[ch] = ""
        elif ch != "\n" and ch.isspace() and font_for(ch) is None:
            changes[ch] = " "
    if not changes:
        return text
    return "".join(changes.get(ch, ch) for ch in text)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` that no bundled font has.

    Control/format characters, variation selectors and whitespace are never reported
    (see :func:`normalize`).
    """
    missing = set()
    for ch in set(text):
        if ch.isspace() or _ignorable(ch):
            continue
        if font_for(ch) is None:
            missing.add(ch)
    return missing


def font_runs(text: str) -> list[tuple[str | None, str]]:
    """Split already-normalised ``text`` into ``(font name, run)`` pairs.

    ``\\n`` forms its own run with font ``"\\n"``; characters without a font get
    ``None``.
    """
    runs: list[tuple[str | None, str]] = []
    cur_font: str | None = ""
    buf: list[str] = []
    for ch in text:
        f = "\n" if ch == "\n" else font_for(ch)
        if f != cur_font:
            if buf:
                runs.append((cur_font, "".join(buf)))
            buf = []
            cur_font = f
        buf.append(ch)
    if buf:
        runs.append((cur_font, "".join(buf)))
    return runs
