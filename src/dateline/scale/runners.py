"""Where shards run: here, in local worker processes, or on a Dask cluster.

Each runner takes an iterator of shards and yields their results as they finish. Only a
bounded number of shards is in flight at once, so memory stays flat however large the input;
results come back to the caller, the one writer of the store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Protocol

from dateline.errors import DatelineError
from dateline.model import Article
from dateline.nlp.pipeline import load_pipeline
from dateline.scale.shard import ShardResult, analyse_shard
from dateline.settings import Settings

log = logging.getLogger(__name__)

Shard = list[Article]


class RunnerError(DatelineError):
    """A runner cannot start (no Dask installed, scheduler unreachable)."""

    code = "D701"


class Runner(Protocol):
    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]: ...

    def close(self) -> None: ...


class InProcessRunner:
    """Shards one after the other in this process: no start-up cost, one core."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        for shard in shards:
            yield analyse_shard(shard, self.settings)

    def close(self) -> None:
        pass


def _warm_up(settings: Settings) -> None:
    """Load the model when a worker process starts, not inside its first shard."""
    load_pipeline(settings.model, settings.verify_model)


class LocalRunner:
    """Shards in N local worker processes, each loading the model once."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self.pool = ProcessPoolExecutor(workers, initializer=_warm_up, initargs=(settings,))

    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        def submit(shard: Shard) -> Future[ShardResult]:
            return self.pool.submit(analyse_shard, shard, self.settings)

        yield from _bounded(shards, submit, 2 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskRunner:
    """Shards on a Dask cluster (`pip install 'dateline[dask]'`), by scheduler address or an
    existing `distributed.Client`."""

    def __init__(self, settings: Settings, scheduler: Any) -> None:
        try:
            from distributed import Client
        except ImportError as error:
            raise RunnerError(
                "--dask needs Dask's distributed scheduler: pip install 'dateline[dask]'"
            ) from error
        self.settings = settings
        self.own_client = not isinstance(scheduler, Client)
        try:
            self.client: Any = (
                Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
                if self.own_client
                else scheduler
            )
        except OSError as error:
            raise RunnerError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.in_flight = 2 * workers

    def run(self, shards: Iterator[Shard]) -> Iterator[ShardResult]:
        def submit(shard: Shard) -> Any:
            return self.client.submit(analyse_shard, shard, self.settings, pure=False)

        yield from _bounded(shards, submit, self.in_flight, dask=True)

    def close(self) -> None:
        if self.own_client:
            self.client.close()


def _bounded(
    shards: Iterator[Shard], submit: Any, limit: int, *, dask: bool = False
) -> Iterator[ShardResult]:
    """Keep at most `limit` shards submitted; yield each result as soon as it is done."""
    pending: deque[Any] = deque()
    for shard in shards:
        pending.append(submit(shard))
        while len(pending) >= limit:
            yield from _finished(pending, dask)
    while pending:
        yield from _finished(pending, dask)


def _finished(pending: deque[Any], dask: bool) -> Iterator[ShardResult]:
    if dask:
        from distributed import wait as dask_wait

        done = dask_wait(  # type: ignore[no-untyped-call]
            list(pending), return_when="FIRST_COMPLETED"
        ).done
    else:
        done = wait(list(pending), return_when=FIRST_COMPLETED).done
    for future in [f for f in pending if f in done]:
        pending.remove(future)
        yield future.result()


def make_runner(settings: Settings, workers: int = 1, dask: str | None = None) -> Runner:
    """The runner a command line asks for: Dask when given an address, else N processes."""
    if dask:
        return DaskRunner(settings, dask)
    if workers > 1:
        return LocalRunner(settings, workers)
    return InProcessRunner(settings)
