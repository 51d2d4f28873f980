"""What every cross-validation benchmark shares: the fold of a dev document, and the
evaluation's scorer loaded as a module.

A document's fold is a hash of its id (`int(sha256(id), 16) % folds`), so the split never
depends on file order, code version or run; tune on four folds, report the fifth.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
FOLDS = 5


def fold_of(doc_id: str, folds: int = FOLDS) -> int:
    """The fold of a dev document: stable across runs, code versions and file order."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def load_scorer(path: Path = EVAL / "score.py") -> ModuleType:
    """The evaluation's score.py as a module (standard library only, so importing is safe)."""
    spec = importlib.util.spec_from_file_location("dateline_eval_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot be imported; check the shared folder")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
