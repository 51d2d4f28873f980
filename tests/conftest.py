"""Shared fixtures: the pipeline is loaded once per test session, as in a real process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import dateline
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


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def analyse_file(settings: Settings):  # type: ignore[no-untyped-def]
    """Analyse a file through the same path as the CLI; results cached per path."""
    cache: dict[str, Analysis] = {}

    def run(path: Path) -> Analysis:
        key = str(path)
        if key not in cache:
            items = list(read_source(key, settings))
            assert len(items) == 1, items
            cache[key] = next(analyze_articles(items, settings))  # type: ignore[arg-type]
        return cache[key]

    return run


@pytest.fixture(scope="session")
def analyse_text(settings: Settings):  # type: ignore[no-untyped-def]
    def run(text: str, **kwargs: Any) -> Analysis:
        return dateline.analyze(text, settings=settings, **kwargs)

    return run


@pytest.fixture(scope="session")
def schema() -> dict[str, Any] | None:
    if not SCHEMA_PATH.is_file():
        return None
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
    return loaded
