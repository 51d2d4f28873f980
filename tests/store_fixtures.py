"""Stores for the tests: SQLite in a temporary folder, and PostgreSQL when
DATELINE_TEST_POSTGRES_URL names a server (CI starts one; elsewhere those tests skip)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from dateline.store import Store, open_store

POSTGRES_URL = os.environ.get("DATELINE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"]


def empty_postgres(url: str) -> None:
    """Drop everything a previous test left, so each test starts from an empty database."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def store_url(backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return str(folder / "corpus.db")
    if not POSTGRES_URL:
        pytest.skip("DATELINE_TEST_POSTGRES_URL is not set (CI sets it)")
    empty_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL or path of an empty store, on each backend."""
    return store_url(request.param, tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


def span(text: str, part: str, after: int = 0) -> dict[str, Any]:
    start = text.index(part, after)
    return {"start": start, "end": start + len(part), "text": part}


def make_record(
    article_id: str,
    text: str,
    *,
    published: str | None = None,
    source_id: str | None = None,
    quotes: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
    places: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A small analysis record in the shape of CONTRACT.md."""
    return {
        "dateline": "0.1.0",
        "article": {
            "id": article_id,
            "source_id": source_id or article_id,
            "title": text.split("\n", 1)[0],
            "byline": [],
            "published": published,
            "published_from": "given" if published else None,
            "url": None,
            "language": "en",
            "text": text,
            "headings": [],
            "captions": [],
        },
        "entities": entities or [],
        "quotes": quotes or [],
        "timexes": [],
        "places": places or [],
        "events": events or [],
    }
