"""Concurrent writers (issue 13 row 6): two processes storing overlapping articles into one
store, new or not, both finish; an article the other stored first is "already stored".
On SQLite and, when DATELINE_TEST_POSTGRES_URL is set, PostgreSQL."""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from dateline.store import open_store

from .store_fixtures import make_record
from .web_fixtures import article_id

# Each writer stores its own articles and the shared ones, in an order of its own.
_SHARED = [f"The ferry to Skerry Island ran {n} times this week." for n in range(12)]
_OWN = {
    "a": [f"Lighthouse keeper Mara Voss logged storm {n}." for n in range(4)],
    "b": [f"The quarry on Fell Ridge closed gate {n}." for n in range(4)],
}


def _records(texts: list[str]) -> list[dict[str, object]]:
    return [make_record(article_id(text), text) for text in texts]


def _writer(db: str, name: str, barrier: Barrier, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        barrier.wait(timeout=60)  # open the (maybe new) store at the same moment
        texts = _SHARED if name == "a" else list(reversed(_SHARED))
        with open_store(db) as store:
            stored = skipped = 0
            for text in [*texts, *_OWN[name]]:
                summary = store.save_records(_records([text]))
                stored += summary.stored
                skipped += summary.skipped
        queue.put((name, stored, skipped, None))
    except Exception as error:  # the test reports it: a child's traceback is lost otherwise
        queue.put((name, 0, 0, f"{type(error).__name__}: {error}"))


def _race(db: str) -> dict[str, tuple[int, int, str | None]]:
    # fork: a spawned child would import spaCy again (seconds); the parent holds no open
    # connection here, since every store it opened was closed.
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    queue = context.Queue()
    workers = [context.Process(target=_writer, args=(db, n, barrier, queue)) for n in "ab"]
    for worker in workers:
        worker.start()
    results = {}
    for _ in workers:
        name, stored, skipped, error = queue.get(timeout=180)
        results[name] = (stored, skipped, error)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return results


def test_two_writers_into_a_new_store_both_finish(db_url: str) -> None:
    results = _race(db_url)
    assert [error for _, _, error in results.values()] == [None, None]
    stored = sum(s for s, _, _ in results.values())
    skipped = sum(k for _, k, _ in results.values())
    assert stored == len(_SHARED) + 8 and skipped == len(_SHARED)
    with open_store(db_url) as store:
        assert store.count("articles") == len(_SHARED) + 8


def test_two_writers_into_a_store_that_has_some_already(db_url: str, tmp_path: Path) -> None:
    with open_store(db_url) as store:
        store.save_records(_records(_SHARED[:5]))
    results = _race(db_url)
    assert [error for _, _, error in results.values()] == [None, None]
    with open_store(db_url) as store:
        assert store.count("articles") == len(_SHARED) + 8


def test_a_record_stored_twice_in_one_call_is_stored_once(db_url: str) -> None:
    with open_store(db_url) as store:
        summary = store.save_records(_records([_SHARED[0], _SHARED[0]]))
        assert (summary.stored, summary.skipped) == (1, 1)


@pytest.mark.parametrize("rounds", [2])
def test_new_stores_opened_at_once_get_one_schema(tmp_path: Path, rounds: int) -> None:
    # The SQLite race of `table articles already exists`, on fresh files each round.
    for number in range(rounds):
        results = _race(str(tmp_path / f"new{number}.db"))
        assert [error for _, _, error in results.values()] == [None, None]
