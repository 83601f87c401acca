"""Sub-commands of the ``tiaojie`` CLI.

Each module here defines ``NAME`` (the sub-command word), ``HELP`` (one Chinese line),
``configure(parser)`` and ``run(args) -> int``. Modules are imported only when their
command runs, and non-GUI commands never import PySide6, so they start fast.
"""
