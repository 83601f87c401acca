"""Locate bundled resources (fonts, icons, document templates …).

Works from a source checkout (``<repo>/resources``) and from a PyInstaller bundle
(``sys._MEIPASS/resources``; the spec file must add the ``resources`` tree under that
name). Qt-free: both the PDF engine and the Qt front end import this.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FontFiles", "font_files", "resource_path", "resources_dir"]


def resources_dir() -> Path:
    """The ``resources`` directory (source checkout or frozen bundle)."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("fonts", "x.ttf")``.

    The path is not checked for existence.
    """
    return resources_dir().joinpath(*parts)


@dataclass(frozen=True, slots=True)
class FontFiles:
    """The bundled font files, in fallback order.

    * ``main``  — Droid Sans Fallback Full: CJK ideographs (URO to U+9FA5, Ext-A),
      kana, hangul, full-width forms and CJK punctuation. It has **no** ASCII letters
      or digits.
    * ``latin`` — DejaVu Sans: Latin, digits, Greek, Cyrillic, general punctuation
      (“ ” — …), symbols (☐ ☑ □ …).
    * ``rare``  — Hanazono subsets for everything else: TJRareHanA (U+9FA6…, compatibility
      ideographs, radicals, Ext-B characters it carries …) and TJRareHanB (CJK Ext-B…F).
      Only the files present are listed (TJRareHanB may be left out of a bundle to save
      29 MB; characters only it has are then reported as missing).

    For Qt: load every file with ``QFontDatabase.addApplicationFont`` and use
    ``QFont.setFamilies([<latin family>, <main family>, *<rare families>])`` — Latin
    first so digits/letters come from DejaVu and CJK falls through to Droid.
    """

    main: Path
    latin: Path
    rare: tuple[Path, ...]

    def all(self) -> tuple[Path, ...]:
        """Every file, in fallback order (main, latin, rare…)."""
        return (self.main, self.latin, *self.rare)


MAIN_FONT_FILE = "DroidSansFallbackFull.ttf"
LATIN_FONT_FILE = "DejaVuSans.ttf"
RARE_FONT_FILES = ("TJRareHanA.ttf", "TJRareHanB.ttf")


def font_files() -> FontFiles:
    """Paths of the bundled fonts (see :class:`FontFiles`)."""
    fonts = resource_path("fonts")
    rare = tuple(p for p in (fonts / name for name in RARE_FONT_FILES) if p.is_file())
    return FontFiles(main=fonts / MAIN_FONT_FILE, latin=fonts / LATIN_FONT_FILE, rare=rare)
