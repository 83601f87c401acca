#!/usr/bin/env python3
"""Regenerate the bundled fonts in this directory from Debian's font packages.

Run on Debian 12 with ``fonts-droid-fallback``, ``fonts-dejavu-core`` and
``fonts-hanazono`` installed, with fontTools importable (a build/test dependency, not
needed by the app at run time)::

    python resources/fonts/build_fonts.py          # rebuild, then print sizes + coverage
    python resources/fonts/build_fonts.py --check  # only verify the committed files

What it writes (see LICENSES.md):

* ``DroidSansFallbackFull.ttf`` — verbatim copy (main CJK face, no Latin letters/digits).
* ``DejaVuSans.ttf``            — verbatim copy (Latin, digits, general punctuation).
* ``TJRareHanA.ttf``            — subset of HanaMinA: every code point of HanaMinA that
  neither of the two fonts above has, private-use area excluded (U+9FA6.., Ext-A gaps,
  compatibility ideographs, radicals, strokes, enclosed CJK, the Ext-B.. characters
  HanaMinA carries …).
* ``TJRareHanB.ttf``            — subset of HanaMinB: its code points not already in the
  three files above (CJK Ext-B … Ext-F, compatibility supplement).

The subsets drop layout tables (GSUB/vert …), vertical metrics and FontForge private
tables, and are renamed ("TJ Rare Han A/B") so they never clash with an installed
HanaMin. Glyph outlines are untouched. Subsetting HanaMinB takes ~1.5 minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEBIAN = Path("/usr/share/fonts/truetype")
SRC_DROID = DEBIAN / "droid" / "DroidSansFallbackFull.ttf"
SRC_DEJAVU = DEBIAN / "dejavu" / "DejaVuSans.ttf"
SRC_HANA_A = DEBIAN / "hanazono" / "HanaMinA.ttf"
SRC_HANA_B = DEBIAN / "hanazono" / "HanaMinB.ttf"

OUT_MAIN = HERE / "DroidSansFallbackFull.ttf"
OUT_LATIN = HERE / "DejaVuSans.ttf"
OUT_RARE_A = HERE / "TJRareHanA.ttf"
OUT_RARE_B = HERE / "TJRareHanB.ttf"

NOTE = (
    "Subset of {src} (Hanazono font {version}, GlyphWiki Project), made by "
    "resources/fonts/build_fonts.py of the tiaojie front-office app: only code points "
    "missing from "
    "Droid Sans Fallback Full and DejaVu Sans are kept; layout and vertical-metrics "
    "tables removed; renamed. Outlines unchanged. Used under the Hanazono Font License."
)


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def _cmap(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(path, lazy=True).getBestCmap())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rename(font, family: str, ps_name: str, note: str) -> None:
    name = font["name"]
    version = name.getDebugName(5) or ""
    copyright_ = name.getDebugName(0) or ""
    # Keep only the records we set ourselves (plus copyright/version), in all platforms.
    name.names = []
    for name_id, value in (
        (0, copyright_),
        (1, family),
        (2, "Regular"),
        (3, f"{ps_name};{version}"),
        (4, family),
        (5, version),
        (6, ps_name),
        (10, note),
        (13, "Hanazono Font License (or, at your option, SIL Open Font License 1.1); "
             "see LICENSE-Hanazono.txt"),
    ):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)


def _subset(src: Path, out: Path, unicodes: list[int], family: str, ps_name: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["vhea", "vmtx", "BASE", "FFTM", "prop", "GSUB", "GPOS", "GDEF"]
    font = TTFont(src)
    version = font["name"].getDebugName(5) or "?"
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    _rename(font, family, ps_name, NOTE.format(src=src.name, version=version))
    font.save(out)


def build() -> None:
    for src in (SRC_DROID, SRC_DEJAVU, SRC_HANA_A, SRC_HANA_B):
        if not src.exists():
            sys.exit(f"missing {src}: apt-get install fonts-droid-fallback fonts-dejavu-core fonts-hanazono")
    shutil.copyfile(SRC_DROID, OUT_MAIN)
    shutil.copyfile(SRC_DEJAVU, OUT_LATIN)
    have = _cmap(SRC_DROID) | _cmap(SRC_DEJAVU)
    cmap_a = _cmap(SRC_HANA_A)
    uni_a = sorted(cp for cp in cmap_a - have if not _is_private_use(cp))
    print(f"TJRareHanA: {len(uni_a)} code points from HanaMinA …", flush=True)
    _subset(SRC_HANA_A, OUT_RARE_A, uni_a, "TJ Rare Han A", "TJRareHanA-Regular")
    have |= set(uni_a)
    uni_b = sorted(cp for cp in _cmap(SRC_HANA_B) - have if not _is_private_use(cp))
    print(f"TJRareHanB: {len(uni_b)} code points from HanaMinB (slow) …", flush=True)
    _subset(SRC_HANA_B, OUT_RARE_B, uni_b, "TJ Rare Han B", "TJRareHanB-Regular")


def report() -> int:
    total = 0
    ok = True
    for path in (OUT_MAIN, OUT_LATIN, OUT_RARE_A, OUT_RARE_B):
        if not path.exists():
            print(f"MISSING {path.name}")
            ok = False
            continue
        size = path.stat().st_size
        total += size
        print(f"{path.name:28s} {size / 1e6:7.2f} MB  {len(_cmap(path)):6d} code points  "
              f"sha256 {_sha256(path)[:16]}")
    for copy, src in ((OUT_MAIN, SRC_DROID), (OUT_LATIN, SRC_DEJAVU)):
        if copy.exists() and src.exists() and _sha256(copy) != _sha256(src):
            print(f"NOTE {copy.name} differs from {src}")
    print(f"{'total':28s} {total / 1e6:7.2f} MB")
    probe = "𠮷䶮鿏堃喆"
    covered = set()
    for path in (OUT_MAIN, OUT_LATIN, OUT_RARE_A, OUT_RARE_B):
        if path.exists():
            covered |= _cmap(path)
    lacking = [ch for ch in probe if ord(ch) not in covered]
    print("probe", probe, "all covered" if not lacking else f"LACKING {lacking}")
    return 0 if ok and not lacking else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report on the committed files")
    args = parser.parse_args(argv)
    if not args.check:
        build()
    return report()


if __name__ == "__main__":
    sys.exit(main())
