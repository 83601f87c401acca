"""Work around a PySide6 6.12 / Python 3.11 reference-count leak: void Qt calls drop a
reference to ``None`` and ``Signal.emit()`` one to ``True``, so a long session (or test
run) eventually deallocates them and aborts. Holding extra references keeps the counts
far from zero; Python 3.12+ makes these objects immortal, so nothing is done there."""

from __future__ import annotations

import sys

_HELD: list[list] = []
_FULL = 2_000_000
#: Held from the first import on: far more void calls than start-up makes before the top-up.
_AT_START = 100_000


def guard_singletons(count: int = _FULL) -> None:
    """Hold at least ``count`` extra references to None, True and False. The full amount is
    ≈ 48 MB of lists (≈ 25 ms to allocate), so the start holds a little and the rest is added
    off the critical path (desktop.app does it on the worker that opens the database)."""
    if sys.version_info >= (3, 12):
        return
    held = len(_HELD[0]) if _HELD else 0
    if held >= count:
        return
    more = count - held
    if not _HELD:
        _HELD.extend([[], [], []])
    for values, singleton in zip(_HELD, (None, True, False), strict=True):
        values.extend([singleton] * more)


def held() -> int:
    return len(_HELD[0]) if _HELD else 0


guard_singletons(_AT_START)
