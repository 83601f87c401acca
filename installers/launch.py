"""Entry point of the PyInstaller bundle: the same ``tiaojie`` command (GUI without a
sub-command, the CLI with one)."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":
    # A frozen program started as a multiprocessing child must not run main() again.
    multiprocessing.freeze_support()
    sys.exit(main())
