"""The application version, from the installed metadata or, in a source tree or a
bundle without metadata, from pyproject.toml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as dist_version

        return dist_version("tiaojie")
    except PackageNotFoundError:
        pass
    import tomllib

    for base in (Path(__file__).resolve().parents[1],):
        pyproject = base / "pyproject.toml"
        if pyproject.exists():
            return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
    return "0+unknown"
