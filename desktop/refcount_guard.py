"""Work around a PySide6 6.12 / Python 3.11 reference-count leak: void Qt calls drop a
reference to ``None`` and ``Signal.emit()`` one to ``True``, so a long session (or test
run) eventually deallocates them and aborts. Holding extra references keeps the counts
far from zero; Python 3.12+ makes these objects immortal, so nothing is done there."""

from __future__ import annotations

import sys

_HELD: list[list] = []


def guard_singletons(count: int = 2_000_000) -> None:
    if sys.version_info >= (3, 12) or _HELD:
        return
    _HELD.extend([[None] * count, [True] * count, [False] * count])


guard_singletons()
