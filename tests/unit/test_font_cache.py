"""The parsed-font cache: identical faces, rebuilt when stale or damaged, never required."""

from __future__ import annotations

from core.documents import fonts
from core.resources import font_files


def _face_state(face) -> dict:
    """The face as ReportLab reads it. A cached face maps the font file instead of loading it,
    reads hmetrics and glyphPos by index from typed arrays and builds glyphToChar when asked."""
    state = {k: v for k, v in vars(face).items() if k not in ("_pdfScale", "_glyph_to_char", "_g2c_source")}
    state["_ttf_data"] = bytes(state["_ttf_data"][:])
    state["glyphToChar"] = dict(face.glyphToChar)
    state["hmetrics"] = [face.hmetrics[i] for i in range(len(face.hmetrics))]
    state["glyphPos"] = [face.glyphPos[i] for i in range(len(face.glyphPos))]
    return state


def test_cached_face_equals_the_parsed_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TIAOJIE_CACHE_DIR", str(tmp_path))
    path = font_files().latin
    parsed = fonts._cached_face(str(path))  # parses and writes the cache
    cache = fonts._face_cache_path(path)
    assert cache.is_file() and cache.is_relative_to(tmp_path)
    loaded = fonts._cached_face(str(path))
    assert _face_state(loaded) == _face_state(parsed)
    assert loaded._pdfScale(loaded.unitsPerEm) == parsed._pdfScale(parsed.unitsPerEm) == 1000
    assert loaded.getCharWidth(ord("A")) == parsed.getCharWidth(ord("A"))


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("TIAOJIE_CACHE_DIR", str(tmp_path))
    path = font_files().latin
    fonts._cached_face(str(path))
    cache = fonts._face_cache_path(path)
    cache.write_bytes(b"not a pickle")
    face = fonts._cached_face(str(path))
    assert face.charToGlyph[ord("A")]
    assert cache.read_bytes()[:1] == b"\x80"  # a pickle again


def test_an_unwritable_cache_only_costs_the_parse(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("TIAOJIE_CACHE_DIR", str(blocker))  # cannot make a folder under a file
    face = fonts._cached_face(str(font_files().latin))
    assert face.charToGlyph[ord("A")]


def test_every_bundled_face_comes_back_from_the_cache_exactly(tmp_path, monkeypatch):
    """The packed tables (typed arrays) rebuild ReportLab's dicts and lists value for value and
    type for type, for every bundled font — the rare-character ones with their 57,000 glyphs too."""
    monkeypatch.setenv("TIAOJIE_CACHE_DIR", str(tmp_path))
    files = font_files()
    for path in (files.main, files.latin, *files.rare):
        parsed, loaded = fonts._cached_face(str(path)), fonts._cached_face(str(path))
        a, b = _face_state(parsed), _face_state(loaded)
        assert a == b, path.name
        for key in ("charToGlyph", "charWidths", "hmetrics", "glyphPos", "glyphToChar"):
            first = next(iter(a[key].items() if isinstance(a[key], dict) else a[key]))
            again = next(iter(b[key].items() if isinstance(b[key], dict) else b[key]))
            assert repr(first) == repr(again), (path.name, key)  # same types, not only equal values
        for key in ("hmetrics", "glyphPos"):  # the last glyphs too (past numberOfHMetrics: scaled floats)
            assert repr(a[key][-3:]) == repr(b[key][-3:]), (path.name, key)
