"""The layers hold: import-linter's contracts in pyproject.toml (the core imports no adapter,
the store does not import corpus resolution, stages share only nlp.common, no import cycles)
are checked with every test run, so CI fails on an import that runs upward."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> str:
    found = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(found).exists():
        pytest.fail("lint-imports is missing: install the dev extras (make install)")
    return found


def test_every_import_linter_contract_is_kept() -> None:
    result = subprocess.run(
        [_lint_imports(), "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_the_contracts_catch_an_upward_import(tmp_path: Path) -> None:
    """A pipeline module that imports the store breaks the layers contract."""
    tree = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "dateline", tree / "dateline")
    offender = tree / "dateline" / "nlp" / "common" / "sentences.py"
    offender.write_text(offender.read_text() + "\nimport dateline.store  # noqa: E402, F401\n")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = subprocess.run(
        [_lint_imports(), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tree), "PATH": str(Path(sys.executable).parent)},
        check=False,
    )
    assert result.returncode != 0
    assert "dateline.nlp.common.sentences -> dateline.store" in result.stdout
