"""The core's messages (:mod:`core.messages`) in the UI's language.

The core raises and returns Chinese text; a :class:`~core.messages.Message` also carries its
template and params. Here the template goes through Qt Linguist (context ``Messages``, collected
from core/ by ``python -m desktop.i18n update``) and is filled in with the params, themselves
translated: nested messages the same way, vocabulary labels (:class:`~core.messages.CodeLabel`)
through their own context (``Codes`` — :func:`desktop.vocab.tr_code` — or ``Operations``),
lists joined by the translated separator. Any other param (a name, a case number, a date) is
shown as it is. Plain strings pass through unchanged, so a display site can route everything
through :func:`tr_message` / :func:`error_text`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from core.messages import CodeLabel, Message, Series, message_of

CONTEXT = "Messages"

log = logging.getLogger(__name__)


def tr_message(text: str | None) -> str:
    """``text`` in the UI's language when it is a core message; otherwise ``text`` itself."""
    if not isinstance(text, Message):
        return text or ""
    template = QCoreApplication.translate(CONTEXT, text.template)
    if template == text.template and not text.params:
        return str(text)
    try:
        return template.format(**{key: _param(value) for key, value in text.params.items()})
    except (KeyError, IndexError, ValueError):  # a translation that broke its placeholders
        log.warning("translation of %r does not fit its params", text.template)
        return str(text)


def error_text(exc: BaseException) -> str:
    """The message of ``exc`` in the UI's language. ``str(exc)`` would hand over the plain text
    (and an exception with several args their tuple): the message is its first argument."""
    return tr_message(message_of(exc))


def _param(value: Any) -> Any:
    if isinstance(value, Message):
        return tr_message(value)
    if isinstance(value, CodeLabel):
        return QCoreApplication.translate(value.context, value) if value else ""
    if isinstance(value, Series):
        return QCoreApplication.translate(CONTEXT, value.separator).join(str(_param(item)) for item in value)
    return value
