"""The installed version of Dateline, read from the package metadata that pyproject.toml
writes, so the version is written in one place."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("dateline")
except PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "0+unknown"
