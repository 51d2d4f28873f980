"""The gazetteer index is built once when several workers ask for it at the same moment."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dateline.nlp.common import gazetteer


def test_workers_starting_together_build_the_index_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[Path] = []

    def slow_build(path: Path) -> None:
        builds.append(path)
        time.sleep(0.2)  # long enough for every other worker to reach the lock
        path.write_bytes(b"index")

    monkeypatch.setattr(gazetteer, "_build_index", slow_build)
    target = tmp_path / "cache" / "index.sqlite"
    workers = [threading.Thread(target=gazetteer._build_once, args=(target,)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert builds == [target]
    assert target.read_bytes() == b"index"
