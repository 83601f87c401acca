"""Search-as-you-type over the expert pool, in memory.

The screen loads the pool once (a few hundred rows in a real centre; the bench uses 10,000)
and builds an :class:`ExpertIndex`; every keystroke is then answered without the database.

What a term matches, best first (``Tier``):

* the whole name (姜金水), then the start of the name (姜金);
* the start of the initials (jjs → 姜金水) and then of the full pinyin (jiangj …);
* a part of the name (金水);
* a part of the agency, former agency, title, a specialty or a committee (卫健, 医患, medical).

Several space-separated terms must all match (AND); a result's rank adds up the tiers of its
terms, then follows the pinyin order of the names. Surnames with several readings are indexed
under each of them (单 dan/shan, 曾 ceng/zeng, 解 jie/xie), for the first two characters.

Speed: prefixes are found by bisection in sorted key lists; substrings in the names by
``str.find`` over one joined string; substrings in agencies, specialties and committees by
scanning their distinct values (a few hundred at most). A keystroke on 10,000 experts takes
well under a millisecond to a few milliseconds (``bench/bench_expert_search.py``).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cache, lru_cache
from itertools import product

from db.codes import COMMITTEE_SHORT, COMMITTEES

# How many leading characters are indexed under every reading, and at most how many
# readings per character (pypinyin lists 单 as dan, chan, shan).
HETERONYM_CHARS = 2
MAX_READINGS = 3
MAX_VARIANTS = 6

# Surnames whose everyday reading as a surname is not pypinyin's first reading: it becomes
# the primary (stored) reading; the others stay searchable. Also characters pypinyin does
# not know (outside its tables).
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "覃": "qin", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
    "查": "zha", "盖": "ge", "乐": "yue", "缪": "miao", "翟": "zhai", "尉": "yu", "冼": "xian",
    "繁": "po", "员": "yun", "秘": "bi", "种": "chong", "那": "na", "燕": "yan",
}
UNKNOWN_READINGS: dict[str, str] = {"𠮷": "ji", "𪚥": "zhe", "𡒄": "tai"}


class Tier(IntEnum):
    EXACT_NAME = 0
    NAME_PREFIX = 1
    INITIALS_EXACT = 2
    INITIALS_PREFIX = 3
    PINYIN_EXACT = 4
    PINYIN_PREFIX = 5
    NAME_PART = 6
    OTHER_PART = 7


@dataclass(frozen=True)
class SearchRow:
    """What the index needs of one expert (plain data: from the database, a file or a bench)."""

    id: int
    name: str
    pinyin: tuple[str, ...] = ()  # full pinyin readings, primary first (computed when empty)
    initials: tuple[str, ...] = ()
    agency: str = ""
    former_agency: str = ""
    title: str = ""
    specialties: tuple[str, ...] = ()
    committees: tuple[str, ...] = ()  # committee codes
    kind: str = "expert"
    active: bool = True


@dataclass(frozen=True)
class Hit:
    id: int
    tier: int  # the sum of the terms' tiers (one term: a Tier)


# --- Pinyin ------------------------------------------------------------------------------


@cache
def char_readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one character, the usual surname reading first when it has one;
    ASCII letters and digits stand for themselves; () for anything unknown."""
    if ch.isascii():
        return (ch.lower(),) if ch.isalnum() else ()
    if ch in UNKNOWN_READINGS:
        return (UNKNOWN_READINGS[ch],)
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    readings = [r for r in (found[0] if found else []) if r.isascii() and r.isalpha()]
    readings = list(dict.fromkeys(readings))
    return tuple(readings)


def _first_reading(ch: str, position: int) -> list[str]:
    readings = list(char_readings(ch))
    if position == 0 and ch in SURNAME_READINGS:
        preferred = SURNAME_READINGS[ch]
        readings = [preferred] + [r for r in readings if r != preferred]
    return readings


@lru_cache(maxsize=65536)
def name_readings(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(full pinyin readings, initials) of a name, the primary reading first.

    The first ``HETERONYM_CHARS`` characters contribute every reading (at most
    ``MAX_READINGS`` each); the others only their first. Characters without a known reading
    are skipped. ``姜金水`` → (("jiangjinshui",), ("jjs",)); ``单丽`` → (("shanli", "danli",
    "chanli"), ("sl", "dl", "cl"))."""
    per_char: list[list[str]] = []
    for position, ch in enumerate(_clean(name)):
        readings = _first_reading(ch, position)
        if not readings:
            continue
        per_char.append(readings[:MAX_READINGS] if position < HETERONYM_CHARS else readings[:1])
    if not per_char:
        return (), ()
    full: list[str] = []
    initials: list[str] = []
    for combo in product(*per_char):
        full.append("".join(combo))
        initials.append("".join(p[0] for p in combo))
        if len(full) >= MAX_VARIANTS:
            break
    return tuple(dict.fromkeys(full)), tuple(dict.fromkeys(initials))


def pack_readings(readings: Sequence[str], width: int) -> str:
    """Space-separated readings that fit a column of ``width`` characters (whole readings,
    primary first), for ``experts.name_pinyin`` / ``name_initials``."""
    out = ""
    for r in readings:
        candidate = f"{out} {r}" if out else r
        if len(candidate) > width:
            break
        out = candidate
    return out or (readings[0][:width] if readings else "")


def unpack_readings(text: str | None) -> tuple[str, ...]:
    return tuple(t for t in (text or "").lower().split() if t)


# --- Normalising ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _clean(text: str) -> str:
    """NFKC (full-width → half-width), lower case, no spaces or invisible characters."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf").lower()


def query_terms(query: str) -> list[str]:
    """Split a query into terms: spaces (also the ideographic space and 、，,；;) separate them;
    each is normalised like the indexed text; ü may be typed as v or u."""
    text = unicodedata.normalize("NFKC", query or "")
    for sep in "、，,；;":
        text = text.replace(sep, " ")
    terms = []
    for raw in text.split():
        term = _clean(raw).replace("ü", "v")
        if term and term not in terms:
            terms.append(term)
    return terms


# --- The index -----------------------------------------------------------------------------


def _prefix_range(keys: list[str], prefix: str) -> tuple[int, int]:
    lo = bisect.bisect_left(keys, prefix)
    hi = bisect.bisect_left(keys, prefix + "\U0010ffff", lo)
    return lo, hi


@dataclass
class _PrefixTable:
    keys: list[str] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, int]]) -> _PrefixTable:
        ordered = sorted(set(pairs))
        return cls([k for k, _ in ordered], [s for _, s in ordered])


class ExpertIndex:
    """Built once from plain rows; ``search`` answers each keystroke without the database."""

    def __init__(self, rows: Iterable[SearchRow]) -> None:
        prepared: list[tuple[SearchRow, tuple[str, ...], tuple[str, ...]]] = []
        for row in rows:
            pinyin, initials = row.pinyin, row.initials
            computed_pinyin, computed_initials = name_readings(row.name)
            # Stored readings may be old or single; the computed ones are always added.
            pinyin = tuple(dict.fromkeys((*(p.lower() for p in pinyin), *computed_pinyin)))
            initials = tuple(dict.fromkeys((*(i.lower() for i in initials), *computed_initials)))
            prepared.append((row, pinyin, initials))
        # Slots follow the display order when nothing is typed: pinyin of the name, then id.
        prepared.sort(key=lambda p: (p[1][0] if p[1] else "~", p[0].name, p[0].id))
        self._rows: list[SearchRow] = [p[0] for p in prepared]
        self._ids: list[int] = [r.id for r in self._rows]
        self._slot_of: dict[int, int] = {r.id: i for i, r in enumerate(self._rows)}
        self._names: list[str] = [_clean(r.name) for r in self._rows]
        self._name_table = _PrefixTable.build((n, i) for i, n in enumerate(self._names))
        self._initials_table = _PrefixTable.build(
            (k, i) for i, p in enumerate(prepared) for k in p[2]
        )
        self._pinyin_table = _PrefixTable.build((k, i) for i, p in enumerate(prepared) for k in p[1])
        # Names joined by a separator no query contains, and each name's start offset.
        self._joined = "\n".join(self._names)
        self._offsets: list[int] = []
        offset = 0
        for n in self._names:
            self._offsets.append(offset)
            offset += len(n) + 1
        # Distinct texts of the other fields → the slots that have them.
        texts: dict[str, set[int]] = {}
        for i, r in enumerate(self._rows):
            values = [r.agency, r.former_agency, r.title, *r.specialties]
            for code in r.committees:
                values.append(code)
                values.append(COMMITTEE_SHORT.get(code, ""))
                values.append(COMMITTEES.get(code, ("",))[0])
            for value in values:
                key = _clean(value)
                if key:
                    texts.setdefault(key, set()).add(i)
        self._other_texts: list[tuple[str, tuple[int, ...]]] = sorted(
            (k, tuple(sorted(v))) for k, v in texts.items()
        )
        self._kinds: list[str] = [r.kind for r in self._rows]
        self._active: list[bool] = [r.active for r in self._rows]
        self._committee_sets: list[frozenset[str]] = [frozenset(r.committees) for r in self._rows]
        self._masks: dict[tuple, bytes] = {}

    # -- queries ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._rows)

    def row(self, expert_id: int) -> SearchRow:
        return self._rows[self._slot_of[expert_id]]

    def _term_groups(self, term: str) -> list[tuple[int, list[int] | tuple[int, ...]]]:
        """(tier, slots) groups for one term, in no particular order; a slot may be in several."""
        groups: list[tuple[int, list[int] | tuple[int, ...]]] = []
        tables = [(self._name_table, Tier.EXACT_NAME, Tier.NAME_PREFIX)]
        if term.isascii():
            tables.append((self._initials_table, Tier.INITIALS_EXACT, Tier.INITIALS_PREFIX))
            tables.append((self._pinyin_table, Tier.PINYIN_EXACT, Tier.PINYIN_PREFIX))
        for table, exact, prefix in tables:
            lo, hi = _prefix_range(table.keys, term)
            if lo == hi:
                continue
            # Keys equal to the term sort first in the range.
            ex = bisect.bisect_right(table.keys, term, lo, hi)
            if ex > lo:
                groups.append((int(exact), table.slots[lo:ex]))
            if hi > ex:
                groups.append((int(prefix), table.slots[ex:hi]))
        if not term.isascii():
            # Parts of names: only for Chinese (a letter inside a name is not a search).
            joined, offsets = self._joined, self._offsets
            end = len(joined)
            found: list[int] = []
            start = joined.find(term)
            while start != -1:
                slot = bisect.bisect_right(offsets, start) - 1
                found.append(slot)
                start = joined.find(term, offsets[slot + 1] if slot + 1 < len(offsets) else end)
            if found:
                groups.append((int(Tier.NAME_PART), found))
        for text, slots_with in self._other_texts:
            if term in text:
                groups.append((int(Tier.OTHER_PART), slots_with))
        return groups

    def _term_tiers(self, term: str) -> dict[int, int]:
        """slot → best tier for one term (worst groups first, better ones overwrite)."""
        best: dict[int, int] = {}
        for tier, slots in sorted(self._term_groups(term), key=lambda g: -g[0]):
            best.update(dict.fromkeys(slots, tier))
        return best

    def _ranked(self, terms: list[str]) -> tuple[list[int], list[int]]:
        """(slots, tiers) best first: tier, then display order."""
        n = len(self._rows)
        if not terms:
            return list(range(n)), [0] * n
        if len(terms) == 1:
            # One term (most keystrokes): whole groups at a time, with set operations.
            by_tier: dict[int, set[int]] = {}
            for tier, slots in self._term_groups(terms[0]):
                by_tier.setdefault(tier, set()).update(slots)
            ordered: list[int] = []
            tiers: list[int] = []
            seen: set[int] = set()
            for tier in sorted(by_tier):
                fresh = by_tier[tier] - seen
                if fresh:
                    ordered.extend(sorted(fresh))
                    tiers.extend([tier] * len(fresh))
                    seen |= fresh
            return ordered, tiers
        combined = self._term_tiers(terms[0])
        for term in terms[1:]:
            if not combined:
                break
            more = self._term_tiers(term)
            combined = {s: t + more[s] for s, t in combined.items() if s in more}
        if all(t.isascii() and t.isalpha() for t in terms):
            # "jiang jin shui" / "j j s": pinyin typed with spaces between syllables.
            for s, t in self._term_tiers("".join(terms)).items():
                if t < combined.get(s, 99):
                    combined[s] = t
        ranks = sorted([t * n + s for s, t in combined.items()])
        return [r % n for r in ranks], [r // n for r in ranks]

    def _mask(self, kind: str | None, committee: str | None, active: bool | None) -> bytes | None:
        """1 for the slots that pass the filters (cached per combination); None: no filter."""
        if kind is None and committee is None and active is None:
            return None
        key = (kind, committee, active)
        mask = self._masks.get(key)
        if mask is None:
            mask = bytes(
                (kind is None or k == kind) and (active is None or a == active)
                and (committee is None or committee in c)
                for k, a, c in zip(self._kinds, self._active, self._committee_sets, strict=True)
            )
            self._masks[key] = mask
        return mask

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        committee: str | None = None,
        active: bool | None = None,
        limit: int | None = None,
    ) -> list[Hit]:
        """Best first. An empty query lists everyone (in pinyin order) who passes the filters."""
        slots, tiers = self._ranked(query_terms(query))
        mask = self._mask(kind, committee, active)
        ids = self._ids
        hits = [Hit(ids[s], t) for s, t in zip(slots, tiers, strict=True) if mask is None or mask[s]]
        return hits[:limit] if limit is not None else hits

    def search_ids(
        self,
        query: str,
        *,
        kind: str | None = None,
        committee: str | None = None,
        active: bool | None = None,
        limit: int | None = None,
    ) -> list[int]:
        """Like :meth:`search`, ids only (what each keystroke needs; no objects are made)."""
        slots, _tiers = self._ranked(query_terms(query))
        mask = self._mask(kind, committee, active)
        ids = self._ids
        found = [ids[s] for s in slots] if mask is None else [ids[s] for s in slots if mask[s]]
        return found[:limit] if limit is not None else found

