"""Shared fixtures: the pipeline is loaded once per test session, as in a real process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import dateline
from dateline import AnalysisError
from dateline.ingest import read_source
from dateline.model import Analysis
from dateline.nlp.pipeline import analyze_articles
from dateline.settings import Settings

from .store_fixtures import db_url, store  # noqa: F401  (the store fixtures, on each backend)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXPECTED = ROOT / "tests" / "fixtures" / "expected"
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = SHARED / "analysis.schema.json"
# The project's keys beyond the shared schema (README: "The record beyond the contract").
EXTENSION_SCHEMA_PATH = ROOT / "schema" / "record-extensions.schema.json"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


def succeeded(analysis: Analysis) -> Analysis:
    """The analysis, or the test fails here. A stage that raises is only logged and noted on
    the article (`analysis.failure`) so that a batch goes on; its facts are then missing, and
    a test asserting that something is *not* found would pass because the stage died."""
    if analysis.failure is not None:
        pytest.fail(f"a pipeline stage failed: {analysis.failure}", pytrace=False)
    return analysis


@pytest.fixture(scope="session")
def analyse_file(settings: Settings):  # type: ignore[no-untyped-def]
    """Analyse a file through the same path as the CLI; results cached per path. The test
    fails if a stage failed on it."""
    cache: dict[str, Analysis] = {}

    def run(path: Path) -> Analysis:
        key = str(path)
        if key not in cache:
            items = list(read_source(key, settings))
            assert len(items) == 1, items
            analysis = next(analyze_articles(items, settings))  # type: ignore[arg-type]
            cache[key] = succeeded(analysis)
        return cache[key]

    return run


@pytest.fixture(scope="session")
def analyse_text(settings: Settings):  # type: ignore[no-untyped-def]
    """Analyse a text as `dateline.analyze` does; the test fails if a stage failed on it."""

    def run(text: str, **kwargs: Any) -> Analysis:
        try:
            return dateline.analyze(text, settings=settings, **kwargs)
        except AnalysisError as error:
            pytest.fail(f"a pipeline stage failed: {error}", pytrace=False)

    return run


def extend_schema(base: dict[str, Any], extension: dict[str, Any]) -> dict[str, Any]:
    """The shared schema with the project's extension added: its properties join the
    properties of the object at the same place (through list `items`), and its `$defs`
    join the shared ones. A property both name is an error: the extension only adds."""
    merged = json.loads(json.dumps(base))
    _add_properties(merged, extension, "")
    for name, definition in extension.get("$defs", {}).items():
        if name in merged.setdefault("$defs", {}):
            raise ValueError(f"the extension redefines $defs/{name}")
        merged["$defs"][name] = definition
    return merged


def _add_properties(node: dict[str, Any], extension: dict[str, Any], where: str) -> None:
    if "items" in extension:
        _add_properties(node["items"], extension["items"], where + "[]")
    properties = node.setdefault("properties", {})
    for key, value in extension.get("properties", {}).items():
        if key not in properties:
            properties[key] = value
        elif "properties" in value or "items" in value:
            _add_properties(properties[key], value, f"{where}.{key}")
        else:
            raise ValueError(f"the extension redefines {where}.{key}")


@pytest.fixture(scope="session")
def schema() -> dict[str, Any] | None:
    """The record's whole schema: the shared one with the project's extension added."""
    if not SCHEMA_PATH.is_file():
        return None
    shared: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
    extension: dict[str, Any] = json.loads(EXTENSION_SCHEMA_PATH.read_text("utf-8"))
    return extend_schema(shared, extension)
