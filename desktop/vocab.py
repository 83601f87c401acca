"""The coded vocabularies of :mod:`db.codes` as the user reads them.

The database, the core and the CLI keep the Chinese labels (they print on documents and in
reports, which stay Chinese). On screen they go through Qt Linguist like every other string,
in the context ``Codes``: in the Chinese UI ``tr_code`` returns its argument, in the English UI
the translation from ``tiaojie_en.ts``. The statistics' figure names (core.stats) are
treated the same way. ``python -m desktop.i18n update`` collects every label
of :func:`catalogue` into the .ts files, so a vocabulary added to db.codes is offered for
translation without a hand-kept list.

A label that is not in the catalogue (a committee renamed by the admin) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from db import codes

CONTEXT = "Codes"
#: The case operations' button texts (core.lifecycle.OPERATIONS) — a context of their own: "受理"
#: is the act of accepting here, the figure "received" in the statistics.
OPERATIONS_CONTEXT = "Operations"
K = TypeVar("K")


def tr_code(text: str) -> str:
    """``text`` (a Chinese label of db.codes, or a committee name) in the UI's language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def deadline_words(count: int | None = None) -> dict[str, str]:
    """core.case_deadlines.DEADLINE_WORDS in the UI's language, for its text functions. Table
    cells ask for it on every paint: built once per language (one word tells which). With
    ``count`` (left_text's days left or overdue) the units agree with it: "1 working day left",
    "2 days overdue" (Qt's plural forms; the Chinese is the same either way)."""
    words = _deadline_words(tr_code("1个月"))
    if count is None:
        return words
    from desktop.texts import day_counts

    return {**words, **day_counts(abs(count))}


@lru_cache(maxsize=4)
def _deadline_words(_language: str) -> dict[str, str]:
    from core.case_deadlines import DEADLINE_WORDS

    return {key: tr_code(text) for key, text in DEADLINE_WORDS.items()}


def tr_operation(label: str) -> str:
    """A case operation's label (core.lifecycle) as its button says it in the UI's language."""
    return QCoreApplication.translate(OPERATIONS_CONTEXT, label)


def operation_labels() -> list[str]:
    from core.lifecycle import OPERATIONS

    return [op.label for op in OPERATIONS.values()]


class Vocabulary(Mapping[K, str]):
    """A read-only view of a code → label dict whose labels are translated when read (so a
    translator installed after import is still used)."""

    def __init__(self, source: Mapping[K, str]) -> None:
        self._source = source

    def __getitem__(self, code: K) -> str:
        return tr_code(self._source[code])

    def __iter__(self) -> Iterator[K]:
        return iter(self._source)

    def __len__(self) -> int:
        return len(self._source)


# The vocabularies the screens list or look up (catalogue() covers every one of db.codes).
COMMITTEE_SHORT: Vocabulary[str] = Vocabulary(codes.COMMITTEE_SHORT)
DISPUTE_TYPES: Vocabulary[str] = Vocabulary(codes.DISPUTE_TYPES)
CASE_SOURCES: Vocabulary[str] = Vocabulary(codes.CASE_SOURCES)
CASE_STATUSES: Vocabulary[str] = Vocabulary(codes.CASE_STATUSES)
ROLES: Vocabulary[str] = Vocabulary(codes.ROLES)
ORGANISATION_KINDS: Vocabulary[str] = Vocabulary(codes.ORGANISATION_KINDS)
SEXES: Vocabulary[str] = Vocabulary(codes.SEXES)
ROOM_KINDS: Vocabulary[str] = Vocabulary(codes.ROOM_KINDS)
EXPERT_KINDS: Vocabulary[str] = Vocabulary(codes.EXPERT_KINDS)
RATINGS: Vocabulary[int] = Vocabulary(codes.RATINGS)


def catalogue() -> list[str]:
    """Every label of every vocabulary in db.codes, then the statistics' figure names
    (core.stats.COLUMN_LABELS: table headers and cards), the kinds of identity document
    (core.identifiers.ID_TYPES), the deadline names and texts (core.deadlines.KIND_LABELS,
    core.case_deadlines.DEADLINE_WORDS: templates whose ``{n}``/``{amount}``/``{mark}`` the
    translation keeps), the kinds of conflict of interest and the forms of a party's answer
    (core.conflicts.CONFLICT_KINDS, FORMS), the audit log's areas and objects
    (core.audit_view.ACTION_GROUPS, ENTITY_NAMES), the settings form's groups, labels and
    help texts (core.settings_form.FIELDS) and the ethnic groups (core.intake.ETHNICITIES: the
    party editor shows them translated, the Chinese name is stored), in the order they are
    declared."""
    from core.audit_view import ACTION_GROUPS, ENTITY_NAMES
    from core.case_deadlines import DEADLINE_WORDS
    from core.conflicts import CONFLICT_KINDS, FORMS
    from core.deadlines import KIND_LABELS
    from core.identifiers import ID_TYPES
    from core.intake import ETHNICITIES
    from core.settings_form import FIELDS
    from core.stats import COLUMN_LABELS, POINTS

    seen: dict[str, None] = {}
    vocabularies = [value for name, value in vars(codes).items() if name.isupper() and isinstance(value, dict)]
    ethnicities = dict(zip(ETHNICITIES, ETHNICITIES, strict=True))
    for vocabulary in [*vocabularies, COLUMN_LABELS, {"points": POINTS}, ID_TYPES, KIND_LABELS, DEADLINE_WORDS,
                       CONFLICT_KINDS, FORMS, ACTION_GROUPS, ENTITY_NAMES,
                       dict(enumerate(text for f in FIELDS for text in (f.group, f.label, f.help))), ethnicities]:
        for item in vocabulary.values():
            text = item[0] if isinstance(item, tuple) else item
            if isinstance(text, str) and text:
                seen.setdefault(text, None)
    return list(seen)
