"""The user-facing message type (:class:`Message`, :func:`msg` …), as the core imports it.

It lives in :mod:`db.messages`, the lowest layer, so that the data layer's own messages (a
connection that does not work, a schema of a newer client) are translated on screen as the
core's are; the core's modules keep importing it from here.
"""

from __future__ import annotations

from db.messages import (
    SEPARATORS,
    CodeLabel,
    Message,
    Series,
    code_label,
    joined,
    message_of,
    msg,
    series,
)

__all__ = ["SEPARATORS", "CodeLabel", "Message", "Series", "code_label", "joined", "message_of", "msg", "series"]
