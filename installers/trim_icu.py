"""A smaller ICU data library for the Linux bundle (32 MB → 6 MB).

PySide6's Linux wheels link Qt against their own ICU 73, whose data library
``libicudata.so.73`` is 31 MB: collation, break-iterator dictionaries, converters, time-zone
and display names for every CLDR locale. Qt uses ICU only for QCollator, QStringConverter's
legacy codecs, IDNA and locale-specific case mapping; this app uses none of them with any
locale but Chinese (GBK for ticket printers is encoded in Python). So the bundle gets a
``libicudata.so.73`` holding the same ICU data package *filtered* to

* the root, Chinese (``zh*``) and English (``en*``) locales of every tree (main, coll, brkitr,
  curr, lang, region, unit, zone, rbnf),
* every non-locale item (normalisation, character properties and names, supplemental
  data, time zones, break rules, collation base data),

and without the legacy-codepage converters (``*.cnv``) other than GB18030, GB2312 and GBK,
the transliterators and the break-iterator dictionaries (Thai, Khmer, Burmese, Lao, CJK word
segmentation — Qt does its own line breaking). A locale that is not kept falls back to root, as ICU always does.

Used by ``installers/tiaojie.spec`` on Linux; needs binutils (``as``, ``ld``). Check a library::

    python installers/trim_icu.py PATH/libicudata.so.73 OUT.so   # write a trimmed copy, print sizes
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "zh", "en", "yue")  # yue: parent of zh_Hant_HK in some trees
# Language code, optional script/region/variant: "zh", "zh_Hant_HK", "en_001", "sr_Latn".
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(?:_[A-Za-z0-9]*)*$")
_DROP_TREES = ("translit",)
_DROP_SUFFIXES = (".cnv", ".dict")
# Mainland Chinese legacy encodings stay: GB18030, GB2312, GBK (windows-936 extends ibm-1386).
_KEEP_CONVERTERS = ("gb18030", "ibm-1383_", "ibm-1386_", "windows-936-")


def keep_item(name: str) -> bool:
    """Whether the data item ``name`` (e.g. ``icudt73l/coll/zh.res``) stays in the package."""
    parts = name.split("/")[1:]  # drop the "icudt73l" package prefix
    if not parts:
        return False
    if name.endswith(".cnv") and parts[-1].startswith(_KEEP_CONVERTERS):
        return True
    if parts[0] in _DROP_TREES or name.endswith(_DROP_SUFFIXES):
        return False
    stem, _, ext = parts[-1].rpartition(".")
    if ext != "res" or stem in ("root", "pool", "res_index"):
        return True
    match = _LOCALE.match(stem)
    if match is None:  # supplementalData, zoneinfo64, metaZones, plurals …
        return True
    return match["lang"] in KEEP_LANGUAGES


def _items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common data package ("CmnD") into its header and (name, data) items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD" or package[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", package, toc)[0]
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end_name = package.index(b"\0", toc + name_off)
        name = package[toc + name_off:end_name].decode("ascii")
        data_end = entries[i + 1][1] if i + 1 < count else len(package) - toc
        items.append((name, package[toc + data_off:toc + data_end]))
    return package[:header_size], items


def _pack(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of :func:`_items` (items stay in their sorted order; data 16-byte aligned)."""
    count = len(items)
    names = b""
    name_offsets = []
    for name, _data in items:
        name_offsets.append(4 + 8 * count + len(names))
        names += name.encode("ascii") + b"\0"
    pos = 4 + 8 * count + len(names)
    pos += -pos % 16
    body = b""
    data_offsets = []
    for _name, data in items:
        data_offsets.append(pos + len(body))
        body += data + b"\0" * (-len(data) % 16)
    toc = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    toc += names
    toc += b"\0" * (-(len(header) + len(toc)) % 16)
    return header + toc + body


def _symbol_data(lib: Path) -> tuple[str, bytes]:
    """The exported ``icudtNN_dat`` symbol of ``lib`` and its bytes."""
    out = subprocess.run(["objdump", "-T", str(lib)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^([0-9a-f]+)\s.*\s([0-9a-f]+)\s+(icudt\d+_dat)\s*$", out, re.M)
    if match is None:
        raise ValueError(f"{lib}: no icudtNN_dat symbol")
    vaddr, size, symbol = int(match[1], 16), int(match[2], 16), match[3]
    sections = subprocess.run(["objdump", "-h", str(lib)], check=True, capture_output=True, text=True).stdout
    for line in sections.splitlines():
        cols = line.split()
        if len(cols) >= 6 and cols[1] == ".rodata":
            sec_size, sec_vma, sec_off = int(cols[2], 16), int(cols[3], 16), int(cols[5], 16)
            if sec_vma <= vaddr < sec_vma + sec_size:
                raw = lib.read_bytes()
                start = sec_off + vaddr - sec_vma
                return symbol, raw[start:start + size]
    raise ValueError(f"{lib}: {symbol} not in .rodata")


def trim(lib: Path, out: Path) -> tuple[int, int]:
    """Write a trimmed copy of the ICU data library ``lib`` to ``out``; returns (kept items, all)."""
    symbol, package = _symbol_data(lib)
    header, items = _items(package)
    kept = [(n, d) for n, d in items if keep_item(n)]
    soname = lib.name
    with tempfile.TemporaryDirectory() as tmp:
        dat, asm, obj = Path(tmp, "icu.dat"), Path(tmp, "icu.s"), Path(tmp, "icu.o")
        dat.write_bytes(_pack(header, kept))
        asm.write_text(
            "\t.section .rodata\n\t.balign 16\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n"
            f'\t.incbin "{dat}"\n\t.size {symbol}, .-{symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n',
            "ascii",
        )
        subprocess.run(["as", "-o", str(obj), str(asm)], check=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(out), str(obj)], check=True)
    return len(kept), len(items)


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    kept, total = trim(src, dst)
    print(f"{dst}: {kept} of {total} items, {src.stat().st_size / 1e6:.1f} MB → {dst.stat().st_size / 1e6:.1f} MB")
