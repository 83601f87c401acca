"""Messages the core and the data layer show the user — refusals, validation errors, a
connection that does not work — translatable on screen. (Here, in the lowest layer, so that
db/ can use it too; the core imports it as :mod:`core.messages`.)

The core speaks Chinese: the CLI prints its messages, the tests compare them, and that stays so.
A :class:`Message` *is* that Chinese text (a ``str``, formatted), and also remembers how it was
made: the Chinese ``template`` with ``{name}`` placeholders and its ``params``. The desktop
(``desktop.messages.tr_message``) translates the template through Qt Linguist (context
``Messages``) and fills in the params, so the English UI shows English. ``python -m desktop.i18n
update`` finds every template by reading the literal first argument of each ``msg(…)`` call in
core/ and db/, which is why templates must be literals, never f-strings.

A param is shown as it is, except:

* a :class:`Message` (a nested message, e.g. a law citation) is translated too;
* a :class:`CodeLabel` (a label of db.codes: a status, a committee …) goes through the
  ``Codes`` context (``desktop.vocab.tr_code``), or another context it names;
* a list or tuple (a :class:`Series`) is joined by "、" — on screen by the separator's
  translation, each item translated as above.

Qt-free and free of SQLAlchemy: the CLI, the core and the data layer import this.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["SEPARATORS", "CodeLabel", "Message", "Series", "code_label", "joined", "message_of", "msg", "series"]

#: The separators a :class:`Series` may use (each translated on screen, context ``Messages``).
SEPARATORS = ("、", "；")


class CodeLabel(str):
    """A label from a coded vocabulary, as a message's param: translated on screen in the Qt
    context ``context`` ("Codes": db.codes; "Operations": the case operations' buttons)."""

    context: str

    def __new__(cls, text: str, context: str = "Codes") -> CodeLabel:
        self = super().__new__(cls, text)
        self.context = context
        return self

    def __reduce__(self) -> tuple:
        return (CodeLabel, (str(self), self.context))


class Series(tuple):
    """Items shown as one param, joined by ``separator`` (translated on screen when it is one of
    :data:`SEPARATORS`)."""

    separator: str

    def __new__(cls, items: Iterable[Any] = (), separator: str = "、") -> Series:
        self = super().__new__(cls, items)
        self.separator = separator
        return self

    def __reduce__(self) -> tuple:
        return (Series, (tuple(self), self.separator))

    def __str__(self) -> str:
        return self.separator.join(str(item) for item in self)


class Message(str):
    """The Chinese text of a message, remembering its ``template`` and ``params``."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any] | None = None) -> Message:
        params = {key: _param(value) for key, value in (params or {}).items()}
        self = super().__new__(cls, template.format(**{key: _plain(value) for key, value in params.items()}))
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple:  # pickle/copy rebuild it from the parts, not from the text
        return (Message, (self.template, self.params))


def msg(template: str, /, **params: Any) -> Message:
    """The message ``template`` (a literal Chinese template) filled in with ``params``."""
    return Message(template, params)


def code_label(text: str, context: str = "Codes") -> CodeLabel:
    """Mark a vocabulary label passed as a param, so the screen shows it translated."""
    return CodeLabel(text, context)


def series(items: Iterable[Any], separator: str = "、") -> Series:
    """Items for one param, joined by ``separator`` ("、" or "；")."""
    return Series(items, separator)


def joined(parts: Iterable[str], separator: str = "；") -> Message:
    """Several messages as one (an exception's text made of its per-field messages): their
    texts joined by ``separator``, each translated on screen."""
    return msg("{parts}", parts=Series(parts, separator))


def message_of(exc: BaseException) -> str:
    """The message an exception was raised with — the :class:`Message` itself (``str(exc)``
    would copy it to a plain str), else ``str(exc)``."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


def _param(value: Any) -> Any:
    if isinstance(value, list | tuple) and not isinstance(value, Series):
        return Series(value)
    return value


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Series) else value
