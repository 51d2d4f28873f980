"""Names a package offers but imports only when first asked for (PEP 562).

`dateline` and `dateline.ingest` name their public functions this way: the pipeline loads
spaCy and the readers trafilatura, seconds that a corpus query, the server or `--help`
should not wait for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name in `homes` is imported from the module
    it maps to on first use, then kept on the package, so it is asked for once."""

    def __getattr__(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(homes[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
