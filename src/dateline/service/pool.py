"""The server's analysis workers: posted articles are analysed in a few worker processes, each
with its own copy of the pipeline, so that one slow article can neither hold the server's
threads nor its CPU for long.

A process, not a thread, because a running spaCy analysis cannot be interrupted: past its
time limit the worker is killed and a fresh one is started in its place. The pool is capped:
when every worker is busy a request is refused at once (503) instead of queueing without
end. One pool serves every app of a process, as one pipeline does (`shared_pool`).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import dateline
from dateline.errors import DatelineError
from dateline.nlp.pipeline import load_pipeline
from dateline.record_types import AnalysisRecord
from dateline.settings import Settings

log = logging.getLogger(__name__)

# A new worker loads the spaCy model before its first article; that time is not the article's.
_START_LIMIT_SECONDS = 300.0


class PoolFullError(Exception):
    """Every analysis worker is busy."""


class AnalysisTimeoutError(Exception):
    """An analysis ran past its time limit and its worker was stopped."""


class WorkerFailedError(Exception):
    """A worker died or could not start (a bug or a missing model: its log says which)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker answers: the record, or the reason a DatelineError gave."""

    record: AnalysisRecord | None
    reason: str | None = None


def _serve(connection: Connection, settings: Settings) -> None:
    """A worker's life: load the pipeline once, then analyse one article per message."""
    load_pipeline(settings.model, settings.verify_model)
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except EOFError:  # the server went away
            return
        try:
            analysis = dateline.analyze(settings=settings, **job)
            connection.send(Outcome(dateline.to_record(analysis)))
        except DatelineError as error:
            connection.send(Outcome(None, error.reason))


class _Worker:
    def __init__(self, settings: Settings) -> None:
        context = multiprocessing.get_context("spawn")  # no copy of the server's threads
        self.connection, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, settings), daemon=True, name="dateline-analysis"
        )
        self.process.start()
        child.close()
        self.ready = False

    def call(self, job: dict[str, Any], limit: float) -> Outcome:
        if not self.ready:
            self._wait_ready()
        self.connection.send(job)
        if not self.connection.poll(limit):
            raise AnalysisTimeoutError
        outcome: Outcome = self._receive()
        return outcome

    def _wait_ready(self) -> None:
        if not self.connection.poll(_START_LIMIT_SECONDS):
            raise WorkerFailedError("an analysis worker did not start in time")
        if self._receive() != "ready":
            raise WorkerFailedError("an analysis worker started wrongly")
        self.ready = True

    def _receive(self) -> Any:
        try:
            return self.connection.recv()
        except (EOFError, OSError) as error:
            raise WorkerFailedError("an analysis worker stopped (see the server's log)") from error

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=10)
        self.connection.close()


class AnalysisPool:
    """At most `workers` analyses at once, each stopped after `timeout` seconds."""

    def __init__(self, settings: Settings, workers: int, timeout: float) -> None:
        self.settings = settings
        self.workers = workers
        self.timeout = timeout
        self._idle: list[_Worker] = []
        self._busy = 0
        self._lock = threading.Lock()

    @contextmanager
    def slot(self) -> Iterator[_Worker]:
        """A worker to use alone, or PoolFullError at once; it goes back idle afterwards,
        unless it failed or ran late, when it is stopped (a fresh one starts on demand)."""
        worker = self._take()
        healthy = False
        try:
            yield worker
            healthy = True
        finally:
            with self._lock:
                self._busy -= 1
                if healthy:
                    self._idle.append(worker)
            if not healthy:
                worker.stop()

    def _take(self) -> _Worker:
        with self._lock:
            if self._busy >= self.workers:
                raise PoolFullError
            self._busy += 1
            if self._idle:
                return self._idle.pop()
        try:
            return _Worker(self.settings)
        except Exception:
            with self._lock:
                self._busy -= 1
            raise

    def analyse(self, job: dict[str, Any]) -> Outcome:
        """The outcome of `dateline.analyze(**job)` in a worker, within the time limit."""
        with self.slot() as worker:
            outcome: Outcome = worker.call(job, self.timeout)
            return outcome

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()


_pools: dict[tuple[Settings, int, float], AnalysisPool] = {}
_pools_lock = threading.Lock()


def shared_pool(settings: Settings, workers: int, timeout: float) -> AnalysisPool:
    """The process's pool for these settings: every app of a process (tests make many) shares
    its workers, as they would share one loaded pipeline."""
    key = (settings, workers, timeout)
    with _pools_lock:
        if key not in _pools:
            _pools[key] = AnalysisPool(settings, workers, timeout)
        return _pools[key]


@atexit.register
def _close_pools() -> None:
    for pool in list(_pools.values()):
        pool.close()
