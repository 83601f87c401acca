"""The error shown beside the field it concerns (styled by ``#fieldError`` in app.qss): one
helper for every form, so each shows its messages the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.messages import tr_message


def field_error() -> QLabel:
    """A hidden, wrapping error label to put under (or beside) a field."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def show_error(label: QLabel, message: str | None) -> None:
    """Show ``message`` in ``label`` (a core message in the UI's language), or hide it when
    there is none."""
    label.setText(tr_message(message))
    label.setVisible(bool(message))
