"""Work around a PySide6 6.12 / Python 3.11 reference-count leak: void Qt calls drop a
reference to ``None`` and ``Signal.emit()`` one to ``True``, so a long session (or test
run) eventually deallocates them and aborts. Python 3.12+ makes these objects immortal
(PEP 683), so nothing is done there; on 3.11 their counts are raised far out of reach."""

from __future__ import annotations

import ctypes
import sys

#: Far more void calls than a process could make in years (2**40 ≈ 10**12), far below overflow.
_RESERVE = 1 << 40

_HELD: list[list] = []  # only where the counts cannot be raised in place (see below)
_raised = 0


def _raise_in_place(obj: object, amount: int) -> bool:
    """Add ``amount`` to ``obj``'s reference count, as 3.12's immortal objects have it. In a
    release build of CPython the count is the object's first field; the result is checked
    and undone if this interpreter is laid out otherwise."""
    before = sys.getrefcount(obj)
    count = ctypes.c_ssize_t.from_address(id(obj))
    count.value += amount
    if abs(sys.getrefcount(obj) - before - amount) < 1_000:  # a few temporaries come and go meanwhile
        return True
    count.value -= amount
    return False


def guard_singletons() -> None:
    """Keep None, True and False from ever reaching a zero count. Raising the counts in place
    costs nothing (the earlier way — holding two million references in lists — was ≈ 48 MB
    and 0.1–0.3 s of the start); holding references is the fallback."""
    global _raised
    if sys.version_info >= (3, 12) or _raised or _HELD:
        return
    singletons = (None, True, False)
    if all(_raise_in_place(obj, _RESERVE) for obj in singletons):
        _raised = _RESERVE
        return
    _HELD.extend([obj] * 2_000_000 for obj in singletons)


def held() -> int:
    """How many extra references each of None, True and False has (0 on Python 3.12+)."""
    return _raised or (len(_HELD[0]) if _HELD else 0)


guard_singletons()
