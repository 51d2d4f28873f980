"""Error codes: every code the source writes ("[D102]", `code = "D401"`) is in the catalogue of
`dateline.errors` once, names one error (raised only by the modules the catalogue names), and
the README's "Error codes" table is that catalogue."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dateline.errors import CODES, DatelineError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "dateline"
_CODE = re.compile(r"\bD\d{3}\b")


def _module(path: Path) -> str:
    """ "src/dateline/ingest/jsonl.py" -> "dateline.ingest.jsonl"; other files by their path."""
    relative = path.relative_to(PACKAGE.parent)
    if path.suffix != ".py":
        return relative.as_posix()
    parts = relative.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _uses() -> dict[str, set[str]]:
    """Each code written anywhere in the package (but the catalogue), with its modules."""
    uses: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*")):
        skipped = path.suffix in {".pyc", ".sqlite", ".gz"}  # compiled, indexes, packed data
        if not path.is_file() or "vendor" in path.parts or skipped:
            continue
        if path == PACKAGE / "errors.py":
            continue
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # binary data (a trained model's weights) writes no code
        for code in _CODE.findall(text):
            uses.setdefault(code, set()).add(_module(path))
    return uses


def test_every_code_written_in_the_source_is_in_the_catalogue() -> None:
    missing = sorted(set(_uses()) - set(CODES))
    assert not missing, f"add these codes to dateline.errors.CODES: {missing}"


def test_each_code_is_used_only_by_the_modules_the_catalogue_names() -> None:
    """A code two unrelated modules raise names two errors: give one of them a new code."""
    uses = _uses()
    for code, entry in CODES.items():
        assert uses.get(code, set()) == set(entry.raised_by), code


def test_the_catalogue_defines_each_code_once() -> None:
    """A repeated key in the catalogue's dict literal would silently keep only the last."""
    tree = ast.parse((PACKAGE / "errors.py").read_text("utf-8"))
    keys = [
        key.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Dict)
        for key in node.keys
        if isinstance(key, ast.Constant) and isinstance(key.value, str)
    ]
    assert keys and len(keys) == len(set(keys))
    assert keys == sorted(keys)


def test_no_two_exception_classes_share_a_code() -> None:
    owners: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and [ast.unparse(t) for t in statement.targets] == ["code"]
                    and isinstance(statement.value, ast.Constant)
                ):
                    owners.setdefault(statement.value.value, []).append(node.name)
    shared = {code: names for code, names in owners.items() if len(names) > 1}
    assert not shared


def _readme_table() -> list[tuple[str, str]]:
    """(code, meaning) of each row of the README's "Error codes" table."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Error codes\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(D\d{3})` \| (.+?) \|", section, re.MULTILINE)
    return [(code, meaning.replace("\\|", "|")) for code, meaning in rows]


def test_the_readme_lists_every_code_with_its_meaning() -> None:
    expected = [(code, entry.meaning) for code, entry in CODES.items()]
    assert _readme_table() == expected


def test_a_code_outside_the_catalogue_fails_when_its_class_is_defined() -> None:
    with pytest.raises(TypeError, match="D999"):

        class _Unlisted(DatelineError):
            code = "D999"


def test_a_stage_failure_raised_from_analyze_carries_its_code_once() -> None:
    from dateline import AnalysisError

    error = AnalysisError("[D301] pasted: the dateline_quotes stage failed (ValueError: x)")
    assert str(error) == "[D301] pasted: the dateline_quotes stage failed (ValueError: x)"
