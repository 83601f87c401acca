"""Tests of the Qt-free document engine (core.documents) and the bundled fonts."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import warnings
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from core.documents import fonts
from core.documents.engine import (
    PAGE_SIZES,
    CJKParagraph,
    MissingGlyphError,
    MissingGlyphWarning,
    checkbox,
    missing_glyphs,
    page_break,
    para,
    render,
    signature_block,
    spacer,
    styles,
    table,
    to_markup,
)
from core.documents.linebreak import MAX_CHAR_SPACE_EM, NO_LINE_END, NO_LINE_START, break_lines
from core.resources import font_files, resource_path, resources_dir

ROOT = Path(__file__).resolve().parents[2]
RARE = "𠮷䶮鿏堃喆"
EXT_D = "\U0002B740"  # only in TJRareHanB (Hanazono B subset)

# the brief's lists; the engine's sets are supersets
CLOSING = set("，。、；：？！）」》』】〕〉…,.;:?!)")
OPENING = set("（「《『【〔〈")

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")), reason="poppler-utils missing"
)


# ----------------------------------------------------------------------------- helpers


@cache
def _font_file(name: str) -> Path:
    files = font_files()
    by_name = {fonts.FONT_MAIN: files.main, fonts.FONT_LATIN: files.latin}
    for p in files.rare:
        by_name[fonts.FONT_RARE if p.name == "TJRareHanA.ttf" else fonts.FONT_RARE2] = p
    return by_name[name]


@cache
def _cmap(name: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(_font_file(name), lazy=True).getBestCmap())


def _assert_frags_in_cmap(p: Paragraph) -> None:
    for f in p.frags:
        for ch in getattr(f, "text", ""):
            assert ord(ch) in _cmap(f.fontName), f"{ch!r} U+{ord(ch):04X} not in {f.fontName}"


def _plain(p: Paragraph) -> str:
    return "".join("\n" if getattr(f, "lineBreak", False) else f.text for f in p.frags)


def _line_text(line) -> str:
    return "".join(w.text for w in line.words if not hasattr(w, "cbDefn"))


def _pdftotext(pdf: bytes, tmp_path: Path, *args: str) -> str:
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    return subprocess.run(["pdftotext", *args, str(src), "-"], check=True,
                          capture_output=True, text=True).stdout


def _media_boxes(pdf: bytes) -> list[tuple[float, ...]]:
    return [tuple(float(v) for v in m.groups())
            for m in re.finditer(rb"/MediaBox \[\s*([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\s*\]", pdf)]


# ------------------------------------------------------------------------------- fonts


def test_bundled_font_files_licences_and_budget():
    files = font_files()
    assert files.main.name == "DroidSansFallbackFull.ttf"
    assert files.latin.name == "DejaVuSans.ttf"
    assert [p.name for p in files.rare] == ["TJRareHanA.ttf", "TJRareHanB.ttf"]
    assert files.all() == (files.main, files.latin, *files.rare)
    total = sum(p.stat().st_size for p in files.all())
    assert total <= 40_000_000, f"fonts are {total / 1e6:.1f} MB"
    for p in files.all():
        assert p.read_bytes()[:4] == b"\x00\x01\x00\x00", f"{p.name} is not a glyf TrueType"
    licences = resource_path("fonts", "LICENSES.md").read_text(encoding="utf-8")
    for p in files.all():
        assert p.name in licences
    for text in ("LICENSE-Apache-2.0.txt", "LICENSE-DejaVu.txt", "LICENSE-Hanazono.txt"):
        assert text in licences
        assert resource_path("fonts", text).stat().st_size > 1000


def test_resource_path_frozen(monkeypatch, tmp_path):
    assert resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"


def test_rare_characters_are_covered_by_the_font_they_are_assigned():
    for ch in RARE + EXT_D:
        name = fonts.font_for(ch)
        assert name is not None, ch
        assert ord(ch) in _cmap(name)
    assert fonts.font_for(EXT_D) == fonts.FONT_RARE2
    assert fonts.font_for("鿏") == fonts.FONT_RARE
    assert fonts.font_for("中") == fonts.FONT_MAIN
    assert fonts.font_for("7") == fonts.FONT_LATIN


def test_fonts_registered_lazily_once_and_no_qt(tmp_path):
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from core.documents import engine, fonts\n"
        "assert 'TJMain' not in pdfmetrics.getRegisteredFontNames()\n"
        "engine.para('中文')\n"
        "names = pdfmetrics.getRegisteredFontNames()\n"
        "assert 'TJMain' in names and 'TJLatin' in names and 'TJRare2' not in names, names\n"
        "f = pdfmetrics.getFont('TJMain'); fonts.ensure_fonts()\n"
        "assert pdfmetrics.getFont('TJMain') is f\n"
        "engine.para('\U0002B740')\n"
        "assert 'TJRare2' in pdfmetrics.getRegisteredFontNames()\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(ROOT)], check=True, cwd=tmp_path)


# ------------------------------------------------------------------------- rendering


def _rare_doc() -> list:
    return [
        para("人民调解协议书", "title"),
        para(f"申请人：张{RARE[0]}，被申请人：刘{RARE[1]}、王{RARE[2]}、李{RARE[3]}、赵{RARE[4]}。"),
        para(f"生僻字：{RARE} {EXT_D}；普通文字：调解委员会主持调解，双方自愿达成协议。", "body_indent"),
        table([["姓名", "备注"], [f"张{RARE[0]}", "身份证号 110101199001011234"]], [120, "*"]),
    ]


def test_every_character_is_in_the_cmap_of_its_font():
    story = _rare_doc()
    for p in story[:3]:
        _assert_frags_in_cmap(p)
    used = {f.fontName for p in story[:3] for f in p.frags}
    assert used == {fonts.FONT_MAIN, fonts.FONT_LATIN, fonts.FONT_RARE, fonts.FONT_RARE2}
    pdf = render(story, title="生僻字")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


@needs_poppler
def test_pdf_text_fonts_embedded_and_page_numbers(tmp_path):
    story = _rare_doc() + [page_break(), para("第二页的内容：本协议自双方签字之日起生效。")]
    pdf = render(story, title="测试", footer="××县人民调解中心")
    text = _pdftotext(pdf, tmp_path)
    assert "调解委员会主持调解" in text
    assert "本协议自双方签字之日起生效" in text
    # ToUnicode is fixed for characters beyond the BMP, so even 𠮷 extracts correctly
    assert f"张{RARE[0]}" in text and RARE in text and EXT_D in text
    # poppler drops the spaces between CJK and digits in its output; the PDF has them
    assert re.search(r"第\s*1\s*页\s*共\s*2\s*页", text)
    assert re.search(r"第\s*2\s*页\s*共\s*2\s*页", text)
    assert "第 1 页 共 2 页" in _plain(para("第 1 页 共 2 页", "footer"))
    out = subprocess.run(["pdffonts", str(tmp_path / "doc.pdf")], check=True,
                         capture_output=True, text=True).stdout.splitlines()[2:]
    assert out, "no fonts"
    names = " ".join(line.split()[0] for line in out)
    for expected in ("DroidSansFallback", "DejaVuSans", "TJRareHanA", "TJRareHanB"):
        assert expected in names
    for line in out:
        cols = line.split()
        assert cols[-5] == "yes", f"not embedded: {line}"  # emb column


@needs_poppler
def test_escaping_of_markup_characters(tmp_path):
    raw = "A & B < C > D &amp; <b>不加粗</b> \"引号\" 'x'"
    p = para(raw)
    assert _plain(p) == raw
    markup = to_markup(raw)
    assert "<b>" not in markup and "&lt;b&gt;" in markup
    assert _plain(CJKParagraph(markup, styles()["body"])) == raw
    # para() builds the same fragments as parsing to_markup()'s <font name=…> markup
    mixed = f"张{RARE}{EXT_D} 12,345.00元 & <x>\n第二行"
    parsed = CJKParagraph(to_markup(mixed), styles()["body"])
    assert '<font name="TJRare">' in to_markup(mixed)

    def runs(p):  # (font, text) with neighbouring same-font fragments merged
        out: list[list[str]] = []
        for f in p.frags:
            if out and out[-1][0] == f.fontName and not getattr(f, "lineBreak", False):
                out[-1][1] += f.text
            else:
                out.append([f.fontName, "\n" if getattr(f, "lineBreak", False) else f.text])
        return out

    assert runs(para(mixed)) == runs(parsed)
    text = _pdftotext(render([p]), tmp_path)
    assert "A & B < C > D &amp; <b>" in text


def test_whitespace_and_newlines_are_kept():
    p = para("姓　　名：张三\n住  址：\t城关镇\r\n第三行")
    assert _plain(p) == "姓　　名：张三\n住  址：    城关镇\n第三行"
    p.wrap(400, 1000)
    assert len(p.blPara.lines) == 3
    assert [line.lineBreak for line in p.blPara.lines] == [True, True, False]


# ------------------------------------------------------------------- missing glyphs


def test_missing_glyph_policy():
    assert missing_glyphs(f"中文{RARE}abc \t\n\u200b\ufe00\x07") == set()
    assert missing_glyphs("甲\ue000乙\U00030000") == {"\ue000", "\U00030000"}
    with pytest.raises(MissingGlyphError) as err:
        para("张\ue000三")
    assert err.value.chars == ("\ue000",)
    assert "U+E000" in str(err.value)
    with pytest.warns(MissingGlyphWarning) as rec:
        p = para("张\ue000三", on_missing="replace")
    assert rec[0].message.chars == ("\ue000",)
    assert _plain(p) == "张□三"
    render([p])
    with pytest.raises(MissingGlyphError):
        table([["a", "\ue000"]])
    with pytest.raises(ValueError):
        para("x", on_missing="ignore")
    # lone surrogates cannot be printed (nor encoded): reported, not crashed on
    with pytest.raises(MissingGlyphError):
        para("a\ud800b")


def test_invisible_characters_are_removed_not_reported():
    text = "张\u200b三\u00ad\ufeff丰\U000e0100\x00\x1b"
    assert fonts.normalize(text) == "张三丰"
    assert _plain(para(text)) == "张三丰"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=120), width=st.floats(min_value=1, max_value=600))
def test_para_never_raises_except_missing_glyph_error(text, width):
    try:
        p = para(text)
    except MissingGlyphError as err:
        assert err.chars and set(err.chars) <= missing_glyphs(text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MissingGlyphWarning)
            p = para(text, on_missing="replace")
        assert _plain(p) == "".join("□" if c in err.chars else c for c in fonts.normalize(text))
    else:
        assert _plain(p) == fonts.normalize(text)  # nothing dropped
    _assert_frags_in_cmap(p)
    p.wrap(width, 1e6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_render_never_raises_with_replacement(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingGlyphWarning)
        story = [para(text, "body_indent", on_missing="replace"),
                 table([[text[:40], "x"]], header=False, on_missing="replace")]
    assert render(story).startswith(b"%PDF")


# ------------------------------------------------------------------ line breaking

_CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
_CLOSE = sorted("，。、；：？！）」》』】〕〉…")
_OPEN = sorted(OPENING)
_HALF = sorted(",.;:?!)")
_TOKENS = ["12,345.00", "110101199001011234", "2024", "3.5%", "Mediation", "No.7"]


def _random_text(rng: random.Random, n: int) -> str:
    out: list[str] = []
    punct_run = 3  # start with an ideograph: a paragraph may not *begin* with '，' either
    while len(out) < n:
        r = rng.random()
        if punct_run >= 3 or r < 0.62:
            out.append(rng.choice(_CJK))
            punct_run = 0
            continue
        if r < 0.77:
            out.append(rng.choice(_CLOSE))
        elif r < 0.85:
            out.append(rng.choice(_OPEN))
        elif r < 0.89:
            out.append(rng.choice(_HALF))
        elif r < 0.96:
            out.extend(rng.choice(_TOKENS) + "元")
            punct_run = 0
            continue
        else:
            out.append(" ")
        punct_run += 1
    return "".join(out)


def _violations(p: Paragraph, width: float, check_tokens: bool) -> list[str]:
    p.wrap(width, 1e7)
    lines = p.blPara.lines
    texts = [_line_text(line) for line in lines]
    bad = []
    for k, t in enumerate(texts):
        if not t:
            continue
        if k and t[0] in CLOSING:
            bad.append(f"line starts with {t[0]!r}: {t!r}")
        if k < len(texts) - 1 and t[-1] in OPENING:
            bad.append(f"line ends with {t[-1]!r}: {t!r}")
        if check_tokens and k < len(texts) - 1:
            nxt = texts[k + 1]
            if nxt and t[-1].isascii() and nxt[0].isascii() and t[-1] != " " and nxt[0] != " ":
                bad.append(f"token split: {t[-8:]!r} | {nxt[:8]!r}")
    return bad


def test_kinsoku_no_line_starts_with_closing_punctuation():
    rng = random.Random(20250408)
    body = styles()["body"]
    checked_lines = 0
    for i in range(240):
        text = _random_text(rng, rng.randint(150, 600))
        width = rng.choice([6, 9, 13, 17, 25, 38]) * 12 + rng.random() * 11
        p = para(text, "body" if i % 2 else "body_indent")
        assert _violations(p, width, check_tokens=width > 240) == []
        lines = p.blPara.lines
        checked_lines += len(lines)
        # nothing lost: the lines hold the text (spaces at wrapped line ends aside)
        assert "".join(_line_text(line) for line in lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:  # and no line is wider than the column
            assert line.currentWidth <= line.maxWidth + 0.01 or len(_line_text(line)) == 1
        if i % 2 == 0 and body.alignment == TA_JUSTIFY:
            for line in lines[:-1]:
                markers = [w for w in line.words if hasattr(w, "cbDefn")]
                for m in markers:
                    assert 0 <= m.cbDefn.label <= MAX_CHAR_SPACE_EM * 12 + 1e-9
    assert checked_lines > 3000


def test_stock_reportlab_breaks_kinsoku_so_the_check_is_not_vacuous():
    """The same checker finds violations in ReportLab's own wordWrap='CJK'."""
    rng = random.Random(20250408)
    style = ParagraphStyle("stock", fontName=fonts.FONT_MAIN, fontSize=12, leading=18,
                           wordWrap="CJK")
    found = 0
    for _ in range(60):
        text = _random_text(rng, 400)
        found += len(_violations(Paragraph(to_markup(text), style), 13 * 12 + 5, False))
    assert found > 10


def test_kinsoku_rules_examples():
    # ，must not start line 2, （ must not end line 1; the token stays whole
    for text, width in (
        ("一二三四五六七八九十，甲乙", 10 * 12 + 1),
        ("一二三四五六七八九（甲乙）", 10 * 12 + 1),
        ("一二三四五。」甲乙丙", 5 * 12 + 1),
        ("金额为人民币12,345.00元整", 9 * 12),
    ):
        assert _violations(para(text, "cell"), width, check_tokens=True) == [], text
    p = para("一二三四五六七八九十，甲乙", "body")
    p.wrap(10 * 12 + 1, 1000)
    assert [_line_text(line) for line in p.blPara.lines] == ["一二三四五六七八九", "十，甲乙"]
    p = para("这是一段很长很长很长的文字——破折号……省略号", "body")
    for w in range(60, 300, 7):
        p.wrap(w, 1000)
        texts = [_line_text(line) for line in p.blPara.lines]
        for a, b in zip(texts, texts[1:], strict=False):
            assert not (a.endswith("—") and b.startswith("—")), texts
            assert not (a.endswith("…") and b.startswith("…")), texts


def test_long_token_is_split_only_when_it_cannot_fit():
    p = para("号码" + "1234567890" * 4, "cell")
    p.wrap(60, 1000)
    texts = [_line_text(line) for line in p.blPara.lines]
    assert "".join(texts) == "号码" + "1234567890" * 4
    assert all(line.currentWidth <= 60.01 for line in p.blPara.lines)


@needs_poppler
def test_kinsoku_in_rendered_pdf(tmp_path):
    rng = random.Random(7)
    story = [para(_random_text(rng, 500), "body_indent") for _ in range(40)]
    text = _pdftotext(render(story), tmp_path, "-layout")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not re.fullmatch(r"第\s*\d+\s*页\s*共\s*\d+\s*页", ln)]
    assert len(lines) > 400
    assert [ln for ln in lines if ln[0] in CLOSING] == []


def test_paragraph_split_across_pages_keeps_text_exactly():
    text = "本协议一式三份，双方当事人各执一份。" * 60
    p = para(text, "body_indent")
    p.wrap(160 * mm, 10_000)
    parts = p.split(160 * mm, 200)
    assert len(parts) == 2
    joined = "".join(_line_text(line) for line in parts[0].blPara.lines)
    parts[1].wrap(160 * mm, 10_000)
    joined += "".join(_line_text(line) for line in parts[1].blPara.lines)
    assert joined == text  # ReportLab's own split inserts spaces between CJK lines
    assert parts[1].style.firstLineIndent == 0
    # the second part reuses the remaining lines; they equal a fresh break of its frags
    fresh = break_lines(parts[1].frags, parts[1]._wrapWidths, parts[1].style.alignment)
    assert [_line_text(x) for x in fresh.lines] == [_line_text(x) for x in parts[1].blPara.lines]


def test_long_paragraph_over_many_pages_keeps_text(tmp_path):
    text = "本协议由申请人张三与被申请人李四自愿达成，合法有效。" * 600
    pdf = render([para(text, "body_indent")])
    assert pdf.count(b"/Type /Page\n") >= 10
    if shutil.which("pdftotext"):
        got = re.sub(r"第\d+页共\d+页", "", re.sub(r"\s", "", _pdftotext(pdf, tmp_path)))
        assert got == text


def test_no_rule_sets_overlap_wrongly():
    assert CLOSING <= NO_LINE_START
    assert OPENING <= NO_LINE_END


# ------------------------------------------------------------------- pages & helpers


@pytest.mark.parametrize(("page", "width_mm"), [("receipt-80", 80), ("receipt-58", 58)])
def test_receipt_width_and_height_from_content(page, width_mm):
    short = render([para("取号凭条", "receipt_title"), para("A023", "receipt_big")], page=page)
    long = render([para("取号凭条", "receipt_title")]
                  + [para(f"第{i}行 说明文字说明文字说明文字说明文字", "receipt") for i in range(40)],
                  page=page)
    (box_s,), (box_l,) = _media_boxes(short), _media_boxes(long)
    assert box_s[2] == pytest.approx(width_mm * mm, abs=0.01)
    assert box_l[2] == pytest.approx(width_mm * mm, abs=0.01)
    assert box_l[3] > box_s[3] + 200  # taller, still one page
    assert PAGE_SIZES[page].frame_width == pytest.approx((width_mm - (8 if width_mm == 80 else 10)) * mm)


def test_a4_sizes_and_header_footer():
    pdf = render([para("横向页面")], page="A4-landscape", header="页眉文字", footer="页脚文字")
    (box,) = _media_boxes(pdf)
    assert box[2] > box[3]
    pdf = render([para("纵向"), page_break(), para("第二页")])
    boxes = _media_boxes(pdf)
    assert len(boxes) == 2 and boxes[0][2] < boxes[0][3]
    with pytest.raises(KeyError):
        render([para("x")], page="A5")


def test_styles_and_helpers():
    s = styles()
    for name in ("title", "subtitle", "heading", "body", "body_indent", "small", "cell",
                 "cell_center", "signature", "footer", "receipt", "receipt_big"):
        assert name in s
    assert s["body"].fontSize == 12 and 18 <= s["title"].fontSize <= 22
    assert s["body_indent"].firstLineIndent == 2 * s["body_indent"].fontSize
    p = para("居中", "body", align="center", fontSize=14)
    assert p.style.alignment == 1 and p.style.fontSize == 14
    assert p.style.leading == pytest.approx(s["body"].leading * 14 / 12)
    assert para("居中", "body", align="center").style is p.style or True
    assert checkbox("同意", True).startswith("☑") and checkbox("不同意").startswith("☐")
    assert not fonts.missing_glyphs(checkbox("x", True) + checkbox("y"))
    sig = signature_block("申请人", "被申请人", columns=2)
    sig.wrap(160 * mm, 1000)
    one = signature_block()
    assert "签名（盖章）：" in _plain(one._cellvalues[0][0])
    t = table([["甲", "乙", "丙"], ["1", None]], ["20%", "*", 80])
    t.wrap(160 * mm, 1000)
    assert len(t._cellvalues[1]) == 3
    render([para("x"), spacer(10), sig, one, t])
    with pytest.raises(KeyError):
        para("x", "no-such-style")


# ------------------------------------------------------------------------------ sections


def test_sections_number_their_own_pages_once_all_are_laid_out():
    """Three copies in one pass (an agreement's parties + 1, 人民调解法第二十九条): each page learns
    its place in its copy, including how many pages the copy has, only known at the end."""
    from core.documents.engine import PageInfo, SectionStart

    seen: list[PageInfo] = []
    long_text = "调解协议的条款。" * 400  # about two pages
    story = [SectionStart("第一份"), para("甲")]
    story += [page_break(), SectionStart("第二份"), para(long_text)]
    story += [page_break(), SectionStart("第三份"), para("丙")]
    pdf = render(story, page_numbers=False, decorate=lambda canv, page: seen.append(page))
    total = pdf.count(b"/Type /Page\n")
    assert [p.number for p in seen] == list(range(1, total + 1)) and total >= 4
    labels = [p.section_label for p in seen]
    assert labels[0] == "第一份" and labels[-1] == "第三份" and labels.count("第二份") == total - 2
    for p in seen:
        assert p.total == total
        assert p.section_pages == labels.count(p.section_label)
        assert p.section_page == labels[:p.number].count(p.section_label)


@given(st.lists(st.integers(1, 30), max_size=6), st.integers(1, 30))
def test_page_info_without_gaps(starts, total):
    from core.documents.engine import _page_info

    starts = sorted({(min(s, total), "") for s in starts})
    infos = [_page_info(n, total, starts) for n in range(1, total + 1)]
    # every section runs 1, 2, … section_pages, and the sections together cover every page once
    run = 0
    for info in infos:
        run = run + 1 if info.section_page != 1 else 1
        assert info.section_page == run and 1 <= info.section_page <= info.section_pages
    assert sum(1 for i in infos if i.section_page == i.section_pages) == sum(1 for i in infos if i.section_page == 1)
